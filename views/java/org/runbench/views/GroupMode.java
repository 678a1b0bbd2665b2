package org.runbench.views;

/** Rule by which the comparison groups runs into one mean line with a band. */
public enum GroupMode {
    NONE("No groups"),
    /** Runs with the same value of a hyperparameter, given as {@code section/name} or just {@code name}. */
    HYPERPARAMETER("Hyperparameter"),
    /** Runs with the same first tag that matches a regular expression (any tag when it is empty). */
    TAG("Tag"),
    /** Runs whose names give the same text for a regular expression: its first group, or the whole match. */
    NAME_PATTERN("Name pattern");

    private final String label;

    GroupMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.runbench.model;

import java.util.Objects;

/**
 * One hyperparameter of a run, kept as the text the run reported.
 *
 * @param section section such as {@code Args} or {@code General}; nested keys use {@code /} inside the name
 * @param name    parameter name within the section
 * @param value   value as text, empty for an empty or null value
 * @param type    declared or inferred type such as {@code float}, {@code int}, {@code str}, or empty
 */
public record Hyperparameter(String section, String name, String value, String type) {
    public Hyperparameter {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(name, "name");
        value = value == null ? "" : value;
        type = type == null ? "" : type;
    }

    /** Returns {@code section/name}, the key the diff table and the command line use. */
    public String key() {
        return section + "/" + name;
    }
}

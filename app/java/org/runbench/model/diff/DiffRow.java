package org.runbench.model.diff;

import java.util.List;
import java.util.Objects;

/**
 * One key of the compared runs with one cell per run, in the order of {@link RunDiff#runLabels()}.
 *
 * @param kind         whether the key is a hyperparameter or a configuration item
 * @param section      hyperparameter section, or {@link RunDiff#CONFIGURATION_SECTION} for configuration items
 * @param name         name within the section
 * @param cells        one cell per run; {@link DiffCell#ABSENT} where the run does not have the key
 * @param differs      true when the values are not all present, not all equal as text, or of different
 *                     known types
 * @param typesDiffer  true when two present cells have different non-empty types
 * @param isLong       true when some value has a line break or is longer than {@link DiffCell#LONG_VALUE_LENGTH}
 */
public record DiffRow(Kind kind, String section, String name, List<DiffCell> cells, boolean differs,
                      boolean typesDiffer, boolean isLong) {

    /** Origin of a key: a hyperparameter or a configuration item. */
    public enum Kind {
        HYPERPARAMETER, CONFIGURATION
    }

    public DiffRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(name, "name");
        cells = List.copyOf(cells);
    }

    /** Returns {@code section/name}, such as {@code hyp/lrf} or {@code Configuration/opt.yaml}. */
    public String key() {
        return section + "/" + name;
    }

    /** Returns the cell of the run at {@code index} in {@link RunDiff#runLabels()}. */
    public DiffCell cell(int index) {
        return cells.get(index);
    }

    /** Returns whether some run does not have this key. */
    public boolean isMissingInSomeRun() {
        return cells.stream().anyMatch(cell -> !cell.isPresent());
    }
}

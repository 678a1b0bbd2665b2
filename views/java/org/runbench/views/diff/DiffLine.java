package org.runbench.views.diff;

import org.runbench.model.diff.DiffRow;

/** A line of the diff table: the header of a section, or one key with its values. */
public sealed interface DiffLine permits DiffLine.Section, DiffLine.Key {

    /**
     * Header line of a section.
     *
     * @param name      section name, such as {@code Args} or {@code Configuration}
     * @param keyCount  number of keys of the section the table shows
     */
    record Section(String name, int keyCount) implements DiffLine {
    }

    /** Line of one key, with one value per run. */
    record Key(DiffRow row) implements DiffLine {
    }
}

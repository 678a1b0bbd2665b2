package org.runbench.model.diff;

/**
 * The value of one key in one run, or {@link #ABSENT} when the run does not have the key.
 *
 * @param value text of the value; null only for {@link #ABSENT}
 * @param type  declared type such as {@code float} or {@code str}, or empty when unknown; null only for
 *              {@link #ABSENT}
 */
public record DiffCell(String value, String type) {

    /** Values with more characters than this are long, so tables shorten them and offer a text diff. */
    public static final int LONG_VALUE_LENGTH = 80;

    /** The cell of a run that does not have the key. */
    public static final DiffCell ABSENT = new DiffCell(null, null);

    public DiffCell {
        if ((value == null) != (type == null)) {
            throw new IllegalArgumentException("A cell needs both a value and a type, or neither for an absent key");
        }
    }

    /** Returns a present cell; a null value or type becomes empty text. */
    public static DiffCell of(String value, String type) {
        return new DiffCell(value == null ? "" : value, type == null ? "" : type);
    }

    public boolean isPresent() {
        return value != null;
    }

    /** Returns whether the value has a line break or more than {@link #LONG_VALUE_LENGTH} characters. */
    public boolean isLong() {
        return value != null
                && (value.length() > LONG_VALUE_LENGTH || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0);
    }
}

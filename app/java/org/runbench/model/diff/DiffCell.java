package org.runbench.model.diff;

/**
 * The value of one key in one run, or {@link #ABSENT} when the run does not have the key.
 *
 * @param value text of the value; null only for {@link #ABSENT}
 * @param type  declared type such as {@code float} or {@code str}, or empty when unknown; null only for
 *              {@link #ABSENT}
 */
public record DiffCell(String value, String type) {

    /** Character that ends a value shortened by {@link #shortened(int)}. */
    public static final String ELLIPSIS = "\u2026";

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

    /**
     * Returns the value's first line, cut to {@code maxLength} characters, ending in {@link #ELLIPSIS} when
     * anything was left out; an absent cell gives null.
     */
    public String shortened(int maxLength) {
        if (value == null) {
            return null;
        }
        int lineBreak = firstLineBreak(value);
        String text = lineBreak >= 0 ? value.substring(0, lineBreak) : value;
        boolean cut = lineBreak >= 0;
        if (text.length() > maxLength) {
            text = text.substring(0, Math.max(0, maxLength - ELLIPSIS.length()));
            cut = true;
        }
        return cut ? text + ELLIPSIS : text;
    }

    private static int firstLineBreak(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }
}

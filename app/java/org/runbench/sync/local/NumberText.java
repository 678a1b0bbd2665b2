package org.runbench.sync.local;

/**
 * Parses the number text that training scripts write: decimal and exponent notation, and the
 * spellings of NaN and infinity used by Python, NumPy, pandas and Java.
 */
final class NumberText {

    private NumberText() {
    }

    /**
     * Parses trimmed {@code text} as a double with {@link Double#parseDouble}, so a decimal becomes the
     * nearest double. Accepts {@code nan}, {@code inf}, {@code infinity} in any case with an optional sign.
     *
     * @throws NumberFormatException when the text is not such a number, including hexadecimal
     *                               notation and Java's {@code d}/{@code f} suffixes
     */
    static double parseDouble(String text) {
        if (text.isEmpty()) {
            throw new NumberFormatException("empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean decimalChar = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
            if (!decimalChar) {
                return parseSpecial(text);
            }
        }
        return Double.parseDouble(text);
    }

    private static double parseSpecial(String text) {
        String unsigned = text;
        boolean negative = false;
        if (text.charAt(0) == '-' || text.charAt(0) == '+') {
            negative = text.charAt(0) == '-';
            unsigned = text.substring(1);
        }
        if (unsigned.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (unsigned.equalsIgnoreCase("inf") || unsigned.equalsIgnoreCase("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        throw new NumberFormatException(text);
    }

    /**
     * Parses trimmed {@code text} as a step: an integer, or a number without fraction such as {@code 3.0}.
     *
     * @throws NumberFormatException when the text is not a whole number within the range of a long
     */
    static long parseStep(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notAnInteger) {
            double value = parseDouble(text);
            if (value != Math.rint(value) || Double.isInfinite(value) || Math.abs(value) >= 0x1p63) {
                throw new NumberFormatException(text);
            }
            return (long) value;
        }
    }
}

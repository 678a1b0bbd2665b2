package org.runbench.views;

import java.util.Locale;

/** Formats metric values and iterations for tables and read-outs. */
public final class ValueFormat {

    private ValueFormat() {
    }

    /**
     * Returns a short text for {@code value}: whole numbers as integers, very large or small magnitudes
     * with four significant digits, others with up to six, and NaN or infinities as Java prints them.
     */
    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        double magnitude = Math.abs(value);
        if (value == Math.rint(value) && magnitude < 1e15) {
            return Long.toString((long) value);
        }
        if (magnitude != 0 && (magnitude >= 1e6 || magnitude < 1e-3)) {
            return String.format(Locale.ROOT, "%.4g", value);
        }
        return String.format(Locale.ROOT, "%.6g", value).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}

package org.runbench.charts;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/** Formats axis tick values as short plain numbers (0.3, 25, 1.5e-05) rather than powers such as 10^1.2. */
final class CompactNumberFormat extends NumberFormat {

    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(double number, StringBuffer target, FieldPosition position) {
        double magnitude = Math.abs(number);
        String text;
        if (number == Math.rint(number) && magnitude < 1e6) {
            text = Long.toString((long) number);
        } else if (magnitude >= 1e-3 && magnitude < 1e6) {
            text = String.format(Locale.ROOT, "%.4g", number).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
        } else {
            text = String.format(Locale.ROOT, "%.3g", number);
        }
        return target.append(text);
    }

    @Override
    public StringBuffer format(long number, StringBuffer target, FieldPosition position) {
        return target.append(number);
    }

    @Override
    public Number parse(String source, ParsePosition position) {
        throw new UnsupportedOperationException("tick labels are only formatted");
    }
}

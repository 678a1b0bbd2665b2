package org.runbench.charts;

import java.awt.Color;
import java.util.List;

/**
 * Line colours that colour-blind readers can tell apart: the eight Okabe-Ito colours, then Paul Tol's
 * seven "bright" colours, after which the list repeats.
 *
 * <p>Okabe-Ito black comes last among its colours so the first lines do not look like axes. Values are
 * from Okabe and Ito, "Color Universal Design" (2008), and Paul Tol's colour scheme notes
 * (personal.sron.nl/~pault).
 */
public final class ColorPalette {

    private static final List<Color> COLORS = List.of(
            new Color(0x0072B2), // Okabe-Ito blue
            new Color(0xE69F00), // Okabe-Ito orange
            new Color(0x009E73), // Okabe-Ito bluish green
            new Color(0xD55E00), // Okabe-Ito vermillion
            new Color(0xCC79A7), // Okabe-Ito reddish purple
            new Color(0x56B4E9), // Okabe-Ito sky blue
            new Color(0x000000), // Okabe-Ito black
            // Yellow comes last among Okabe-Ito's because it is hard to see on the white plot background.
            new Color(0xF0E442), // Okabe-Ito yellow
            new Color(0x4477AA), // Tol bright blue
            new Color(0xEE6677), // Tol bright red
            new Color(0x228833), // Tol bright green
            new Color(0xCCBB44), // Tol bright yellow
            new Color(0x66CCEE), // Tol bright cyan
            new Color(0xAA3377), // Tol bright purple
            new Color(0xBBBBBB)); // Tol bright grey

    private ColorPalette() {
    }

    /** Returns the number of distinct colours before the palette repeats. */
    public static int size() {
        return COLORS.size();
    }

    /** Returns colour {@code index}, wrapping around after {@link #size()} colours. */
    public static Color color(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("colour index must not be negative, got " + index + ".");
        }
        return COLORS.get(index % COLORS.size());
    }
}

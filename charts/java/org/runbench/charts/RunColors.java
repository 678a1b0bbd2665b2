package org.runbench.charts;

import java.awt.Color;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.runbench.model.RunId;

/**
 * Assigns each run one palette colour that it keeps in every chart, in the order runs are first seen.
 *
 * <p>Share one instance between all charts of a comparison. Colours repeat after
 * {@link ColorPalette#size()} runs. Thread-safe.
 */
public final class RunColors {

    private final Map<RunId, Color> assigned = new HashMap<>();

    /** Returns the colour of {@code run}, assigning the next free palette colour the first time. */
    public synchronized Color colorOf(RunId run) {
        Objects.requireNonNull(run, "run");
        return assigned.computeIfAbsent(run, unused -> ColorPalette.color(assigned.size()));
    }

    /** Gives {@code run} the colour the user picked; it keeps it in every chart from now on. */
    public synchronized void setColor(RunId run, Color color) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(color, "color");
        if (!assigned.containsKey(run)) {
            colorOf(run);
        }
        assigned.put(run, color);
    }
}

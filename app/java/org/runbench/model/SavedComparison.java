package org.runbench.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A comparison saved by name: its runs with their colours and visibility, and the chart settings, so it
 * can be reopened offline.
 *
 * @param xAxis           x axis name, as {@code ITERATION}, {@code WALL_TIME} or {@code RELATIVE_TIME}
 * @param smoothingKind   {@code EMA} or {@code MOVING_AVERAGE}
 * @param smoothingWeight EMA weight, 0 to 0.999
 * @param smoothingWindow moving-average window in points
 * @param columns         charts per row, 1 to 4
 */
public record SavedComparison(String name, Instant savedAt, List<SavedRun> runs, String metricFilter, String xAxis,
                              boolean logY, String smoothingKind, double smoothingWeight, int smoothingWindow,
                              int columns) {

    public SavedComparison {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A saved comparison needs a name");
        }
        runs = List.copyOf(runs);
        metricFilter = metricFilter == null ? "" : metricFilter;
    }

    /**
     * One run of a saved comparison.
     *
     * @param colorRgb the colour the user picked as 0xRRGGBB, or null for the palette's
     */
    public record SavedRun(RunId id, Integer colorRgb, boolean hidden) {
        public SavedRun {
            Objects.requireNonNull(id, "id");
        }
    }
}

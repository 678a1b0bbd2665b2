package org.runbench.charts;

import java.awt.Color;
import java.util.Objects;
import java.util.function.Supplier;
import org.runbench.model.PointSeries;

/**
 * One run's line in a metric chart whose points are read only while the chart is built, so a comparison of
 * many long runs never keeps all their raw points in memory at once.
 *
 * @param label  legend label, usually the run name
 * @param color  line colour
 * @param points reads the run's points for the chart's series; called once, on the building thread
 */
public record SeriesSource(String label, Color color, Supplier<PointSeries> points) {
    public SeriesSource {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(points, "points");
    }

    static SeriesSource of(RunSeries run) {
        return new SeriesSource(run.label(), run.color(), run::points);
    }
}

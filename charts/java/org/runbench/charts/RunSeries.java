package org.runbench.charts;

import java.awt.Color;
import java.util.Objects;
import org.runbench.model.PointSeries;

/**
 * One run's line in a metric chart: its legend label, its colour and its full-resolution points.
 *
 * @param label  legend label, usually the run name
 * @param color  line colour, usually from {@link RunColors} so the run looks the same in every chart
 * @param points the run's points for the chart's metric and variant
 */
public record RunSeries(String label, Color color, PointSeries points) {
    public RunSeries {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(points, "points");
    }
}

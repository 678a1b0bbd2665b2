package org.runbench.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.util.ShapeUtils;
import org.runbench.model.SeriesKey;

/**
 * Builds one {@link MetricChart} per metric/variant: one line per run in the run's colour, a legend, the
 * chosen x axis and y scale, gap markers, and an optional smoothed line over a faded raw line.
 *
 * <p>Needs no JavaFX, so it also works with {@code -Djava.awt.headless=true}. Thread-safe: it keeps no
 * state between calls.
 */
public final class MetricChartFactory {

    private static final BasicStroke LINE_STROKE = new BasicStroke(1.5f);
    private static final BasicStroke FADED_STROKE = new BasicStroke(1.0f);
    /** Alpha of the raw line under a smoothed line, out of 255. */
    private static final int FADED_ALPHA = 64;
    private static final Shape GAP_MARKER = ShapeUtils.createDiagonalCross(3.0f, 0.6f);
    private static final Font NOTE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private MetricChartFactory() {
    }

    /**
     * Creates the chart for {@code key} with a line for each run, decimated over the full data range to
     * {@code options.pixelWidth()} columns.
     *
     * @param runs runs in legend order, where runs with equal labels get a numeric suffix in the legend
     */
    public static MetricChart create(SeriesKey key, List<RunSeries> runs, ChartOptions options) {
        return create(key, runs, options, List.of(), GroupBand.MIN_MAX, true);
    }

    /**
     * Creates the chart for {@code key} as {@link #create(SeriesKey, List, ChartOptions)} does, and draws each
     * group as its members' mean line with a band, aligned on the x axis (see {@link GroupAggregator}).
     *
     * @param groups      groups of runs, by index into {@code runs}; runs in no group are drawn as usual
     * @param band        what the band around each mean shows
     * @param showMembers whether member runs are also drawn, faded, each with its own line
     */
    public static MetricChart create(SeriesKey key, List<RunSeries> runs, ChartOptions options, List<RunGroup> groups,
                                     GroupBand band, boolean showMembers) {
        Objects.requireNonNull(runs, "runs");
        return createFromSources(key, runs.stream().map(SeriesSource::of).toList(), options, groups, band, showMembers);
    }

    /**
     * Creates the chart as {@link #create(SeriesKey, List, ChartOptions, List, GroupBand, boolean)} does, reading
     * each run's points from its source one at a time and keeping only the chart's own copy of x and y.
     */
    public static MetricChart createFromSources(SeriesKey key, List<SeriesSource> runs, ChartOptions options,
                                                List<RunGroup> groups, GroupBand band, boolean showMembers) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(options, "options");

        List<String> keys = uniqueKeys(runs.stream().map(SeriesSource::label).toList());
        List<PlotLine> lines = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            SeriesSource source = runs.get(i);
            lines.add(PlotLine.prepare(keys.get(i), source.color(), source.points().get(), options));
        }

        boolean smoothing = options.smoothing().isEnabled();
        ArrayXYDataset raw = new ArrayXYDataset(keys);
        ArrayXYDataset smoothed = smoothing ? new ArrayXYDataset(keys) : null;
        List<String> gapKeys = keys.stream().map(label -> label + " (gaps)").toList();
        ArrayXYDataset gaps = new ArrayXYDataset(gapKeys);

        XYPlot plot = new XYPlot();
        plot.setDomainAxis(domainAxis(options.xAxis()));
        plot.setRangeAxis(rangeAxis(options.yScale()));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));

        plot.setDataset(0, raw);
        plot.setRenderer(0, lineRenderer(lines, smoothing ? FADED_ALPHA : 255, smoothing ? FADED_STROKE : LINE_STROKE,
                !smoothing));
        if (smoothing) {
            plot.setDataset(1, smoothed);
            plot.setRenderer(1, lineRenderer(lines, 255, LINE_STROKE, true));
        }
        plot.setDataset(2, gaps);
        plot.setRenderer(2, gapRenderer(lines));
        if (!groups.isEmpty()) {
            addGroups(plot, lines, groups, band, showMembers);
        }
        ArrayXYDataset isolated = new ArrayXYDataset(keys.stream().map(label -> label + " (single points)").toList());
        plot.setDataset(5, isolated);
        plot.setRenderer(5, isolatedRenderer(lines));
        ArrayXYDataset clipped = new ArrayXYDataset(keys.stream().map(label -> label + " (outside the fitted range)").toList());
        plot.setDataset(3, clipped);
        plot.setRenderer(3, clipRenderer(lines));

        JFreeChart chart = new JFreeChart(key.label(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        List<String> notes = notes(lines, options);
        for (String note : notes) {
            TextTitle subtitle = new TextTitle(note, NOTE_FONT);
            subtitle.setPosition(RectangleEdge.BOTTOM);
            chart.addSubtitle(subtitle);
        }

        if (options.clipOutliers()) {
            TextTitle subtitle = new TextTitle("Y axis fitted to the 1st to 99th percentile of the visible points;"
                    + " triangles at the edge mark points beyond it.", NOTE_FONT);
            subtitle.setPosition(RectangleEdge.BOTTOM);
            chart.addSubtitle(subtitle);
        }
        MetricChart metricChart = new MetricChart(key, chart, lines, raw, smoothed, gaps, clipped, isolated,
                options.clipOutliers(), notes);
        metricChart.show(metricChart.decimateAll(options.pixelWidth()));
        return metricChart;
    }

    private static List<String> uniqueKeys(List<String> labels) {
        Set<String> used = new HashSet<>();
        List<String> keys = new ArrayList<>(labels.size());
        for (String label : labels) {
            String candidate = label;
            int suffix = 2;
            while (!used.add(candidate)) {
                candidate = label + " (" + suffix++ + ")";
            }
            keys.add(candidate);
        }
        return keys;
    }

    private static ValueAxis domainAxis(XAxisMode mode) {
        if (mode == XAxisMode.WALL_TIME) {
            return new DateAxis(mode.axisLabel());
        }
        NumberAxis axis = new NumberAxis(mode.axisLabel());
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    private static ValueAxis rangeAxis(YAxisScale scale) {
        if (scale == YAxisScale.LOG) {
            LogAxis axis = new LogAxis("Value (log scale)");
            axis.setBase(10.0);
            axis.setNumberFormatOverride(new CompactNumberFormat());
            return axis;
        }
        NumberAxis axis = new NumberAxis("Value");
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    /** A renderer drawing each series as one path, so a NaN point breaks the line instead of joining over it. */
    private static XYLineAndShapeRenderer lineRenderer(List<PlotLine> lines, int alpha, BasicStroke stroke,
                                                       boolean inLegend) {
        XYLineAndShapeRenderer renderer = new ColumnSpanLineRenderer();
        for (int i = 0; i < lines.size(); i++) {
            Color color = lines.get(i).color;
            renderer.setSeriesPaint(i, alpha == 255 ? color
                    : new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha));
            renderer.setSeriesStroke(i, stroke);
            renderer.setSeriesVisibleInLegend(i, inLegend);
        }
        return renderer;
    }

    private static XYLineAndShapeRenderer gapRenderer(List<PlotLine> lines) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < lines.size(); i++) {
            renderer.setSeriesPaint(i, lines.get(i).color);
            renderer.setSeriesShape(i, GAP_MARKER);
            renderer.setSeriesVisibleInLegend(i, false);
        }
        return renderer;
    }

    /** Draws each group's mean and band as dataset 4, and fades or hides its members' own lines. */
    private static void addGroups(XYPlot plot, List<PlotLine> lines, List<RunGroup> groups, GroupBand band,
                                  boolean showMembers) {
        org.jfree.data.xy.YIntervalSeriesCollection collection = new org.jfree.data.xy.YIntervalSeriesCollection();
        org.jfree.chart.renderer.xy.DeviationRenderer renderer = new org.jfree.chart.renderer.xy.DeviationRenderer(true, false);
        renderer.setAlpha(0.25f);
        renderer.setDrawSeriesLineAsPath(true);
        int index = 0;
        for (RunGroup group : groups) {
            List<PlotLine> members = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int member : group.members()) {
                if (member >= 0 && member < lines.size()) {
                    members.add(lines.get(member));
                    names.add(lines.get(member).key);
                }
            }
            if (members.isEmpty()) {
                continue;
            }
            GroupAggregator.Aggregate aggregate = GroupAggregator.aggregate(members, band);
            String label = group.label() + " (mean of " + members.size() + ": " + String.join(", ", names) + ")";
            org.jfree.data.xy.YIntervalSeries series = new org.jfree.data.xy.YIntervalSeries(label, false, true);
            for (int i = 0; i < aggregate.size(); i++) {
                series.add(aggregate.x()[i], aggregate.mean()[i], aggregate.low()[i], aggregate.high()[i]);
            }
            collection.addSeries(series);
            renderer.setSeriesPaint(index, group.color());
            renderer.setSeriesFillPaint(index, group.color());
            renderer.setSeriesStroke(index, LINE_STROKE);
            index++;
            hideOrFadeMembers(plot, lines, group.members(), showMembers);
        }
        plot.setDataset(4, collection);
        plot.setRenderer(4, renderer);
    }

    private static void hideOrFadeMembers(XYPlot plot, List<PlotLine> lines, List<Integer> members, boolean showMembers) {
        for (int datasetIndex : new int[] {0, 1}) {
            var renderer = plot.getRenderer(datasetIndex);
            if (renderer == null) {
                continue;
            }
            for (int member : members) {
                if (member < 0 || member >= lines.size()) {
                    continue;
                }
                Color color = lines.get(member).color;
                renderer.setSeriesVisibleInLegend(member, false);
                if (showMembers) {
                    renderer.setSeriesPaint(member, new Color(color.getRed(), color.getGreen(), color.getBlue(), FADED_ALPHA));
                    renderer.setSeriesStroke(member, FADED_STROKE);
                } else {
                    renderer.setSeriesVisible(member, false);
                }
            }
        }
    }

    /** Draws points that have no drawn neighbour, which a line alone would not show, as small dots. */
    private static XYLineAndShapeRenderer isolatedRenderer(List<PlotLine> lines) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        java.awt.geom.Ellipse2D.Double dot = new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5);
        for (int i = 0; i < lines.size(); i++) {
            renderer.setSeriesPaint(i, lines.get(i).color);
            renderer.setSeriesShape(i, dot);
            renderer.setSeriesVisibleInLegend(i, false);
        }
        return renderer;
    }

    private static XYLineAndShapeRenderer clipRenderer(List<PlotLine> lines) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        java.awt.geom.Path2D.Double triangle = new java.awt.geom.Path2D.Double();
        triangle.moveTo(0, -4);
        triangle.lineTo(4, 3);
        triangle.lineTo(-4, 3);
        triangle.closePath();
        for (int i = 0; i < lines.size(); i++) {
            renderer.setSeriesPaint(i, lines.get(i).color);
            renderer.setSeriesShape(i, triangle);
            renderer.setSeriesVisibleInLegend(i, false);
        }
        return renderer;
    }

    /** Builds one note per kind of point the axes could not show, with counts per run. */
    private static List<String> notes(List<PlotLine> lines, ChartOptions options) {
        List<String> notes = new ArrayList<>();
        if (options.xAxis().usesTimestamps()) {
            String counts = countsByRun(lines, true);
            if (!counts.isEmpty()) {
                notes.add("Not drawn on the time axis: " + counts + ".");
            }
        }
        List<String> nonFinite = new ArrayList<>();
        for (PlotLine line : lines) {
            if (line.nonFinite > 0) {
                nonFinite.add(line.key + ": " + line.nonFinite);
            }
        }
        if (!nonFinite.isEmpty()) {
            notes.add("NaN or infinite values, drawn as gaps marked ×: " + String.join(", ", nonFinite) + ".");
        }
        if (options.yScale() == YAxisScale.LOG) {
            String counts = countsByRun(lines, false);
            if (!counts.isEmpty()) {
                notes.add("Not drawn on the log axis: " + counts + ".");
            }
        }
        return notes;
    }

    private static String countsByRun(List<PlotLine> lines, boolean timestamps) {
        int total = 0;
        List<String> parts = new ArrayList<>();
        for (PlotLine line : lines) {
            int count = timestamps ? line.withoutTimestamp : line.notPositive;
            if (count > 0) {
                total += count;
                parts.add(line.key + ": " + count);
            }
        }
        if (total == 0) {
            return "";
        }
        String what = timestamps
                ? (total == 1 ? "point without a timestamp" : "points without a timestamp")
                : (total == 1 ? "value of zero or less" : "values of zero or less");
        return total + " " + what + " (" + String.join(", ", parts) + ")";
    }
}

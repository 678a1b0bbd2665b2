package org.runbench.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.data.Range;
import org.runbench.model.SeriesKey;

/**
 * One metric/variant chart comparing runs, whose datasets hold only the decimated points of each run.
 *
 * <p>The full-resolution points stay here; {@link #redecimate} fills the datasets again for a new x
 * range or width, for example after a zoom. Threading: {@link #decimate} may run on any thread, while
 * {@link #show} and {@link #redecimate} change the datasets and must run on the thread that draws the
 * chart (the JavaFX application thread once the chart is on screen). Build instances with
 * {@link MetricChartFactory}.
 */
public final class MetricChart {

    private final SeriesKey key;
    private final JFreeChart chart;
    private final List<PlotLine> lines;
    private final ArrayXYDataset rawDataset;
    private final ArrayXYDataset smoothedDataset;
    private final ArrayXYDataset gapDataset;
    private final ArrayXYDataset clipDataset;
    private final ArrayXYDataset isolatedDataset;
    private final boolean clipOutliers;
    private List<String> notes;
    private final Range dataRange;
    private Lines shown;

    MetricChart(SeriesKey key, JFreeChart chart, List<PlotLine> lines, ArrayXYDataset rawDataset,
                ArrayXYDataset smoothedDataset, ArrayXYDataset gapDataset, ArrayXYDataset clipDataset,
                ArrayXYDataset isolatedDataset, boolean clipOutliers, List<String> notes) {
        this.key = key;
        this.chart = chart;
        this.lines = List.copyOf(lines);
        this.rawDataset = rawDataset;
        this.smoothedDataset = smoothedDataset;
        this.gapDataset = gapDataset;
        this.clipDataset = clipDataset;
        this.isolatedDataset = isolatedDataset;
        this.clipOutliers = clipOutliers;
        this.notes = List.copyOf(notes);
        this.dataRange = findDataRange(lines);
    }

    public SeriesKey key() {
        return key;
    }

    public JFreeChart chart() {
        return chart;
    }

    /**
     * Replaces the notes under the chart with {@code note}, when there are any. A chart drawn from overviews
     * uses it, because its counts are those of the overview's points, not of the run's.
     */
    public void replaceNotes(String note) {
        if (notes.isEmpty()) {
            return;
        }
        for (int index = chart.getSubtitleCount() - 1; index >= 0; index--) {
            if (chart.getSubtitle(index) instanceof org.jfree.chart.title.TextTitle title && notes.contains(title.getText())) {
                chart.removeSubtitle(title);
            }
        }
        org.jfree.chart.title.TextTitle replacement = new org.jfree.chart.title.TextTitle(note,
                new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
        replacement.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
        chart.addSubtitle(replacement);
        notes = List.of(note);
    }

    /**
     * Removes the text lines drawn under the chart (the notes and the outlier-fitting note) and returns their
     * texts, for a view that shows them itself. On a JavaFX canvas a long note was seen wider than the chart,
     * losing both ends, probably because the text is measured with other font metrics than it is drawn with.
     */
    public List<String> takeBottomTexts() {
        List<String> texts = new ArrayList<>();
        for (int index = chart.getSubtitleCount() - 1; index >= 0; index--) {
            if (chart.getSubtitle(index) instanceof org.jfree.chart.title.TextTitle title
                    && title.getPosition() == org.jfree.chart.ui.RectangleEdge.BOTTOM) {
                texts.add(0, title.getText());
                chart.removeSubtitle(title);
            }
        }
        return texts;
    }

    /** Returns the notes shown under the chart about points that could not be drawn; empty when none. */
    public List<String> notes() {
        return notes;
    }

    /** Returns the x range of all runs' points in the axis unit, or null when no run has a point. */
    public Range dataRange() {
        return dataRange;
    }

    /** Returns the number of runs, which is also the number of legend entries. */
    public int runCount() {
        return lines.size();
    }

    /**
     * Switches fast drawing on or off and redraws the chart if that changed. While on, the raw and smoothed
     * lines are drawn as one span per pixel column (see {@link ColumnSpanLineRenderer}), which keeps each
     * redraw short while the user zooms or pans. Call it on the thread that draws the chart.
     */
    public void setFastDrawing(boolean on) {
        boolean changed = false;
        for (int index : new int[] {0, 1}) {
            if (chart.getXYPlot().getRenderer(index) instanceof ColumnSpanLineRenderer renderer
                    && renderer.isColumnSpans() != on) {
                renderer.setColumnSpans(on);
                changed = true;
            }
        }
        if (changed) {
            chart.fireChartChanged();
        }
    }

    /** Returns whether lines are drawn in the fast mode of {@link #setFastDrawing}. */
    public boolean isFastDrawing() {
        return chart.getXYPlot().getRenderer(0) instanceof ColumnSpanLineRenderer renderer && renderer.isColumnSpans();
    }

    /** Returns the decimated lines currently in the datasets, or null before the first {@link #show}. */
    public Lines shownLines() {
        return shown;
    }

    /**
     * Decimates every run's raw and smoothed line for {@code [xMin, xMax]} across {@code pixelWidth}
     * columns, without touching the chart. Safe to call from any thread.
     */
    public Lines decimate(double xMin, double xMax, int pixelWidth) {
        List<DecimatedSeries> raw = new ArrayList<>(lines.size());
        List<DecimatedSeries> smoothed = new ArrayList<>(lines.size());
        for (PlotLine line : lines) {
            raw.add(decimateLine(line, line.y, line.yExtremes, xMin, xMax, pixelWidth));
            smoothed.add(line.smoothedY == null ? DecimatedSeries.empty()
                    : decimateLine(line, line.smoothedY, line.smoothedExtremes, xMin, xMax, pixelWidth));
        }
        double[] clip = clipOutliers ? OutlierRange.percentiles(lines, xMin, xMax) : null;
        return new Lines(xMin, xMax, pixelWidth, raw, smoothed, clip == null ? Double.NaN : clip[0],
                clip == null ? Double.NaN : clip[1]);
    }

    /**
     * Decimates {@code y}, the raw or smoothed values of {@code line}. With an index of its extremes (sorted
     * x, all values finite) the cost grows with the pixel width, not with the points visible. Otherwise, when
     * x never decreases, only the points in the range and one neighbour on each side are scanned, so a zoom
     * costs time in proportion to what is visible.
     */
    private static DecimatedSeries decimateLine(PlotLine line, double[] y, BlockExtremes extremes, double xMin,
                                                double xMax, int pixelWidth) {
        if (extremes != null) {
            return IndexedM4Decimator.decimate(line, extremes, xMin, xMax, pixelWidth);
        }
        int size = line.size();
        if (!line.xSorted || size < 2048) {
            double[] stored = line.storedX();
            return M4Decimator.decimate(stored != null ? stored : line.xValues(), y, xMin, xMax, pixelWidth);
        }
        int from = Math.max(0, line.firstAtLeast(xMin) - 1);
        int to = Math.min(size, line.firstAbove(xMax) + 1);
        if (from >= to) {
            return DecimatedSeries.empty();
        }
        if (from == 0 && to == size && line.storedX() != null) {
            return M4Decimator.decimate(line.storedX(), y, xMin, xMax, pixelWidth);
        }
        // NOTE: a gap that ends just before the copied range loses its marker at the range's left edge.
        return M4Decimator.decimate(line.xValues(from, to), java.util.Arrays.copyOfRange(y, from, to), xMin, xMax, pixelWidth);
    }

    /** Decimates the whole data range to {@code pixelWidth} columns; see {@link #decimate}. */
    public Lines decimateAll(int pixelWidth) {
        if (dataRange == null) {
            return decimate(0.0, 1.0, pixelWidth);
        }
        return decimate(dataRange.getLowerBound(), dataRange.getUpperBound(), pixelWidth);
    }

    /** Puts {@code decimated} into the datasets, firing one change event per dataset. */
    public void show(Lines decimated) {
        Objects.requireNonNull(decimated, "decimated");
        if (decimated.raw().size() != lines.size()) {
            throw new IllegalArgumentException("lines for " + decimated.raw().size() + " runs do not fit chart '"
                    + key.label() + "' with " + lines.size() + " runs. Decimate with this chart's decimate().");
        }
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (DecimatedSeries series : decimated.raw()) {
            xs.add(series.xArray());
            ys.add(series.yArray());
            counts.add(series.size());
        }
        rawDataset.setSeries(xs, ys, counts);

        if (smoothedDataset != null) {
            xs.clear();
            ys.clear();
            counts.clear();
            for (DecimatedSeries series : decimated.smoothed()) {
                xs.add(series.xArray());
                ys.add(series.yArray());
                counts.add(series.size());
            }
            smoothedDataset.setSeries(xs, ys, counts);
        }

        showGapMarkers(decimated.raw());
        showIsolatedPoints(decimated.raw());
        showClipping(decimated);
        shown = decimated;
    }

    /** Marks every drawn point whose neighbours on both sides are gaps or missing, so a lone value is visible. */
    private void showIsolatedPoints(List<DecimatedSeries> raw) {
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (DecimatedSeries series : raw) {
            double[] markerX = new double[series.size()];
            double[] markerY = new double[series.size()];
            int count = 0;
            for (int i = 0; i < series.size(); i++) {
                boolean alone = !series.isGap(i) && (i == 0 || series.isGap(i - 1))
                        && (i == series.size() - 1 || series.isGap(i + 1));
                if (alone) {
                    markerX[count] = series.x(i);
                    markerY[count] = series.y(i);
                    count++;
                }
            }
            xs.add(markerX);
            ys.add(markerY);
            counts.add(count);
        }
        isolatedDataset.setSeries(xs, ys, counts);
    }

    /** Returns the number of points drawn as dots because no line reaches them. */
    public int isolatedPointCount() {
        int total = 0;
        for (int series = 0; series < isolatedDataset.getSeriesCount(); series++) {
            total += isolatedDataset.getItemCount(series);
        }
        return total;
    }

    /**
     * Fits the y axis to the percentile range of {@code decimated} when outliers are clipped, and marks
     * every drawn point outside it with a triangle at the edge it lies beyond.
     */
    private void showClipping(Lines decimated) {
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        boolean clipping = decimated.isClipped();
        for (DecimatedSeries series : decimated.raw()) {
            double[] markerX = new double[clipping ? series.size() : 0];
            double[] markerY = new double[markerX.length];
            int count = 0;
            for (int i = 0; clipping && i < series.size(); i++) {
                double y = series.y(i);
                if (series.isGap(i) || (y >= decimated.clipLow() && y <= decimated.clipHigh())) {
                    continue;
                }
                markerX[count] = series.x(i);
                markerY[count] = y > decimated.clipHigh() ? decimated.clipHigh() : decimated.clipLow();
                count++;
            }
            xs.add(markerX);
            ys.add(markerY);
            counts.add(count);
        }
        clipDataset.setSeries(xs, ys, counts);
        if (clipping) {
            double margin = (decimated.clipHigh() - decimated.clipLow()) * 0.05;
            double low = decimated.clipLow() - margin;
            double high = decimated.clipHigh() + margin;
            if (!(high > low)) {
                low = decimated.clipLow() - 0.5;
                high = decimated.clipHigh() + 0.5;
            }
            if (chart.getXYPlot().getRangeAxis() instanceof org.jfree.chart.axis.LogAxis) {
                low = Math.max(low, decimated.clipLow() * 0.9);
            }
            chart.getXYPlot().getRangeAxis().setRange(low, high);
        }
    }

    /** Returns the number of drawn points marked at the edge as outliers, for tests and notes. */
    public int clippedPointCount() {
        int total = 0;
        for (int series = 0; series < clipDataset.getSeriesCount(); series++) {
            total += clipDataset.getItemCount(series);
        }
        return total;
    }

    /** Decimates for a new x range or width and shows the result; call on the chart's thread. */
    public void redecimate(double xMin, double xMax, int pixelWidth) {
        show(decimate(xMin, xMax, pixelWidth));
    }

    /** Places a marker at each gap, at the height of the value drawn just before it (or just after). */
    private void showGapMarkers(List<DecimatedSeries> raw) {
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (DecimatedSeries series : raw) {
            int gaps = series.gapCount();
            double[] markerX = new double[gaps];
            double[] markerY = new double[gaps];
            int count = 0;
            double before = Double.NaN;
            for (int i = 0; i < series.size(); i++) {
                if (!series.isGap(i)) {
                    before = series.y(i);
                    continue;
                }
                double height = Double.isNaN(before) ? nextValue(series, i) : before;
                if (!Double.isNaN(height)) {
                    markerX[count] = series.x(i);
                    markerY[count] = height;
                    count++;
                }
            }
            xs.add(markerX);
            ys.add(markerY);
            counts.add(count);
        }
        gapDataset.setSeries(xs, ys, counts);
    }

    private static double nextValue(DecimatedSeries series, int from) {
        for (int i = from + 1; i < series.size(); i++) {
            if (!series.isGap(i)) {
                return series.y(i);
            }
        }
        return Double.NaN;
    }

    private static Range findDataRange(List<PlotLine> lines) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (PlotLine line : lines) {
            if (line.size() > 0) {
                min = Math.min(min, line.minX());
                max = Math.max(max, line.maxX());
            }
        }
        return min <= max ? new Range(min, max) : null;
    }

    /**
     * Decimated raw and smoothed lines of every run for one x range and width, indexed like the runs.
     *
     * @param smoothed smoothed lines, each empty when smoothing is off
     * @param clipLow  lower end of the fitted y range (1st percentile of the visible points), or NaN when
     *                 outliers are not clipped
     * @param clipHigh upper end of the fitted y range (99th percentile), or NaN
     */
    public record Lines(double xMin, double xMax, int pixelWidth, List<DecimatedSeries> raw,
                        List<DecimatedSeries> smoothed, double clipLow, double clipHigh) {
        public Lines {
            raw = List.copyOf(raw);
            smoothed = List.copyOf(smoothed);
        }

        /** Returns whether the y axis is fitted to a percentile range; {@link #clipLow} and {@link #clipHigh} hold it. */
        public boolean isClipped() {
            return !Double.isNaN(clipLow) && !Double.isNaN(clipHigh);
        }

        /** Returns the number of points, gap markers included, that run {@code run} puts in the datasets. */
        public int pointCount(int run) {
            return raw.get(run).size() + smoothed.get(run).size();
        }
    }
}

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
    private final List<String> notes;
    private final Range dataRange;
    private Lines shown;

    MetricChart(SeriesKey key, JFreeChart chart, List<PlotLine> lines, ArrayXYDataset rawDataset,
                ArrayXYDataset smoothedDataset, ArrayXYDataset gapDataset, List<String> notes) {
        this.key = key;
        this.chart = chart;
        this.lines = List.copyOf(lines);
        this.rawDataset = rawDataset;
        this.smoothedDataset = smoothedDataset;
        this.gapDataset = gapDataset;
        this.notes = List.copyOf(notes);
        this.dataRange = findDataRange(lines);
    }

    public SeriesKey key() {
        return key;
    }

    public JFreeChart chart() {
        return chart;
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
            raw.add(M4Decimator.decimate(line.x, line.y, xMin, xMax, pixelWidth));
            smoothed.add(line.smoothedY == null ? DecimatedSeries.empty()
                    : M4Decimator.decimate(line.x, line.smoothedY, xMin, xMax, pixelWidth));
        }
        return new Lines(xMin, xMax, pixelWidth, raw, smoothed);
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
        shown = decimated;
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
            if (line.x.length > 0) {
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
     */
    public record Lines(double xMin, double xMax, int pixelWidth, List<DecimatedSeries> raw,
                        List<DecimatedSeries> smoothed) {
        public Lines {
            raw = List.copyOf(raw);
            smoothed = List.copyOf(smoothed);
        }

        /** Returns the number of points, gap markers included, that run {@code run} puts in the datasets. */
        public int pointCount(int run) {
            return raw.get(run).size() + smoothed.get(run).size();
        }
    }
}

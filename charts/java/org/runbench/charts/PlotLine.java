package org.runbench.charts;

import java.awt.Color;
import org.runbench.model.PointSeries;

/**
 * One run's full-resolution points converted for a chart: x in the axis unit, raw and smoothed y, and
 * the counts of points that the axes cannot show.
 */
final class PlotLine {

    final String key;
    final Color color;
    /**
     * x of each point, or null when the x values are {@code firstX + i * stepX} exactly (iterations logged at
     * a constant step), which saves 8 bytes a point; {@link #xValues} and {@link #xValues(int, int)} give
     * them either way.
     */
    private final double[] x;
    private final long firstX;
    private final long stepX;
    final double[] y;
    /** Smoothed values parallel to {@link #y}, or null when smoothing is off. */
    final double[] smoothedY;
    final int withoutTimestamp;
    final int notPositive;
    /** Points whose value is NaN or infinite, drawn as gaps. */
    final int nonFinite;
    /** Whether x never decreases, so an x range can be found by binary search instead of a full scan. */
    final boolean xSorted;
    /**
     * Index of the extremes of {@link #y} for {@link IndexedM4Decimator}, or null when x is not sorted, the line
     * has fewer than {@link #MIN_INDEXED_SIZE} points or a value is NaN or infinite.
     */
    final BlockExtremes yExtremes;
    /** Index of the extremes of {@link #smoothedY} under the same conditions, or null. */
    final BlockExtremes smoothedExtremes;

    /**
     * Minimum number of points for which a line gets a {@link BlockExtremes} index, since below it a scan is
     * cheap.
     */
    static final int MIN_INDEXED_SIZE = 2048;

    private PlotLine(String key, Color color, double[] x, long firstX, long stepX, double[] y, double[] smoothedY,
                     int withoutTimestamp, int notPositive, int nonFinite) {
        this.key = key;
        this.color = color;
        this.x = x;
        this.firstX = firstX;
        this.stepX = stepX;
        this.y = y;
        this.smoothedY = smoothedY;
        this.withoutTimestamp = withoutTimestamp;
        this.notPositive = notPositive;
        this.nonFinite = nonFinite;
        this.xSorted = x == null ? stepX >= 0 : isSorted(x);
        this.yExtremes = indexIfWorthwhile(y);
        this.smoothedExtremes = smoothedY == null ? null : indexIfWorthwhile(smoothedY);
    }

    private BlockExtremes indexIfWorthwhile(double[] values) {
        if (!xSorted || values.length < MIN_INDEXED_SIZE) {
            return null;
        }
        return BlockExtremes.ofFinite(values);
    }

    /** Returns the number of points. */
    int size() {
        return y.length;
    }

    /** Returns the x of point {@code index}. */
    double x(int index) {
        return x != null ? x[index] : (double) (firstX + index * stepX);
    }

    /** Returns every x; a new array when the line stores them as a constant step. */
    double[] xValues() {
        return xValues(0, y.length);
    }

    /** Returns the x of points {@code [from, to)} as a new array. */
    double[] xValues(int from, int to) {
        if (x != null) {
            return java.util.Arrays.copyOfRange(x, from, to);
        }
        double[] values = new double[to - from];
        for (int i = from; i < to; i++) {
            values[i - from] = (double) (firstX + i * stepX);
        }
        return values;
    }

    /** Returns the index of the first point with x at least {@code value}, or {@link #size()}. Needs sorted x. */
    int firstAtLeast(double value) {
        int low = 0;
        int high = size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (x(middle) < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Returns the index of the first point with x above {@code value}, or {@link #size()}. Needs sorted x. */
    int firstAbove(double value) {
        int low = 0;
        int high = size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (x(middle) <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Returns the x array itself when the line stores one, else null. */
    double[] storedX() {
        return x;
    }

    /**
     * Returns the constant step between consecutive iterations when every x equals
     * {@code iterations[0] + i * step} exactly, or null.
     */
    private static Long constantStep(long[] iterations) {
        if (iterations.length < 2) {
            return iterations.length == 1 ? 0L : null;
        }
        long step = iterations[1] - iterations[0];
        for (int i = 2; i < iterations.length; i++) {
            if (iterations[i] - iterations[i - 1] != step) {
                return null;
            }
        }
        return step;
    }

    private static boolean isSorted(double[] values) {
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Converts {@code run} for the options' axes: takes the x values the mode needs, drops points
     * without a timestamp from time axes, smooths, and on a log axis turns values of zero or less into
     * gaps so the line breaks there.
     */
    static PlotLine prepare(String key, RunSeries run, ChartOptions options) {
        return prepare(key, run.color(), run.points(), options);
    }

    /** Converts {@code points} as {@link #prepare(String, RunSeries, ChartOptions)} does; keeps no reference to them. */
    static PlotLine prepare(String key, Color color, PointSeries points, ChartOptions options) {
        int n = points.size();
        double[] values = new double[n];
        points.copyValues(0, n, values, 0);

        double[] x;
        double[] y;
        int withoutTimestamp = 0;
        long firstX = 0;
        long stepX = 0;
        if (options.xAxis() == XAxisMode.ITERATION) {
            long[] iterations = new long[n];
            points.copyIterations(0, n, iterations, 0);
            Long step = constantStep(iterations);
            if (step != null && n > 0) {
                x = null;
                firstX = iterations[0];
                stepX = step;
            } else {
                x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = iterations[i];
                }
            }
            y = values;
        } else {
            long[] timestamps = new long[n];
            points.copyTimestamps(0, n, timestamps, 0);
            long origin = Long.MAX_VALUE;
            for (long timestamp : timestamps) {
                if (timestamp == PointSeries.NO_TIMESTAMP) {
                    withoutTimestamp++;
                } else {
                    origin = Math.min(origin, timestamp);
                }
            }
            boolean relative = options.xAxis() == XAxisMode.RELATIVE_TIME;
            x = new double[n - withoutTimestamp];
            y = new double[n - withoutTimestamp];
            int kept = 0;
            for (int i = 0; i < n; i++) {
                if (timestamps[i] != PointSeries.NO_TIMESTAMP) {
                    x[kept] = relative ? (timestamps[i] - origin) / 1000.0 : timestamps[i];
                    y[kept] = values[i];
                    kept++;
                }
            }
        }

        int nonFinite = 0;
        for (double value : y) {
            if (!Double.isFinite(value)) {
                nonFinite++;
            }
        }
        double[] smoothed = options.smoothing().isEnabled() ? options.smoothing().apply(y) : null;
        int notPositive = 0;
        if (options.yScale() == YAxisScale.LOG) {
            // Values of zero or less are left out of a log axis (and counted in a note), not drawn as gaps:
            // the gap marker is reserved for NaN and infinite values.
            for (double value : y) {
                if (Double.isFinite(value) && value <= 0.0) {
                    notPositive++;
                }
            }
            if (notPositive > 0) {
                double[] allX = x != null ? x : materialize(firstX, stepX, y.length);
                int kept = 0;
                for (int i = 0; i < y.length; i++) {
                    if (!(Double.isFinite(y[i]) && y[i] <= 0.0)) {
                        allX[kept] = allX[i];
                        if (smoothed != null) {
                            smoothed[kept] = smoothed[i];
                        }
                        y[kept] = y[i];
                        kept++;
                    }
                }
                x = java.util.Arrays.copyOf(allX, kept);
                y = java.util.Arrays.copyOf(y, kept);
                smoothed = smoothed == null ? null : java.util.Arrays.copyOf(smoothed, kept);
            }
            if (smoothed != null) {
                hideNotPositive(smoothed);
            }
        }
        return new PlotLine(key, color, x, firstX, stepX, y, smoothed, withoutTimestamp, notPositive, nonFinite);
    }

    private static double[] materialize(long first, long step, int size) {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = (double) (first + i * step);
        }
        return values;
    }

    /** Replaces finite values of zero or less with NaN and returns how many there were. */
    private static int hideNotPositive(double[] values) {
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i]) && values[i] <= 0.0) {
                values[i] = Double.NaN;
                count++;
            }
        }
        return count;
    }

    /** Returns the smallest x, or NaN when the line has no points. */
    double minX() {
        if (y.length == 0) {
            return Double.NaN;
        }
        if (x == null) {
            return Math.min(x(0), x(y.length - 1));
        }
        double min = Double.NaN;
        for (double value : x) {
            if (!(value >= min)) {
                min = value;
            }
        }
        return min;
    }

    /** Returns the largest x, or NaN when the line has no points. */
    double maxX() {
        if (y.length == 0) {
            return Double.NaN;
        }
        if (x == null) {
            return Math.max(x(0), x(y.length - 1));
        }
        double max = Double.NaN;
        for (double value : x) {
            if (!(value <= max)) {
                max = value;
            }
        }
        return max;
    }
}

package org.runbench.charts;

import java.util.Arrays;

/**
 * Reduces a series to the points that change its picture at a given pixel width, using the M4 method.
 *
 * <p>For every pixel column the first, last, minimum and maximum point are kept, in arrival order, so a
 * single-point spike survives however many points share its column. Rules beyond plain M4:
 * <ul>
 *   <li>x values are taken in arrival order and may repeat or go back (a resumed run). Each stretch where
 *       x does not decrease is decimated on its own, so a resumed pass never merges with the pass it
 *       overlaps and both stay visible.</li>
 *   <li>Points outside {@code [xMin, xMax]} are dropped, except those next to a point in another region
 *       (inside, left or right of the range), so lines still reach the edges of the plot.</li>
 *   <li>A NaN or infinite y is not a value to draw. The output contains a gap marker (y = NaN at the x
 *       where the latest stretch of non-finite points began) between any two kept points that had
 *       non-finite points between them, so a line breaks there and is never joined over the gap or drawn
 *       at zero.</li>
 * </ul>
 * The output has at most four points per column and stretch of non-decreasing x, plus one gap marker
 * before each of them and the edge points. The work is one pass over the input with no boxing, and all
 * methods are static and thread-safe.
 */
public final class M4Decimator {

    private static final int LEFT = 0;
    private static final int INSIDE = 1;
    private static final int RIGHT = 2;

    private M4Decimator() {
    }

    /** Decimates all points of {@code x} and {@code y}; see {@link #decimate(double[], double[], int, double, double, int)}. */
    public static DecimatedSeries decimate(double[] x, double[] y, double xMin, double xMax, int pixelWidth) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " x values, "
                    + y.length + " y values. Pass parallel arrays of one series.");
        }
        return decimate(x, y, x.length, xMin, xMax, pixelWidth);
    }

    /**
     * Decimates the first {@code length} points for a plot showing {@code [xMin, xMax]} across
     * {@code pixelWidth} columns.
     *
     * @param x          x values in arrival order, never NaN
     * @param y          y values in arrival order, where NaN and infinities mark gaps
     * @param length     number of points to read from both arrays
     * @param xMin       left edge of the visible range, finite
     * @param xMax       right edge of the visible range, finite and not less than {@code xMin}
     * @param pixelWidth number of pixel columns, at least 1
     * @throws IllegalArgumentException when an argument breaks the rules above
     */
    public static DecimatedSeries decimate(double[] x, double[] y, int length, double xMin, double xMax,
                                           int pixelWidth) {
        checkArguments(x, y, length, xMin, xMax, pixelWidth);
        if (length == 0) {
            return DecimatedSeries.empty();
        }
        Pass pass = new Pass(x, y, xMin, xMax, pixelWidth, Math.min(length, 4 * pixelWidth + 8));
        pass.run(length);
        return pass.result();
    }

    private static void checkArguments(double[] x, double[] y, int length, double xMin, double xMax,
                                       int pixelWidth) {
        if (length < 0 || length > x.length || length > y.length) {
            throw new IllegalArgumentException("length " + length + " does not fit the arrays given ("
                    + x.length + " x values, " + y.length + " y values).");
        }
        checkRange(xMin, xMax, pixelWidth);
    }

    /**
     * Throws {@link IllegalArgumentException} unless {@code pixelWidth} is at least 1 and {@code [xMin, xMax]}
     * has finite ends in order and a finite width.
     */
    static void checkRange(double xMin, double xMax, int pixelWidth) {
        if (pixelWidth < 1) {
            throw new IllegalArgumentException("pixel width must be at least 1, got " + pixelWidth + ".");
        }
        if (!Double.isFinite(xMin) || !Double.isFinite(xMax) || xMin > xMax
                || !Double.isFinite(xMax - xMin)) {
            throw new IllegalArgumentException("x range [" + xMin + ", " + xMax + "] is invalid: both ends must be"
                    + " finite, xMin must not exceed xMax and the width must be a finite number.");
        }
    }

    /** State of one decimation: the output buffers and the point group of the current pixel column. */
    private static final class Pass {

        private final double[] x;
        private final double[] y;
        private final double xMin;
        private final double xMax;
        private final int pixelWidth;
        private final double columnsPerUnit;

        private double[] outX;
        private double[] outY;
        private int[] outSource;
        private int outSize;

        /** Index where the latest stretch of non-finite points began, or -1; a gap marker goes there. */
        private int lastGap = -1;
        /** Index of the latest point written to the output, or -1. */
        private int lastEmitted = -1;

        /** Pixel column of the open group, or -1 when no group is open. */
        private int groupColumn = -1;
        private int first;
        private int last;
        private int min;
        private int max;
        private int gapBeforeFirst;
        private int gapBeforeLast;
        private int gapBeforeMin;
        private int gapBeforeMax;

        Pass(double[] x, double[] y, double xMin, double xMax, int pixelWidth, int capacity) {
            this.x = x;
            this.y = y;
            this.xMin = xMin;
            this.xMax = xMax;
            this.pixelWidth = pixelWidth;
            this.columnsPerUnit = xMax > xMin ? pixelWidth / (xMax - xMin) : 0.0;
            int initial = Math.max(capacity, 8);
            outX = new double[initial];
            outY = new double[initial];
            outSource = new int[initial];
        }

        void run(int length) {
            int region = regionOf(0);
            for (int i = 0; i < length; i++) {
                int nextRegion = i + 1 < length ? regionOf(i + 1) : region;
                if (i > 0 && x[i] < x[i - 1]) {
                    flushGroup();
                }

                if (region == INSIDE) {
                    addToGroup(i);
                } else {
                    flushGroup();
                    boolean besideOtherRegion = (i > 0 && regionOf(i - 1) != region) || nextRegion != region;
                    if (besideOtherRegion) {
                        emit(i, lastGap);
                    }
                }

                if (!Double.isFinite(y[i]) && (i == 0 || Double.isFinite(y[i - 1]))) {
                    lastGap = i;
                }
                region = nextRegion;
            }
            flushGroup();
            if (lastGap > lastEmitted) {
                append(lastGap);
            }
        }

        private int regionOf(int i) {
            double xi = x[i];
            if (xi < xMin) {
                return LEFT;
            }
            if (xi > xMax) {
                return RIGHT;
            }
            if (xi != xi) {
                throw new IllegalArgumentException("x[" + i + "] is NaN, but every point needs an x value."
                        + " Leave out points without an x before decimating.");
            }
            return INSIDE;
        }

        private void addToGroup(int i) {
            int column = (int) ((x[i] - xMin) * columnsPerUnit);
            if (column >= pixelWidth) {
                column = pixelWidth - 1;
            }
            if (column != groupColumn) {
                flushGroup();
                groupColumn = column;
                first = -1;
            }
            double value = y[i];
            if (!Double.isFinite(value)) {
                return;
            }
            if (first < 0) {
                first = i;
                min = i;
                max = i;
                gapBeforeFirst = lastGap;
                gapBeforeMin = lastGap;
                gapBeforeMax = lastGap;
            } else if (value < y[min]) {
                min = i;
                gapBeforeMin = lastGap;
            } else if (value > y[max]) {
                max = i;
                gapBeforeMax = lastGap;
            }
            last = i;
            gapBeforeLast = lastGap;
        }

        /** Writes the open group's first, minimum, maximum and last point in arrival order, then closes it. */
        private void flushGroup() {
            if (groupColumn < 0) {
                return;
            }
            groupColumn = -1;
            if (first < 0) {
                return;
            }
            emit(first, gapBeforeFirst);
            if (min < max) {
                emitOnce(min, gapBeforeMin);
                emitOnce(max, gapBeforeMax);
            } else {
                emitOnce(max, gapBeforeMax);
                emitOnce(min, gapBeforeMin);
            }
            emitOnce(last, gapBeforeLast);
        }

        private void emitOnce(int index, int gapBefore) {
            if (index > lastEmitted) {
                emit(index, gapBefore);
            }
        }

        /** Writes point {@code index}, preceded by a gap marker when a non-finite point lies between it and the previous output. */
        private void emit(int index, int gapBefore) {
            if (gapBefore > lastEmitted && gapBefore < index) {
                append(gapBefore);
            }
            append(index);
        }

        private void append(int index) {
            if (outSize == outX.length) {
                int grown = outSize * 2;
                outX = Arrays.copyOf(outX, grown);
                outY = Arrays.copyOf(outY, grown);
                outSource = Arrays.copyOf(outSource, grown);
            }
            double value = y[index];
            outX[outSize] = x[index];
            outY[outSize] = Double.isFinite(value) ? value : Double.NaN;
            outSource[outSize] = index;
            outSize++;
            lastEmitted = index;
        }

        DecimatedSeries result() {
            return new DecimatedSeries(outX, outY, outSource, outSize);
        }
    }
}

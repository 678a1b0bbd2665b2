package org.runbench.charts;

import java.util.Arrays;

/**
 * Points chosen by {@link M4Decimator} for drawing, in arrival order.
 *
 * <p>A point whose y is NaN is a gap marker: the source had a NaN or infinite value there (or a value
 * that the axis cannot show), so the line must break at it. Each point also carries the index of the
 * source point it came from, so callers can look up the iteration or timestamp behind it. Instances are
 * immutable and safe to share between threads.
 */
public final class DecimatedSeries {

    private static final DecimatedSeries EMPTY = new DecimatedSeries(new double[0], new double[0], new int[0], 0);

    private final double[] x;
    private final double[] y;
    private final int[] sourceIndices;
    private final int size;

    DecimatedSeries(double[] x, double[] y, int[] sourceIndices, int size) {
        this.x = x;
        this.y = y;
        this.sourceIndices = sourceIndices;
        this.size = size;
    }

    static DecimatedSeries empty() {
        return EMPTY;
    }

    public int size() {
        return size;
    }

    public double x(int index) {
        return x[checkIndex(index)];
    }

    /** Returns the y value, or NaN when the point is a gap marker. */
    public double y(int index) {
        return y[checkIndex(index)];
    }

    /** Returns whether the point is a gap marker rather than a value to draw. */
    public boolean isGap(int index) {
        return Double.isNaN(y[checkIndex(index)]);
    }

    /** Returns the index of the input point that this output point was taken from. */
    public int sourceIndex(int index) {
        return sourceIndices[checkIndex(index)];
    }

    /** Returns the number of gap markers. */
    public int gapCount() {
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (Double.isNaN(y[i])) {
                count++;
            }
        }
        return count;
    }

    public double[] xValues() {
        return Arrays.copyOf(x, size);
    }

    public double[] yValues() {
        return Arrays.copyOf(y, size);
    }

    /** Direct access for datasets in this package, which never change the arrays. */
    double[] xArray() {
        return x;
    }

    double[] yArray() {
        return y;
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("point " + index + " of " + size);
        }
        return index;
    }

    @Override
    public String toString() {
        return "DecimatedSeries[" + size + " points]";
    }
}

package org.runbench.model;

import java.util.Arrays;

/**
 * An immutable scalar series in arrival order: iteration, value and wall-clock timestamp of each point.
 *
 * <p>Points are kept exactly as reported. Iterations may repeat or go back (a run resumed from an older
 * checkpoint), values may be NaN or infinite, and a point whose time was never recorded has the timestamp
 * {@link #NO_TIMESTAMP}. The arrays are parallel and never shared with callers.
 */
public final class PointSeries {

    /** Timestamp of a point whose wall-clock time is unknown, such as a Hugging Face Trainer log entry. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private static final PointSeries EMPTY = new PointSeries(new long[0], new double[0], new long[0], 0);

    private final long[] iterations;
    private final double[] values;
    private final long[] timestamps;
    private final int size;

    PointSeries(long[] iterations, double[] values, long[] timestamps, int size) {
        this.iterations = iterations;
        this.values = values;
        this.timestamps = timestamps;
        this.size = size;
    }

    public static PointSeries empty() {
        return EMPTY;
    }

    /** Copies the first {@code size} entries of the three arrays into a new series. */
    public static PointSeries of(long[] iterations, double[] values, long[] timestamps, int size) {
        if (size > iterations.length || size > values.length || size > timestamps.length) {
            throw new IllegalArgumentException("size " + size + " exceeds the arrays given");
        }
        return new PointSeries(Arrays.copyOf(iterations, size), Arrays.copyOf(values, size),
                Arrays.copyOf(timestamps, size), size);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public long iteration(int index) {
        return iterations[checkIndex(index)];
    }

    public double value(int index) {
        return values[checkIndex(index)];
    }

    /** Returns the wall-clock time in epoch milliseconds, or {@link #NO_TIMESTAMP}. */
    public long timestamp(int index) {
        return timestamps[checkIndex(index)];
    }

    /** Copies iterations {@code [from, to)} into {@code target} at {@code offset}. */
    public void copyIterations(int from, int to, long[] target, int offset) {
        System.arraycopy(iterations, from, target, offset, to - from);
    }

    /** Copies values {@code [from, to)} into {@code target} at {@code offset}. */
    public void copyValues(int from, int to, double[] target, int offset) {
        System.arraycopy(values, from, target, offset, to - from);
    }

    /** Copies timestamps {@code [from, to)} into {@code target} at {@code offset}. */
    public void copyTimestamps(int from, int to, long[] target, int offset) {
        System.arraycopy(timestamps, from, target, offset, to - from);
    }

    /** Returns the points {@code [from, to)} as a new series. */
    public PointSeries slice(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + size + " points");
        }
        return new PointSeries(Arrays.copyOfRange(iterations, from, to), Arrays.copyOfRange(values, from, to),
                Arrays.copyOfRange(timestamps, from, to), to - from);
    }

    /** Returns whether the first {@code other.size()} points of this series equal {@code other}, bit for bit. */
    public boolean startsWith(PointSeries other) {
        if (other.size > size) {
            return false;
        }
        for (int i = 0; i < other.size; i++) {
            if (iterations[i] != other.iterations[i]
                    || timestamps[i] != other.timestamps[i]
                    || Double.doubleToRawLongBits(values[i]) != Double.doubleToRawLongBits(other.values[i])) {
                return false;
            }
        }
        return true;
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("point " + index + " of " + size);
        }
        return index;
    }

    /** Two series are equal when every point is equal bit for bit, so NaN equals NaN and -0.0 differs from 0.0. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PointSeries other && other.size == size && startsWith(other);
    }

    @Override
    public int hashCode() {
        int hash = size;
        for (int i = 0; i < Math.min(size, 64); i++) {
            hash = 31 * hash + Long.hashCode(iterations[i]) + Long.hashCode(Double.doubleToRawLongBits(values[i]));
        }
        return hash;
    }

    @Override
    public String toString() {
        return "PointSeries[" + size + " points]";
    }
}

package org.runbench.model;

import java.util.Arrays;

/** Collects points in arrival order into a {@link PointSeries}; not thread-safe. */
public final class PointSeriesBuilder {

    private long[] iterations;
    private double[] values;
    private long[] timestamps;
    private int size;

    public PointSeriesBuilder() {
        this(64);
    }

    public PointSeriesBuilder(int expectedSize) {
        int capacity = Math.max(expectedSize, 4);
        iterations = new long[capacity];
        values = new double[capacity];
        timestamps = new long[capacity];
    }

    /** Appends one point; {@code timestamp} is epoch milliseconds or {@link PointSeries#NO_TIMESTAMP}. */
    public PointSeriesBuilder add(long iteration, double value, long timestamp) {
        ensureCapacity(size + 1);
        iterations[size] = iteration;
        values[size] = value;
        timestamps[size] = timestamp;
        size++;
        return this;
    }

    /** Appends every point of {@code series}. */
    public PointSeriesBuilder addAll(PointSeries series) {
        int count = series.size();
        ensureCapacity(size + count);
        series.copyIterations(0, count, iterations, size);
        series.copyValues(0, count, values, size);
        series.copyTimestamps(0, count, timestamps, size);
        size += count;
        return this;
    }

    public int size() {
        return size;
    }

    /** Returns the points added so far; the builder can go on collecting afterwards. */
    public PointSeries build() {
        return PointSeries.of(iterations, values, timestamps, size);
    }

    /**
     * Returns the points added so far without copying and empties this builder, which must not be
     * used again. This is the fast path for decoding large series.
     */
    public PointSeries buildAndReset() {
        PointSeries series = new PointSeries(iterations, values, timestamps, size);
        iterations = new long[4];
        values = new double[4];
        timestamps = new long[4];
        size = 0;
        return series;
    }

    /** Makes room for at least {@code capacity} points. */
    public void ensureCapacity(int capacity) {
        if (capacity <= iterations.length) {
            return;
        }
        int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(capacity, iterations.length * 2L));
        iterations = Arrays.copyOf(iterations, grown);
        values = Arrays.copyOf(values, grown);
        timestamps = Arrays.copyOf(timestamps, grown);
    }

    /** Direct access for decoders in other packages: the arrays grow, so fetch them after {@link #ensureCapacity}. */
    public long[] iterationArray() {
        return iterations;
    }

    public double[] valueArray() {
        return values;
    }

    public long[] timestampArray() {
        return timestamps;
    }

    /** Sets the number of points after a decoder filled the arrays directly. */
    public void setSize(int newSize) {
        if (newSize < 0 || newSize > iterations.length) {
            throw new IllegalArgumentException("size " + newSize + " outside capacity " + iterations.length);
        }
        size = newSize;
    }
}

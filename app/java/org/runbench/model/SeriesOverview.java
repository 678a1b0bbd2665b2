package org.runbench.model;

/**
 * Reduces a long series to a few thousand of its own points that draw the same picture at screen width,
 * so a comparison can be drawn at once and the full resolution read afterwards.
 *
 * <p>The series is cut into {@link #BUCKETS} buckets of consecutive points (by arrival order, not by x).
 * From each bucket the overview keeps the first and last point and the first points with the smallest
 * and the largest finite value. Around every stretch of NaN or infinite values it also keeps the
 * stretch's first point and the first finite point after it, so gaps stay gaps. Kept points stay in arrival order. A bucket
 * spans a fraction of a pixel column on any common chart width, so every spike is still drawn. Series of
 * at most {@link #FULL_SIZE_LIMIT} points are their own overview. Stateless and thread-safe.
 */
public final class SeriesOverview {

    /** Number of buckets a long series is cut into. */
    public static final int BUCKETS = 4096;

    /** Series up to this many points are not reduced: the overview would save little. */
    public static final int FULL_SIZE_LIMIT = 4 * BUCKETS;

    private SeriesOverview() {
    }

    /** Returns whether {@code pointCount} points are reduced by {@link #of}. */
    public static boolean reduces(long pointCount) {
        return pointCount > FULL_SIZE_LIMIT;
    }

    /** Returns the overview of {@code series}; the series itself when it is not longer than {@link #FULL_SIZE_LIMIT}. */
    public static PointSeries of(PointSeries series) {
        int size = series.size();
        if (!reduces(size)) {
            return series;
        }
        int bucket = (int) ((size + (long) BUCKETS - 1) / BUCKETS);
        PointSeriesBuilder overview = new PointSeriesBuilder(4 * BUCKETS + 64);
        int lastKept = -1;
        for (int start = 0; start < size; start += bucket) {
            int end = Math.min(size, start + bucket);
            int min = -1;
            int max = -1;
            for (int i = start; i < end; i++) {
                double value = series.value(i);
                if (Double.isFinite(value)) {
                    if (min < 0 || value < series.value(min)) {
                        min = i;
                    }
                    if (max < 0 || value > series.value(max)) {
                        max = i;
                    }
                } else if (i == start || Double.isFinite(series.value(i - 1))) {
                    // What came before in the bucket, the first point of the non-finite stretch, and the
                    // first finite point after it.
                    lastKept = keepInOrder(series, overview, start, min, max, i - 1, lastKept);
                    lastKept = keep(series, overview, i, lastKept);
                    int next = i + 1;
                    while (next < end && !Double.isFinite(series.value(next))) {
                        next++;
                    }
                    if (next < end) {
                        lastKept = keep(series, overview, next, lastKept);
                    }
                }
            }
            lastKept = keepInOrder(series, overview, start, min, max, end - 1, lastKept);
        }
        return overview.buildAndReset();
    }

    /** Keeps, in index order, every one of {@code start}, {@code min}, {@code max} and {@code through} up to {@code through}. */
    private static int keepInOrder(PointSeries series, PointSeriesBuilder overview, int start, int min, int max, int through,
                                   int lastKept) {
        int[] candidates = {start, min, max, through};
        java.util.Arrays.sort(candidates);
        int last = lastKept;
        for (int index : candidates) {
            if (index >= 0 && index <= through) {
                last = keep(series, overview, index, last);
            }
        }
        return last;
    }

    private static int keep(PointSeries series, PointSeriesBuilder overview, int index, int lastKept) {
        if (index <= lastKept) {
            return lastKept;
        }
        overview.add(series.iteration(index), series.value(index), series.timestamp(index));
        return index;
    }
}

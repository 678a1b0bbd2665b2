package org.runbench.cache.codec;

import java.util.Locale;
import java.util.Random;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;

/** Synthetic series shapes shared by the codec tests and the benchmark, each seeded and repeatable. */
public final class SyntheticSeries {

    /** Wall-clock time of the first point: 2023-11-14T22:13:20Z in epoch milliseconds. */
    static final long START_MILLIS = 1_700_000_000_000L;

    private SyntheticSeries() {
    }

    /**
     * Returns a float32 loss curve {@code 2.5 * exp(-i / 200000) + 0.05} plus Gaussian noise with a standard
     * deviation of 0.001, each value rounded to float and widened to double as ClearML stores scalars.
     * Iterations run 0, 1, 2, ... and timestamps are 100 ms apart with a uniform jitter of +/-3 ms.
     */
    public static PointSeries smoothFloatLoss(int size, long seed) {
        Random random = new Random(seed);
        PointSeriesBuilder builder = new PointSeriesBuilder(size);
        for (int i = 0; i < size; i++) {
            double loss = 2.5 * Math.exp(-i / 200_000.0) + 0.05 + 0.001 * random.nextGaussian();
            builder.add(i, (float) loss, jitteredTimestamp(i, random));
        }
        return builder.build();
    }

    /**
     * Returns the loss curve of {@link #smoothFloatLoss} with noise 0.01, printed with 4 decimals and parsed
     * back as a CSV or JSON log gives it (0.3048), logged every 25 iterations, without timestamps.
     */
    public static PointSeries fourDecimalLoss(int size, long seed) {
        Random random = new Random(seed);
        PointSeriesBuilder builder = new PointSeriesBuilder(size);
        for (int i = 0; i < size; i++) {
            double loss = 2.5 * Math.exp(-i / 2_000.0) + 0.05 + 0.01 * random.nextGaussian();
            builder.add(25L * (i + 1), Double.parseDouble(String.format(Locale.ROOT, "%.4f", loss)), PointSeries.NO_TIMESTAMP);
        }
        return builder.build();
    }

    /** Returns uniformly random raw 64-bit doubles (including NaNs with any payload), the codec's worst case. */
    static PointSeries randomDoubles(int size, long seed) {
        Random random = new Random(seed);
        PointSeriesBuilder builder = new PointSeriesBuilder(size);
        for (int i = 0; i < size; i++) {
            builder.add(i, Double.longBitsToDouble(random.nextLong()), jitteredTimestamp(i, random));
        }
        return builder.build();
    }

    private static long jitteredTimestamp(int index, Random random) {
        return START_MILLIS + 100L * index + random.nextInt(7) - 3;
    }
}

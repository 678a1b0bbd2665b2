package org.runbench.cache.codec;

import static org.runbench.cache.codec.CodecAssertions.assertBitIdentical;
import static org.runbench.cache.codec.CodecAssertions.roundTrip;

import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;

/** Round trips of many random series shapes and sizes, with fixed seeds so that failures repeat. */
class SeriesCodecRandomTest {

    /** Sizes around the 128-value block boundary, plus larger chunks. */
    private static final int[] SIZES = {1, 2, 3, 127, 128, 129, 130, 255, 256, 257, 1000, 4096, 10_007};

    private static final long[] SEEDS = {1, 42, 20240229};

    static Stream<Arguments> shapesAndSizes() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Shape shape : Shape.values()) {
            for (int size : SIZES) {
                for (long seed : SEEDS) {
                    cases.add(Arguments.of(shape, size, seed));
                }
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0}, {1} points, seed {2}")
    @MethodSource("shapesAndSizes")
    void randomSeriesRoundTrips(Shape shape, int size, long seed) {
        Random random = new Random(seed);
        PointSeriesBuilder builder = new PointSeriesBuilder(size);
        IterationPattern iterations = IterationPattern.values()[random.nextInt(IterationPattern.values().length)];
        long iteration = random.nextInt(1000) - 500;
        long timestamp = SyntheticSeries.START_MILLIS + random.nextInt(1_000_000);
        for (int i = 0; i < size; i++) {
            iteration = iterations.next(iteration, random);
            timestamp += random.nextInt(50) == 0 ? random.nextInt(20_000) - 10_000 : 100 + random.nextInt(7) - 3;
            long storedTimestamp = random.nextInt(20) == 0 ? PointSeries.NO_TIMESTAMP : timestamp;
            builder.add(iteration, shape.value.apply(i, random), storedTimestamp);
        }
        PointSeries series = builder.build();

        assertBitIdentical(roundTrip(series), series);
    }

    /** Value shapes: each function gets the point index and the shared random source. */
    enum Shape {
        RANDOM_DOUBLES((i, r) -> Double.longBitsToDouble(r.nextLong())),
        RANDOM_FLOATS((i, r) -> (double) Float.intBitsToFloat(r.nextInt())),
        ONE_DIGIT_DECIMALS((i, r) -> decimal(r, 1)),
        TWO_DIGIT_DECIMALS((i, r) -> decimal(r, 2)),
        FOUR_DIGIT_DECIMALS((i, r) -> decimal(r, 4)),
        SIX_DIGIT_DECIMALS((i, r) -> decimal(r, 6)),
        FLOAT_DECIMALS((i, r) -> (double) (float) decimal(r, 5)),
        SMOOTH_CURVE((i, r) -> 2.5 * Math.exp(-i / 3000.0) + 0.05),
        SMOOTH_FLOAT_CURVE((i, r) -> (double) (float) (Math.sin(i / 100.0) * 3)),
        NOISY_CURVE((i, r) -> Math.exp(-i / 500.0) + r.nextGaussian() * 0.1),
        CONSTANT((i, r) -> 0.001),
        HUGE_JUMPS((i, r) -> r.nextBoolean() ? r.nextDouble() * 1e300 : -r.nextDouble() * 1e-300),
        SPECIALS_SPRINKLED((i, r) -> special(r)),
        ;

        private final BiFunction<Integer, Random, Double> value;

        Shape(BiFunction<Integer, Random, Double> value) {
            this.value = value;
        }

        private static double decimal(Random random, int digits) {
            long scale = (long) Math.pow(10, digits);
            return (random.nextInt(2_000_001) - 1_000_000) / (double) scale;
        }

        private static double special(Random random) {
            switch (random.nextInt(12)) {
                case 0:
                    return Double.NaN;
                case 1:
                    return Double.longBitsToDouble(0x7ff0_0000_0000_0000L | (random.nextLong() >>> 12) | 1);
                case 2:
                    return Double.POSITIVE_INFINITY;
                case 3:
                    return Double.NEGATIVE_INFINITY;
                case 4:
                    return -0.0;
                case 5:
                    return Double.MIN_VALUE;
                default:
                    return random.nextInt(10_000) / 1e4;
            }
        }
    }

    /** How iterations move from one point to the next. */
    enum IterationPattern {
        STEP_ONE {
            @Override
            long next(long previous, Random random) {
                return previous + 1;
            }
        },
        STEP_25_WITH_RESUMES {
            @Override
            long next(long previous, Random random) {
                return random.nextInt(300) == 0 ? previous - random.nextInt(5000) : previous + 25;
            }
        },
        RANDOM_LONGS {
            @Override
            long next(long previous, Random random) {
                return random.nextLong();
            }
        },
        REPEATS {
            @Override
            long next(long previous, Random random) {
                return previous + random.nextInt(2);
            }
        };

        abstract long next(long previous, Random random);
    }
}

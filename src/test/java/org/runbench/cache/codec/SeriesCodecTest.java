package org.runbench.cache.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.runbench.cache.codec.CodecAssertions.assertBitIdentical;
import static org.runbench.cache.codec.CodecAssertions.roundTrip;

import org.junit.jupiter.api.Test;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;

class SeriesCodecTest {

    /** A quiet NaN with payload bits that Double.NaN (0x7ff8000000000000) does not have. */
    private static final double NAN_WITH_PAYLOAD = Double.longBitsToDouble(0x7ff8_dead_beef_0001L);

    /** A signalling NaN: quiet bit clear, payload not zero. */
    private static final double SIGNALLING_NAN = Double.longBitsToDouble(0x7ff0_0000_0000_0001L);

    /** A negative NaN, which has the sign bit set. */
    private static final double NEGATIVE_NAN = Double.longBitsToDouble(0xfff8_0000_0000_0000L);

    private static final double[] EDGE_VALUES = {
        Double.NaN, NAN_WITH_PAYLOAD, SIGNALLING_NAN, NEGATIVE_NAN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
        -Double.MAX_VALUE, Double.MIN_NORMAL, 1.0, -1.0, 0.6517, 0.0003, 1e-300, 1e300, Math.PI,
        (double) 0.1f, (double) Float.MAX_VALUE, (double) Float.MIN_VALUE, 123456789.123456789,
    };

    private static final long[] EDGE_ITERATIONS = {
        -1, 0, 1L << 31, 1_000_000_000_000L, 1L << 40, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
        -1, Long.MAX_VALUE, 0, Integer.MAX_VALUE, Integer.MIN_VALUE,
    };

    @Test
    void edgeValuesRoundTripBitForBit() {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        for (int i = 0; i < EDGE_VALUES.length; i++) {
            builder.add(i, EDGE_VALUES[i], SyntheticSeries.START_MILLIS + i);
        }
        PointSeries series = builder.build();

        assertBitIdentical(roundTrip(series), series);
    }

    @Test
    void eachEdgeValueAloneRoundTrips() {
        for (double value : EDGE_VALUES) {
            PointSeries series = new PointSeriesBuilder().add(7, value, PointSeries.NO_TIMESTAMP).build();

            assertBitIdentical(roundTrip(series), series);
        }
    }

    @Test
    void edgeIterationsRoundTripInEveryOrder() {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        for (long iteration : EDGE_ITERATIONS) {
            builder.add(iteration, 0.5, SyntheticSeries.START_MILLIS);
        }
        for (int i = EDGE_ITERATIONS.length - 1; i >= 0; i--) {
            builder.add(EDGE_ITERATIONS[i], -0.5, SyntheticSeries.START_MILLIS);
        }
        PointSeries series = builder.build();

        assertBitIdentical(roundTrip(series), series);
    }

    @Test
    void edgeValuesAsTimestampsRoundTrip() {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        for (long timestamp : EDGE_ITERATIONS) {
            builder.add(1, 1.0, timestamp);
        }
        PointSeries series = builder.build();

        assertBitIdentical(roundTrip(series), series);
    }

    @Test
    void missingTimestampsEverywhereRoundTrip() {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        for (int i = 0; i < 1000; i++) {
            builder.add(25L * i, 1.0 / (i + 1), PointSeries.NO_TIMESTAMP);
        }
        PointSeries series = builder.build();

        assertBitIdentical(roundTrip(series), series);
    }

    @Test
    void missingTimestampsMixedWithRealOnesRoundTrip() {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        for (int i = 0; i < 1000; i++) {
            long timestamp = i % 3 == 0 ? PointSeries.NO_TIMESTAMP : SyntheticSeries.START_MILLIS + 100L * i;
            builder.add(i, i * 0.25, timestamp);
        }
        PointSeries series = builder.build();

        assertBitIdentical(roundTrip(series), series);
    }

    @Test
    void timestampsThatGoBackRoundTrip() {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        for (int i = 0; i < 500; i++) {
            long timestamp = SyntheticSeries.START_MILLIS + 100L * i - (i % 50 == 49 ? 86_400_000L : 0);
            builder.add(i, 0.1 * i, timestamp);
        }
        PointSeries series = builder.build();

        assertBitIdentical(roundTrip(series), series);
    }

    @Test
    void singlePointRoundTrips() {
        PointSeries series = new PointSeriesBuilder().add(Long.MAX_VALUE, -0.0, Long.MIN_VALUE).build();

        byte[] chunk = SeriesCodec.encode(series, 0, 1);

        assertThat(SeriesCodec.pointCount(chunk)).isEqualTo(1);
        assertBitIdentical(roundTrip(series), series);
    }

    @Test
    void emptyRangeDecodesToNoPoints() {
        PointSeries series = SyntheticSeries.smoothFloatLoss(10, 1);
        PointSeriesBuilder builder = new PointSeriesBuilder();

        byte[] chunk = SeriesCodec.encode(series, 4, 4);
        SeriesCodec.decode(chunk, builder);

        assertThat(SeriesCodec.pointCount(chunk)).isZero();
        assertThat(builder.size()).isZero();
    }

    @Test
    void emptySeriesEncodes() {
        byte[] chunk = SeriesCodec.encode(PointSeries.empty(), 0, 0);

        assertThat(SeriesCodec.pointCount(chunk)).isZero();
        assertBitIdentical(roundTrip(PointSeries.empty()), PointSeries.empty());
    }

    @Test
    void repeatedAndDecreasingIterationsRoundTrip() {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        for (int i = 0; i < 300; i++) {
            builder.add(i, i, SyntheticSeries.START_MILLIS + i);
        }
        // The run was resumed from the checkpoint at iteration 200, so iterations 200 to 299 repeat.
        for (int i = 200; i < 400; i++) {
            builder.add(i, i + 0.5, SyntheticSeries.START_MILLIS + 10_000 + i);
        }
        for (int i = 0; i < 50; i++) {
            builder.add(7, 1.0, SyntheticSeries.START_MILLIS + 20_000);
        }
        for (int i = 100; i > 0; i--) {
            builder.add(i, -i, SyntheticSeries.START_MILLIS + 30_000 - i);
        }
        PointSeries series = builder.build();

        assertBitIdentical(roundTrip(series), series);
    }

    @Test
    void middleSliceEncodesOnlyItsPoints() {
        PointSeries series = SyntheticSeries.smoothFloatLoss(1000, 2);

        byte[] chunk = SeriesCodec.encode(series, 300, 700);
        PointSeriesBuilder builder = new PointSeriesBuilder();
        SeriesCodec.decode(chunk, builder);

        assertThat(SeriesCodec.pointCount(chunk)).isEqualTo(400);
        assertBitIdentical(builder.build(), series.slice(300, 700));
    }

    @Test
    void chunksDecodeInOrderIntoOneBuilder() {
        PointSeries series = SyntheticSeries.smoothFloatLoss(10_000, 3);
        PointSeriesBuilder builder = new PointSeriesBuilder(4);

        for (int from = 0; from < series.size(); from += 4096) {
            int to = Math.min(from + 4096, series.size());
            SeriesCodec.decode(SeriesCodec.encode(series, from, to), builder);
        }

        assertBitIdentical(builder.build(), series);
    }

    @Test
    void rangeOutsideSeriesIsRejected() {
        PointSeries series = SyntheticSeries.smoothFloatLoss(10, 4);

        assertThatThrownBy(() -> SeriesCodec.encode(series, 5, 11)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> SeriesCodec.encode(series, 6, 5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> SeriesCodec.encode(series, -1, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void everyValueMappingRoundTripsItsExceptions() {
        // Short decimals, floats, float decimals and random bits, each with NaN, -0.0 and infinities inside.
        double[][] columns = {
            {0.25, 0.5, Double.NaN, 0.75, -0.0, 1.0, Double.POSITIVE_INFINITY, 1.25},
            {0.1f, 0.2f, NAN_WITH_PAYLOAD, 0.3f, -0.0, 0.4f, Double.NEGATIVE_INFINITY, 0.5f},
            {1.0f / 3, 2.0f / 3, SIGNALLING_NAN, 1.0f / 7, -0.0, 1.0f / 9, Double.MAX_VALUE, 1.0f / 11},
            {Math.PI, Math.E, NEGATIVE_NAN, Math.sqrt(2), -0.0, Math.log(3), Double.MIN_VALUE, 1 / Math.PI},
        };
        for (double[] column : columns) {
            PointSeriesBuilder builder = new PointSeriesBuilder();
            for (int repeat = 0; repeat < 40; repeat++) {
                for (int i = 0; i < column.length; i++) {
                    builder.add(builder.size(), column[i], PointSeries.NO_TIMESTAMP);
                }
            }
            PointSeries series = builder.build();

            assertBitIdentical(roundTrip(series), series);
        }
    }
}

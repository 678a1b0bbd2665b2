package org.runbench.cache.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;

/** Encoded size limits. They assert bytes, never time, so they run in the default build. */
class SeriesCodecSizeTest {

    private static final int CHUNK_SIZE = 65_536;

    @Test
    void smoothFloatCurveUnderFourBytes() {
        PointSeries series = SyntheticSeries.smoothFloatLoss(1_000_000, 11);

        assertThat(bytesPerPoint(series, CHUNK_SIZE)).isLessThan(4.0);
    }

    @Test
    void fourDecimalCurveUnderFourBytes() {
        PointSeries series = SyntheticSeries.fourDecimalLoss(100_000, 12);

        assertThat(bytesPerPoint(series, 4096)).isLessThan(4.0);
    }

    @Test
    void constantStepsCostAlmostNothing() {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        for (int i = 0; i < 65_536; i++) {
            builder.add(10L * i, 0.5, SyntheticSeries.START_MILLIS + 1000L * i);
        }

        assertThat(bytesPerPoint(builder.build(), CHUNK_SIZE)).isLessThan(0.1);
    }

    @Test
    void randomDoublesStayNearRawSize() {
        PointSeries series = SyntheticSeries.randomDoubles(65_536, 13);

        // 8 bytes of value plus about 4 bits of timestamp; the raw layout needs 24.
        assertThat(bytesPerPoint(series, CHUNK_SIZE)).isLessThan(8.7);
    }

    private static double bytesPerPoint(PointSeries series, int chunkSize) {
        long bytes = 0;
        for (int from = 0; from < series.size(); from += chunkSize) {
            bytes += SeriesCodec.encode(series, from, Math.min(from + chunkSize, series.size())).length;
        }
        return (double) bytes / series.size();
    }
}

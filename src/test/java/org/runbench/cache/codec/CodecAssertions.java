package org.runbench.cache.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;

/** Round-trip helpers for the codec tests, comparing points bit for bit. */
final class CodecAssertions {

    private CodecAssertions() {
    }

    static PointSeries roundTrip(PointSeries series) {
        byte[] chunk = SeriesCodec.encode(series, 0, series.size());
        PointSeriesBuilder builder = new PointSeriesBuilder();
        SeriesCodec.decode(chunk, builder);
        return builder.build();
    }

    /** Asserts equal size and, at the first differing point, the field that differs. */
    static void assertBitIdentical(PointSeries actual, PointSeries expected) {
        assertThat(actual.size()).as("point count").isEqualTo(expected.size());
        if (actual.equals(expected)) {
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.iteration(i)).as("iteration of point %d", i).isEqualTo(expected.iteration(i));
            assertThat(Double.doubleToRawLongBits(actual.value(i)))
                    .as("raw bits of value %d, expected %s got %s", i, expected.value(i), actual.value(i))
                    .isEqualTo(Double.doubleToRawLongBits(expected.value(i)));
            assertThat(actual.timestamp(i)).as("timestamp of point %d", i).isEqualTo(expected.timestamp(i));
        }
    }
}

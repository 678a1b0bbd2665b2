package org.runbench.cache.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;

class SeriesCodecCorruptionTest {

    private static final String DAMAGED = "Series chunk is damaged: ";
    private static final String NEXT_STEP = "Remove the run from the cache and sync or import it again.";

    private final PointSeries series = SyntheticSeries.smoothFloatLoss(1000, 7);
    private final byte[] chunk = SeriesCodec.encode(series, 0, series.size());

    @Test
    void everyTruncationIsReportedAsDamaged() {
        for (int length = 0; length < chunk.length; length++) {
            byte[] truncated = Arrays.copyOf(chunk, length);
            PointSeriesBuilder builder = new PointSeriesBuilder();

            assertThatThrownBy(() -> SeriesCodec.decode(truncated, builder))
                    .as("chunk cut to %d of %d bytes", length, chunk.length)
                    .isInstanceOf(CorruptChunkException.class)
                    .hasMessageStartingWith(DAMAGED)
                    .hasMessageEndingWith(NEXT_STEP);
            assertThat(builder.size()).as("points appended from a chunk cut to %d bytes", length).isZero();
        }
    }

    @Test
    void everyFlippedBitIsReportedAsDamaged() {
        for (int bit = 8; bit < chunk.length * 8; bit++) {
            byte[] altered = chunk.clone();
            altered[bit / 8] ^= (byte) (1 << (bit % 8));

            assertThatThrownBy(() -> SeriesCodec.decode(altered, new PointSeriesBuilder()))
                    .as("chunk with bit %d flipped", bit)
                    .isInstanceOf(CorruptChunkException.class)
                    .hasMessageStartingWith(DAMAGED);
        }
    }

    @Test
    void checksumMismatchMessageNamesBothChecksums() {
        byte[] altered = chunk.clone();
        altered[chunk.length / 2] ^= 0x10;

        assertThatThrownBy(() -> SeriesCodec.decode(altered, new PointSeriesBuilder()))
                .isInstanceOf(CorruptChunkException.class)
                .hasMessageMatching("Series chunk is damaged: its CRC-32C checksum is 0x[0-9a-f]{8} but the bytes"
                        + " give 0x[0-9a-f]{8}, so it is truncated or altered, at byte " + (chunk.length - 4)
                        + " of " + chunk.length + "\\. " + NEXT_STEP.replace(".", "\\."));
    }

    @Test
    void emptyChunkIsReportedAsDamaged() {
        assertThatThrownBy(() -> SeriesCodec.decode(new byte[0], new PointSeriesBuilder()))
                .isInstanceOf(CorruptChunkException.class)
                .hasMessage(DAMAGED + "it is empty, so it has no format version, at byte 0 of 0. " + NEXT_STEP);
        assertThatThrownBy(() -> SeriesCodec.pointCount(new byte[0]))
                .isInstanceOf(CorruptChunkException.class)
                .hasMessageStartingWith(DAMAGED);
    }

    @Test
    void unknownFormatVersionIsRejected() {
        byte[] future = chunk.clone();
        future[0] = 2;

        String expected = "Series chunk has unknown format version 2; this Runbench reads version 1 only."
                + " A newer Runbench may have written it: update Runbench, or remove the run from the cache"
                + " and sync it again.";
        assertThatThrownBy(() -> SeriesCodec.decode(future, new PointSeriesBuilder()))
                .isInstanceOf(CorruptChunkException.class)
                .hasMessage(expected);
        assertThatThrownBy(() -> SeriesCodec.pointCount(future))
                .isInstanceOf(CorruptChunkException.class)
                .hasMessage(expected);
    }

    @Test
    void truncatedHeaderFailsPointCount() {
        byte[] versionOnly = {1};

        assertThatThrownBy(() -> SeriesCodec.pointCount(versionOnly))
                .isInstanceOf(CorruptChunkException.class)
                .hasMessage(DAMAGED + "it ends before the point count (1 bytes needed, 0 left), at byte 1 of 1. "
                        + NEXT_STEP);
    }

    @Test
    void failedDecodeLeavesTargetUnchanged() {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        SeriesCodec.decode(chunk, builder);
        byte[] truncated = Arrays.copyOf(chunk, chunk.length - 1);

        assertThatThrownBy(() -> SeriesCodec.decode(truncated, builder)).isInstanceOf(CorruptChunkException.class);
        assertThat(builder.build()).isEqualTo(series);
    }
}

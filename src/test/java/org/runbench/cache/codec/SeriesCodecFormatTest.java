package org.runbench.cache.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.runbench.cache.codec.CodecAssertions.assertBitIdentical;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;

/**
 * Checks the stored layout of format version 1: chunks already in users' caches must keep decoding, and
 * damage that a valid checksum does not reveal must still be rejected.
 */
class SeriesCodecFormatTest {

    /**
     * Four points with a short decimal, NaN, -0.0, a repeated iteration and one missing timestamp, as
     * version 1 encodes them.
     */
    private static final String DECIMAL_CHUNK = "0104000000010380a0abfef962c8013f00000000000000800100000000000040"
            + "b4a5060c9dffff1f020402ea6589080a0502502001000000000000f87f02000000000000008053c19671";

    /** Two float32 points without timestamps, as version 1 encodes them. */
    private static final String FLOAT_CHUNK = "010201c8013200020300f403f90100d320a12e";

    @Test
    void versionOneDecimalChunkStillDecodes() {
        PointSeries expected = new PointSeriesBuilder()
                .add(0, 0.6517, 1_700_000_000_000L)
                .add(1, Double.NaN, 1_700_000_000_100L)
                .add(2, 0.6, 1_700_000_000_203L)
                .add(2, -0.0, PointSeries.NO_TIMESTAMP)
                .build();

        assertBitIdentical(decode(HexFormat.of().parseHex(DECIMAL_CHUNK)), expected);
    }

    @Test
    void versionOneFloatChunkStillDecodes() {
        PointSeries expected = new PointSeriesBuilder()
                .add(100, 0.25f, PointSeries.NO_TIMESTAMP)
                .add(125, 0.125f, PointSeries.NO_TIMESTAMP)
                .build();

        assertBitIdentical(decode(HexFormat.of().parseHex(FLOAT_CHUNK)), expected);
    }

    @Test
    void impossiblePointCountIsDamaged() {
        // Version, then 1,000,000,000 as a varint, then nothing: far too short for that many points.
        byte[] chunk = withChecksum(new byte[] {1, (byte) 0x80, (byte) 0x94, (byte) 0xeb, (byte) 0xdc, 0x03});

        assertThatThrownBy(() -> decode(chunk))
                .isInstanceOf(CorruptChunkException.class)
                .hasMessageStartingWith("Series chunk is damaged: it declares 1000000000 points, more than 10 bytes"
                        + " can hold, at byte 1 of 10.");
        assertThatThrownBy(() -> SeriesCodec.pointCount(chunk)).isInstanceOf(CorruptChunkException.class);
    }

    @Test
    void unknownFlagBitsAreDamaged() {
        byte[] body = body(HexFormat.of().parseHex(FLOAT_CHUNK));
        body[2] = 0x03;

        assertThatThrownBy(() -> decode(withChecksum(body)))
                .isInstanceOf(CorruptChunkException.class)
                .hasMessageStartingWith("Series chunk is damaged: its flags byte 0x03 has unknown bits set, at byte 2");
    }

    @Test
    void bitWidthAbove64IsDamaged() {
        byte[] body = body(HexFormat.of().parseHex(DECIMAL_CHUNK));
        // Bytes 3 to 5: first iteration 0, block minimum 0, then the bit width.
        body[5] = 65;

        assertThatThrownBy(() -> decode(withChecksum(body)))
                .isInstanceOf(CorruptChunkException.class)
                .hasMessageStartingWith("Series chunk is damaged: a block has bit width 65, above the maximum of 64");
    }

    @Test
    void unknownValueMappingIsDamaged() {
        byte[] body = body(HexFormat.of().parseHex(FLOAT_CHUNK));
        // Bytes 3 to 6 hold the iteration column (100, then one block: minimum 25, width 0).
        body[7] = 9;

        assertThatThrownBy(() -> decode(withChecksum(body)))
                .isInstanceOf(CorruptChunkException.class)
                .hasMessageStartingWith("Series chunk is damaged: the value mapping 9 is unknown, at byte 7");
    }

    @Test
    void leftOverBytesAreDamaged() {
        byte[] body = body(HexFormat.of().parseHex(FLOAT_CHUNK));
        byte[] longer = Arrays.copyOf(body, body.length + 1);

        assertThatThrownBy(() -> decode(withChecksum(longer)))
                .isInstanceOf(CorruptChunkException.class)
                .hasMessageStartingWith("Series chunk is damaged: 1 bytes are left over after the last column");
    }

    @Test
    void truncatedBodyIsDamagedDespiteChecksum() {
        byte[] body = body(HexFormat.of().parseHex(DECIMAL_CHUNK));
        for (int length = 3; length < body.length; length++) {
            byte[] shorter = withChecksum(Arrays.copyOf(body, length));
            PointSeriesBuilder builder = new PointSeriesBuilder();

            assertThatThrownBy(() -> SeriesCodec.decode(shorter, builder))
                    .as("body cut to %d bytes", length)
                    .isInstanceOf(CorruptChunkException.class)
                    .hasMessageStartingWith("Series chunk is damaged: ");
            assertThat(builder.size()).isZero();
        }
    }

    private static PointSeries decode(byte[] chunk) {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        SeriesCodec.decode(chunk, builder);
        return builder.build();
    }

    private static byte[] body(byte[] chunk) {
        return Arrays.copyOf(chunk, chunk.length - 4);
    }

    /** Appends a valid CRC-32C, so that only the structural checks behind the checksum can catch the damage. */
    private static byte[] withChecksum(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        long value = crc.getValue();
        byte[] chunk = Arrays.copyOf(body, body.length + 4);
        for (int i = 0; i < 4; i++) {
            chunk[body.length + i] = (byte) (value >>> (8 * i));
        }
        return chunk;
    }
}

package org.runbench.cache.codec;

import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32C;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;

/**
 * Encodes a slice of a {@link PointSeries} into a compact chunk of bytes and decodes it back bit for bit,
 * including NaN payloads, -0.0, infinities, any long iteration and {@link PointSeries#NO_TIMESTAMP}.
 *
 * <p>Format version 1, all multi-byte numbers little-endian:
 * <ol>
 *   <li>one byte format version, so that later versions can change everything after it;</li>
 *   <li>the point count as an unsigned varint;</li>
 *   <li>if the count is not zero, one flags byte: bit 0 set means that every timestamp is
 *       {@link PointSeries#NO_TIMESTAMP}, and the other bits are 0;</li>
 *   <li>if the count is not zero, the iterations as a {@link DeltaColumn}: the first value, then the
 *       differences between neighbours bit-packed in blocks of 128, so that a constant step costs almost
 *       nothing;</li>
 *   <li>the timestamps as a second {@link DeltaColumn}, unless flag bit 0 is set;</li>
 *   <li>if the count is not zero, the values as a {@link ValueColumn}: each value is mapped to a long by
 *       whichever tried mapping gives the fewest bytes for this chunk (decimal digits, float32 bits or
 *       float64 bits), and values that the chosen mapping does not reproduce exactly are kept raw as
 *       exceptions;</li>
 *   <li>a CRC-32C of all bytes before it, 4 bytes.</li>
 * </ol>
 * Columns are stored one after the other so that the decoder runs one tight loop per column over primitive
 * arrays. A chunk without any known timestamp stores none, but a chunk that mixes {@code NO_TIMESTAMP} with
 * real timestamps needs up to 64 bits per timestamp in the blocks where they mix. {@code SeriesCodecBenchmark}
 * in the tests measures the bytes per point and decode speed.
 *
 * <p>All methods are static, thread-safe and keep no state between calls.
 */
public final class SeriesCodec {

    /** Format version written by {@link #encode} and the only one {@link #decode} reads. */
    static final int FORMAT_VERSION = 1;

    private static final int CHECKSUM_LENGTH = 4;

    /** Flag bit: every timestamp of the chunk is {@link PointSeries#NO_TIMESTAMP}, so none are stored. */
    private static final int NO_TIMESTAMPS = 1;

    private SeriesCodec() {
    }

    /**
     * Encodes points {@code [from, to)} of {@code series}. Every value is accepted, including NaN payloads and
     * -0.0, and every long iteration and timestamp.
     *
     * @throws IndexOutOfBoundsException if the range is not within the series
     */
    public static byte[] encode(PointSeries series, int from, int to) {
        Objects.requireNonNull(series, "series");
        Objects.checkFromToIndex(from, to, series.size());
        int count = to - from;

        ChunkWriter out = new ChunkWriter(16 + count * 4);
        out.writeByte(FORMAT_VERSION);
        out.writeVarint(count);
        if (count > 0) {
            long[] iterations = new long[count];
            series.copyIterations(from, to, iterations, 0);
            long[] timestamps = new long[count];
            series.copyTimestamps(from, to, timestamps, 0);
            boolean noTimestamps = allMissing(timestamps);
            out.writeByte(noTimestamps ? NO_TIMESTAMPS : 0);
            DeltaColumn.write(iterations, count, out);
            if (!noTimestamps) {
                DeltaColumn.write(timestamps, count, out);
            }

            double[] values = new double[count];
            series.copyValues(from, to, values, 0);
            ValueColumn.write(values, count, out);
        }

        CRC32C checksum = new CRC32C();
        checksum.update(out.buffer(), 0, out.length());
        out.writeLittleEndian(checksum.getValue(), CHECKSUM_LENGTH);
        return out.toByteArray();
    }

    /**
     * Decodes one chunk and appends its points to {@code target}. The chunk is checked in full before any
     * point is appended, so on an exception {@code target} keeps its previous size.
     *
     * @throws CorruptChunkException if the chunk is truncated, fails its checksum or has an unknown version
     */
    public static void decode(byte[] chunk, PointSeriesBuilder target) {
        Objects.requireNonNull(chunk, "chunk");
        Objects.requireNonNull(target, "target");
        checkVersion(chunk);
        checkChecksum(chunk);

        ChunkReader in = new ChunkReader(chunk, 1, chunk.length - CHECKSUM_LENGTH);
        int count = readCount(in, chunk.length);
        if (count == 0) {
            requireFullyRead(in);
            return;
        }
        int start = target.size();
        if (count > Integer.MAX_VALUE - 8 - start) {
            throw new IllegalArgumentException("Too many points: appending " + count + " points to a builder with "
                    + start + " exceeds the maximum series size of " + (Integer.MAX_VALUE - 8) + ". Split the series.");
        }

        int flags = in.readByte("the flags");
        if ((flags & ~NO_TIMESTAMPS) != 0) {
            throw in.damaged(String.format("its flags byte 0x%02x has unknown bits set", flags), in.position() - 1);
        }

        target.ensureCapacity(start + count);
        long[] words = new long[DeltaColumn.WORDS_LENGTH];
        DeltaColumn.read(in, count, target.iterationArray(), start, words);
        if ((flags & NO_TIMESTAMPS) != 0) {
            Arrays.fill(target.timestampArray(), start, start + count, PointSeries.NO_TIMESTAMP);
        } else {
            DeltaColumn.read(in, count, target.timestampArray(), start, words);
        }
        ValueColumn.read(in, count, target.valueArray(), start, words);
        requireFullyRead(in);
        target.setSize(start + count);
    }

    /**
     * Returns the number of points in {@code chunk} from its header, without decoding or checksumming it.
     *
     * @throws CorruptChunkException if the header is truncated or has an unknown version
     */
    public static int pointCount(byte[] chunk) {
        Objects.requireNonNull(chunk, "chunk");
        checkVersion(chunk);
        ChunkReader in = new ChunkReader(chunk, 1, Math.max(1, chunk.length - CHECKSUM_LENGTH));
        return readCount(in, chunk.length);
    }

    private static boolean allMissing(long[] timestamps) {
        for (long timestamp : timestamps) {
            if (timestamp != PointSeries.NO_TIMESTAMP) {
                return false;
            }
        }
        return true;
    }

    private static void checkVersion(byte[] chunk) {
        if (chunk.length == 0) {
            throw ChunkReader.damaged("it is empty, so it has no format version", 0, 0);
        }
        int version = chunk[0] & 0xFF;
        if (version != FORMAT_VERSION) {
            throw new CorruptChunkException("Series chunk has unknown format version " + version
                    + "; this Runbench reads version " + FORMAT_VERSION + " only. A newer Runbench may have"
                    + " written it: update Runbench, or remove the run from the cache and sync it again.");
        }
    }

    private static void checkChecksum(byte[] chunk) {
        int bodyLength = chunk.length - CHECKSUM_LENGTH;
        if (bodyLength < 2) {
            throw ChunkReader.damaged("it is " + chunk.length + " bytes long, shorter than the "
                    + (2 + CHECKSUM_LENGTH) + " bytes of the smallest chunk", chunk.length, chunk.length);
        }
        CRC32C checksum = new CRC32C();
        checksum.update(chunk, 0, bodyLength);
        long stored = new ChunkReader(chunk, bodyLength, chunk.length).readLittleEndian(CHECKSUM_LENGTH, "checksum");
        if (stored != checksum.getValue()) {
            throw ChunkReader.damaged(String.format("its CRC-32C checksum is 0x%08x but the bytes give 0x%08x,"
                    + " so it is truncated or altered", stored, checksum.getValue()), bodyLength, chunk.length);
        }
    }

    /**
     * Reads the point count and rejects counts the chunk cannot hold, so that a damaged header never
     * causes a huge allocation: every block of 128 differences takes at least 2 bytes in each of the
     * iteration and value columns.
     */
    private static int readCount(ChunkReader in, int chunkLength) {
        int at = in.position();
        long count = in.readVarint("the point count");
        long blocks = (Math.max(count, 1) - 1 + DeltaColumn.BLOCK_SIZE - 1) / DeltaColumn.BLOCK_SIZE;
        if (count > Integer.MAX_VALUE || count < 0 || blocks * 4 > chunkLength) {
            throw ChunkReader.damaged("it declares " + Long.toUnsignedString(count) + " points, more than "
                    + chunkLength + " bytes can hold", at, chunkLength);
        }
        return (int) count;
    }

    private static void requireFullyRead(ChunkReader in) {
        if (in.remaining() != 0) {
            throw in.damaged(in.remaining() + " bytes are left over after the last column", in.position());
        }
    }
}

package org.runbench.cache.codec;

/**
 * Lossless coding of a column of longs as its first value followed by the differences between neighbours,
 * bit-packed by frame of reference in blocks of {@value #BLOCK_SIZE}.
 *
 * <p>Layout: the first value as a zigzag varint, then for every block of up to {@value #BLOCK_SIZE}
 * differences its minimum as a zigzag varint, one byte with the bit width {@code w} (0 to 64) of the largest
 * {@code difference - minimum}, and {@code ceil(count * w / 8)} bytes holding those offsets packed
 * least significant bit first. Differences and offsets use wrapping 64-bit arithmetic, so a step from
 * {@code Long.MIN_VALUE} to {@code Long.MAX_VALUE} is still exact. A constant step costs width 0, which is
 * two or three bytes for the whole block.
 */
final class DeltaColumn {

    static final int BLOCK_SIZE = 128;

    /** Length of the scratch word array that {@link #readBlock} needs: 64 bits times 128 values, plus two. */
    static final int WORDS_LENGTH = BLOCK_SIZE + 2;

    private DeltaColumn() {
    }

    /** Appends {@code values[0, count)} to {@code out}; {@code count} must be at least 1. */
    static void write(long[] values, int count, ChunkWriter out) {
        out.writeZigzagVarint(values[0]);
        for (int start = 1; start < count; start += BLOCK_SIZE) {
            int end = Math.min(start + BLOCK_SIZE, count);
            long minimum = minimumDifference(values, start, end);
            int width = offsetWidth(values, start, end, minimum);
            out.writeZigzagVarint(minimum);
            out.writeByte(width);
            if (width > 0) {
                pack(values, start, end, minimum, width, out);
            }
        }
    }

    /** Returns the number of bytes {@link #write} would append for {@code values[0, count)}. */
    static long encodedSize(long[] values, int count) {
        long size = Zigzag.varintSize(Zigzag.encode(values[0]));
        for (int start = 1; start < count; start += BLOCK_SIZE) {
            int end = Math.min(start + BLOCK_SIZE, count);
            long minimum = minimumDifference(values, start, end);
            int width = offsetWidth(values, start, end, minimum);
            size += Zigzag.varintSize(Zigzag.encode(minimum)) + 1 + packedLength(end - start, width);
        }
        return size;
    }

    /** Decodes a whole column of {@code count} values into {@code out[offset, offset + count)}. */
    static void read(ChunkReader in, int count, long[] out, int offset, long[] words) {
        long previous = readFirst(in);
        out[offset] = previous;
        for (int start = 1; start < count; start += BLOCK_SIZE) {
            int blockCount = Math.min(BLOCK_SIZE, count - start);
            previous = readBlock(in, blockCount, previous, out, offset + start, words);
        }
    }

    static long readFirst(ChunkReader in) {
        return in.readZigzagVarint("the first value of a column");
    }

    /**
     * Decodes one block of {@code count} differences, adds them up from {@code previous} into
     * {@code out[offset, offset + count)}, and returns the last value.
     */
    static long readBlock(ChunkReader in, int count, long previous, long[] out, int offset, long[] words) {
        long minimum = in.readZigzagVarint("a block minimum");
        int width = in.readByte("a block bit width");
        if (width > 64) {
            throw in.damaged("a block has bit width " + width + ", above the maximum of 64", in.position() - 1);
        }
        long value = previous;
        if (width == 0) {
            for (int i = 0; i < count; i++) {
                value += minimum;
                out[offset + i] = value;
            }
            return value;
        }
        in.readWords(packedLength(count, width), words, "the packed bits of a block");
        return unpack(words, count, width, minimum, value, out, offset);
    }

    /**
     * Unpacks {@code count} offsets of {@code width} bits (1 to 64) from {@code words} and writes the running
     * sum of {@code minimum + offset} after {@code value}; this is the decoder's inner loop.
     */
    private static long unpack(long[] words, int count, int width, long minimum, long value, long[] out,
            int offset) {
        long mask = width == 64 ? -1L : (1L << width) - 1;
        int wordIndex = 0;
        int shift = 0;
        long current = words[0];
        long sum = value;
        for (int i = 0; i < count; i++) {
            long bits = current >>> shift;
            int end = shift + width;
            if (end >= 64) {
                wordIndex++;
                current = words[wordIndex];
                if (end > 64) {
                    // The offset straddles two words: its high bits start at bit 0 of the next one.
                    bits |= current << (64 - shift);
                }
                end -= 64;
            }
            sum += minimum + (bits & mask);
            out[offset + i] = sum;
            shift = end;
        }
        return sum;
    }

    private static long minimumDifference(long[] values, int start, int end) {
        long minimum = Long.MAX_VALUE;
        for (int i = start; i < end; i++) {
            minimum = Math.min(minimum, values[i] - values[i - 1]);
        }
        return minimum;
    }

    private static int offsetWidth(long[] values, int start, int end, long minimum) {
        long allBits = 0;
        for (int i = start; i < end; i++) {
            allBits |= values[i] - values[i - 1] - minimum;
        }
        return 64 - Long.numberOfLeadingZeros(allBits);
    }

    private static void pack(long[] values, int start, int end, long minimum, int width, ChunkWriter out) {
        long word = 0;
        int filled = 0;
        for (int i = start; i < end; i++) {
            long offset = values[i] - values[i - 1] - minimum;
            word |= offset << filled;
            filled += width;
            if (filled >= 64) {
                out.writeLittleEndian(word, 8);
                filled -= 64;
                // The bits of this offset that did not fit start the next word.
                word = filled == 0 ? 0 : offset >>> (width - filled);
            }
        }
        if (filled > 0) {
            out.writeLittleEndian(word, (filled + 7) >>> 3);
        }
    }

    static int packedLength(int count, int width) {
        return (int) (((long) count * width + 7) >>> 3);
    }
}

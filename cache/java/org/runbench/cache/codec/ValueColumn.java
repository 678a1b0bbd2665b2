package org.runbench.cache.codec;

/**
 * Lossless coding of a column of doubles: each value becomes a long by one of four mappings, chosen per
 * chunk, and the longs are coded as a {@link DeltaColumn}.
 *
 * <p>Mappings, each with the decoder's formula for turning the long {@code n} back into a double:
 * <ul>
 *   <li>{@link #DOUBLE_BITS}: {@code n} is the raw IEEE 754 bits, reordered so that larger doubles get larger
 *       longs; fits any value, and the fallback for random data.</li>
 *   <li>{@link #FLOAT_BITS}: the same on the float32 bits, for values that are floats widened to double,
 *       as ClearML stores scalars.</li>
 *   <li>{@link #DECIMAL}: {@code n / 10^e}, for short decimals such as {@code 0.6517}.</li>
 *   <li>{@link #FLOAT_DECIMAL}: {@code (double) (float) (n / 10^e)}, for floats whose shortest decimal form
 *       is short, such as {@code 0.6517f}.</li>
 * </ul>
 * A value whose raw bits do not come back exactly through the chosen formula is an exception, for example a NaN
 * payload, -0.0, an infinity or a value with too many digits. Its slot repeats the previous long, so it costs
 * no bits in the packed column, and its index and raw 64 bits follow the column.
 *
 * <p>Layout: one byte mapping, one byte exponent {@code e} (decimal mappings only), the exception count as
 * a varint, the delta column, then each exception as a varint gap from the previous exception's index
 * (from 0 for the first) and its 8 raw bytes, little-endian.
 */
final class ValueColumn {

    static final int DOUBLE_BITS = 0;
    static final int FLOAT_BITS = 1;
    static final int DECIMAL = 2;
    static final int FLOAT_DECIMAL = 3;

    static final int MAX_EXPONENT = 18;

    /** Values tried when picking the exponent of a decimal mapping, spread evenly over the chunk. */
    private static final int SAMPLE_SIZE = 256;

    /** Powers of ten from 10^0 to 10^18, every one exact in a double. */
    private static final double[] POWERS_OF_TEN = new double[MAX_EXPONENT + 1];

    static {
        double power = 1;
        for (int e = 0; e <= MAX_EXPONENT; e++) {
            POWERS_OF_TEN[e] = power;
            power *= 10;
        }
    }

    private ValueColumn() {
    }

    /** Appends {@code values[0, count)} to {@code out}, picking the mapping that gives the fewest bytes. */
    static void write(double[] values, int count, ChunkWriter out) {
        Candidate best = new Candidate(DOUBLE_BITS, 0, values, count);
        int[] sample = sampleIndices(count);
        int decimalExponent = bestExponent(DECIMAL, values, sample);
        if (decimalExponent >= 0) {
            best = smaller(best, new Candidate(DECIMAL, decimalExponent, values, count));
        }
        int floatDecimalExponent = bestExponent(FLOAT_DECIMAL, values, sample);
        if (floatDecimalExponent >= 0) {
            best = smaller(best, new Candidate(FLOAT_DECIMAL, floatDecimalExponent, values, count));
        }
        if (countRoundTrips(FLOAT_BITS, 0, values, sample) > 0) {
            best = smaller(best, new Candidate(FLOAT_BITS, 0, values, count));
        }
        best.write(out);
    }

    /** Decodes {@code count} values into {@code out[offset, offset + count)}. */
    static void read(ChunkReader in, int count, double[] out, int offset, long[] words) {
        int mapping = in.readByte("the value mapping");
        if (mapping > FLOAT_DECIMAL) {
            throw in.damaged("the value mapping " + mapping + " is unknown", in.position() - 1);
        }
        int exponent = 0;
        if (mapping == DECIMAL || mapping == FLOAT_DECIMAL) {
            exponent = in.readByte("the decimal exponent");
            if (exponent > MAX_EXPONENT) {
                throw in.damaged("the decimal exponent " + exponent + " is above " + MAX_EXPONENT,
                        in.position() - 1);
            }
        }
        long exceptionCount = in.readVarint("the exception count");
        if (exceptionCount > count) {
            throw in.damaged(exceptionCount + " exceptions are listed for " + count + " values", in.position());
        }

        long[] integers = new long[DeltaColumn.BLOCK_SIZE];
        long previous = DeltaColumn.readFirst(in);
        integers[0] = previous;
        toDoubles(mapping, exponent, integers, 1, out, offset);
        for (int start = 1; start < count; start += DeltaColumn.BLOCK_SIZE) {
            int blockCount = Math.min(DeltaColumn.BLOCK_SIZE, count - start);
            previous = DeltaColumn.readBlock(in, blockCount, previous, integers, 0, words);
            toDoubles(mapping, exponent, integers, blockCount, out, offset + start);
        }

        long index = 0;
        for (long e = 0; e < exceptionCount; e++) {
            index += in.readVarint("an exception index");
            if (index < 0 || index >= count) {
                throw in.damaged("an exception points at value " + index + " of " + count, in.position());
            }
            out[offset + (int) index] = Double.longBitsToDouble(in.readLittleEndian(8, "an exception value"));
        }
    }

    /** Converts {@code integers[0, count)} with the decoder's formula; the mapping is tested outside the loops. */
    private static void toDoubles(int mapping, int exponent, long[] integers, int count, double[] out,
            int offset) {
        double divisor = POWERS_OF_TEN[exponent];
        switch (mapping) {
            case DOUBLE_BITS:
                for (int i = 0; i < count; i++) {
                    out[offset + i] = Double.longBitsToDouble(unsortable(integers[i]));
                }
                break;
            case FLOAT_BITS:
                for (int i = 0; i < count; i++) {
                    out[offset + i] = Float.intBitsToFloat(unsortable((int) integers[i]));
                }
                break;
            case DECIMAL:
                for (int i = 0; i < count; i++) {
                    out[offset + i] = integers[i] / divisor;
                }
                break;
            default:
                for (int i = 0; i < count; i++) {
                    out[offset + i] = (float) (integers[i] / divisor);
                }
                break;
        }
    }

    /** Returns the decoder's result for one long; must match {@link #toDoubles} exactly. */
    private static double toDouble(int mapping, int exponent, long integer) {
        switch (mapping) {
            case DOUBLE_BITS:
                return Double.longBitsToDouble(unsortable(integer));
            case FLOAT_BITS:
                return Float.intBitsToFloat(unsortable((int) integer));
            case DECIMAL:
                return integer / POWERS_OF_TEN[exponent];
            default:
                return (float) (integer / POWERS_OF_TEN[exponent]);
        }
    }

    /** Returns the long that the mapping gives for {@code value}, which still has to be checked by decoding. */
    private static long toInteger(int mapping, int exponent, double value) {
        switch (mapping) {
            case DOUBLE_BITS:
                return sortable(Double.doubleToRawLongBits(value));
            case FLOAT_BITS:
                return sortable(Float.floatToRawIntBits((float) value));
            case DECIMAL:
                return Math.round(value * POWERS_OF_TEN[exponent]);
            default:
                return Math.round((double) (float) value * POWERS_OF_TEN[exponent]);
        }
    }

    private static boolean roundTrips(int mapping, int exponent, double value) {
        long integer = toInteger(mapping, exponent, value);
        return Double.doubleToRawLongBits(toDouble(mapping, exponent, integer)) == Double.doubleToRawLongBits(value);
    }

    /** Returns the smallest exponent with the most sampled values that round-trip, or -1 if none does. */
    private static int bestExponent(int mapping, double[] values, int[] sample) {
        int bestExponent = -1;
        int bestCount = 0;
        for (int e = 0; e <= MAX_EXPONENT; e++) {
            int roundTrips = countRoundTrips(mapping, e, values, sample);
            if (roundTrips > bestCount) {
                bestCount = roundTrips;
                bestExponent = e;
            }
        }
        return bestExponent;
    }

    private static int countRoundTrips(int mapping, int exponent, double[] values, int[] sample) {
        int roundTrips = 0;
        for (int index : sample) {
            if (roundTrips(mapping, exponent, values[index])) {
                roundTrips++;
            }
        }
        return roundTrips;
    }

    private static int[] sampleIndices(int count) {
        int size = Math.min(count, SAMPLE_SIZE);
        int[] indices = new int[size];
        for (int i = 0; i < size; i++) {
            indices[i] = (int) ((long) i * count / size);
        }
        return indices;
    }

    private static Candidate smaller(Candidate first, Candidate second) {
        return second.encodedSize < first.encodedSize ? second : first;
    }

    /**
     * Maps IEEE 754 bits to a long that orders like the double: negative values have their magnitude bits
     * flipped, so that deltas between neighbouring values of either sign stay small. The mapping is its own
     * inverse.
     */
    static long sortable(long bits) {
        return bits ^ ((bits >> 63) >>> 1);
    }

    static long unsortable(long sortableBits) {
        return sortable(sortableBits);
    }

    static int sortable(int bits) {
        return bits ^ ((bits >> 31) >>> 1);
    }

    static int unsortable(int sortableBits) {
        return sortable(sortableBits);
    }

    /** One mapping applied to a whole chunk: its longs, its exceptions and its exact encoded size. */
    private static final class Candidate {

        final int mapping;
        final int exponent;
        final long[] integers;
        final int[] exceptionIndices;
        final long[] exceptionBits;
        final int exceptionCount;
        final long encodedSize;

        Candidate(int mapping, int exponent, double[] values, int count) {
            this.mapping = mapping;
            this.exponent = exponent;
            integers = new long[count];
            boolean[] isException = new boolean[count];
            int exceptions = 0;
            int firstRegular = -1;
            for (int i = 0; i < count; i++) {
                long integer = toInteger(mapping, exponent, values[i]);
                double decoded = toDouble(mapping, exponent, integer);
                if (Double.doubleToRawLongBits(decoded) == Double.doubleToRawLongBits(values[i])) {
                    integers[i] = integer;
                    if (firstRegular < 0) {
                        firstRegular = i;
                    }
                } else {
                    isException[i] = true;
                    exceptions++;
                }
            }

            exceptionCount = exceptions;
            exceptionIndices = new int[exceptions];
            exceptionBits = new long[exceptions];
            long previous = firstRegular < 0 ? 0 : integers[firstRegular];
            long exceptionBytes = 0;
            int lastIndex = 0;
            int e = 0;
            for (int i = 0; i < count; i++) {
                if (isException[i]) {
                    integers[i] = previous;
                    exceptionIndices[e] = i;
                    exceptionBits[e] = Double.doubleToRawLongBits(values[i]);
                    exceptionBytes += Zigzag.varintSize(i - lastIndex) + 8;
                    lastIndex = i;
                    e++;
                } else {
                    previous = integers[i];
                }
            }

            encodedSize = 2 + Zigzag.varintSize(exceptions) + exceptionBytes
                    + DeltaColumn.encodedSize(integers, count);
        }

        void write(ChunkWriter out) {
            out.writeByte(mapping);
            if (mapping == DECIMAL || mapping == FLOAT_DECIMAL) {
                out.writeByte(exponent);
            }
            out.writeVarint(exceptionCount);
            DeltaColumn.write(integers, integers.length, out);
            int lastIndex = 0;
            for (int e = 0; e < exceptionCount; e++) {
                out.writeVarint(exceptionIndices[e] - lastIndex);
                out.writeLittleEndian(exceptionBits[e], 8);
                lastIndex = exceptionIndices[e];
            }
        }
    }
}

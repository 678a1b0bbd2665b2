package org.runbench.cache.codec;

/** Zigzag mapping of signed longs to unsigned ones, so that numbers near zero get short varints. */
final class Zigzag {

    private Zigzag() {
    }

    static long encode(long value) {
        return (value << 1) ^ (value >> 63);
    }

    static long decode(long encoded) {
        return (encoded >>> 1) ^ -(encoded & 1);
    }

    /** Returns the size in bytes of {@code value} written as an unsigned varint. */
    static int varintSize(long value) {
        int significantBits = 64 - Long.numberOfLeadingZeros(value | 1);
        return (significantBits + 6) / 7;
    }
}

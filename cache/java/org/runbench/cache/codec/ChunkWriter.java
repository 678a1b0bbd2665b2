package org.runbench.cache.codec;

import java.util.Arrays;

/** Growable little-endian byte buffer with the primitive writes of the chunk format. Not thread-safe. */
final class ChunkWriter {

    private byte[] bytes;
    private int length;

    ChunkWriter(int expectedLength) {
        bytes = new byte[Math.max(expectedLength, 16)];
    }

    int length() {
        return length;
    }

    void writeByte(int value) {
        ensureRoom(1);
        bytes[length++] = (byte) value;
    }

    /** Writes an unsigned LEB128 varint: 7 bits a byte, low bits first, high bit set on all but the last. */
    void writeVarint(long value) {
        ensureRoom(10);
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            bytes[length++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        bytes[length++] = (byte) rest;
    }

    void writeZigzagVarint(long value) {
        writeVarint(Zigzag.encode(value));
    }

    /** Writes the low {@code byteCount} bytes of {@code value}, least significant first. */
    void writeLittleEndian(long value, int byteCount) {
        ensureRoom(byteCount);
        for (int i = 0; i < byteCount; i++) {
            bytes[length++] = (byte) (value >>> (8 * i));
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    byte[] buffer() {
        return bytes;
    }

    private void ensureRoom(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + extra, bytes.length * 2));
        }
    }
}

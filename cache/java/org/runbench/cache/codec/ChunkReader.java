package org.runbench.cache.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Bounds-checked little-endian reads over one chunk. Every read past {@code limit} raises
 * {@link CorruptChunkException}, naming the {@code field} that was being read. Not thread-safe.
 */
final class ChunkReader {

    private static final VarHandle LONG_LITTLE_ENDIAN =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] bytes;
    private final int limit;
    private int position;

    /** Reads {@code bytes[position, limit)}. */
    ChunkReader(byte[] bytes, int position, int limit) {
        this.bytes = bytes;
        this.position = position;
        this.limit = limit;
    }

    int position() {
        return position;
    }

    int remaining() {
        return limit - position;
    }

    int readByte(String field) {
        require(1, field);
        return bytes[position++] & 0xFF;
    }

    long readVarint(String field) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int next = readByte(field);
            result |= (long) (next & 0x7F) << shift;
            if ((next & 0x80) == 0) {
                return result;
            }
        }
        throw damaged("a varint for " + field + " is longer than 10 bytes", position);
    }

    long readZigzagVarint(String field) {
        return Zigzag.decode(readVarint(field));
    }

    long readLittleEndian(int byteCount, String field) {
        require(byteCount, field);
        long result = 0;
        for (int i = 0; i < byteCount; i++) {
            result |= (long) (bytes[position + i] & 0xFF) << (8 * i);
        }
        position += byteCount;
        return result;
    }

    /**
     * Copies the next {@code byteCount} bytes into {@code words} as little-endian 64-bit words, the last one
     * zero-padded, and advances past them.
     */
    void readWords(int byteCount, long[] words, String field) {
        require(byteCount, field);
        int fullWords = byteCount >>> 3;
        int at = position;
        for (int k = 0; k < fullWords; k++) {
            words[k] = (long) LONG_LITTLE_ENDIAN.get(bytes, at);
            at += 8;
        }
        long tail = 0;
        for (int i = 0; i < (byteCount & 7); i++) {
            tail |= (long) (bytes[at + i] & 0xFF) << (8 * i);
        }
        words[fullWords] = tail;
        position += byteCount;
    }

    void require(int byteCount, String field) {
        if (byteCount > limit - position) {
            throw damaged("it ends before " + field + " (" + byteCount + " bytes needed, "
                    + (limit - position) + " left)", position);
        }
    }

    CorruptChunkException damaged(String cause, int at) {
        return damaged(cause, at, bytes.length);
    }

    static CorruptChunkException damaged(String cause, int at, int chunkLength) {
        return new CorruptChunkException("Series chunk is damaged: " + cause + ", at byte " + at + " of "
                + chunkLength + ". Remove the run from the cache and sync or import it again.");
    }
}

package org.runbench.cache.codec;

/**
 * Signals that an encoded series chunk cannot be decoded because it is truncated, fails its checksum, or
 * has a format version that this build does not read.
 *
 * <p>The exception is unchecked because a damaged chunk is not an outcome a caller can plan for: the cache
 * treats it as damage to the stored data. The codec does not know which run or series the chunk belongs
 * to, so callers that catch it should add the run and metric to their own message.
 */
public final class CorruptChunkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CorruptChunkException(String message) {
        super(message);
    }
}

package org.runbench.cache;

/**
 * A cache that cannot be opened, read or written. The message names the cache folder, the cause in plain
 * words and what to do next, so callers can show it to users as it is.
 */
public class CacheException extends RuntimeException {
    public CacheException(String message) {
        super(message);
    }

    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }
}

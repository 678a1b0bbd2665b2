package org.runbench.cache;

/** The cache was written by a newer Runbench whose schema this version does not know; it was left untouched. */
public final class NewerSchemaException extends CacheException {
    private final int foundVersion;
    private final int knownVersion;

    public NewerSchemaException(String message, int foundVersion, int knownVersion) {
        super(message);
        this.foundVersion = foundVersion;
        this.knownVersion = knownVersion;
    }

    public int foundVersion() {
        return foundVersion;
    }

    public int knownVersion() {
        return knownVersion;
    }
}

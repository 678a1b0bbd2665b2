package org.runbench.cache;

import java.sql.SQLException;
import java.util.Locale;

/** Recognizes the database errors that need more than "try again": a full disk, or a database H2 has closed. */
final class CacheFailures {

    /** H2's error code for a statement on a database that it has closed, for example after a failed write. */
    private static final int DATABASE_IS_CLOSED = 90098;

    private CacheFailures() {
    }

    /** Returns whether {@code error} or one of its causes reports a full disk. */
    static boolean isDiskFull(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("no space left on device")) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether H2 closed the database, so no statement and no clean close can follow. */
    static boolean isDatabaseClosed(SQLException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == DATABASE_IS_CLOSED) {
                return true;
            }
        }
        return false;
    }

    /** Returns the advice for a failed read or write: a full disk's own, or {@code usual}. */
    static String advice(Throwable error, String usual) {
        if (isDiskFull(error)) {
            return "The disk that holds the cache is full: free some space there, then run the command again.";
        }
        return usual;
    }
}

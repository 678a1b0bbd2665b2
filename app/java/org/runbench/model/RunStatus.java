package org.runbench.model;

import java.util.Locale;

/** Task status as the ClearML server reports it; {@link #UNKNOWN} for anything else. */
public enum RunStatus {
    CREATED, QUEUED, IN_PROGRESS, STOPPED, PUBLISHED, PUBLISHING, CLOSED, FAILED, COMPLETED, UNKNOWN;

    /** Parses a status string such as {@code in_progress}; null, blank or unknown text gives UNKNOWN. */
    public static RunStatus fromApi(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** Returns the server's spelling, for example {@code in_progress}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns whether the run may still report new points, so sync must look at it again. */
    public boolean isActive() {
        return this == IN_PROGRESS || this == QUEUED;
    }
}

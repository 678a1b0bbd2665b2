package org.runbench.cache;

import java.util.Objects;

/**
 * One cached console log entry of a synced run.
 *
 * @param timestamp epoch milliseconds as the server reported it
 * @param level     log level, for example {@code info}, or empty
 * @param worker    worker id of the machine that reported it, or empty
 * @param iteration iteration at which it was reported
 * @param message   the text, possibly several lines
 */
public record ConsoleLine(long timestamp, String level, String worker, long iteration, String message) {

    public ConsoleLine {
        level = level == null ? "" : level;
        worker = worker == null ? "" : worker;
        Objects.requireNonNull(message, "message");
    }
}

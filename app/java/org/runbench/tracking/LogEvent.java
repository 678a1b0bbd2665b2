package org.runbench.tracking;

/**
 * One console log entry of a task.
 *
 * @param timestamp epoch milliseconds
 * @param level     log level as reported, for example {@code info}
 * @param worker    worker id of the machine that reported it, or empty
 * @param message   the text, possibly several lines
 * @param iteration iteration at which it was reported
 */
public record LogEvent(long timestamp, String level, String worker, String message, long iteration) {
}

package org.runbench.tracking;

import java.util.List;

/**
 * One batch of console log entries in ascending time.
 *
 * @param total number of entries the server reports for the task; it stops counting at 10,000
 */
public record LogPage(List<LogEvent> events, long total) {

    public LogPage {
        events = List.copyOf(events);
    }
}

package org.runbench.cache;

import org.runbench.model.SeriesKey;

/**
 * The server's summary of one series of a synced run (ClearML's {@code last_metrics}): last, minimum and
 * maximum value and the number of points the server counted. Values are NaN when the server sent none.
 */
public record ServerMetric(SeriesKey key, double last, double min, double max, long count) {
}

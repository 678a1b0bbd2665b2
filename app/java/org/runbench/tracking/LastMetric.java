package org.runbench.tracking;

import org.runbench.model.SeriesKey;

/**
 * Summary of one series from a task's {@code last_metrics}: last, minimum and maximum value.
 * The server keeps at most 2,000 of these per task, so they are no complete list of series.
 */
public record LastMetric(SeriesKey key, double value, double minValue, double maxValue, long count) {
}

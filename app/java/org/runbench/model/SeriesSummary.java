package org.runbench.model;

/**
 * Point count and last, minimum and maximum value of one cached series, with the iteration of each.
 * Minimum and maximum ignore NaN; they are NaN when the series has no number at all.
 */
public record SeriesSummary(SeriesKey key, long points, double last, long lastIteration, double min,
                            long minIteration, double max, long maxIteration) {
}

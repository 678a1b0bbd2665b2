package org.runbench.views.summary;

import org.runbench.model.SeriesKey;
import org.runbench.model.SeriesSummary;

/**
 * One row of the summary table: one series of one run.
 *
 * @param best whether this run has the best value of the series among the compared runs
 */
public record SummaryRow(SeriesKey key, String runName, SeriesSummary summary, boolean higherIsBetter, boolean best) {
}

package org.runbench.views;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runbench.model.Run;
import org.runbench.model.SeriesKey;
import org.runbench.model.SeriesSummary;

/** One row of the runs table: a run and the summary of each of its series. */
public record RunRow(Run run, Map<SeriesKey, SeriesSummary> summaries) {

    public static RunRow of(Run run, List<SeriesSummary> summaries) {
        Map<SeriesKey, SeriesSummary> byKey = new LinkedHashMap<>();
        for (SeriesSummary summary : summaries) {
            byKey.put(summary.key(), summary);
        }
        return new RunRow(run, byKey);
    }

    /** Returns the last value of a series, or NaN when the run does not have it. */
    public double lastValue(SeriesKey key) {
        SeriesSummary summary = summaries.get(key);
        return summary == null ? Double.NaN : summary.last();
    }

    public String name() {
        return run.name();
    }
}

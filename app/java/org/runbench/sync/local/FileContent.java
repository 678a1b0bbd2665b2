package org.runbench.sync.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runbench.model.ConfigurationItem;
import org.runbench.model.Hyperparameter;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.Run;
import org.runbench.model.RunStatus;
import org.runbench.model.SeriesKey;

/** Series, hyperparameters and run fields read from one results file and the files beside it. Not thread-safe. */
final class FileContent {

    private final Map<SeriesKey, PointSeriesBuilder> builders = new LinkedHashMap<>();
    final List<Hyperparameter> hyperparameters = new ArrayList<>();
    final List<ConfigurationItem> configuration = new ArrayList<>();
    long lastIteration = Run.NO_ITERATION;
    Instant started;
    Instant completed;
    RunStatus status = RunStatus.COMPLETED;
    String statusReason = "";

    /** Returns the builder of {@code key}, adding a series at the end of the order when it is new. */
    PointSeriesBuilder series(SeriesKey key) {
        return builders.computeIfAbsent(key, newKey -> new PointSeriesBuilder());
    }

    boolean hasSeries(SeriesKey key) {
        return builders.containsKey(key);
    }

    /** Returns the series in the order they were first added. */
    Map<SeriesKey, PointSeries> buildSeries() {
        Map<SeriesKey, PointSeries> series = new LinkedHashMap<>();
        builders.forEach((key, builder) -> series.put(key, builder.buildAndReset()));
        return series;
    }
}

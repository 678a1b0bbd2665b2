package org.runbench.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run with everything that is cached about it: fields, hyperparameters, configuration and scalar series.
 *
 * @param series series in the order the run reported them
 */
public record RunData(Run run, List<Hyperparameter> hyperparameters, List<ConfigurationItem> configuration,
                      Map<SeriesKey, PointSeries> series) {
    public RunData {
        Objects.requireNonNull(run, "run");
        hyperparameters = List.copyOf(hyperparameters);
        configuration = List.copyOf(configuration);
        series = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(series));
    }
}

package org.runbench.model.diff;

import java.util.List;
import java.util.Objects;
import org.runbench.model.ConfigurationItem;
import org.runbench.model.Hyperparameter;

/**
 * The hyperparameters and configuration items of one run, as {@link RunDiff} compares them.
 *
 * @param label           column header for the run, usually its name
 * @param hyperparameters hyperparameters in the order the run reported them
 * @param configuration   configuration items in the order the run reported them
 */
public record RunParameters(String label, List<Hyperparameter> hyperparameters, List<ConfigurationItem> configuration) {

    public RunParameters {
        Objects.requireNonNull(label, "label");
        hyperparameters = List.copyOf(hyperparameters);
        configuration = List.copyOf(configuration);
    }
}

package org.runbench.sync.local;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.runbench.model.ConfigurationItem;
import org.runbench.model.Hyperparameter;
import org.runbench.model.PointSeries;
import org.runbench.model.Run;
import org.runbench.model.RunData;
import org.runbench.model.SeriesKey;

/**
 * One run read from a local results file, ready to be written to the cache.
 *
 * @param sourcePath      absolute path of the results file, or the resource path of a bundled sample
 * @param projectName     suggested project name: the folder given to the reader, or the file's folder
 * @param run             the run, with server {@link org.runbench.model.RunId#LOCAL_SERVER}, the stable task
 *                        id, the name and the project name as project id
 * @param hyperparameters hyperparameters from the file and the files beside it, in file order
 * @param configuration   the text of those hyperparameter files
 * @param series          series in the order of the file's columns or keys
 */
public record ParsedRun(String sourcePath, String projectName, Run run, List<Hyperparameter> hyperparameters,
                        List<ConfigurationItem> configuration, Map<SeriesKey, PointSeries> series) {

    public ParsedRun {
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(run, "run");
        hyperparameters = List.copyOf(hyperparameters);
        configuration = List.copyOf(configuration);
        series = Collections.unmodifiableMap(new LinkedHashMap<>(series));
    }

    /** Returns the run's name, such as {@code a2c/CartPole-v1_1}. */
    public String name() {
        return run.name();
    }

    /** Returns the stable task id, the same for every import of the same file. */
    public String taskId() {
        return run.id().taskId();
    }

    /** Returns the run with everything read for it, as the cache stores it. */
    public RunData toRunData() {
        return new RunData(run, hyperparameters, configuration, series);
    }
}

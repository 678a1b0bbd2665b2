package org.runbench.tracking;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.runbench.model.ConfigurationItem;
import org.runbench.model.Hyperparameter;
import org.runbench.model.Run;
import org.runbench.model.RunId;
import org.runbench.model.RunStatus;

/**
 * The fields of a ClearML task that Runbench caches, as {@code tasks.get_all_ex} returns them.
 * Times are null when the server has none; {@code lastIteration} is {@link Run#NO_ITERATION} when absent.
 */
public record TaskRecord(String id, String name, RunStatus status, String statusReason, String user, List<String> tags,
                         String projectId, String projectName, Instant created, Instant started, Instant completed,
                         Instant lastUpdate, long lastIteration, String parentId, String executionQueue, String script,
                         List<Hyperparameter> hyperparameters, List<ConfigurationItem> configuration,
                         List<LastMetric> lastMetrics) {

    public TaskRecord {
        Objects.requireNonNull(id, "id");
        tags = List.copyOf(tags);
        hyperparameters = List.copyOf(hyperparameters);
        configuration = List.copyOf(configuration);
        lastMetrics = List.copyOf(lastMetrics);
    }

    /** Converts to the domain model for the server with key {@code serverKey}. */
    public Run toRun(String serverKey) {
        return new Run(new RunId(serverKey, id), projectId == null ? "" : projectId, name == null ? id : name, status,
                statusReason, user, tags, created, started, completed, lastUpdate, lastIteration, parentId,
                executionQueue, script, null, false);
    }
}

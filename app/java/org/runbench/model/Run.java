package org.runbench.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One training run (a ClearML task, or a results file imported from disk) without its series.
 *
 * @param id            server and task id
 * @param projectId     id of the project within the same server
 * @param name          display name
 * @param status        task status
 * @param statusReason  the server's reason for the status, or empty
 * @param user          user name of the owner, or empty
 * @param tags          tags in the server's order
 * @param created       creation time, or null if unknown
 * @param started       start time, or null if unknown
 * @param completed     completion time, or null if not completed or unknown
 * @param lastUpdate    time of the last change on the server (or of the imported file), or null
 * @param lastIteration last reported iteration, or {@link #NO_ITERATION}
 * @param parentTaskId  task id of the parent run on the same server, or null
 * @param queue         name or id of the queue the task was last enqueued on, or null
 * @param script        short script summary (repository, entry point), or empty
 * @param sourcePath    absolute path of the imported file; null for synced runs
 * @param deleted       true when the server no longer has the task but the cache keeps it
 */
public record Run(
        RunId id,
        String projectId,
        String name,
        RunStatus status,
        String statusReason,
        String user,
        List<String> tags,
        Instant created,
        Instant started,
        Instant completed,
        Instant lastUpdate,
        long lastIteration,
        String parentTaskId,
        String queue,
        String script,
        String sourcePath,
        boolean deleted) {

    /** Last iteration of a run that has reported none. */
    public static final long NO_ITERATION = Long.MIN_VALUE;

    public Run {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(name, "name");
        status = status == null ? RunStatus.UNKNOWN : status;
        statusReason = statusReason == null ? "" : statusReason;
        user = user == null ? "" : user;
        tags = tags == null ? List.of() : List.copyOf(tags);
        script = script == null ? "" : script;
    }

    /** Returns a copy with another last iteration. */
    public Run withLastIteration(long iteration) {
        return new Run(id, projectId, name, status, statusReason, user, tags, created, started, completed,
                lastUpdate, iteration, parentTaskId, queue, script, sourcePath, deleted);
    }

    /** Returns a copy in another project. */
    public Run withProjectId(String project) {
        return new Run(id, project, name, status, statusReason, user, tags, created, started, completed,
                lastUpdate, lastIteration, parentTaskId, queue, script, sourcePath, deleted);
    }

    /** Returns a copy marked deleted (or not) on the server. */
    public Run withDeleted(boolean isDeleted) {
        return new Run(id, projectId, name, status, statusReason, user, tags, created, started, completed,
                lastUpdate, lastIteration, parentTaskId, queue, script, sourcePath, isDeleted);
    }
}

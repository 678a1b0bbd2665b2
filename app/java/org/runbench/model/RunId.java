package org.runbench.model;

import java.util.Objects;

/**
 * Identity of a cached run: the server it came from and its task id on that server.
 *
 * <p>Runs imported from local files use the server {@link #LOCAL_SERVER} and a task id derived from the
 * path of their results file, so importing the same file again finds the same run.
 */
public record RunId(String server, String taskId) implements Comparable<RunId> {

    /** Server name of runs imported from local files rather than synced from a ClearML server. */
    public static final String LOCAL_SERVER = "local";

    public RunId {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(taskId, "taskId");
        if (server.isBlank() || taskId.isBlank()) {
            throw new IllegalArgumentException("A run id needs a server and a task id, got '" + server + "' / '" + taskId + "'");
        }
    }

    public static RunId local(String taskId) {
        return new RunId(LOCAL_SERVER, taskId);
    }

    public boolean isLocal() {
        return LOCAL_SERVER.equals(server);
    }

    @Override
    public int compareTo(RunId other) {
        int byServer = server.compareTo(other.server);
        return byServer != 0 ? byServer : taskId.compareTo(other.taskId);
    }

    /** Returns the task id, which is how the command line prints and accepts runs. */
    @Override
    public String toString() {
        return taskId;
    }
}

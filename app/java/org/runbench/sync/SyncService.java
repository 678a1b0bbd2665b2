package org.runbench.sync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.runbench.model.RunId;

/**
 * Brings runs from configured ClearML servers into the cache, for the app's connection page, Sync button
 * and log tab. Every method blocks on the network or the disk: call it off the JavaFX thread.
 * Implementations are thread-safe; two syncs of the same project never run at once.
 */
public interface SyncService {

    /** Returns the configured servers, the default one first; empty when none is configured. */
    List<ServerEntry> servers();

    /** Checks the connection to a configured server (by {@link ServerEntry#key()}); network trouble is reported in the result. */
    ConnectionReport check(String serverKey);

    /** Lists the projects on a server, reading the server. */
    List<RemoteProject> remoteProjects(String serverKey, Progress progress);

    /**
     * Syncs the given projects of a server (all of them when {@code projectIds} is empty): changed runs and
     * their fields, hyperparameters, configuration and every scalar series at full resolution. Each run is
     * written in its own transaction, so a cancel or crash keeps every run either as before or complete.
     *
     * @param since only runs changed at or after this time, or null for changes since the last sync
     */
    SyncReport sync(String serverKey, List<String> projectIds, Instant since, Progress progress);

    /** Downloads and caches the console log of a synced run; returns the whole cached log. */
    String syncConsoleLog(RunId run, Progress progress);

    /** Returns the cached console log of a run, if it was ever synced. */
    Optional<String> cachedConsoleLog(RunId run);

    /**
     * A configured server.
     *
     * @param key   the cache's server key (host, port and path), also stored with each synced run
     * @param apiUrl the API server URL
     * @param webUrl the web UI URL, or empty
     * @param source where the settings came from, such as {@code ~/clearml.conf} or {@code CLEARML_API_HOST}
     */
    record ServerEntry(String key, String apiUrl, String webUrl, String source) {
    }

    /** Outcome of a connection check. */
    enum ConnectionOutcome { CONNECTED, BAD_CREDENTIALS, UNREACHABLE, TLS_FAILURE, NOT_AN_API_SERVER, NOT_CONFIGURED }

    /**
     * Result of a connection check, worded for users.
     *
     * @param serverVersion the server's version when connected, else empty
     * @param message       what happened, naming the server
     * @param nextStep      what to do next, empty when connected
     * @param warnings      for example that TLS verification is off
     */
    record ConnectionReport(String serverKey, ConnectionOutcome outcome, String serverVersion, String message,
                            String nextStep, List<String> warnings) {
        public boolean isConnected() {
            return outcome == ConnectionOutcome.CONNECTED;
        }
    }

    /** A project on the server. */
    record RemoteProject(String serverKey, String id, String name) {
        /** Returns the project name, as lists show it. */
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Outcome of one sync.
     *
     * @param runsChanged     runs found changed on the server and written
     * @param runsDeleted     cached runs no longer on the server, now marked deleted
     * @param pointsWritten   new points written to the cache
     * @param failures        one message per run or series that failed; the rest of the sync went on
     * @param cancelled       whether the user cancelled before the end
     */
    record SyncReport(String serverKey, List<String> projectIds, int runsChanged, int runsDeleted, long pointsWritten,
                      List<String> failures, boolean cancelled) {
    }
}

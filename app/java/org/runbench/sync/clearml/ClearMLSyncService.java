package org.runbench.sync.clearml;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.runbench.cache.CacheException;
import org.runbench.cache.CacheTransaction;
import org.runbench.cache.ConsoleLine;
import org.runbench.cache.RunCache;
import org.runbench.model.Project;
import org.runbench.model.RunId;
import org.runbench.sync.Progress;
import org.runbench.sync.SyncService;
import org.runbench.tracking.ClearMLAuthException;
import org.runbench.tracking.ClearMLClient;
import org.runbench.tracking.ClearMLConnection;
import org.runbench.tracking.ClearMLConnectionException;
import org.runbench.tracking.ClearMLException;
import org.runbench.tracking.ConnectionCheck;
import org.runbench.tracking.ConnectionChecker;
import org.runbench.tracking.ServerSettings;
import org.runbench.tracking.SettingsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SyncService} for ClearML servers: syncs projects into the {@link RunCache}, checks
 * connections and caches console logs.
 *
 * <p>Thread-safe. Syncs of different projects may run at once, but a second sync of a project waits for
 * the first. Every method blocks on the network or the disk. One {@link ClearMLClient} per server is kept,
 * so its login token is reused across syncs.
 */
public final class ClearMLSyncService implements SyncService {

    private static final Logger LOG = LoggerFactory.getLogger(ClearMLSyncService.class);

    private final RunCache cache;
    private final ConfiguredServers configured;
    private final Function<ServerSettings, ClearMLConnection> connections;
    private final ConnectionChecker checker;
    private final SyncOptions options;
    private final Clock clock;
    private final Map<String, ClearMLClient> clients = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> projectLocks = new ConcurrentHashMap<>();

    /**
     * @param connections opens a connection to a server on the application's shared HTTP client, once per
     *                    server
     * @param checker     checks connections for {@link #check}
     */
    public ClearMLSyncService(RunCache cache, ConfiguredServers configured,
                              Function<ServerSettings, ClearMLConnection> connections, ConnectionChecker checker,
                              SyncOptions options, Clock clock) {
        this.cache = cache;
        this.configured = configured;
        this.connections = connections;
        this.checker = checker;
        this.options = options;
        this.clock = clock;
    }

    @Override
    public List<ServerEntry> servers() {
        List<ServerEntry> entries = new ArrayList<>();
        for (ServerSettings settings : configured.servers()) {
            entries.add(new ServerEntry(settings.key(), settings.apiHost(), settings.webHost(), settings.source()));
        }
        return entries;
    }

    /** Returns why the settings name no server or not every server, worded for users, or empty when all is well. */
    public String configurationProblem() {
        return configured.problem();
    }

    @Override
    public ConnectionReport check(String serverKey) {
        Optional<ServerSettings> settings = settings(serverKey);
        if (settings.isEmpty()) {
            String message = configured.servers().isEmpty() && !configured.problem().isEmpty()
                    ? configured.problem()
                    : "No ClearML server with the key '" + serverKey + "' is configured.";
            return new ConnectionReport(serverKey, ConnectionOutcome.NOT_CONFIGURED, "", message,
                    "Run clearml-init, pass --api-host, --access-key and --secret-key, or add the server to the"
                            + " Runbench servers file.", List.of());
        }
        ConnectionCheck check = checker.check(settings.get());
        return new ConnectionReport(check.serverKey(), ConnectionOutcome.valueOf(check.outcome().name()),
                check.serverVersion(), check.message(), check.nextStep(), check.warnings());
    }

    @Override
    public List<RemoteProject> remoteProjects(String serverKey, Progress progress) {
        ClearMLClient client = client(serverKey);
        progress.update("Listing the projects on " + serverKey, -1);
        List<RemoteProject> projects = new ArrayList<>();
        for (Project project : client.allProjects()) {
            projects.add(new RemoteProject(serverKey, project.id(), project.name()));
        }
        return projects;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Failures of single runs, of a project's listing, of the connection and of the credentials are
     * reported in {@link SyncReport#failures()} rather than thrown.
     *
     * @throws IllegalArgumentException when no server has the key {@code serverKey}
     */
    @Override
    public SyncReport sync(String serverKey, List<String> projectIds, Instant since, Progress progress) {
        long start = System.nanoTime();
        ClearMLClient client = client(serverKey);
        Tally tally = new Tally();

        try {
            ServerSettings settings = client.connection().settings();
            write(transaction -> transaction.upsertServer(serverKey, settings.apiHost(), settings.webHost()));
            progress.update("Listing the projects on " + serverKey, -1);
            List<Project> projects = selectProjects(client.allProjects(), projectIds, tally.failures, serverKey);
            for (Project project : projects) {
                syncProject(client, project, since, progress, tally);
                if (tally.cancelled) {
                    break;
                }
            }
        } catch (SyncCancelledException e) {
            tally.cancelled = true;
        } catch (ClearMLAuthException | ClearMLConnectionException | SettingsException e) {
            tally.failures.add("Sync from " + serverKey + " stopped: " + e.getMessage());
            LOG.error("Sync from {} stopped: {}", serverKey, e.getMessage());
        } catch (CacheException e) {
            tally.failures.add("Sync from " + serverKey + " stopped because the cache failed: " + e.getMessage());
            LOG.error("Sync from {} stopped: {}", serverKey, e.getMessage());
        }

        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        LOG.info("Sync from {}: {} runs changed, {} marked deleted, {} points written, {} failures{} in {} ms",
                serverKey, tally.changed, tally.deleted, tally.points, tally.failures.size(),
                tally.cancelled ? ", cancelled" : "", millis);
        return new SyncReport(serverKey, tally.syncedIds, tally.changed, tally.deleted, tally.points, tally.failures,
                tally.cancelled);
    }

    /**
     * Syncs one project while holding its lock and adds the outcome to {@code tally}. A failure of the
     * project's listing is recorded and the sync goes on with the next project.
     *
     * @throws ClearMLAuthException       when the credentials are rejected, which stops the whole sync
     * @throws ClearMLConnectionException when the server cannot be reached, which stops the whole sync
     */
    private void syncProject(ClearMLClient client, Project project, Instant since, Progress progress, Tally tally) {
        String serverKey = client.serverKey();
        ReentrantLock lock = projectLocks.computeIfAbsent(serverKey + "\n" + project.id(), key -> new ReentrantLock());
        lock.lock();
        try {
            ProjectSync.Outcome outcome = new ProjectSync(cache, client, options, progress, clock).sync(project, since);
            tally.changed += outcome.runsChanged();
            tally.deleted += outcome.runsDeleted();
            tally.points += outcome.pointsWritten();
            tally.failures.addAll(outcome.failures());
            tally.cancelled = outcome.cancelled();
            if (!outcome.cancelled()) {
                tally.syncedIds.add(project.id());
            }
        } catch (ClearMLAuthException | ClearMLConnectionException e) {
            throw e;
        } catch (ClearMLException | CacheException e) {
            tally.failures.add("Sync of project " + project.name() + " on " + serverKey + " failed: " + e.getMessage());
            LOG.warn("Sync of project {} on {} failed: {}", project.id(), serverKey, e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    /** Running totals of one sync. */
    private static final class Tally {
        final List<String> failures = new ArrayList<>();
        final List<String> syncedIds = new ArrayList<>();
        int changed;
        int deleted;
        long points;
        boolean cancelled;
    }

    private static List<Project> selectProjects(List<Project> remote, List<String> projectIds, List<String> failures,
                                                String serverKey) {
        if (projectIds == null || projectIds.isEmpty()) {
            return remote;
        }
        List<Project> selected = new ArrayList<>();
        for (String id : projectIds) {
            Optional<Project> match = remote.stream().filter(project -> project.id().equals(id)).findFirst();
            if (match.isPresent()) {
                selected.add(match.get());
            } else {
                failures.add("No project with the id " + id + " exists on " + serverKey
                        + ". List the server's projects and pick one of them.");
            }
        }
        return selected;
    }

    /**
     * {@inheritDoc}
     *
     * <p>A cancel returns the log cached before. Reads only what is newer than the cached log: from the last cached timestamp on, replacing the
     * cached entries at that timestamp so none is lost or repeated.
     *
     * @throws IllegalArgumentException when the run is not cached or its server is not configured
     * @throws ClearMLException         when the server fails, leaving the cached log as it was
     */
    @Override
    public String syncConsoleLog(RunId run, Progress progress) {
        if (cache.run(run).isEmpty()) {
            throw new IllegalArgumentException("Run " + run.taskId() + " from " + run.server()
                    + " is not cached. Sync its project first, then fetch its console log.");
        }
        ClearMLClient client = client(run.server());
        List<ConsoleLine> cached = cache.consoleLog(run);
        Long from = cached.isEmpty() ? null : cached.get(cached.size() - 1).timestamp();
        progress.update("Reading the console log of run " + run.taskId() + " from " + run.server(), -1);
        List<ConsoleLine> lines;
        try {
            lines = new ConsoleLogReader(client, options.logBatch(), progress).readFrom(run.taskId(), from);
        } catch (SyncCancelledException e) {
            return cachedConsoleLog(run).orElse("");
        }
        write(transaction -> transaction.replaceConsoleLogFrom(run, from == null ? Long.MIN_VALUE : from, lines));
        return cachedConsoleLog(run).orElse("");
    }

    @Override
    public Optional<String> cachedConsoleLog(RunId run) {
        List<ConsoleLine> lines = cache.consoleLog(run);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (ConsoleLine line : lines) {
            text.append(line.message());
            if (!line.message().endsWith("\n")) {
                text.append('\n');
            }
        }
        return Optional.of(text.toString());
    }

    private Optional<ServerSettings> settings(String serverKey) {
        return configured.servers().stream().filter(settings -> settings.key().equals(serverKey)).findFirst();
    }

    private ClearMLClient client(String serverKey) {
        ServerSettings settings = settings(serverKey).orElseThrow(() -> new IllegalArgumentException(
                "No ClearML server with the key '" + serverKey + "' is configured; known: "
                        + servers().stream().map(ServerEntry::key).toList() + "."));
        return clients.computeIfAbsent(serverKey,
                key -> new ClearMLClient(connections.apply(settings)));
    }

    private void write(java.util.function.Consumer<CacheTransaction> work) {
        try (CacheTransaction transaction = cache.begin()) {
            work.accept(transaction);
            transaction.commit();
        }
    }
}

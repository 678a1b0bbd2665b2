package org.runbench.sync.clearml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.runbench.cache.CacheTransaction;
import org.runbench.cache.RunCache;
import org.runbench.model.Project;
import org.runbench.model.Run;
import org.runbench.model.RunId;
import org.runbench.sync.Progress;
import org.runbench.tracking.ClearMLAuthException;
import org.runbench.tracking.ClearMLClient;
import org.runbench.tracking.ClearMLConnectionException;
import org.runbench.tracking.ClearMLException;
import org.runbench.tracking.Endpoint;
import org.runbench.tracking.TaskQuery;
import org.runbench.tracking.TaskRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs one project of one server: lists the tasks changed since the project's cursor, writes each
 * changed or active one with {@link RunWriter}, marks cached runs the server no longer has as deleted,
 * and records the project as synced when all of that succeeded.
 *
 * <p>The listing pages by {@code last_update} itself (each page requests tasks at or after the last one
 * seen) rather than by page number, so a task that changes during the listing moves to a later page
 * instead of shifting another task out of view.
 */
final class ProjectSync {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectSync.class);

    /** Outcome of a project sync; {@code cancelled} is true when the user stopped it before the end. */
    record Outcome(int runsChanged, int runsDeleted, long pointsWritten, List<String> failures, boolean cancelled) {
    }

    private final RunCache cache;
    private final ClearMLClient client;
    private final SyncOptions options;
    private final Progress progress;
    private final Clock clock;

    // Tallies of the current sync. An instance syncs one project once.
    private List<String> failures;
    private int changed;
    private long points;

    ProjectSync(RunCache cache, ClearMLClient client, SyncOptions options, Progress progress, Clock clock) {
        this.cache = cache;
        this.client = client;
        this.options = options;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * Syncs the project.
     *
     * @param since only tasks changed at or after this instant, or null to continue from the cursor
     * @throws ClearMLAuthException       when the server rejects the credentials (the whole sync stops)
     * @throws ClearMLConnectionException when the server cannot be reached after retries
     */
    Outcome sync(Project project, Instant since) {
        String server = client.serverKey();
        write(transaction -> transaction.upsertProject(new Project(server, project.id(), project.name(), null)));

        Map<String, Run> cached = new HashMap<>();
        for (Run run : cache.runs(server, project.id())) {
            cached.put(run.id().taskId(), run);
        }
        Instant cursor = since != null ? since : cache.syncCursor(server, project.id()).orElse(null);

        failures = new ArrayList<>();
        changed = 0;
        points = 0;
        try {
            return syncListed(project, cursor, cached);
        } catch (SyncCancelledException e) {
            return new Outcome(changed, 0, points, failures, true);
        }
    }

    private Outcome syncListed(Project project, Instant cursor, Map<String, Run> cached) {
        String server = client.serverKey();
        Instant windowStart = listingStart(cursor, cached.values());
        int failedInARow = 0;
        Instant latestSeen = null;
        ScalarEventReader reader = new ScalarEventReader(client.connection(), options.eventBatch(), progress::isCancelled);
        RunWriter writer = new RunWriter(cache, client, reader, progress);

        Set<String> handled = new HashSet<>();
        Instant pageSince = windowStart;
        int pageIndex = 0;
        while (true) {
            checkCancelled();
            progress.update("Listing changed runs of project " + project.name() + " on " + server, -1);
            List<TaskRecord> page = client.tasks(new TaskQuery(List.of(project.id()), pageSince), pageIndex,
                    options.taskPageSize());
            for (TaskRecord task : page) {
                if (!handled.add(task.id() + "@" + task.lastUpdate())) {
                    continue;
                }
                latestSeen = later(latestSeen, task.lastUpdate());
                Run known = cached.get(task.id());
                if (!needsSync(task, known)) {
                    continue;
                }
                checkCancelled();
                String label = "Syncing run " + task.name() + " (" + task.id() + ") of project " + project.name();
                progress.update(label, -1);
                try {
                    points += writer.write(task, failures.isEmpty() ? project.id() : null, label);
                    changed++;
                    failedInARow = 0;
                } catch (ClearMLAuthException | ClearMLConnectionException | SyncCancelledException e) {
                    throw e;
                } catch (ClearMLException | org.runbench.cache.CacheException e) {
                    failures.add("Run " + task.name() + " (" + task.id() + ") of project " + project.name()
                            + " was not synced, and its cached copy was kept: " + e.getMessage());
                    LOG.warn("Sync of run {} on {} failed: {}", task.id(), server, e.getMessage());
                    if (++failedInARow >= options.maxFailedRunsInARow()) {
                        failures.add("Sync of project " + project.name() + " on " + server + " stopped after "
                                + failedInARow + " runs failed in a row. Check the server, then sync again.");
                        return new Outcome(changed, 0, points, failures, false);
                    }
                }
            }
            if (page.size() < options.taskPageSize()) {
                break;
            }
            Instant last = page.get(page.size() - 1).lastUpdate();
            if (last != null && (pageSince == null || last.isAfter(pageSince))) {
                pageSince = last;
                pageIndex = 0;
            } else {
                pageIndex++;
            }
        }

        int deleted = markDeletedRuns(project, cached);
        if (failures.isEmpty()) {
            Instant finalCursor = latestSeen;
            write(transaction -> {
                if (finalCursor != null) {
                    transaction.advanceSyncCursor(server, project.id(), finalCursor);
                }
                transaction.setProjectSynced(server, project.id(), clock.instant());
            });
        }
        return new Outcome(changed, deleted, points, failures, false);
    }

    /** Starts the listing early enough to see cached active runs again, even when they did not change. */
    private static Instant listingStart(Instant cursor, Iterable<Run> cached) {
        if (cursor == null) {
            return null;
        }
        Instant start = cursor;
        for (Run run : cached) {
            if (run.status().isActive() && !run.deleted() && run.lastUpdate() != null && run.lastUpdate().isBefore(start)) {
                start = run.lastUpdate();
            }
        }
        return start;
    }

    private static boolean needsSync(TaskRecord task, Run known) {
        return known == null || known.deleted() || task.status().isActive() || known.status().isActive()
                || !Objects.equals(known.lastUpdate(), task.lastUpdate());
    }

    /**
     * Marks cached runs of the project that the server no longer lists as deleted. Ids missing from the
     * full listing are asked for once more by id before marking, so a listing that shifted while tasks
     * were created or removed cannot mark a live run.
     */
    private int markDeletedRuns(Project project, Map<String, Run> cached) {
        if (cached.isEmpty()) {
            return 0;
        }
        checkCancelled();
        progress.update("Checking for deleted runs in project " + project.name(), -1);
        Set<String> onServer = listTaskIds(project.id(), List.of());
        List<String> missing = new ArrayList<>();
        for (Run run : cached.values()) {
            if (!run.deleted() && !onServer.contains(run.id().taskId())) {
                missing.add(run.id().taskId());
            }
        }
        if (missing.isEmpty()) {
            return 0;
        }
        Set<String> stillThere = new HashSet<>();
        for (int from = 0; from < missing.size(); from += ClearMLClient.MAX_PAGE_SIZE) {
            stillThere.addAll(listTaskIds(null, missing.subList(from, Math.min(missing.size(), from + ClearMLClient.MAX_PAGE_SIZE))));
        }
        List<String> deletedIds = missing.stream().filter(id -> !stillThere.contains(id)).toList();
        String server = client.serverKey();
        write(transaction -> deletedIds.forEach(id -> transaction.markDeleted(new RunId(server, id), true)));
        if (!deletedIds.isEmpty()) {
            LOG.info("Marked {} runs of project {} on {} as deleted on the server", deletedIds.size(), project.id(), server);
        }
        return deletedIds.size();
    }

    /** Lists task ids of a project (all pages), or which of {@code ids} exist, hidden and archived ones included. */
    private Set<String> listTaskIds(String projectId, List<String> ids) {
        Set<String> result = new HashSet<>();
        for (int page = 0; ; page++) {
            ObjectNode body = client.connection().newBody();
            body.put("page", page);
            body.put("page_size", ClearMLClient.MAX_PAGE_SIZE);
            body.putArray("only_fields").add("id");
            body.putArray("order_by").add("created");
            body.put("search_hidden", true);
            if (projectId != null) {
                body.putArray("project").add(projectId);
            }
            if (!ids.isEmpty()) {
                ArrayNode idFilter = body.putArray("id");
                ids.forEach(idFilter::add);
            }
            JsonNode tasks = client.connection().call(Endpoint.TASKS_GET_ALL_EX, body).path("tasks");
            tasks.forEach(task -> result.add(task.path("id").asText()));
            if (tasks.size() < ClearMLClient.MAX_PAGE_SIZE) {
                return result;
            }
        }
    }

    private void checkCancelled() {
        if (progress.isCancelled()) {
            throw new SyncCancelledException();
        }
    }

    private void write(java.util.function.Consumer<CacheTransaction> work) {
        try (CacheTransaction transaction = cache.begin()) {
            work.accept(transaction);
            transaction.commit();
        }
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}

package org.runbench.sync.clearml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.cache.CacheTransaction;
import org.runbench.cache.RunCache;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.Project;
import org.runbench.model.Run;
import org.runbench.model.RunId;
import org.runbench.model.RunStatus;
import org.runbench.model.SeriesKey;
import org.runbench.model.SeriesSummary;
import org.runbench.sync.Progress;
import org.runbench.sync.SyncService.SyncReport;
import org.runbench.tracking.ClearMLConnection;
import org.runbench.tracking.ClearMLJson;
import org.runbench.tracking.ConnectionChecker;
import org.runbench.tracking.ConnectionOptions;
import org.runbench.tracking.fake.FakeTask;

/**
 * Measures sync ingest: a whole sync from the fake server on loopback, then parsing and storing apart, and
 * listing a 10,000-run project from the cache. Prints a table; asserts nothing about time. Run with
 * {@code ./mvnw -B -ntp -o test -Pbenchmark -Dtest=SyncIngestBenchmark}.
 */
@Tag("benchmark")
class SyncIngestBenchmark {

    private static final int POINTS = 1_000_000;
    private static final int SERIES = 4;
    private static final SeriesKey LOSS = new SeriesKey("loss", "train");

    @TempDir
    Path temp;

    @Test
    void ingestAndListingSpeed() throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add("Sync ingest benchmark, " + Runtime.getRuntime().availableProcessors() + " processors, Java "
                + System.getProperty("java.version") + ", " + POINTS + " points in " + SERIES + " series");
        endToEnd(rows);
        parseOnly(rows);
        storeOnly(rows);
        parseAndStore(rows);
        listing(rows);
        rows.forEach(System.out::println);
    }

    /** Times a full sync from the fake on loopback (listing, HTTP, parsing, storing) and counts response bytes. */
    private void endToEnd(List<String> rows) throws Exception {
        try (SyncFixture fixture = new SyncFixture(temp.resolve("e2e"))) {
            String project = fixture.fake.addProject("bench");
            FakeTask task = fixture.fake.addTask(project, "big");
            for (int s = 0; s < SERIES; s++) {
                fixture.addLinear(task.id(), new SeriesKey("loss", "part " + s), 0, POINTS / SERIES, s);
            }
            AtomicLong responseBytes = new AtomicLong();
            OkHttpClient counting = fixture.http.newBuilder().addNetworkInterceptor(chain -> {
                Response response = chain.proceed(chain.request());
                responseBytes.addAndGet(Math.max(0, response.body().contentLength()));
                return response;
            }).build();
            ClearMLSyncService service = new ClearMLSyncService(fixture.cache,
                    ConfiguredServers.of(List.of(fixture.fake.settings())),
                    settings -> new ClearMLConnection(counting, settings, ConnectionOptions.DEFAULT),
                    new ConnectionChecker(counting, ConnectionOptions.DEFAULT), SyncOptions.DEFAULT, Clock.systemUTC());

            long start = System.nanoTime();
            SyncReport report = service.sync(fixture.server, List.of(project), null, Progress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;

            int calls = fixture.fake.callCount("events.get_task_events");
            RunCache.StorageStats stats = fixture.cache.storageStats();
            rows.add(String.format("end to end (fake server on loopback): %,d points in %.2f s = %,.0f points/s; "
                            + "%d get_task_events calls, %.1f response bytes/point, %.2f us/point; cache %.2f B/point%s",
                    report.pointsWritten(), seconds, report.pointsWritten() / seconds, calls,
                    (double) responseBytes.get() / report.pointsWritten(), seconds * 1e6 / report.pointsWritten(),
                    stats.bytesPerPoint(), report.failures().isEmpty() ? "" : " FAILURES " + report.failures()));
        }
    }

    /** Parsing alone: one 10,000-event page as the server writes it, parsed and turned into points, repeated. */
    private static void parseOnly(List<String> rows) throws Exception {
        StringBuilder page = new StringBuilder("{\"meta\": {\"result_code\": 200}, \"data\": {\"events\": [");
        for (int i = 0; i < 10_000; i++) {
            page.append(i == 0 ? "" : ",").append("{\"task\":\"0123456789abcdef0123456789abcdef\",")
                    .append("\"type\":\"training_stats_scalar\",\"iter\":").append(i).append(",\"metric\":\"loss\",")
                    .append("\"variant\":\"train\",\"value\":").append(Math.exp(-i / 5000.0)).append(",\"timestamp\":")
                    .append(1_767_225_600_000L + i * 10L).append(",\"worker\":\"worker-1\"}");
        }
        page.append("], \"returned\": 10000, \"total\": 10000, \"scroll_id\": \"x\"}}");
        byte[] body = page.toString().getBytes(StandardCharsets.UTF_8);
        ObjectMapper mapper = ClearMLJson.newMapper();

        int rounds = POINTS / 10_000;
        for (int warmup = 0; warmup < 20; warmup++) {
            parse(mapper, body);
        }
        long start = System.nanoTime();
        long points = 0;
        for (int round = 0; round < rounds; round++) {
            points += parse(mapper, body);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        rows.add(String.format("parse only (Jackson tree, %d B/event): %,d points in %.2f s = %,.0f points/s",
                body.length / 10_000, points, seconds, points / seconds));
    }

    /**
     * Parsing and storing together, network excluded: 100 pages of 10,000 events parsed into one series
     * and merged into the cache in one transaction, timed as a whole.
     */
    private void parseAndStore(List<String> rows) throws Exception {
        StringBuilder page = new StringBuilder("{\"meta\": {\"result_code\": 200}, \"data\": {\"events\": [");
        for (int i = 0; i < 10_000; i++) {
            page.append(i == 0 ? "" : ",").append("{\"task\":\"0123456789abcdef0123456789abcdef\",")
                    .append("\"type\":\"training_stats_scalar\",\"iter\":").append(i).append(",\"metric\":\"loss\",")
                    .append("\"variant\":\"train\",\"value\":").append((float) Math.exp(-i / 5000.0)).append(",\"timestamp\":")
                    .append(1_767_225_600_000L + i * 10L).append(",\"worker\":\"worker-1\"}");
        }
        page.append("], \"returned\": 10000, \"total\": 10000, \"scroll_id\": \"x\"}}");
        byte[] body = page.toString().getBytes(StandardCharsets.UTF_8);
        ObjectMapper mapper = ClearMLJson.newMapper();
        for (int warmup = 0; warmup < 20; warmup++) {
            parse(mapper, body);
        }
        RunId id = new RunId("bench:8008", "parse-and-store");
        try (RunCache cache = RunCache.open(temp.resolve("parse-and-store"))) {
            long start = System.nanoTime();
            PointSeriesBuilder points = new PointSeriesBuilder(POINTS);
            for (int round = 0; round < POINTS / 10_000; round++) {
                JsonNode envelope = mapper.readTree(body);
                ScalarEventReader.addMatching(envelope.path("data").path("events"), LOSS, points, new ArrayList<>());
            }
            try (CacheTransaction transaction = cache.begin()) {
                transaction.upsertRun(run(id, "p"));
                transaction.mergeSeries(id, LOSS, points.buildAndReset());
                transaction.commit();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            rows.add(String.format("parse and store (network excluded): %,d points in %.2f s = %,.0f points/s; %.2f B/point",
                    POINTS, seconds, POINTS / seconds, cache.storageStats().bytesPerPoint()));
        }
    }

    private static int parse(ObjectMapper mapper, byte[] body) throws Exception {
        JsonNode envelope = mapper.readTree(body);
        PointSeriesBuilder points = new PointSeriesBuilder(10_000);
        ScalarEventReader.addMatching(envelope.path("data").path("events"), LOSS, points, new ArrayList<>());
        return points.size();
    }

    /** Storing alone: merging a new million-point series into the cache and committing. */
    private void storeOnly(List<String> rows) {
        PointSeriesBuilder builder = new PointSeriesBuilder(POINTS);
        for (int i = 0; i < POINTS; i++) {
            builder.add(i, Math.exp(-i / 200_000.0) + (i % 17) * 1e-4, 1_767_225_600_000L + i * 10L);
        }
        PointSeries points = builder.build();
        RunId id = new RunId("bench:8008", "store-only");
        try (RunCache cache = RunCache.open(temp.resolve("store"))) {
            long start = System.nanoTime();
            try (CacheTransaction transaction = cache.begin()) {
                transaction.upsertRun(run(id, "p"));
                transaction.mergeSeries(id, LOSS, points);
                transaction.commit();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            rows.add(String.format("store only (encode, H2 insert, commit): %,d points in %.2f s = %,.0f points/s; %.2f B/point",
                    POINTS, seconds, POINTS / seconds, cache.storageStats().bytesPerPoint()));
        }
    }

    /** Listing a 10,000-run project from the cache with every run's series summaries. */
    private void listing(List<String> rows) {
        String server = "bench:8008";
        try (RunCache cache = RunCache.open(temp.resolve("listing"))) {
            try (CacheTransaction transaction = cache.begin()) {
                transaction.upsertProject(new Project(server, "p", "sweep", null));
                for (int i = 0; i < 10_000; i++) {
                    RunId id = new RunId(server, String.format("%032x", i));
                    transaction.upsertRun(run(id, "p"));
                    for (int s = 0; s < 5; s++) {
                        transaction.appendPoints(id, new SeriesKey("metric " + s, "val"),
                                new PointSeriesBuilder().add(0, i, 0).add(1, s, 1).build());
                    }
                }
                transaction.commit();
            }
            long best = Long.MAX_VALUE;
            long bestRuns = Long.MAX_VALUE;
            int summaries = 0;
            for (int round = 0; round < 7; round++) {
                long start = System.nanoTime();
                List<Run> runs = cache.runs(server, "p");
                long listed = System.nanoTime();
                Map<RunId, List<SeriesSummary>> byRun = cache.summaries(runs.stream().map(Run::id).toList());
                summaries = byRun.values().stream().mapToInt(List::size).sum();
                best = Math.min(best, System.nanoTime() - start);
                bestRuns = Math.min(bestRuns, listed - start);
            }
            long bestProject = Long.MAX_VALUE;
            for (int round = 0; round < 7; round++) {
                long start = System.nanoTime();
                summaries = cache.projectSummaries(server, "p").values().stream().mapToInt(List::size).sum();
                bestProject = Math.min(bestProject, System.nanoTime() - start);
            }
            rows.add(String.format("listing 10,000 runs with %,d series summaries from the cache: best of 7 %.1f ms"
                    + " with runs + summaries(ids) (runs alone %.1f ms), %.1f ms with projectSummaries", summaries,
                    best / 1e6, bestRuns / 1e6, bestProject / 1e6));
        }
    }

    private static Run run(RunId id, String project) {
        return new Run(id, project, "run " + id.taskId(), RunStatus.COMPLETED, "", "", List.of(), null, null, null, null,
                0, null, null, "", null, false);
    }
}

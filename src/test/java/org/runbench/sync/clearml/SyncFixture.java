package org.runbench.sync.clearml;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.OkHttpClient;
import org.runbench.cache.RunCache;
import org.runbench.model.Hyperparameter;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.RunId;
import org.runbench.model.SeriesKey;
import org.runbench.sync.local.LocalRunReader;
import org.runbench.sync.local.ParsedRun;
import org.runbench.tracking.ClearMLConnection;
import org.runbench.tracking.ClearMLHttpClients;
import org.runbench.tracking.ConnectionChecker;
import org.runbench.tracking.ConnectionOptions;
import org.runbench.tracking.RetryPolicy;
import org.runbench.tracking.ServerSettings;
import org.runbench.tracking.fake.FakeClearMLServer;
import org.runbench.tracking.fake.FakeTask;

/**
 * A fake ClearML server, a cache in a temporary folder and a sync service between them, with quick
 * retries and a short read timeout. It also seeds the fake and records the points it contains, so tests
 * can compare the cache exactly.
 */
final class SyncFixture implements AutoCloseable {

    /** Retries without waiting, so fault tests stay quick. */
    static final ConnectionOptions FAST = ConnectionOptions.DEFAULT
            .withRetry(new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(1), 1.0), duration -> { })
            .withEventReadTimeout(Duration.ofSeconds(2));

    final FakeClearMLServer fake;
    final RunCache cache;
    final OkHttpClient http;
    final ClearMLSyncService service;
    final String server;

    /** Points the fake contains per task and series, after the server's rule that a repeated iteration overwrites. */
    private final Map<String, Map<SeriesKey, TreeMap<Long, long[]>>> seeded = new LinkedHashMap<>();

    SyncFixture(Path cacheFolder) throws IOException {
        this(cacheFolder, SyncOptions.DEFAULT);
    }

    SyncFixture(Path cacheFolder, SyncOptions options) throws IOException {
        fake = FakeClearMLServer.start();
        cache = RunCache.open(cacheFolder);
        http = ClearMLHttpClients.createShared(new ClearMLHttpClients.Timeouts(Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)));
        ServerSettings settings = fake.settings();
        server = settings.key();
        service = service(List.of(settings), http, options);
    }

    /** Builds a sync service over this fixture's cache for {@code servers}, with quick retries. */
    ClearMLSyncService service(List<ServerSettings> servers, OkHttpClient client, SyncOptions options) {
        return new ClearMLSyncService(cache, ConfiguredServers.of(servers),
                settings -> new ClearMLConnection(client, settings, FAST), new ConnectionChecker(client, FAST), options,
                Clock.systemUTC());
    }

    /** Seeds one task per real run file under {@code src/test/resources/real-runs/<relative>}. */
    List<FakeTask> seedRealRuns(String projectId, String relative) throws IOException, URISyntaxException {
        Path folder = Path.of(SyncFixture.class.getResource("/real-runs/" + relative).toURI());
        List<FakeTask> tasks = new ArrayList<>();
        long baseTime = 1_767_225_600_000L;
        for (ParsedRun run : new LocalRunReader().read(List.of(folder))) {
            FakeTask task = fake.addTask(projectId, run.name());
            for (Hyperparameter parameter : run.hyperparameters()) {
                task.hyperparameter(parameter.section(), parameter.name(), parameter.value(), parameter.type());
            }
            for (Map.Entry<SeriesKey, PointSeries> series : run.series().entrySet()) {
                PointSeries points = series.getValue();
                long[] iterations = new long[points.size()];
                double[] values = new double[points.size()];
                long[] timestamps = new long[points.size()];
                for (int i = 0; i < points.size(); i++) {
                    iterations[i] = points.iteration(i);
                    values[i] = points.value(i);
                    // ClearML stamps every event; files without times get one second per point.
                    timestamps[i] = points.timestamp(i) == PointSeries.NO_TIMESTAMP ? baseTime + i * 1000L : points.timestamp(i);
                }
                addScalars(task.id(), series.getKey(), iterations, values, timestamps);
            }
            tasks.add(task);
        }
        return tasks;
    }

    /** Adds points to the fake and remembers them for {@link #expected}. */
    void addScalars(String taskId, SeriesKey key, long[] iterations, double[] values, long[] timestamps) {
        fake.addScalars(taskId, key.metric(), key.variant(), iterations, values, timestamps);
        TreeMap<Long, long[]> points = seeded.computeIfAbsent(taskId, id -> new LinkedHashMap<>())
                .computeIfAbsent(key, k -> new TreeMap<>());
        for (int i = 0; i < iterations.length; i++) {
            points.put(iterations[i], new long[] {Double.doubleToRawLongBits(values[i]), timestamps[i]});
        }
    }

    /** Adds {@code count} points from iteration {@code first} with value {@code i * 0.25 + offset}. */
    void addLinear(String taskId, SeriesKey key, long first, int count, double offset) {
        long[] iterations = new long[count];
        double[] values = new double[count];
        long[] timestamps = new long[count];
        for (int i = 0; i < count; i++) {
            iterations[i] = first + i;
            values[i] = (first + i) * 0.25 + offset;
            timestamps[i] = 1_767_225_600_000L + (first + i) * 10L;
        }
        addScalars(taskId, key, iterations, values, timestamps);
    }

    /** Returns the series the fake holds for a task, single values left out, sorted by iteration. */
    Map<SeriesKey, PointSeries> expected(String taskId) {
        Map<SeriesKey, PointSeries> result = new LinkedHashMap<>();
        seeded.getOrDefault(taskId, Map.of()).forEach((key, points) -> {
            PointSeriesBuilder builder = new PointSeriesBuilder();
            points.forEach((iteration, valueAndTime) -> {
                if (iteration != Integer.MIN_VALUE) {
                    builder.add(iteration, Double.longBitsToDouble(valueAndTime[0]), valueAndTime[1]);
                }
            });
            if (builder.size() > 0) {
                result.put(key, builder.build());
            }
        });
        return result;
    }

    /** Returns the cached series of a task, read point by point from the cache. */
    Map<SeriesKey, PointSeries> cached(String taskId) {
        RunId id = new RunId(server, taskId);
        Map<SeriesKey, PointSeries> result = new LinkedHashMap<>();
        cache.summaries(id).forEach(summary -> result.put(summary.key(), cache.points(id, summary.key())));
        return result;
    }

    long cachedPoints() {
        return cache.storageStats().points();
    }

    RunId runId(String taskId) {
        return new RunId(server, taskId);
    }

    @Override
    public void close() {
        cache.close();
        fake.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}

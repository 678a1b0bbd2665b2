package org.runbench.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.Project;
import org.runbench.model.Run;
import org.runbench.model.RunId;
import org.runbench.model.RunStatus;
import org.runbench.model.SeriesKey;
import org.runbench.model.SeriesSummary;

class SyncStateCacheTest {

    private static final String SERVER = "127.0.0.1:8008";
    private static final RunId RUN = new RunId(SERVER, "task-1");

    @TempDir
    Path folder;

    @Test
    void syncCursorOnlyMovesForward() {
        try (RunCache cache = RunCache.open(folder)) {
            assertThat(cache.syncCursor(SERVER, "p1")).isEmpty();
            Instant first = Instant.parse("2026-01-02T03:04:05.123456Z");
            write(cache, transaction -> {
                transaction.upsertProject(new Project(SERVER, "p1", "Vision", null));
                transaction.advanceSyncCursor(SERVER, "p1", first);
            });
            write(cache, transaction -> transaction.advanceSyncCursor(SERVER, "p1", first.minusSeconds(60)));

            assertThat(cache.syncCursor(SERVER, "p1")).contains(first);
        }
    }

    @Test
    void singleValuesKeepEveryBit() {
        Map<SeriesKey, Double> values = new LinkedHashMap<>();
        values.put(new SeriesKey("summary", "best accuracy"), 0.9123456789012345);
        values.put(new SeriesKey("summary", "nan"), Double.longBitsToDouble(0x7ff8dead_beef0001L));
        values.put(new SeriesKey("summary", "inf"), Double.NEGATIVE_INFINITY);
        values.put(new SeriesKey("summary", "zero"), -0.0);
        try (RunCache cache = RunCache.open(folder)) {
            write(cache, transaction -> {
                transaction.upsertRun(run());
                transaction.replaceSingleValues(RUN, values);
            });

            Map<SeriesKey, Double> read = cache.singleValues(RUN);
            assertThat(read.keySet()).containsExactlyElementsOf(values.keySet());
            values.forEach((key, value) -> assertThat(Double.doubleToRawLongBits(read.get(key)))
                    .as(key.label()).isEqualTo(Double.doubleToRawLongBits(value)));
            assertThat(cache.summaries(RUN)).isEmpty();
        }
    }

    @Test
    void consoleLogTailIsReplacedFromTimestamp() {
        try (RunCache cache = RunCache.open(folder)) {
            write(cache, transaction -> {
                transaction.upsertRun(run());
                transaction.replaceConsoleLogFrom(RUN, 0, List.of(line(100, "a"), line(200, "b"), line(200, "c")));
            });
            write(cache, transaction -> transaction.replaceConsoleLogFrom(RUN, 200,
                    List.of(line(200, "b"), line(200, "c"), line(200, "d"), line(300, "e"))));

            assertThat(cache.consoleLog(RUN)).extracting(ConsoleLine::message).containsExactly("a", "b", "c", "d", "e");
        }
    }

    @Test
    void serverMetricsRoundTrip() {
        ServerMetric metric = new ServerMetric(new SeriesKey("loss", "train"), 0.25, 0.125, Double.NaN, 42);
        try (RunCache cache = RunCache.open(folder)) {
            write(cache, transaction -> {
                transaction.upsertRun(run());
                transaction.replaceServerMetrics(RUN, List.of(metric));
            });

            assertThat(cache.serverMetrics(RUN)).containsExactly(metric);
        }
    }

    @Test
    void summariesOfManyRunsMatchOneByOne() {
        List<RunId> ids = new ArrayList<>();
        try (RunCache cache = RunCache.open(folder)) {
            write(cache, transaction -> {
                for (int i = 0; i < 1_200; i++) {
                    RunId id = new RunId(i % 2 == 0 ? SERVER : "other", "task-" + i);
                    ids.add(id);
                    transaction.upsertRun(new Run(id, "p1", "run " + i, RunStatus.COMPLETED, "", "", List.of(), null, null,
                            null, null, i, null, null, "", null, false));
                    if (i % 3 != 0) {
                        transaction.appendPoints(id, new SeriesKey("loss", "train"),
                                new PointSeriesBuilder().add(0, i, 0).add(1, -i, 1).build());
                        transaction.appendPoints(id, new SeriesKey("acc", "val"), new PointSeriesBuilder().add(0, i, 0).build());
                    }
                }
            });

            Map<RunId, List<SeriesSummary>> batch = cache.summaries(ids);

            assertThat(batch.keySet()).containsExactlyElementsOf(ids);
            for (RunId id : ids) {
                assertThat(batch.get(id)).as(id.taskId()).isEqualTo(cache.summaries(id));
            }
            assertThat(batch.get(ids.get(3))).isEmpty();
            assertThat(batch.get(ids.get(4))).hasSize(2);
            List<RunId> onServer = cache.runs(SERVER, "p1").stream().map(Run::id).toList();
            Map<RunId, List<SeriesSummary>> project = cache.projectSummaries(SERVER, "p1");
            assertThat(project.keySet()).containsExactlyElementsOf(onServer);
            assertThat(project).isEqualTo(cache.summaries(onServer));
        }
    }

    @Test
    void summariesSeparateServersOfOneTaskId() {
        RunId onA = new RunId("a:8008", "shared");
        RunId onB = new RunId("b:8008", "shared");
        try (RunCache cache = RunCache.open(folder)) {
            write(cache, transaction -> {
                for (RunId id : List.of(onA, onB)) {
                    transaction.upsertRun(new Run(id, "p1", "run", RunStatus.COMPLETED, "", "", List.of(), null, null, null,
                            null, 0, null, null, "", null, false));
                }
                transaction.appendPoints(onA, new SeriesKey("loss", "a"), new PointSeriesBuilder().add(0, 1, 0).build());
                transaction.appendPoints(onB, new SeriesKey("loss", "b"), new PointSeriesBuilder().add(0, 2, 0).build());
                transaction.appendPoints(onB, new SeriesKey("acc", "b"), new PointSeriesBuilder().add(0, 3, 0).build());
            });

            Map<RunId, List<SeriesSummary>> onlyB = cache.summaries(List.of(onB));

            assertThat(onlyB.get(onB)).extracting(summary -> summary.key().label()).containsExactly("loss/b", "acc/b");
            assertThat(onlyB).doesNotContainKey(onA);
        }
    }

    @Test
    void deleteSeriesRemovesItsPoints() {
        SeriesKey key = new SeriesKey("loss", "train");
        try (RunCache cache = RunCache.open(folder)) {
            write(cache, transaction -> {
                transaction.upsertRun(run());
                transaction.appendPoints(RUN, key, new PointSeriesBuilder().add(0, 1.0, 0).build());
            });
            write(cache, transaction -> transaction.deleteSeries(RUN, key));

            assertThat(cache.summaries(RUN)).isEmpty();
            assertThat(cache.storageStats().points()).isZero();
        }
    }

    private static Run run() {
        return new Run(RUN, "p1", "run", RunStatus.COMPLETED, "", "", List.of(), null, null, null, null, 0, null, null,
                "", null, false);
    }

    private static ConsoleLine line(long timestamp, String message) {
        return new ConsoleLine(timestamp, "info", "worker-1", 0, message);
    }

    private static void write(RunCache cache, java.util.function.Consumer<CacheTransaction> work) {
        try (CacheTransaction transaction = cache.begin()) {
            work.accept(transaction);
            transaction.commit();
        }
    }
}

package org.runbench.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.model.ConfigurationItem;
import org.runbench.model.Hyperparameter;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.Project;
import org.runbench.model.Run;
import org.runbench.model.RunData;
import org.runbench.model.RunId;
import org.runbench.model.RunStatus;
import org.runbench.model.SeriesKey;
import org.runbench.model.SeriesSummary;

class RunCacheTest {

    private static final RunId RUN = new RunId("https://api.example.test", "task-1");
    private static final SeriesKey LOSS = new SeriesKey("train", "loss");

    @TempDir
    Path folder;

    @Test
    void roundTripKeepsEveryValueKind() {
        double negativeZero = -0.0;
        double oddNaN = Double.longBitsToDouble(0x7ff8dead_beef0001L);
        PointSeries points = new PointSeriesBuilder()
                .add(-1, Double.NaN, 1_600_000_000_000L)
                .add(0, Double.POSITIVE_INFINITY, 1_600_000_000_100L)
                .add(1, Double.NEGATIVE_INFINITY, PointSeries.NO_TIMESTAMP)
                .add(2, negativeZero, 1_600_000_000_050L)
                .add(1L << 31, oddNaN, 0)
                .add(1_000_000_000_000L, Double.MIN_VALUE, 1)
                .add(1L << 40, Double.MAX_VALUE, Long.MAX_VALUE)
                .add(5, 0.1, -5)
                .add(5, 0.1, -5)
                .build();
        RunData data = runData(points);

        try (RunCache cache = RunCache.open(folder)) {
            try (CacheTransaction transaction = cache.begin()) {
                transaction.upsertProject(new Project(RUN.server(), "p1", "Vision", null));
                transaction.storeRun(data);
                transaction.commit();
            }
        }
        try (RunCache reopened = RunCache.open(folder)) {
            PointSeries read = reopened.points(RUN, LOSS);
            assertThat(read.size()).isEqualTo(points.size());
            for (int i = 0; i < points.size(); i++) {
                assertThat(read.iteration(i)).as("iteration %d", i).isEqualTo(points.iteration(i));
                assertThat(Double.doubleToRawLongBits(read.value(i))).as("value bits %d", i)
                        .isEqualTo(Double.doubleToRawLongBits(points.value(i)));
                assertThat(read.timestamp(i)).as("timestamp %d", i).isEqualTo(points.timestamp(i));
            }
            Run run = reopened.run(RUN).orElseThrow();
            assertThat(run).isEqualTo(data.run());
            assertThat(reopened.hyperparameters(RUN)).isEqualTo(data.hyperparameters());
            assertThat(reopened.configuration(RUN)).isEqualTo(data.configuration());
            assertThat(reopened.projects()).extracting(Project::name).containsExactly("Vision");
        }
    }

    @Test
    void summaryIgnoresNaNForMinimumAndMaximum() {
        PointSeries points = new PointSeriesBuilder()
                .add(0, 3.0, 0).add(1, Double.NaN, 0).add(2, -1.5, 0).add(3, 7.25, 0).add(4, 2.0, 0).build();
        try (RunCache cache = RunCache.open(folder)) {
            store(cache, runData(points));
            SeriesSummary summary = cache.summaries(RUN).get(0);
            assertThat(summary.points()).isEqualTo(5);
            assertThat(summary.last()).isEqualTo(2.0);
            assertThat(summary.lastIteration()).isEqualTo(4);
            assertThat(summary.min()).isEqualTo(-1.5);
            assertThat(summary.minIteration()).isEqualTo(2);
            assertThat(summary.max()).isEqualTo(7.25);
            assertThat(summary.maxIteration()).isEqualTo(3);
        }
    }

    @Test
    void storingSameSeriesTwiceAddsNothing() {
        PointSeries points = ramp(0, 100);
        try (RunCache cache = RunCache.open(folder)) {
            store(cache, runData(points));
            Map<SeriesKey, CacheTransaction.Merge> second = store(cache, runData(points));
            assertThat(second.get(LOSS).outcome()).isEqualTo(CacheTransaction.MergeOutcome.UNCHANGED);
            assertThat(cache.points(RUN, LOSS)).isEqualTo(points);
        }
    }

    @Test
    void grownSeriesAppendsOnlyNewPointsAcrossChunks() {
        int first = SeriesChunks.CHUNK_POINTS - 10;
        int all = SeriesChunks.CHUNK_POINTS * 2 + 5;
        try (RunCache cache = RunCache.open(folder)) {
            store(cache, runData(ramp(0, first)));
            Map<SeriesKey, CacheTransaction.Merge> grown = store(cache, runData(ramp(0, all)));
            assertThat(grown.get(LOSS).outcome()).isEqualTo(CacheTransaction.MergeOutcome.APPENDED);
            assertThat(grown.get(LOSS).pointsWritten()).isEqualTo(all - first);
            assertThat(cache.points(RUN, LOSS)).isEqualTo(ramp(0, all));
            assertThat(cache.storageStats().chunks()).isEqualTo(3);
            assertThat(cache.summaries(RUN).get(0).points()).isEqualTo(all);
        }
    }

    @Test
    void rewrittenSeriesIsReplacedNotDuplicated() {
        try (RunCache cache = RunCache.open(folder)) {
            store(cache, runData(ramp(0, 50)));
            PointSeries rewritten = ramp(1000, 30);
            Map<SeriesKey, CacheTransaction.Merge> merge = store(cache, runData(rewritten));
            assertThat(merge.get(LOSS).outcome()).isEqualTo(CacheTransaction.MergeOutcome.REPLACED);
            assertThat(cache.points(RUN, LOSS)).isEqualTo(rewritten);
        }
    }

    @Test
    void uncommittedTransactionLeavesNothing() {
        try (RunCache cache = RunCache.open(folder)) {
            try (CacheTransaction transaction = cache.begin()) {
                transaction.storeRun(runData(ramp(0, 10)));
            }
            assertThat(cache.allRuns()).isEmpty();
            assertThat(cache.points(RUN, LOSS).isEmpty()).isTrue();
        }
    }

    @Test
    void newerSchemaIsRejectedAndFileUntouched() throws Exception {
        try (RunCache cache = RunCache.open(folder)) {
            store(cache, runData(ramp(0, 10)));
        }
        String url = "jdbc:h2:file:" + folder.resolve(RunCache.DATABASE_NAME);
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                    + " \"script\", \"checksum\", \"installed_by\", \"installed_on\", \"execution_time\", \"success\")"
                    + " VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'test', CURRENT_TIMESTAMP, 1, TRUE)");
        }
        Path file = folder.resolve(RunCache.DATABASE_NAME + ".mv.db");
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> RunCache.open(folder))
                .isInstanceOf(NewerSchemaException.class)
                .hasMessageContaining("has schema version 99, written by a newer Runbench")
                .hasMessageContaining("The cache was not changed")
                .hasMessageContaining("--cache DIR");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void secondOpenOfSameFolderNamesTheLock() {
        try (RunCache cache = RunCache.open(folder)) {
            store(cache, runData(ramp(0, 3)));
            // H2 allows several connections in one JVM, so the lock is only visible from another process.
            // Here the same folder opens again and shares the database.
            try (RunCache second = RunCache.open(folder)) {
                assertThat(second.allRuns()).hasSize(1);
            }
        }
    }

    @Test
    void fileThatIsNotACacheIsRejected() throws Exception {
        Files.write(folder.resolve(RunCache.DATABASE_NAME + ".mv.db"), "not a database".getBytes());
        assertThatThrownBy(() -> RunCache.open(folder))
                .isInstanceOf(CacheException.class)
                .hasMessageContaining("Cannot open the cache at " + folder.toAbsolutePath())
                .hasMessageContaining("move the folder away");
    }

    @Test
    void missingChunksAreReportedNotReturnedShort() throws Exception {
        try (RunCache cache = RunCache.open(folder)) {
            store(cache, runData(ramp(0, SeriesChunks.CHUNK_POINTS + 10)));
        }
        // What a commit torn by a killed process can leave: the summary row without all of its chunks.
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve(RunCache.DATABASE_NAME));
             Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM series_chunk WHERE seq = 1");
        }
        try (RunCache cache = RunCache.open(folder)) {
            assertThatThrownBy(() -> cache.points(RUN, LOSS))
                    .isInstanceOf(CacheException.class)
                    .hasMessageContaining("The cache contains 16384 of the 16394 points of run task-1 series train/loss")
                    .hasMessageContaining("import or sync the run again");
        }
    }

    @Test
    void deletedMarkAndRemoval() {
        try (RunCache cache = RunCache.open(folder)) {
            store(cache, runData(ramp(0, 3)));
            try (CacheTransaction transaction = cache.begin()) {
                transaction.markDeleted(RUN, true);
                transaction.commit();
            }
            assertThat(cache.run(RUN).orElseThrow().deleted()).isTrue();
            try (CacheTransaction transaction = cache.begin()) {
                transaction.deleteRun(RUN);
                transaction.commit();
            }
            assertThat(cache.run(RUN)).isEmpty();
            assertThat(cache.storageStats().points()).isZero();
        }
    }

    private static Map<SeriesKey, CacheTransaction.Merge> store(RunCache cache, RunData data) {
        try (CacheTransaction transaction = cache.begin()) {
            Map<SeriesKey, CacheTransaction.Merge> merges = transaction.storeRun(data);
            transaction.commit();
            return merges;
        }
    }

    private static PointSeries ramp(long start, int count) {
        PointSeriesBuilder builder = new PointSeriesBuilder(count);
        for (int i = 0; i < count; i++) {
            builder.add(start + i, Math.sin(i / 10.0), 1_700_000_000_000L + i * 100L);
        }
        return builder.build();
    }

    private static RunData runData(PointSeries points) {
        Run run = new Run(RUN, "p1", "résumé run ✓", RunStatus.IN_PROGRESS, "started by user", "alice",
                List.of("seed-1", "baseline"), Instant.parse("2024-01-02T03:04:05Z"), Instant.parse("2024-01-02T03:05:00Z"),
                null, Instant.parse("2024-01-02T04:00:00.123Z"), 41, "parent-0", "gpu-a100", "train.py", null, false);
        return new RunData(run,
                List.of(new Hyperparameter("Args", "lr", "0.001", "float"), new Hyperparameter("hyp", "freeze", "[0]", "list")),
                List.of(new ConfigurationItem("General", "yaml", "a: 1\nb: [2, 3]\n")),
                Map.of(LOSS, points));
    }
}

package org.runbench.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.cache.codec.SyntheticSeries;
import org.runbench.model.PointSeries;
import org.runbench.model.Run;
import org.runbench.model.RunData;
import org.runbench.model.RunId;
import org.runbench.model.RunStatus;
import org.runbench.model.SeriesKey;
import org.runbench.sync.Progress;
import org.runbench.sync.local.LocalImportService;
import org.runbench.sync.local.LocalRunReader;

/**
 * Measures the cache's size per point and read speed, beside a naive baseline measured in the same run:
 * one H2 row per point (iteration BIGINT, value DOUBLE, timestamp BIGINT). Prints a table; asserts
 * nothing about time. Run with {@code ./mvnw -B -ntp test -Pbenchmark -Dtest=CacheBenchmark}.
 */
@Tag("benchmark")
class CacheBenchmark {

    private static final RunId SYNTHETIC = new RunId("bench", "synthetic-1m");

    @TempDir
    Path temp;

    @Test
    void bytesPerPointAndReadSpeed() throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add(String.format("%-34s %10s %14s %14s %12s", "data set", "points", "encoded B/pt", "file B/pt", "read Mpt/s"));

        Path realRuns = Path.of("src/test/resources/real-runs");
        Path samplesCache = temp.resolve("samples");
        try (RunCache cache = RunCache.open(samplesCache)) {
            new LocalImportService(cache, new LocalRunReader()).importPaths(List.of(realRuns), Progress.NONE);
            RunCache.StorageStats stats = cache.storageStats();
            double readRate = readRate(cache);
            cache.close();
            rows.add(row("real runs (15 files, 77 series)", stats, samplesCache, readRate));
        }

        PointSeries synthetic = SyntheticSeries.smoothFloatLoss(1_000_000, 1);
        Path syntheticCache = temp.resolve("synthetic");
        try (RunCache cache = RunCache.open(syntheticCache)) {
            try (CacheTransaction transaction = cache.begin()) {
                Run run = new Run(SYNTHETIC, "bench", "synthetic", RunStatus.COMPLETED, "", "", List.of(), null, null,
                        null, null, 999_999, null, null, "", null, false);
                transaction.storeRun(new RunData(run, List.of(), List.of(), Map.of(new SeriesKey("loss", "train"), synthetic)));
                transaction.commit();
            }
            RunCache.StorageStats stats = cache.storageStats();
            double readRate = readRate(cache);
            cache.close();
            rows.add(row("synthetic smooth float32, 1M", stats, syntheticCache, readRate));
        }

        Path naive = temp.resolve("naive");
        Files.createDirectories(naive);
        double naiveRead = writeNaive(naive, synthetic);
        long naiveBytes = folderBytes(naive);
        rows.add(String.format("%-34s %10d %14s %14.2f %12.1f", "baseline: one H2 row per point, 1M", synthetic.size(),
                "24.00 (raw)", (double) naiveBytes / synthetic.size(), naiveRead));

        System.out.println("Cache benchmark, " + Runtime.getRuntime().availableProcessors() + " processors, Java "
                + System.getProperty("java.version"));
        rows.forEach(System.out::println);
    }

    private static double readRate(RunCache cache) {
        long points = 0;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            points = 0;
            for (Run run : cache.allRuns()) {
                for (var summary : cache.summaries(run.id())) {
                    points += cache.points(run.id(), summary.key()).size();
                }
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        return points / (best / 1e9) / 1e6;
    }

    private static String row(String name, RunCache.StorageStats stats, Path folder, double readRate) throws IOException {
        return String.format("%-34s %10d %14.2f %14.2f %12.1f", name, stats.points(), stats.bytesPerPoint(),
                (double) folderBytes(folder) / stats.points(), readRate);
    }

    private static double writeNaive(Path folder, PointSeries points) throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("naive");
        try (Connection connection = DriverManager.getConnection(url)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE point (series INT, seq INT, iteration BIGINT, point_value DOUBLE PRECISION,"
                        + " ts BIGINT, PRIMARY KEY (series, seq))");
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO point VALUES (1, ?, ?, ?, ?)")) {
                for (int i = 0; i < points.size(); i++) {
                    insert.setInt(1, i);
                    insert.setLong(2, points.iteration(i));
                    insert.setDouble(3, points.value(i));
                    insert.setLong(4, points.timestamp(i));
                    insert.addBatch();
                    if (i % 10_000 == 9_999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            long best = Long.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                long start = System.nanoTime();
                double sum = 0;
                try (Statement statement = connection.createStatement();
                     var rows = statement.executeQuery("SELECT iteration, point_value, ts FROM point WHERE series = 1 ORDER BY seq")) {
                    while (rows.next()) {
                        sum += rows.getLong(1) + rows.getDouble(2) + rows.getLong(3);
                    }
                }
                best = Math.min(best, System.nanoTime() - start);
                if (sum == 42) {
                    System.out.println("unlikely");
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
            return points.size() / (best / 1e9) / 1e6;
        }
    }

    private static long folderBytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }
}

package org.runbench.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.cache.codec.SeriesCodec;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.Run;
import org.runbench.model.RunId;
import org.runbench.model.RunStatus;
import org.runbench.model.SeriesKey;

/**
 * Chunk rows committed in small transactions before the run transaction: what readers see before and
 * after the publish, what a rollback or a killed writer leaves, and how it is cleaned up.
 */
class StagedChunksTest {

    private static final RunId RUN = new RunId("local", "task-staged");
    private static final SeriesKey LOSS = new SeriesKey("loss", "train");
    private static final SeriesKey ACC = new SeriesKey("acc", "val");
    private static final int CHUNK = SeriesChunks.CHUNK_POINTS;

    @TempDir
    Path folder;

    @Test
    void newSeriesInvisibleUntilCommit() {
        PointSeries points = ramp(0, 2 * CHUNK + 7, 0.0);
        try (RunCache cache = RunCache.open(folder)) {
            try (CacheTransaction transaction = cache.begin()) {
                transaction.upsertRun(run());
                transaction.mergeSeries(RUN, LOSS, points);

                assertThat(chunkRows(cache)).as("chunks are committed before the run").isEqualTo(3);
                assertThat(cache.run(RUN)).isEmpty();
                assertThat(cache.points(RUN, LOSS).size()).isZero();
                assertThat(cache.storageStats().points()).isZero();

                transaction.commit();
            }
            assertThat(cache.points(RUN, LOSS)).isEqualTo(points);
            assertThat(cache.summaries(RUN).get(0).points()).isEqualTo(points.size());
        }
    }

    @Test
    void appendInvisibleUntilCommit() {
        PointSeries first = ramp(0, CHUNK - 5, 0.0);
        PointSeries grown = ramp(0, 2 * CHUNK + 3, 0.0);
        try (RunCache cache = RunCache.open(folder)) {
            store(cache, LOSS, first);
            try (CacheTransaction transaction = cache.begin()) {
                CacheTransaction.Merge merge = transaction.mergeSeries(RUN, LOSS, grown);

                assertThat(merge.outcome()).isEqualTo(CacheTransaction.MergeOutcome.APPENDED);
                assertThat(cache.points(RUN, LOSS)).as("the rewritten partial chunk is trimmed to the published count")
                        .isEqualTo(first);
                transaction.commit();
            }
            assertThat(cache.points(RUN, LOSS)).isEqualTo(grown);
            assertThat(seriesRow(cache, LOSS)).containsExactly(0L, 3L, (long) grown.size());
            assertThat(chunkRows(cache)).isEqualTo(3);
        }
    }

    @Test
    void rollbackOfAppendKeepsPointsAndRows() {
        PointSeries first = ramp(0, CHUNK + 10, 0.0);
        try (RunCache cache = RunCache.open(folder)) {
            store(cache, LOSS, first);
            try (CacheTransaction transaction = cache.begin()) {
                transaction.mergeSeries(RUN, LOSS, ramp(0, 4 * CHUNK, 0.0));
                assertThat(chunkRows(cache)).isEqualTo(4);
            }

            assertThat(cache.points(RUN, LOSS)).isEqualTo(first);
            assertThat(seriesRow(cache, LOSS)).containsExactly(0L, 2L, (long) first.size());
            assertThat(chunkRows(cache)).as("unpublished chunks are deleted after the rollback").isEqualTo(2);
        }
    }

    @Test
    void rollbackOfNewRunLeavesNoRows() {
        try (RunCache cache = RunCache.open(folder)) {
            try (CacheTransaction transaction = cache.begin()) {
                transaction.upsertRun(run());
                transaction.mergeSeries(RUN, LOSS, ramp(0, 3 * CHUNK, 0.0));
            }

            assertThat(cache.run(RUN)).isEmpty();
            assertThat(chunkRows(cache)).isZero();
        }
    }

    @Test
    void rollbackOfReplaceKeepsOldPoints() {
        PointSeries old = ramp(0, 2 * CHUNK, 0.0);
        try (RunCache cache = RunCache.open(folder)) {
            store(cache, LOSS, old);
            try (CacheTransaction transaction = cache.begin()) {
                CacheTransaction.Merge merge = transaction.mergeSeries(RUN, LOSS, ramp(0, CHUNK, 1.0));
                assertThat(merge.outcome()).isEqualTo(CacheTransaction.MergeOutcome.REPLACED);
                assertThat(cache.points(RUN, LOSS)).isEqualTo(old);
            }

            assertThat(cache.points(RUN, LOSS)).isEqualTo(old);
            assertThat(chunkRows(cache)).isEqualTo(2);
        }
    }

    @Test
    void replaceStagesAboveOldRowsThenDeletesThem() {
        PointSeries old = ramp(0, 2 * CHUNK, 0.0);
        PointSeries rewritten = ramp(0, 3 * CHUNK - 1, 1.0);
        try (RunCache cache = RunCache.open(folder)) {
            store(cache, LOSS, old);
            try (CacheTransaction transaction = cache.begin()) {
                transaction.mergeSeries(RUN, LOSS, rewritten);
                assertThat(cache.points(RUN, LOSS)).as("old points stay visible until the commit").isEqualTo(old);
                assertThat(chunkRows(cache)).isEqualTo(5);
                transaction.commit();
            }

            assertThat(cache.points(RUN, LOSS)).isEqualTo(rewritten);
            assertThat(seriesRow(cache, LOSS)).containsExactly(2L, 3L, (long) rewritten.size());
            assertThat(chunkRows(cache)).isEqualTo(3);
        }
    }

    @Test
    void clearThenAppendInOneTransaction() {
        PointSeries fresh = ramp(100, CHUNK + 1, 2.0);
        try (RunCache cache = RunCache.open(folder)) {
            store(cache, LOSS, ramp(0, CHUNK + 5, 0.0));
            try (CacheTransaction transaction = cache.begin()) {
                transaction.clearSeries(RUN, LOSS);
                transaction.appendPoints(RUN, LOSS, fresh.slice(0, 10));
                transaction.appendPoints(RUN, LOSS, fresh.slice(10, fresh.size()));
                transaction.commit();
            }

            assertThat(cache.points(RUN, LOSS)).isEqualTo(fresh);
            assertThat(chunkRows(cache)).isEqualTo(2);
        }
    }

    @Test
    void appendsAcrossPartialChunkBoundary() {
        PointSeries all = ramp(0, 2 * CHUNK + 2, 0.0);
        int[] cuts = {CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 2};
        try (RunCache cache = RunCache.open(folder)) {
            int from = 0;
            for (int cut : cuts) {
                try (CacheTransaction transaction = cache.begin()) {
                    transaction.upsertRun(run());
                    transaction.appendPoints(RUN, LOSS, all.slice(from, cut));
                    transaction.commit();
                }
                from = cut;
                assertThat(cache.points(RUN, LOSS)).as("after appending up to %d", cut).isEqualTo(all.slice(0, cut));
            }
            assertThat(seriesRow(cache, LOSS)).containsExactly(0L, 3L, (long) all.size());
            assertThat(chunkRows(cache)).isEqualTo(3);
        }
    }

    @Test
    void killedWritersLeftoversIgnoredThenOverwritten() throws Exception {
        PointSeries first = ramp(0, CHUNK + 100, 0.0);
        PointSeries grown = ramp(0, 3 * CHUNK, 0.0);
        try (RunCache cache = RunCache.open(folder)) {
            store(cache, LOSS, first);
            try (Connection connection = cache.connection()) {
                leaveKilledAppend(connection, seriesId(connection, LOSS), first);
            }

            assertThat(cache.points(RUN, LOSS)).isEqualTo(first);
            assertThat(cache.summaries(RUN).get(0).points()).isEqualTo(first.size());

            try (CacheTransaction transaction = cache.begin()) {
                assertThat(transaction.mergeSeries(RUN, LOSS, grown).pointsWritten()).isEqualTo(grown.size() - first.size());
                transaction.commit();
            }
            assertThat(cache.points(RUN, LOSS)).isEqualTo(grown);
            assertThat(chunkRows(cache)).isEqualTo(3);
        }
    }

    @Test
    void openSweepsLeftoversOfKilledWriters() throws Exception {
        PointSeries first = ramp(0, CHUNK + 100, 0.0);
        try (RunCache cache = RunCache.open(folder)) {
            store(cache, LOSS, first);
            store(cache, ACC, ramp(0, 2 * CHUNK, 3.0));
            try (Connection connection = cache.connection()) {
                leaveKilledAppend(connection, seriesId(connection, LOSS), first);
                // A killed replace: chunks staged above the visible ones.
                stageRaw(connection, seriesId(connection, ACC), 2, ramp(0, 50, 4.0));
                // Chunks staged for a series whose run transaction never committed.
                stageRaw(connection, 999_999, 0, ramp(0, 50, 5.0));
            }
            assertThat(chunkRows(cache)).isEqualTo(2 + 1 + 2 + 1 + 1);
        }

        try (RunCache reopened = RunCache.open(folder)) {
            assertThat(chunkRows(reopened)).isEqualTo(4);
            assertThat(reopened.points(RUN, LOSS)).isEqualTo(first);
            assertThat(reopened.points(RUN, ACC)).isEqualTo(ramp(0, 2 * CHUNK, 3.0));

            PointSeries replaced = ramp(0, 10, 6.0);
            try (CacheTransaction transaction = reopened.begin()) {
                transaction.mergeSeries(RUN, LOSS, ramp(0, 2 * CHUNK + 1, 0.0));
                transaction.mergeSeries(RUN, ACC, replaced);
                transaction.commit();
            }
            assertThat(reopened.points(RUN, LOSS)).isEqualTo(ramp(0, 2 * CHUNK + 1, 0.0));
            assertThat(reopened.points(RUN, ACC)).isEqualTo(replaced);
            assertThat(chunkRows(reopened)).isEqualTo(3 + 1);
        }
    }

    @Test
    void deleteSeriesAndRunLeaveNoChunkRows() {
        try (RunCache cache = RunCache.open(folder)) {
            store(cache, LOSS, ramp(0, 2 * CHUNK, 0.0));
            store(cache, ACC, ramp(0, CHUNK + 1, 0.0));
            try (CacheTransaction transaction = cache.begin()) {
                transaction.deleteSeries(RUN, LOSS);
                assertThat(chunkRows(cache)).as("rows stay until the commit").isEqualTo(4);
                transaction.commit();
            }
            assertThat(chunkRows(cache)).isEqualTo(2);

            try (CacheTransaction transaction = cache.begin()) {
                transaction.deleteRun(RUN);
                transaction.commit();
            }
            assertThat(chunkRows(cache)).isZero();
            assertThat(cache.storageStats().points()).isZero();
        }
    }

    @Test
    void version3CacheKeepsEveryPointOnUpgrade() throws Exception {
        PointSeries loss = ramp(0, 2 * CHUNK + 5, 0.0);
        String url = RunCache.url(folder.resolve(RunCache.DATABASE_NAME));
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "", "");
        try {
            Flyway.configure(RunCache.class.getClassLoader()).dataSource(pool).locations("classpath:db/migration")
                    .target("3").load().migrate();
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO run (server, task_id, project_id, name, status) VALUES ('local', '"
                        + RUN.taskId() + "', 'p', 'old run', 'completed')");
                statement.execute("INSERT INTO series (id, server, task_id, position, metric, variant, point_count, chunk_count)"
                        + " VALUES (7, 'local', '" + RUN.taskId() + "', 0, 'loss', 'train', " + loss.size() + ", 3)");
                for (int seq = 0; seq < 3; seq++) {
                    stageRaw(connection, 7, seq, loss.slice(seq * CHUNK, Math.min(loss.size(), (seq + 1) * CHUNK)));
                }
            }
        } finally {
            pool.dispose();
        }

        try (RunCache cache = RunCache.open(folder)) {
            assertThat(cache.points(RUN, LOSS)).isEqualTo(loss);
            assertThat(chunkRows(cache)).isEqualTo(3);

            PointSeries grown = ramp(0, 3 * CHUNK + 1, 0.0);
            try (CacheTransaction transaction = cache.begin()) {
                transaction.mergeSeries(RUN, LOSS, grown);
                transaction.commit();
            }
            assertThat(cache.points(RUN, LOSS)).isEqualTo(grown);
            try (CacheTransaction transaction = cache.begin()) {
                transaction.deleteRun(RUN);
                transaction.commit();
            }
            assertThat(chunkRows(cache)).as("the dropped foreign key no longer cascades").isZero();
        }
    }

    /**
     * Leaves what a writer killed during an append leaves: the partial last chunk rewritten with more points
     * than published, and a further chunk staged after it.
     */
    private static void leaveKilledAppend(Connection connection, long seriesId, PointSeries published) throws SQLException {
        int lastSeq = published.size() / CHUNK;
        PointSeries extended = ramp(0, (lastSeq + 1) * CHUNK, 0.0);
        stageRaw(connection, seriesId, lastSeq, extended.slice(lastSeq * CHUNK, extended.size()));
        stageRaw(connection, seriesId, lastSeq + 1, ramp(0, 77, 9.0));
    }

    private static void stageRaw(Connection connection, long seriesId, int seq, PointSeries points) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "MERGE INTO series_chunk (series_id, seq, point_count, data) KEY (series_id, seq) VALUES (?, ?, ?, ?)")) {
            statement.setLong(1, seriesId);
            statement.setInt(2, seq);
            statement.setInt(3, points.size());
            statement.setBytes(4, SeriesCodec.encode(points, 0, points.size()));
            statement.executeUpdate();
        }
    }

    private static long seriesId(Connection connection, SeriesKey key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM series WHERE metric = ? AND variant = ?")) {
            statement.setString(1, key.metric());
            statement.setString(2, key.variant());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Returns first_seq, chunk_count and point_count of the committed series row. */
    private static List<Long> seriesRow(RunCache cache, SeriesKey key) {
        try (Connection connection = cache.connection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT first_seq, chunk_count, point_count FROM series WHERE metric = ? AND variant = ?")) {
            statement.setString(1, key.metric());
            statement.setString(2, key.variant());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return List.of(rows.getLong(1), rows.getLong(2), rows.getLong(3));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static long chunkRows(RunCache cache) {
        try (Connection connection = cache.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM series_chunk")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void store(RunCache cache, SeriesKey key, PointSeries points) {
        try (CacheTransaction transaction = cache.begin()) {
            transaction.upsertRun(run());
            transaction.mergeSeries(RUN, key, points);
            transaction.commit();
        }
    }

    private static Run run() {
        return new Run(RUN, "p", "staged run", RunStatus.COMPLETED, null, null, null, null, null, null, null,
                Run.NO_ITERATION, null, null, null, null, false);
    }

    /** Points whose iterations start at {@code start}; {@code shift} changes every value, for rewritten sources. */
    static PointSeries ramp(long start, int count, double shift) {
        PointSeriesBuilder builder = new PointSeriesBuilder(count);
        for (int i = 0; i < count; i++) {
            builder.add(start + i, Math.sin(i / 10.0) + shift, 1_700_000_000_000L + i * 100L);
        }
        return builder.build();
    }
}

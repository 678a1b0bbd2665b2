package org.runbench.cache;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.runbench.model.ConfigurationItem;
import org.runbench.model.Hyperparameter;
import org.runbench.model.PointSeries;
import org.runbench.model.Project;
import org.runbench.model.Run;
import org.runbench.model.RunData;
import org.runbench.model.RunId;
import org.runbench.model.SeriesKey;
import org.runbench.model.SeriesOverview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One write transaction on the cache. Nothing becomes visible to readers until {@link #commit()}, and
 * {@link #close()} without a commit leaves no visible change. Not thread-safe: use it from one thread and
 * close it in a try-with-resources block. It uses two pooled connections while points are written.
 *
 * <p>NOTE: H2 2.5.252 can leave a transaction of tens of megabytes partly written when the process is killed
 * while it commits. So chunk rows are not written in this transaction: they are committed on a second
 * connection ({@link ChunkStaging}), outside the visible range of their series, and
 * {@link #commit()} publishes them by updating the series row. Chunks that a rollback or a kill leaves
 * unpublished stay invisible and are deleted afterwards or when the cache next opens.
 */
public final class CacheTransaction implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CacheTransaction.class);

    private final Connection connection;
    private final ChunkStaging staging;
    private final Path directory;
    /** Told of every database error, so the cache can tell when H2 has closed the database. */
    private final java.util.function.Consumer<SQLException> onFailure;
    /** Series whose chunk rows this transaction staged, replaced or deleted, to clean up after it ends. */
    private final Set<Long> touchedSeries = new LinkedHashSet<>();
    private boolean committed;
    /** Whole series written by {@link #mergeSeries}, whose overviews are stored once the transaction commits. */
    private final List<PendingOverview> pendingOverviews = new java.util.ArrayList<>();

    private record PendingOverview(RunId id, SeriesKey key, PointSeries all, int firstSeq) {
    }

    CacheTransaction(Connection connection, Supplier<Connection> stagingConnections, Path directory,
                     java.util.function.Consumer<SQLException> onFailure) {
        this.connection = connection;
        this.onFailure = onFailure;
        this.staging = new ChunkStaging(stagingConnections);
        this.directory = directory;
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw failure("starting a transaction", e);
        }
    }

    /** Outcome of merging a full series into the cached copy. */
    public enum MergeOutcome {
        /** The series was not cached before and was written whole. */
        NEW,
        /** The cached points were a prefix of the new ones; only the rest was appended. */
        APPENDED,
        /** The cached points were already all of them. */
        UNCHANGED,
        /** The cached points were not a prefix (the source was rewritten), so the series was replaced. */
        REPLACED
    }

    /** Result of {@link #mergeSeries}: the outcome and how many points were written. */
    public record Merge(MergeOutcome outcome, long pointsWritten) {
    }

    public void upsertServer(String name, String apiUrl, String webUrl) {
        execute("MERGE INTO server (name, api_url, web_url, added_at) KEY (name) VALUES (?, ?, ?, COALESCE("
                + "(SELECT added_at FROM server WHERE name = ?), CURRENT_TIMESTAMP))", statement -> {
                    statement.setString(1, name);
                    statement.setString(2, apiUrl);
                    statement.setString(3, webUrl);
                    statement.setString(4, name);
                });
    }

    /** Inserts or updates a project; a null {@code lastSynced} keeps the one cached. */
    public void upsertProject(Project project) {
        execute("MERGE INTO project (server, id, name, last_synced) KEY (server, id) VALUES (?, ?, ?, COALESCE(?,"
                + " (SELECT last_synced FROM project WHERE server = ? AND id = ?)))", statement -> {
                    statement.setString(1, project.server());
                    statement.setString(2, project.id());
                    statement.setString(3, project.name());
                    RowMappers.setInstant(statement, 4, project.lastSynced());
                    statement.setString(5, project.server());
                    statement.setString(6, project.id());
                });
    }

    public void setProjectSynced(String server, String projectId, Instant when) {
        execute("UPDATE project SET last_synced = ? WHERE server = ? AND id = ?", statement -> {
            RowMappers.setInstant(statement, 1, when);
            statement.setString(2, server);
            statement.setString(3, projectId);
        });
    }

    /** Inserts or replaces the fields of a run; its series, hyperparameters and configuration stay. */
    public void upsertRun(Run run) {
        execute("MERGE INTO run (" + RowMappers.RUN_COLUMNS + ") KEY (server, task_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> RowMappers.bindRun(statement, run));
    }

    public void replaceHyperparameters(RunId id, List<Hyperparameter> parameters) {
        deleteRows("hyperparameter", id);
        batch("INSERT INTO hyperparameter (server, task_id, position, section, name, param_value, param_type)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", parameters.size(), (statement, index) -> {
                    Hyperparameter parameter = parameters.get(index);
                    bindRun(statement, id);
                    statement.setInt(3, index);
                    statement.setString(4, parameter.section());
                    statement.setString(5, parameter.name());
                    statement.setString(6, parameter.value());
                    statement.setString(7, parameter.type());
                });
    }

    public void replaceConfiguration(RunId id, List<ConfigurationItem> items) {
        deleteRows("configuration", id);
        batch("INSERT INTO configuration (server, task_id, position, name, config_type, config_value)"
                + " VALUES (?, ?, ?, ?, ?, ?)", items.size(), (statement, index) -> {
                    ConfigurationItem item = items.get(index);
                    bindRun(statement, id);
                    statement.setInt(3, index);
                    statement.setString(4, item.name());
                    statement.setString(5, item.type());
                    statement.setString(6, item.value());
                });
    }

    /**
     * Writes a whole run as one unit: fields, hyperparameters, configuration, and each series merged
     * with {@link #mergeSeries}.
     *
     * @return points written per series
     */
    public Map<SeriesKey, Merge> storeRun(RunData data) {
        upsertRun(data.run());
        replaceHyperparameters(data.run().id(), data.hyperparameters());
        replaceConfiguration(data.run().id(), data.configuration());
        Map<SeriesKey, Merge> merges = new java.util.LinkedHashMap<>();
        for (Map.Entry<SeriesKey, PointSeries> entry : data.series().entrySet()) {
            merges.put(entry.getKey(), mergeSeries(data.run().id(), entry.getKey(), entry.getValue()));
        }
        return merges;
    }

    /**
     * Brings the cached series up to {@code all}, the complete series as the source has it now: when the
     * cached points are a prefix of {@code all}, only the rest is appended, so importing a grown file adds
     * only its new points and importing the same file twice adds none.
     */
    public Merge mergeSeries(RunId id, SeriesKey key, PointSeries all) {
        SeriesRow row = findOrCreateSeries(id, key);
        Merge merge = merge(row, all);
        if (merge.outcome() != MergeOutcome.UNCHANGED && SeriesOverview.reduces(all.size())) {
            pendingOverviews.add(new PendingOverview(id, key, all, row.firstSeq));
        }
        return merge;
    }

    private Merge merge(SeriesRow row, PointSeries all) {
        if (row.pointCount == 0) {
            appendToRow(row, all);
            return new Merge(MergeOutcome.NEW, all.size());
        }
        PointSeries cached = read(row);
        if (all.startsWith(cached)) {
            if (all.size() == cached.size()) {
                return new Merge(MergeOutcome.UNCHANGED, 0);
            }
            appendToRow(row, all.slice(cached.size(), all.size()));
            return new Merge(MergeOutcome.APPENDED, all.size() - cached.size());
        }
        clearSeries(row);
        appendToRow(row, all);
        return new Merge(MergeOutcome.REPLACED, all.size());
    }

    /** Appends points that arrived after the cached ones, as sync does for a running task. */
    public void appendPoints(RunId id, SeriesKey key, PointSeries points) {
        if (points.isEmpty()) {
            findOrCreateSeries(id, key);
            return;
        }
        appendToRow(findOrCreateSeries(id, key), points);
    }

    /** Drops every cached point of a series but keeps the series, for a sync that must start it over. */
    public void clearSeries(RunId id, SeriesKey key) {
        clearSeries(findOrCreateSeries(id, key));
    }

    /** Returns the number of cached points of a series, 0 if it is not cached. */
    public long pointCount(RunId id, SeriesKey key) {
        SeriesRow row = findSeries(id, key, false);
        return row == null ? 0 : row.pointCount;
    }

    public void markDeleted(RunId id, boolean deleted) {
        execute("UPDATE run SET deleted = ? WHERE server = ? AND task_id = ?", statement -> {
            statement.setBoolean(1, deleted);
            statement.setString(2, id.server());
            statement.setString(3, id.taskId());
        });
    }

    /**
     * Moves the project's sync cursor forward to {@code lastUpdate}, keeping a cursor that is already later.
     * Call it in the transaction that commits the runs the cursor covers, so a crash never leaves it ahead
     * of them.
     */
    public void advanceSyncCursor(String server, String projectId, Instant lastUpdate) {
        execute("UPDATE project SET sync_cursor = CASE WHEN sync_cursor IS NULL OR sync_cursor < ? THEN ?"
                + " ELSE sync_cursor END WHERE server = ? AND id = ?", statement -> {
                    RowMappers.setInstant(statement, 1, lastUpdate);
                    RowMappers.setInstant(statement, 2, lastUpdate);
                    statement.setString(3, server);
                    statement.setString(4, projectId);
                });
    }

    /** Replaces the run's single-value metrics (ClearML's iteration -2^31 scalars), keeping their order. */
    public void replaceSingleValues(RunId id, Map<SeriesKey, Double> values) {
        deleteRows("single_value", id);
        List<Map.Entry<SeriesKey, Double>> entries = List.copyOf(values.entrySet());
        batch("INSERT INTO single_value (server, task_id, metric, variant, position, value_bits) VALUES (?, ?, ?, ?, ?, ?)",
                entries.size(), (statement, index) -> {
                    Map.Entry<SeriesKey, Double> entry = entries.get(index);
                    bindRun(statement, id);
                    statement.setString(3, entry.getKey().metric());
                    statement.setString(4, entry.getKey().variant());
                    statement.setInt(5, index);
                    statement.setLong(6, Double.doubleToRawLongBits(entry.getValue()));
                });
    }

    /** Replaces the server's per-series summaries of the run. */
    public void replaceServerMetrics(RunId id, List<ServerMetric> metrics) {
        deleteRows("server_metric", id);
        batch("INSERT INTO server_metric (server, task_id, position, metric, variant, last_bits, min_bits, max_bits,"
                + " point_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", metrics.size(), (statement, index) -> {
                    ServerMetric metric = metrics.get(index);
                    bindRun(statement, id);
                    statement.setInt(3, index);
                    statement.setString(4, metric.key().metric());
                    statement.setString(5, metric.key().variant());
                    statement.setLong(6, Double.doubleToRawLongBits(metric.last()));
                    statement.setLong(7, Double.doubleToRawLongBits(metric.min()));
                    statement.setLong(8, Double.doubleToRawLongBits(metric.max()));
                    statement.setLong(9, metric.count());
                });
    }

    /**
     * Replaces the cached console log entries at or after {@code fromTimestamp} (epoch ms) with
     * {@code lines}, so a sync that reads again from the last cached timestamp neither loses nor repeats
     * the entries sharing it.
     */
    public void replaceConsoleLogFrom(RunId id, long fromTimestamp, List<ConsoleLine> lines) {
        execute("DELETE FROM console_log WHERE server = ? AND task_id = ? AND timestamp_ms >= ?", statement -> {
            bindRun(statement, id);
            statement.setLong(3, fromTimestamp);
        });
        int first = nextConsoleSeq(id);
        batch("INSERT INTO console_log (server, task_id, seq, timestamp_ms, level, worker, iteration, message)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", lines.size(), (statement, index) -> {
                    ConsoleLine line = lines.get(index);
                    bindRun(statement, id);
                    statement.setInt(3, first + index);
                    statement.setLong(4, line.timestamp());
                    statement.setString(5, line.level());
                    statement.setString(6, line.worker());
                    statement.setLong(7, line.iteration());
                    statement.setString(8, line.message());
                });
    }

    /** Removes a series and its points, for a series the server no longer has (for example after a reset). */
    public void deleteSeries(RunId id, SeriesKey key) {
        SeriesRow row = findSeries(id, key, true);
        if (row != null) {
            touchedSeries.add(row.id);
        }
        execute("DELETE FROM series WHERE server = ? AND task_id = ? AND metric = ? AND variant = ?", statement -> {
            bindRun(statement, id);
            statement.setString(3, key.metric());
            statement.setString(4, key.variant());
        });
    }

    private int nextConsoleSeq(RunId id) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COALESCE(MAX(seq) + 1, 0) FROM console_log WHERE server = ? AND task_id = ?")) {
            bindRun(statement, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw failure("reading the console log of run " + id.taskId(), e);
        }
    }

    /** Removes a run and everything cached about it. */
    public void deleteRun(RunId id) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM series WHERE server = ? AND task_id = ? FOR UPDATE")) {
            bindRun(statement, id);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    touchedSeries.add(rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw failure("finding the series of run " + id.taskId(), e);
        }
        // The series rows go with the run (ON DELETE CASCADE); their chunk rows are deleted after the commit.
        deleteRows("run", id);
    }

    /** Runs statements of this package on the transaction's connection. */
    void run(ConnectionWork work) {
        try {
            work.run(connection);
        } catch (SQLException e) {
            throw failure("writing", e);
        }
    }

    @FunctionalInterface
    interface ConnectionWork {
        void run(Connection connection) throws SQLException;
    }

    /**
     * Commits the run transaction, which publishes the staged chunks, then deletes the chunk rows it replaced
     * or deleted in small transactions. A failure of that clean-up is logged, not thrown, because the commit
     * is done and the next open of the cache deletes what is left.
     */
    public void commit() {
        try {
            connection.commit();
            committed = true;
        } catch (SQLException e) {
            throw failure("committing", e);
        }
        removeGarbage();
        storeOverviews();
    }

    /**
     * Stores the overviews of the series merged in this transaction, each in a small transaction of its own
     * after the commit. They are derived data: if this fails or the process dies first, the next read of the
     * series stores them instead.
     */
    private void storeOverviews() {
        for (PendingOverview pending : pendingOverviews) {
            try {
                SeriesOverviews.store(connection, pending.id(), pending.key(), pending.all().size(), pending.firstSeq(),
                        SeriesOverview.of(pending.all()));
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                if (e instanceof SQLException sql) {
                    onFailure.accept(sql);
                }
                LOG.warn("Could not store the overview of run {} series {}: {}",
                        pending.id().taskId(), pending.key().label(), e.getMessage());
            }
        }
        pendingOverviews.clear();
    }

    @Override
    public void close() {
        try {
            if (!committed) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw failure("rolling back", e);
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                // The pool discards a connection it cannot return; nothing to undo here.
            }
            if (!committed) {
                removeGarbage();
            }
            try {
                staging.close();
            } catch (SQLException e) {
                LOG.debug("Closing the chunk staging connection of the cache at {} failed", directory, e);
            }
        }
    }

    private void removeGarbage() {
        if (touchedSeries.isEmpty()) {
            return;
        }
        try {
            long removed = staging.removeGarbage(List.copyOf(touchedSeries));
            touchedSeries.clear();
            LOG.debug("Deleted {} chunk rows no series shows from the cache at {}", removed, directory);
        } catch (SQLException e) {
            onFailure.accept(e);
            LOG.warn("Deleting chunk rows no series shows from the cache at {} failed: {}. They stay invisible,"
                    + " and the next open of the cache deletes them.", directory, e.getMessage());
        }
    }

    private PointSeries read(SeriesRow row) {
        try {
            return SeriesChunks.read(connection, row.id, row.firstSeq, row.chunkCount, row.pointCount);
        } catch (SQLException e) {
            throw failure("reading series " + row.id, e);
        }
    }

    /** Stages the points as chunks committed on their own, then points the series row at them in this transaction. */
    private void appendToRow(SeriesRow row, PointSeries points) {
        touchedSeries.add(row.id);
        try {
            SeriesOverviews.delete(connection, row.id);
            int chunks = staging.append(row.id, row.firstSeq, row.chunkCount, row.pointCount, points);
            SummaryUpdate summary = SummaryUpdate.of(connection, row.id).add(points);
            summary.write(connection, row.id, row.firstSeq, row.pointCount + points.size(), chunks);
            row.pointCount += points.size();
            row.chunkCount = chunks;
        } catch (SQLException e) {
            throw failure("writing points", e);
        }
    }

    /**
     * Empties the series by moving its visible range above every chunk row it has. The old rows stay
     * visible to other connections until the commit and are deleted after it.
     */
    private void clearSeries(SeriesRow row) {
        touchedSeries.add(row.id);
        try {
            SeriesOverviews.delete(connection, row.id);
            int firstSeq = staging.seqAfterAll(row.id, row.firstSeq + row.chunkCount);
            SummaryUpdate.empty().write(connection, row.id, firstSeq, 0, 0);
            row.firstSeq = firstSeq;
            row.pointCount = 0;
            row.chunkCount = 0;
        } catch (SQLException e) {
            throw failure("clearing a series", e);
        }
    }

    /**
     * Finds or creates the series row and locks it until this transaction ends, so no other transaction
     * stages chunks of the same series or removes them as garbage meanwhile.
     */
    private SeriesRow findOrCreateSeries(RunId id, SeriesKey key) {
        SeriesRow row = findSeries(id, key, true);
        if (row != null) {
            return row;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO series (server, task_id, position, metric, variant) VALUES (?, ?,"
                        + " (SELECT COUNT(*) FROM series WHERE server = ? AND task_id = ?), ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            bindRun(statement, id);
            statement.setString(3, id.server());
            statement.setString(4, id.taskId());
            statement.setString(5, key.metric());
            statement.setString(6, key.variant());
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return new SeriesRow(keys.getLong(1), 0, 0, 0);
            }
        } catch (SQLException e) {
            throw failure("creating series " + key.label() + " of run " + id.taskId(), e);
        }
    }

    private SeriesRow findSeries(RunId id, SeriesKey key, boolean lock) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, first_seq, point_count, chunk_count FROM series WHERE server = ? AND task_id = ? AND metric = ?"
                        + " AND variant = ?" + (lock ? " FOR UPDATE" : ""))) {
            bindRun(statement, id);
            statement.setString(3, key.metric());
            statement.setString(4, key.variant());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? new SeriesRow(rows.getLong(1), rows.getInt(2), rows.getLong(3), rows.getInt(4)) : null;
            }
        } catch (SQLException e) {
            throw failure("finding series " + key.label(), e);
        }
    }

    private void deleteRows(String table, RunId id) {
        execute("DELETE FROM " + table + " WHERE server = ? AND task_id = ?", statement -> bindRun(statement, id));
    }

    private void execute(String sql, RunCache.Binder binder) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure("writing", e);
        }
    }

    private void batch(String sql, int count, IndexedBinder binder) {
        if (count == 0) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < count; i++) {
                binder.bind(statement, i);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw failure("writing", e);
        }
    }

    private static void bindRun(PreparedStatement statement, RunId id) throws SQLException {
        statement.setString(1, id.server());
        statement.setString(2, id.taskId());
    }

    private CacheException failure(String what, SQLException e) {
        onFailure.accept(e);
        return new CacheException("Writing to the cache at " + directory + " failed while " + what + ": " + e.getMessage()
                + ". Nothing of this run was written. " + CacheFailures.advice(e,
                "Try again, and if it keeps failing, move the folder away."), e);
    }

    @FunctionalInterface
    private interface IndexedBinder {
        void bind(PreparedStatement statement, int index) throws SQLException;
    }

    /** This transaction's view of a series row: where its visible chunks start, how many, how many points. */
    private static final class SeriesRow {
        final long id;
        int firstSeq;
        long pointCount;
        int chunkCount;

        SeriesRow(long id, int firstSeq, long pointCount, int chunkCount) {
            this.id = id;
            this.firstSeq = firstSeq;
            this.pointCount = pointCount;
            this.chunkCount = chunkCount;
        }
    }

    /** Running last, minimum and maximum of a series, updated as points are appended. */
    private static final class SummaryUpdate {
        double last = Double.NaN;
        Long lastIteration;
        double min = Double.NaN;
        Long minIteration;
        double max = Double.NaN;
        Long maxIteration;

        static SummaryUpdate empty() {
            return new SummaryUpdate();
        }

        static SummaryUpdate of(Connection connection, long seriesId) throws SQLException {
            SummaryUpdate summary = new SummaryUpdate();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT last_value, last_iteration, min_value, min_iteration, max_value, max_iteration FROM series WHERE id = ?")) {
                statement.setLong(1, seriesId);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    summary.last = doubleOrNaN(row, 1);
                    summary.lastIteration = longOrNull(row, 2);
                    summary.min = doubleOrNaN(row, 3);
                    summary.minIteration = longOrNull(row, 4);
                    summary.max = doubleOrNaN(row, 5);
                    summary.maxIteration = longOrNull(row, 6);
                }
            }
            return summary;
        }

        SummaryUpdate add(PointSeries points) {
            for (int i = 0; i < points.size(); i++) {
                double value = points.value(i);
                long iteration = points.iteration(i);
                last = value;
                lastIteration = iteration;
                if (Double.isNaN(value)) {
                    continue;
                }
                if (minIteration == null || value < min) {
                    min = value;
                    minIteration = iteration;
                }
                if (maxIteration == null || value > max) {
                    max = value;
                    maxIteration = iteration;
                }
            }
            return this;
        }

        void write(Connection connection, long seriesId, int firstSeq, long pointCount, int chunkCount) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE series SET first_seq = ?, point_count = ?, chunk_count = ?, last_value = ?, last_iteration = ?,"
                            + " min_value = ?, min_iteration = ?, max_value = ?, max_iteration = ? WHERE id = ?")) {
                statement.setInt(1, firstSeq);
                statement.setLong(2, pointCount);
                statement.setInt(3, chunkCount);
                RowMappers.setDouble(statement, 4, last);
                setLong(statement, 5, lastIteration);
                RowMappers.setDouble(statement, 6, min);
                setLong(statement, 7, minIteration);
                RowMappers.setDouble(statement, 8, max);
                setLong(statement, 9, maxIteration);
                statement.setLong(10, seriesId);
                statement.executeUpdate();
            }
        }

        private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.BIGINT);
            } else {
                statement.setLong(index, value);
            }
        }

        private static double doubleOrNaN(ResultSet row, int index) throws SQLException {
            double value = row.getDouble(index);
            return row.wasNull() ? Double.NaN : value;
        }

        private static Long longOrNull(ResultSet row, int index) throws SQLException {
            long value = row.getLong(index);
            return row.wasNull() ? null : value;
        }
    }
}

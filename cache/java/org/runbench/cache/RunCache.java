package org.runbench.cache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcConnectionPool;
import org.runbench.model.ComparisonStore;
import org.runbench.model.ConfigurationItem;
import org.runbench.model.SavedComparison;
import org.runbench.model.Hyperparameter;
import org.runbench.model.PointSeries;
import org.runbench.model.Project;
import org.runbench.model.Run;
import org.runbench.model.RunId;
import org.runbench.model.RunRepository;
import org.runbench.model.SeriesKey;
import org.runbench.model.SeriesOverview;
import org.runbench.model.SeriesSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run-history cache: one H2 file database in a folder, migrated by Flyway at open.
 *
 * <p>Reads go through {@link RunRepository}; writes go through {@link #begin()}, one transaction per run,
 * so a crash leaves every run either as it was or fully written. Thread-safe: each call takes its own
 * pooled connection. Only one process can open a cache folder at a time.
 */
public final class RunCache implements RunRepository, ComparisonStore, AutoCloseable {

    /** File name of the database inside the cache folder, without H2's {@code .mv.db} suffix. */
    public static final String DATABASE_NAME = "runbench";

    private static final Logger LOG = LoggerFactory.getLogger(RunCache.class);
    private static final String MIGRATIONS = "classpath:db/migration";
    private static final int SUMMARY_BATCH = 40;

    private final Path directory;
    private final JdbcConnectionPool pool;
    private boolean closed;
    private volatile boolean closedByError;

    private RunCache(Path directory, JdbcConnectionPool pool) {
        this.directory = directory;
        this.pool = pool;
    }

    /**
     * Opens the cache in {@code directory}, creating the folder and the database if needed and migrating
     * an older schema.
     *
     * @throws NewerSchemaException if a newer Runbench wrote the cache; the file is not changed
     * @throws CacheException       if the folder cannot be created, the file is not a Runbench cache or
     *                              another process has it open
     */
    public static RunCache open(Path directory) {
        Path folder = directory.toAbsolutePath().normalize();
        createFolder(folder);
        Path databaseFile = folder.resolve(DATABASE_NAME + ".mv.db");
        Path backup = folder.resolve(DATABASE_NAME + ".mv.db" + UPGRADE_BACKUP_SUFFIX);
        String url = url(folder.resolve(DATABASE_NAME));

        SafeMigration.removeAbandonedCreations(folder);
        if (Files.exists(backup)) {
            SafeMigration.restoreInterruptedUpgrade(folder, databaseFile, backup);
        }
        int found = Files.exists(databaseFile) ? refuseNewerSchema(folder, url) : SafeMigration.NO_DATABASE;
        if (found == SafeMigration.NO_DATABASE || found == SafeMigration.UNFINISHED_FILE) {
            SafeMigration.createMigrated(folder, databaseFile, found == SafeMigration.UNFINISHED_FILE);
        } else if (found < latestKnownVersion()) {
            SafeMigration.copy(databaseFile, backup);
        }

        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "", "");
        pool.setMaxConnections(16);
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.dispose();
            if (Files.exists(backup)) {
                SafeMigration.restoreInterruptedUpgrade(folder, databaseFile, backup);
            }
            throw openFailure(folder, e);
        }
        SafeMigration.delete(backup);
        sweepChunks(pool, folder);
        LOG.info("Opened cache {}", folder);
        return new RunCache(folder, pool);
    }

    /**
     * Deletes chunk rows that no series shows, left by a process killed before it published or cleaned
     * them up. A failure is logged and the cache still opens, because readers ignore those rows.
     */
    private static void sweepChunks(JdbcConnectionPool pool, Path folder) {
        long start = System.nanoTime();
        try (Connection connection = pool.getConnection()) {
            long removed = ChunkSweep.sweep(connection);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (removed > 0) {
                LOG.info("Deleted {} unpublished or replaced chunk rows from the cache {} in {} ms", removed, folder, millis);
            } else {
                LOG.debug("Checked the cache {} for unpublished chunk rows in {} ms", folder, millis);
            }
        } catch (SQLException e) {
            LOG.warn("Deleting unpublished chunk rows from the cache {} failed: {}. Readers ignore them; the next"
                    + " open tries again.", folder, e.getMessage());
        }
    }

    /** Suffix of the copy of the database taken before an upgrade, kept until the upgrade has finished. */
    static final String UPGRADE_BACKUP_SUFFIX = ".before-upgrade";

    /**
     * Returns the JDBC URL of a database file (without {@code .mv.db}). WRITE_DELAY=0 writes each commit to
     * the file at once, so a killed process loses no committed run.
     *
     * <p>NOTE: MAX_COMPACT_TIME=0 turns off H2's compaction when the database closes. With H2 2.5.252, a kill
     * during that compaction (right after a command's last commit) lost the last commit once in 24 kills, and
     * once left a file that H2 no longer opened ("Double mark"). With it off, 80 kills at every phase left every
     * run whole. The cost is file space that H2 reuses only for later writes.
     */
    static String url(Path databaseWithoutSuffix) {
        return "jdbc:h2:file:" + databaseWithoutSuffix + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64;MAX_COMPACT_TIME=0";
    }

    static void migrate(javax.sql.DataSource dataSource) {
        Flyway.configure(RunCache.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .loggers("slf4j")
                .load()
                .migrate();
    }

    public Path directory() {
        return directory;
    }

    /** Starts a write transaction; close it without {@link CacheTransaction#commit()} to roll back. */
    public CacheTransaction begin() {
        return new CacheTransaction(connection(), this::connection, directory, this::noteFailure);
    }

    @Override
    public List<Project> projects() {
        return query("SELECT server, id, name, last_synced FROM project ORDER BY server, LOWER(name), name",
                statement -> { }, RowMappers::project);
    }

    @Override
    public List<Run> runs(String server, String projectId) {
        return query(RowMappers.RUN_SELECT + " WHERE server = ? AND project_id = ? ORDER BY LOWER(name), name, task_id",
                statement -> {
                    statement.setString(1, server);
                    statement.setString(2, projectId);
                }, RowMappers::run);
    }

    @Override
    public List<Run> allRuns() {
        return query(RowMappers.RUN_SELECT + " ORDER BY server, project_id, LOWER(name), name, task_id",
                statement -> { }, RowMappers::run);
    }

    @Override
    public Optional<Run> run(RunId id) {
        return query(RowMappers.RUN_SELECT + " WHERE server = ? AND task_id = ?",
                statement -> bindRun(statement, id), RowMappers::run).stream().findFirst();
    }

    /** Finds runs whose task id or name equals {@code text}, so the command line can accept either. */
    public List<Run> findRuns(String text) {
        return query(RowMappers.RUN_SELECT + " WHERE task_id = ? OR name = ? ORDER BY server, task_id",
                statement -> {
                    statement.setString(1, text);
                    statement.setString(2, text);
                }, RowMappers::run);
    }

    @Override
    public List<SeriesSummary> summaries(RunId id) {
        return query(RowMappers.SUMMARY_SELECT + " WHERE server = ? AND task_id = ? ORDER BY position",
                statement -> bindRun(statement, id), RowMappers::summary);
    }

    /**
     * Reads the summaries of many runs with one query per {@value #SUMMARY_BATCH} task ids. The query
     * selects by task id alone, so H2 uses the task id index for the IN list, and drops rows of other
     * servers afterwards.
     */
    @Override
    public Map<RunId, List<SeriesSummary>> summaries(List<RunId> ids) {
        Map<RunId, List<SeriesSummary>> result = new LinkedHashMap<>();
        Map<RunId, List<PositionedSummary>> positioned = new java.util.HashMap<>();
        for (RunId id : ids) {
            result.put(id, List.of());
            positioned.put(id, new ArrayList<>());
        }
        List<String> taskIds = ids.stream().map(RunId::taskId).distinct().toList();
        String columns = RowMappers.SUMMARY_SELECT.substring("SELECT ".length());
        for (int from = 0; from < taskIds.size(); from += SUMMARY_BATCH) {
            List<String> batch = taskIds.subList(from, Math.min(taskIds.size(), from + SUMMARY_BATCH));
            String placeholders = String.join(", ", java.util.Collections.nCopies(batch.size(), "?"));
            // Rows come in index order, so each run's series are put in position order below rather than by SQL.
            List<PositionedSummary> rows = query("SELECT server, task_id, position, " + columns
                            + " WHERE task_id IN (" + placeholders + ")",
                    statement -> {
                        for (int i = 0; i < batch.size(); i++) {
                            statement.setString(i + 1, batch.get(i));
                        }
                    },
                    row -> new PositionedSummary(new RunId(row.getString(1), row.getString(2)), row.getInt(3),
                            RowMappers.summaryFrom(row, 4)));
            for (PositionedSummary row : rows) {
                List<PositionedSummary> summaries = positioned.get(row.run());
                if (summaries != null) {
                    summaries.add(row);
                }
            }
        }
        positioned.forEach((id, rows) -> {
            rows.sort(java.util.Comparator.comparingInt(PositionedSummary::position));
            result.put(id, rows.stream().map(PositionedSummary::summary).toList());
        });
        return result;
    }

    private record PositionedSummary(RunId run, int position, SeriesSummary summary) {
    }

    /**
     * Returns the series summaries of every run of a project in one query, keyed by run in the order of
     * {@link #runs(String, String)}. Runs without series map to an empty list. Faster than
     * {@link #summaries(List)} for a whole project.
     */
    @Override
    public Map<RunId, List<SeriesSummary>> projectSummaries(String server, String projectId) {
        Map<RunId, List<PositionedSummary>> positioned = new LinkedHashMap<>();
        for (Run run : runs(server, projectId)) {
            positioned.put(run.id(), new ArrayList<>());
        }
        // Without ORDER BY, H2 streams the rows; each run's series are put in position order below.
        List<PositionedSummary> rows = query("SELECT s.task_id, s.position, s.metric, s.variant, s.point_count,"
                        + " s.last_value, s.last_iteration, s.min_value, s.min_iteration, s.max_value, s.max_iteration"
                        + " FROM series s JOIN run r ON r.server = s.server AND r.task_id = s.task_id"
                        + " WHERE r.server = ? AND r.project_id = ?",
                statement -> {
                    statement.setString(1, server);
                    statement.setString(2, projectId);
                },
                row -> new PositionedSummary(new RunId(server, row.getString(1)), row.getInt(2), RowMappers.summaryFrom(row, 3)));
        for (PositionedSummary row : rows) {
            List<PositionedSummary> summaries = positioned.get(row.run());
            if (summaries != null) {
                summaries.add(row);
            }
        }
        Map<RunId, List<SeriesSummary>> result = new LinkedHashMap<>();
        positioned.forEach((id, list) -> {
            list.sort(java.util.Comparator.comparingInt(PositionedSummary::position));
            result.put(id, list.stream().map(PositionedSummary::summary).toList());
        });
        return result;
    }

    /** Returns the latest task {@code last_update} a sync of the project committed runs up to, if any. */
    public Optional<Instant> syncCursor(String server, String projectId) {
        return query("SELECT sync_cursor FROM project WHERE server = ? AND id = ?", statement -> {
            statement.setString(1, server);
            statement.setString(2, projectId);
        }, row -> Optional.ofNullable(RowMappers.instant(row, 1))).stream().findFirst().flatMap(cursor -> cursor);
    }

    /**
     * Returns the run's single-value metrics (reported once, at ClearML's iteration -2^31) in the order the
     * server listed them, or empty when it has none.
     */
    public Map<SeriesKey, Double> singleValues(RunId id) {
        Map<SeriesKey, Double> values = new LinkedHashMap<>();
        query("SELECT metric, variant, value_bits FROM single_value WHERE server = ? AND task_id = ? ORDER BY position",
                statement -> bindRun(statement, id),
                row -> values.put(new SeriesKey(row.getString(1), row.getString(2)), Double.longBitsToDouble(row.getLong(3))));
        return java.util.Collections.unmodifiableMap(values);
    }

    /** Returns the server's own last, minimum and maximum of each series of a synced run. */
    public List<ServerMetric> serverMetrics(RunId id) {
        return query("SELECT metric, variant, last_bits, min_bits, max_bits, point_count FROM server_metric"
                        + " WHERE server = ? AND task_id = ? ORDER BY position",
                statement -> bindRun(statement, id),
                row -> new ServerMetric(new SeriesKey(row.getString(1), row.getString(2)),
                        Double.longBitsToDouble(row.getLong(3)), Double.longBitsToDouble(row.getLong(4)),
                        Double.longBitsToDouble(row.getLong(5)), row.getLong(6)));
    }

    /** Returns the cached console log of a run in time order, or empty when it was never synced. */
    public List<ConsoleLine> consoleLog(RunId id) {
        return query("SELECT timestamp_ms, level, worker, iteration, message FROM console_log"
                        + " WHERE server = ? AND task_id = ? ORDER BY seq",
                statement -> bindRun(statement, id),
                row -> new ConsoleLine(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5)));
    }

    @Override
    public PointSeries points(RunId id, SeriesKey key) {
        SeriesChunks.Versioned read;
        try (Connection connection = connection()) {
            read = SeriesChunks.readVersioned(connection, id, key);
        } catch (SQLException e) {
            throw readFailure("points of run " + id.taskId() + " series " + key.label(), e);
        }
        storeOverviewIfMissing(id, key, read);
        return read.points();
    }

    /**
     * Returns the overview of a series ({@link SeriesOverview}): read from the cache when it is stored and
     * current, the series itself when it is short, and empty when a long series has no current overview yet
     * (reading its points with {@link #points} stores one). A series that is not cached has an empty overview.
     */
    @Override
    public Optional<PointSeries> overview(RunId id, SeriesKey key) {
        Optional<SeriesOverviews.Stored> stored;
        try (Connection connection = connection()) {
            stored = SeriesOverviews.read(connection, id, key);
        } catch (SQLException e) {
            throw readFailure("the overview of run " + id.taskId() + " series " + key.label(), e);
        }
        if (stored.isEmpty()) {
            return Optional.of(PointSeries.empty());
        }
        if (!SeriesOverview.reduces(stored.get().pointCount())) {
            return Optional.of(points(id, key));
        }
        return Optional.ofNullable(stored.get().overview());
    }

    /**
     * Computes and stores the overview of a long series just read, unless a current one is stored. A failure
     * here only costs speed the next time, so it is logged, not thrown.
     */
    private void storeOverviewIfMissing(RunId id, SeriesKey key, SeriesChunks.Versioned read) {
        PointSeries points = read.points();
        if (!SeriesOverview.reduces(points.size())) {
            return;
        }
        try (Connection connection = connection()) {
            if (!SeriesOverviews.isCurrent(connection, id, key)) {
                SeriesOverviews.store(connection, id, key, points.size(), read.firstSeq(), SeriesOverview.of(points));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not store the overview of run {} series {}; the next comparison reads every point again: {}",
                    id.taskId(), key.label(), e.getMessage());
        }
    }

    @Override
    public List<Hyperparameter> hyperparameters(RunId id) {
        return query("SELECT section, name, param_value, param_type FROM hyperparameter"
                        + " WHERE server = ? AND task_id = ? ORDER BY position",
                statement -> bindRun(statement, id),
                row -> new Hyperparameter(row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
    }

    @Override
    public List<ConfigurationItem> configuration(RunId id) {
        return query("SELECT name, config_type, config_value FROM configuration"
                        + " WHERE server = ? AND task_id = ? ORDER BY position",
                statement -> bindRun(statement, id),
                row -> new ConfigurationItem(row.getString(1), row.getString(2), row.getString(3)));
    }

    @Override
    public List<String> savedComparisonNames() {
        return withConnection("saved comparisons", SavedComparisons::names);
    }

    @Override
    public Optional<SavedComparison> savedComparison(String name) {
        return withConnection("saved comparison '" + name + "'", connection -> SavedComparisons.load(connection, name));
    }

    @Override
    public void saveComparison(SavedComparison comparison) {
        try (CacheTransaction transaction = begin()) {
            transaction.run(connection -> SavedComparisons.save(connection, comparison));
            transaction.commit();
        }
    }

    @Override
    public void deleteComparison(String name) {
        try (CacheTransaction transaction = begin()) {
            transaction.run(connection -> SavedComparisons.delete(connection, name));
            transaction.commit();
        }
    }

    @Override
    public Map<SeriesKey, Boolean> higherIsBetter() {
        return withConnection("metric preferences", SavedComparisons::preferences);
    }

    @Override
    public void setHigherIsBetter(SeriesKey key, boolean higher) {
        try (CacheTransaction transaction = begin()) {
            transaction.run(connection -> SavedComparisons.setPreference(connection, key, higher));
            transaction.commit();
        }
    }

    private <T> T withConnection(String what, ConnectionFunction<T> function) {
        try (Connection connection = connection()) {
            return function.apply(connection);
        } catch (SQLException e) {
            throw readFailure(what, e);
        }
    }

    @FunctionalInterface
    interface ConnectionFunction<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Returns the bytes the encoded points take, and the number of points, for benchmarks and the status bar. */
    public StorageStats storageStats() {
        List<StorageStats> rows = query(
                "SELECT (SELECT COALESCE(SUM(LENGTH(data)), 0) FROM series_chunk),"
                        + " (SELECT COALESCE(SUM(point_count), 0) FROM series), (SELECT COUNT(*) FROM series_chunk)",
                statement -> { }, row -> new StorageStats(row.getLong(1), row.getLong(2), row.getLong(3)));
        return rows.get(0);
    }

    /** Sizes of the encoded series data. */
    public record StorageStats(long encodedBytes, long points, long chunks) {
        public double bytesPerPoint() {
            return points == 0 ? 0 : (double) encodedBytes / points;
        }
    }

    /** Shuts the database down; calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (closedByError) {
            // H2 2.5.252 closes the database itself after a failed write (a full disk, for example), and closing
            // a pooled connection of such a database spins forever, so the pool is left as it is.
            LOG.warn("Not closing the cache at {} cleanly: the database was closed after an earlier error.", directory);
            return;
        }
        // Closing the pool's last connection closes the database; an explicit SHUTDOWN would make the
        // pool's own close fail and write a stack trace into runbench.trace.db.
        pool.dispose();
    }

    Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw readFailure("a connection", e);
        }
    }

    private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw readFailure("data", e);
        }
    }

    private static void bindRun(PreparedStatement statement, RunId id) throws SQLException {
        statement.setString(1, id.server());
        statement.setString(2, id.taskId());
    }

    private CacheException readFailure(String what, SQLException e) {
        noteFailure(e);
        return new CacheException("Reading " + what + " from the cache at " + directory + " failed: " + e.getMessage()
                + ". " + CacheFailures.advice(e, "If the file is damaged, move the folder away and sync or import again."), e);
    }

    /** Remembers that H2 closed the database after an error, so {@link #close()} does not wait on it. */
    private void noteFailure(SQLException e) {
        if (CacheFailures.isDatabaseClosed(e) || CacheFailures.isDiskFull(e)) {
            closedByError = true;
        }
    }

    private static void createFolder(Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new CacheException("The cache folder " + folder + " is a file, not a folder. Pick a folder with --cache DIR.");
        }
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new CacheException("Cannot create the cache folder " + folder + ": " + e.getMessage()
                    + ". Choose a writable folder with --cache DIR.", e);
        }
    }

    /**
     * Reads the schema version from the file opened read-only, so a cache written by a newer Runbench is
     * rejected before anything could write to it.
     */
    private static int refuseNewerSchema(Path folder, String url) {
        int known = latestKnownVersion();
        int found;
        try (Connection connection = DriverManager.getConnection(url + ";ACCESS_MODE_DATA=r", "", "")) {
            found = SchemaVersion.read(connection);
        } catch (SQLException e) {
            if (SafeMigration.isUnfinishedFile(folder.resolve(DATABASE_NAME + ".mv.db"), e)) {
                return SafeMigration.UNFINISHED_FILE;
            }
            throw openFailure(folder, e);
        }
        if (found > known) {
            throw new NewerSchemaException("The cache at " + folder + " has schema version " + found
                    + ", written by a newer Runbench; this version knows up to " + known
                    + ". The cache was not changed. Open it with a newer Runbench, or pick another folder with --cache DIR.",
                    found, known);
        }
        return found;
    }

    static int latestKnownVersion() {
        Flyway flyway = Flyway.configure(RunCache.class.getClassLoader()).locations(MIGRATIONS)
                .dataSource("jdbc:h2:mem:", "", "").loggers("slf4j").load();
        int latest = 0;
        for (var info : flyway.info().all()) {
            MigrationVersion version = info.getVersion();
            if (version != null) {
                latest = Math.max(latest, Integer.parseInt(version.getVersion()));
            }
        }
        return latest;
    }

    private static CacheException openFailure(Path folder, Exception e) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("Database may be already in use") || text.contains("90020")) {
            return new CacheException("The cache at " + folder + " is open in another Runbench process (the app or a"
                    + " command). Close that process, or pick another folder with --cache DIR.", e);
        }
        if (e instanceof CacheException cacheException) {
            return cacheException;
        }
        return new CacheException("Cannot open the cache at " + folder + ": " + text
                + ". If the file is damaged, move the folder away and sync or import again.", e);
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }
}

package org.runbench.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.runbench.cache.codec.SeriesCodec;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.RunId;
import org.runbench.model.SeriesKey;
import org.runbench.model.SeriesOverview;

/** Reads and writes the stored overview of a series (table {@code series_overview}). */
final class SeriesOverviews {

    private SeriesOverviews() {
    }

    /** Point count of a cached series and its overview, which is null unless it is current. */
    record Stored(long pointCount, PointSeries overview) {
    }

    /**
     * Returns the series' point count and its stored overview if that overview covers exactly the cached
     * points. The overview is null when none is stored or it is stale, and the result is empty when the
     * series is not cached.
     */
    static Optional<Stored> read(Connection connection, RunId id, SeriesKey key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT s.point_count, o.point_count, o.data FROM series s LEFT JOIN series_overview o ON o.series_id = s.id"
                        + " AND o.first_seq = s.first_seq"
                        + " WHERE s.server = ? AND s.task_id = ? AND s.metric = ? AND s.variant = ?")) {
            bind(statement, id, key);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                long pointCount = rows.getLong(1);
                long overviewCount = rows.getLong(2);
                boolean current = !rows.wasNull() && overviewCount == pointCount;
                PointSeries overview = null;
                if (current) {
                    PointSeriesBuilder builder = new PointSeriesBuilder(SeriesOverview.FULL_SIZE_LIMIT);
                    SeriesCodec.decode(rows.getBytes(3), builder);
                    overview = builder.buildAndReset();
                }
                return Optional.of(new Stored(pointCount, overview));
            }
        }
    }

    /** Returns whether a current overview is stored for the series. */
    static boolean isCurrent(Connection connection, RunId id, SeriesKey key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM series s JOIN series_overview o ON o.series_id = s.id AND o.point_count = s.point_count"
                        + " AND o.first_seq = s.first_seq"
                        + " WHERE s.server = ? AND s.task_id = ? AND s.metric = ? AND s.variant = ?")) {
            bind(statement, id, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * Stores the overview of the series' first {@code pointCount} points, read when its row had
     * {@code firstSeq}, in autocommit mode. It is written only if the series row still has both values.
     * Otherwise the series was appended to or replaced since, so the overview is stale and nothing is written.
     */
    static void store(Connection connection, RunId id, SeriesKey key, long pointCount, int firstSeq, PointSeries overview)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "MERGE INTO series_overview (series_id, point_count, first_seq, data) KEY (series_id)"
                        + " SELECT id, point_count, first_seq, ? FROM series WHERE server = ? AND task_id = ? AND metric = ?"
                        + " AND variant = ? AND point_count = ? AND first_seq = ?")) {
            statement.setBytes(1, SeriesCodec.encode(overview, 0, overview.size()));
            statement.setString(2, id.server());
            statement.setString(3, id.taskId());
            statement.setString(4, key.metric());
            statement.setString(5, key.variant());
            statement.setLong(6, pointCount);
            statement.setInt(7, firstSeq);
            statement.executeUpdate();
        }
    }

    /** Deletes the overview of a series whose points are being changed. */
    static void delete(Connection connection, long seriesId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM series_overview WHERE series_id = ?")) {
            statement.setLong(1, seriesId);
            statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, RunId id, SeriesKey key) throws SQLException {
        statement.setString(1, id.server());
        statement.setString(2, id.taskId());
        statement.setString(3, key.metric());
        statement.setString(4, key.variant());
    }
}

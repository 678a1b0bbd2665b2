package org.runbench.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.runbench.cache.codec.SeriesCodec;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.RunId;
import org.runbench.model.SeriesKey;

/** Reads and writes the encoded chunks of one series. */
final class SeriesChunks {

    /**
     * Points per chunk. Large enough that a million-point series is about 60 rows, small enough that
     * appending to a live run rewrites little.
     */
    static final int CHUNK_POINTS = 16_384;

    private SeriesChunks() {
    }

    static PointSeries read(Connection connection, RunId id, SeriesKey key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT s.point_count, c.data FROM series s JOIN series_chunk c ON c.series_id = s.id"
                        + " WHERE s.server = ? AND s.task_id = ? AND s.metric = ? AND s.variant = ? ORDER BY c.seq")) {
            statement.setString(1, id.server());
            statement.setString(2, id.taskId());
            statement.setString(3, key.metric());
            statement.setString(4, key.variant());
            PointSeries points = decodeRows(statement);
            checkComplete(points, expectedPoints(connection, id, key), id.taskId() + " series " + key.label());
            return points;
        }
    }

    private static long expectedPoints(Connection connection, RunId id, SeriesKey key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT point_count FROM series WHERE server = ? AND task_id = ? AND metric = ? AND variant = ?")) {
            statement.setString(1, id.server());
            statement.setString(2, id.taskId());
            statement.setString(3, key.metric());
            statement.setString(4, key.variant());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    /**
     * Fails when fewer points decode than the series recorded. H2 can leave a very large transaction
     * partly written when the process is killed while it commits; this turns that into a clear error.
     */
    private static void checkComplete(PointSeries points, long expected, String what) {
        if (points.size() != expected) {
            throw new CacheException("The cache contains " + points.size() + " of the " + expected + " points of run " + what
                    + ": the process that wrote them was killed while committing. Remove the run from the cache, or"
                    + " move the cache folder away, then import or sync the run again.");
        }
    }

    static PointSeries read(Connection connection, long seriesId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT s.point_count, c.data FROM series s JOIN series_chunk c ON c.series_id = s.id"
                        + " WHERE s.id = ? ORDER BY c.seq")) {
            statement.setLong(1, seriesId);
            return decodeRows(statement);
        }
    }

    private static PointSeries decodeRows(PreparedStatement statement) throws SQLException {
        PointSeriesBuilder builder = null;
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (builder == null) {
                    builder = new PointSeriesBuilder((int) Math.min(Integer.MAX_VALUE - 8, rows.getLong(1)));
                }
                SeriesCodec.decode(rows.getBytes(2), builder);
            }
        }
        return builder == null ? PointSeries.empty() : builder.buildAndReset();
    }

    /**
     * Appends {@code points} to the series: fills the last chunk up to {@link #CHUNK_POINTS} (rewriting it),
     * then adds new chunks.
     *
     * @return the new number of chunks
     */
    static int append(Connection connection, long seriesId, int chunkCount, PointSeries points) throws SQLException {
        int next = 0;
        int chunks = chunkCount;
        if (chunks > 0) {
            byte[] last = lastChunk(connection, seriesId, chunks - 1);
            int lastCount = SeriesCodec.pointCount(last);
            if (lastCount < CHUNK_POINTS) {
                int take = Math.min(CHUNK_POINTS - lastCount, points.size());
                PointSeriesBuilder merged = new PointSeriesBuilder(lastCount + take);
                SeriesCodec.decode(last, merged);
                merged.addAll(points.slice(0, take));
                PointSeries mergedPoints = merged.buildAndReset();
                update(connection, seriesId, chunks - 1, mergedPoints);
                next = take;
            }
        }
        while (next < points.size()) {
            int end = Math.min(points.size(), next + CHUNK_POINTS);
            insert(connection, seriesId, chunks, points, next, end);
            chunks++;
            next = end;
        }
        return chunks;
    }

    static void deleteAll(Connection connection, long seriesId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM series_chunk WHERE series_id = ?")) {
            statement.setLong(1, seriesId);
            statement.executeUpdate();
        }
    }

    private static byte[] lastChunk(Connection connection, long seriesId, int seq) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT data FROM series_chunk WHERE series_id = ? AND seq = ?")) {
            statement.setLong(1, seriesId);
            statement.setInt(2, seq);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("chunk " + seq + " of series " + seriesId + " is missing");
                }
                return rows.getBytes(1);
            }
        }
    }

    private static void insert(Connection connection, long seriesId, int seq, PointSeries points, int from, int to)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO series_chunk (series_id, seq, point_count, data) VALUES (?, ?, ?, ?)")) {
            statement.setLong(1, seriesId);
            statement.setInt(2, seq);
            statement.setInt(3, to - from);
            statement.setBytes(4, SeriesCodec.encode(points, from, to));
            statement.executeUpdate();
        }
    }

    private static void update(Connection connection, long seriesId, int seq, PointSeries points) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE series_chunk SET point_count = ?, data = ? WHERE series_id = ? AND seq = ?")) {
            statement.setInt(1, points.size());
            statement.setBytes(2, SeriesCodec.encode(points, 0, points.size()));
            statement.setLong(3, seriesId);
            statement.setInt(4, seq);
            statement.executeUpdate();
        }
    }
}

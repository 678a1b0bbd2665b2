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

/**
 * Reads the visible chunks of a series and writes single chunk rows.
 *
 * <p>The visible chunks of a series are the rows with {@code first_seq <= seq < first_seq + chunk_count};
 * other rows were staged and never published, or replaced, and are ignored here. Every visible chunk but the
 * last contains {@link #CHUNK_POINTS} points. The last one can contain more points than {@code series.point_count}
 * counts, left by an append that was rolled back or killed, so readers keep exactly {@code point_count}.
 */
final class SeriesChunks {

    /**
     * Points per chunk. Large enough that a million-point series is about 60 rows, small enough that
     * appending to a live run rewrites little.
     */
    static final int CHUNK_POINTS = 16_384;

    private SeriesChunks() {
    }

    /** Reads the published points of a series in one statement, so a concurrent publish is seen whole or not at all. */
    static PointSeries read(Connection connection, RunId id, SeriesKey key) throws SQLException {
        return readVersioned(connection, id, key).points();
    }

    /** Points of a series and the {@code first_seq} of the series row they were read with, which a replace changes. */
    record Versioned(PointSeries points, int firstSeq) {
    }

    /** Reads the points of a series together with its {@code first_seq}, from one consistent statement. */
    static Versioned readVersioned(Connection connection, RunId id, SeriesKey key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT s.point_count, c.data, s.first_seq FROM series s LEFT JOIN series_chunk c ON c.series_id = s.id"
                        + " AND c.seq >= s.first_seq AND c.seq < s.first_seq + s.chunk_count"
                        + " WHERE s.server = ? AND s.task_id = ? AND s.metric = ? AND s.variant = ? ORDER BY c.seq")) {
            statement.setString(1, id.server());
            statement.setString(2, id.taskId());
            statement.setString(3, key.metric());
            statement.setString(4, key.variant());
            int[] firstSeq = {0};
            PointSeries points = decodeRows(statement, id.taskId() + " series " + key.label(), firstSeq);
            return new Versioned(points, firstSeq[0]);
        }
    }

    /** Reads the points of a series from the visible range and point count that the caller's transaction read from its series row. */
    static PointSeries read(Connection connection, long seriesId, int firstSeq, int chunkCount, long pointCount)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT CAST(? AS BIGINT), data FROM series_chunk WHERE series_id = ? AND seq >= ? AND seq < ? ORDER BY seq")) {
            statement.setLong(1, pointCount);
            statement.setLong(2, seriesId);
            statement.setInt(3, firstSeq);
            statement.setInt(4, firstSeq + chunkCount);
            PointSeries points = decodeRows(statement, "series " + seriesId, null);
            // Without any visible chunk no row comes back, so decodeRows had no count to check against.
            checkComplete(points.size(), pointCount, "series " + seriesId);
            return points;
        }
    }

    /**
     * Decodes rows of (point count, chunk data) and keeps the first {@code point_count} points. A row with
     * null data is a series without visible chunks. When {@code firstSeq} is given, the third column's value is
     * stored in it.
     */
    private static PointSeries decodeRows(PreparedStatement statement, String what, int[] firstSeq) throws SQLException {
        PointSeriesBuilder builder = null;
        long expected = 0;
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (builder == null) {
                    expected = rows.getLong(1);
                    if (firstSeq != null) {
                        firstSeq[0] = rows.getInt(3);
                    }
                    builder = new PointSeriesBuilder((int) Math.min(Integer.MAX_VALUE - 8, expected));
                }
                byte[] data = rows.getBytes(2);
                if (data != null) {
                    SeriesCodec.decode(data, builder);
                }
            }
        }
        if (builder == null) {
            return PointSeries.empty();
        }
        checkComplete(builder.size(), expected, what);
        builder.setSize((int) expected);
        return builder.buildAndReset();
    }

    /**
     * Fails when fewer points decode than the series recorded. H2 2.5.252 could leave a very large
     * transaction partly written when the process was killed while it committed. Caches written before
     * chunks were staged can still contain such a series.
     */
    private static void checkComplete(int decoded, long expected, String what) {
        if (decoded < expected) {
            throw new CacheException("The cache contains " + decoded + " of the " + expected + " points of run " + what
                    + ": the process that wrote them was killed while committing. Remove the run from the cache, or"
                    + " move the cache folder away, then import or sync the run again.");
        }
    }

    /** Returns the chunk at {@code seq} of a series, decoded whole, including points not yet published. */
    static PointSeries readChunk(Connection connection, long seriesId, int seq) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT data FROM series_chunk WHERE series_id = ? AND seq = ?")) {
            statement.setLong(1, seriesId);
            statement.setInt(2, seq);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("chunk " + seq + " of series " + seriesId + " is missing");
                }
                byte[] data = rows.getBytes(1);
                PointSeriesBuilder builder = new PointSeriesBuilder(SeriesCodec.pointCount(data));
                SeriesCodec.decode(data, builder);
                return builder.buildAndReset();
            }
        }
    }

    /**
     * Returns the points stored in the chunks {@code firstSeq <= seq < endSeq} according to their point count
     * column. It reads whole rows, data included, so callers use it only where the
     * {@link #CHUNK_POINTS}-per-chunk rule does not give the count.
     */
    static long storedPoints(Connection connection, long seriesId, int firstSeq, int endSeq) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COALESCE(SUM(point_count), 0) FROM series_chunk WHERE series_id = ? AND seq >= ? AND seq < ?")) {
            statement.setLong(1, seriesId);
            statement.setInt(2, firstSeq);
            statement.setInt(3, endSeq);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Returns one more than the highest chunk seq of a series, committed or staged, or 0 when it has none. */
    static int seqAfterAll(Connection connection, long seriesId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT MAX(seq) FROM series_chunk WHERE series_id = ?")) {
            statement.setLong(1, seriesId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                int highest = rows.getInt(1);
                return rows.wasNull() ? 0 : Math.addExact(highest, 1);
            }
        }
    }

    /** Inserts or overwrites the chunk at {@code seq} with {@code points[from, to)}. */
    static void write(Connection connection, long seriesId, int seq, PointSeries points, int from, int to)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "MERGE INTO series_chunk (series_id, seq, point_count, data) KEY (series_id, seq) VALUES (?, ?, ?, ?)")) {
            statement.setLong(1, seriesId);
            statement.setInt(2, seq);
            statement.setInt(3, to - from);
            statement.setBytes(4, SeriesCodec.encode(points, from, to));
            statement.executeUpdate();
        }
    }
}

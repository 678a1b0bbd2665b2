package org.runbench.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;

/**
 * Writes chunk rows on a connection of its own, in transactions of up to {@link #CHUNKS_PER_COMMIT} chunks,
 * before a run transaction publishes them through the series row, and removes the chunk rows no series shows.
 *
 * <p>H2 2.5.252 can leave a transaction of tens of megabytes partly written when the process is killed while
 * it commits. Staging keeps every commit that readers can see small, and a chunk that was committed but
 * never published stays outside its series' visible range, where readers ignore it.
 *
 * <p>Callers hold the series row locked ({@code SELECT ... FOR UPDATE} or an uncommitted insert) in their
 * run transaction while they stage chunks of it, and {@link #removeGarbage} takes the same lock, so
 * garbage removal never deletes chunks that another open transaction staged. Not thread-safe.
 */
final class ChunkStaging implements AutoCloseable {

    /** Chunk rows deleted per transaction when removing garbage, kept small because a chunk can be a few hundred kilobytes. */
    static final int DELETE_BATCH = 4;

    /**
     * Staged chunks per commit: about 3 MB of a smooth series. A kill while such a commit runs can leave only
     * some of its rows, but staged rows are invisible until the run transaction publishes them, and that
     * happens only after every staging commit has returned. Committing each chunk alone instead left several
     * bytes of dead file space per point, because H2 rewrites pages on every commit and compacts them only
     * when it has a background writer, which WRITE_DELAY=0 turns off.
     */
    static final int CHUNKS_PER_COMMIT = 64;

    private final Supplier<Connection> connections;
    private Connection connection;
    private int uncommitted;

    ChunkStaging(Supplier<Connection> connections) {
        this.connections = connections;
    }

    /**
     * Stages {@code points} after the first {@code pointCount} points of a series whose visible chunks start
     * at {@code firstSeq} and number {@code chunkCount}. A partial last chunk is rewritten in place with its
     * published points followed by new ones, so readers that keep {@code point_count} points see no change
     * until the run transaction publishes. Further chunks overwrite any stale row at their seq.
     *
     * @return the chunk count to publish
     */
    int append(long seriesId, int firstSeq, int chunkCount, long pointCount, PointSeries points) throws SQLException {
        Connection staging = connection();
        int next = 0;
        int chunks = chunkCount;
        if (chunks > 0) {
            int lastSeq = firstSeq + chunks - 1;
            PointSeries last = SeriesChunks.readChunk(staging, seriesId, lastSeq);
            int published = publishedInLast(staging, seriesId, firstSeq, chunks, pointCount, last.size());
            if (published < SeriesChunks.CHUNK_POINTS) {
                int take = Math.min(SeriesChunks.CHUNK_POINTS - published, points.size());
                PointSeries merged = new PointSeriesBuilder(published + take)
                        .addAll(last.slice(0, published))
                        .addAll(points.slice(0, take))
                        .buildAndReset();
                stage(seriesId, lastSeq, merged, 0, merged.size());
                next = take;
            }
        }
        while (next < points.size()) {
            int end = Math.min(points.size(), next + SeriesChunks.CHUNK_POINTS);
            stage(seriesId, Math.addExact(firstSeq, chunks), points, next, end);
            chunks++;
            next = end;
        }
        commitStaged();
        return chunks;
    }

    /** Returns the first seq above every chunk row of the series and at or above {@code visibleEnd}. */
    int seqAfterAll(long seriesId, int visibleEnd) throws SQLException {
        return Math.max(visibleEnd, SeriesChunks.seqAfterAll(connection(), seriesId));
    }

    /**
     * Returns how many points of the last visible chunk are published. Every earlier visible chunk is full,
     * so the count follows from the series row; should that ever not hold, the earlier rows' counts decide.
     */
    private static int publishedInLast(Connection staging, long seriesId, int firstSeq, int chunks, long pointCount,
                                       int stored) throws SQLException {
        long inEarlier = (long) (chunks - 1) * SeriesChunks.CHUNK_POINTS;
        long published = pointCount - inEarlier;
        if (published < 1 || published > stored) {
            published = pointCount - SeriesChunks.storedPoints(staging, seriesId, firstSeq, firstSeq + chunks - 1);
        }
        if (published < 0 || published > stored) {
            throw new SQLException("the last chunk of series " + seriesId + " contains " + stored + " points, but the series"
                    + " records " + pointCount + " points in " + chunks + " chunks");
        }
        return (int) published;
    }

    /** Writes one chunk row and commits every {@link #CHUNKS_PER_COMMIT} rows. */
    private void stage(long seriesId, int seq, PointSeries points, int from, int to) throws SQLException {
        Connection staging = connection();
        try {
            SeriesChunks.write(staging, seriesId, seq, points, from, to);
            uncommitted++;
            if (uncommitted >= CHUNKS_PER_COMMIT) {
                commitStaged();
            }
        } catch (SQLException e) {
            uncommitted = 0;
            staging.rollback();
            throw e;
        }
    }

    private void commitStaged() throws SQLException {
        if (uncommitted > 0) {
            connection().commit();
            uncommitted = 0;
        }
    }

    /**
     * Deletes, in small transactions, the chunk rows of each series that its committed series row does not
     * show, and every chunk row of a series that no longer exists. Each transaction first locks the series
     * row, so it waits for a run transaction that is staging chunks of it.
     *
     * @return the number of rows deleted
     */
    long removeGarbage(Iterable<Long> seriesIds) throws SQLException {
        long removed = 0;
        for (long seriesId : seriesIds) {
            removed += removeGarbage(seriesId);
        }
        return removed;
    }

    private long removeGarbage(long seriesId) throws SQLException {
        Connection staging = connection();
        long removed = 0;
        while (true) {
            try {
                List<Integer> seqs = lockAndListGarbage(staging, seriesId);
                deleteRows(staging, seriesId, seqs);
                staging.commit();
                removed += seqs.size();
                if (seqs.size() < DELETE_BATCH) {
                    return removed;
                }
            } catch (SQLException e) {
                staging.rollback();
                throw e;
            }
        }
    }

    /** Locks the series row and lists up to {@link #DELETE_BATCH} chunk seqs outside its visible range. */
    private static List<Integer> lockAndListGarbage(Connection staging, long seriesId) throws SQLException {
        Integer firstSeq = null;
        int endSeq = 0;
        try (PreparedStatement statement = staging.prepareStatement(
                "SELECT first_seq, first_seq + chunk_count FROM series WHERE id = ? FOR UPDATE")) {
            statement.setLong(1, seriesId);
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    firstSeq = rows.getInt(1);
                    endSeq = rows.getInt(2);
                }
            }
        }
        // Only the seq column is selected, so H2 reads the primary key index and not the chunk data.
        String sql = firstSeq == null
                ? "SELECT seq FROM series_chunk WHERE series_id = ? ORDER BY seq LIMIT " + DELETE_BATCH
                : "SELECT seq FROM series_chunk WHERE series_id = ? AND (seq < ? OR seq >= ?) ORDER BY seq LIMIT " + DELETE_BATCH;
        List<Integer> seqs = new ArrayList<>();
        try (PreparedStatement statement = staging.prepareStatement(sql)) {
            statement.setLong(1, seriesId);
            if (firstSeq != null) {
                statement.setInt(2, firstSeq);
                statement.setInt(3, endSeq);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    seqs.add(rows.getInt(1));
                }
            }
        }
        return seqs;
    }

    static void deleteRows(Connection connection, long seriesId, List<Integer> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM series_chunk WHERE series_id = ? AND seq = ?")) {
            for (int seq : seqs) {
                statement.setLong(1, seriesId);
                statement.setInt(2, seq);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection opened = connections.get();
            try {
                opened.setAutoCommit(false);
            } catch (SQLException e) {
                opened.close();
                throw e;
            }
            connection = opened;
        }
        return connection;
    }

    /** Returns the connection to the pool; a transaction left open on it is rolled back first. */
    @Override
    public void close() throws SQLException {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } finally {
            connection.close();
            connection = null;
        }
    }
}

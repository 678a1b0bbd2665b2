package org.runbench.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes, when the cache opens, the chunk rows that no series shows: chunks staged by a process killed
 * before its run transaction published them, and replaced or deleted chunks whose removal was cut short.
 *
 * <p>It runs before any writer starts, so nothing outside a visible range can belong to an open transaction.
 * Finding the rows reads only the primary key index of {@code series_chunk} and the series rows, never the
 * chunk data, so opening a large cache stays fast.
 */
final class ChunkSweep {

    private ChunkSweep() {
    }

    /**
     * Deletes every chunk row outside its series' visible range, {@link ChunkStaging#DELETE_BATCH} rows per
     * transaction.
     *
     * @return the number of rows deleted
     */
    static long sweep(Connection connection) throws SQLException {
        Map<Long, List<Integer>> garbage = findGarbage(connection);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        long removed = 0;
        try {
            for (Map.Entry<Long, List<Integer>> series : garbage.entrySet()) {
                List<Integer> seqs = series.getValue();
                for (int from = 0; from < seqs.size(); from += ChunkStaging.DELETE_BATCH) {
                    List<Integer> batch = seqs.subList(from, Math.min(seqs.size(), from + ChunkStaging.DELETE_BATCH));
                    ChunkStaging.deleteRows(connection, series.getKey(), batch);
                    connection.commit();
                    removed += batch.size();
                }
            }
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return removed;
    }

    private static Map<Long, List<Integer>> findGarbage(Connection connection) throws SQLException {
        Map<Long, List<Integer>> garbage = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT c.series_id, c.seq FROM series_chunk c LEFT JOIN series s ON s.id = c.series_id"
                        + " WHERE s.id IS NULL OR c.seq < s.first_seq OR c.seq >= s.first_seq + s.chunk_count");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                garbage.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(rows.getInt(2));
            }
        }
        return garbage;
    }
}

package org.runbench.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runbench.model.RunId;
import org.runbench.model.SavedComparison;
import org.runbench.model.SeriesKey;

/** Reads and writes saved comparisons and metric preferences; each call uses the connection it is given. */
final class SavedComparisons {

    private SavedComparisons() {
    }

    static List<String> names(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT name FROM saved_comparison ORDER BY LOWER(name), name");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    static Optional<SavedComparison> load(Connection connection, String name) throws SQLException {
        List<SavedComparison.SavedRun> runs = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT server, task_id, color_rgb, hidden FROM saved_comparison_run WHERE comparison_name = ? ORDER BY position")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int rgb = rows.getInt(3);
                    Integer color = rows.wasNull() ? null : rgb;
                    runs.add(new SavedComparison.SavedRun(new RunId(rows.getString(1), rows.getString(2)), color, rows.getBoolean(4)));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT saved_at, metric_filter, x_axis, log_y, smoothing_kind, smoothing_weight, smoothing_window, grid_columns"
                        + " FROM saved_comparison WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SavedComparison(name, RowMappers.instant(row, 1), runs, row.getString(2), row.getString(3),
                        row.getBoolean(4), row.getString(5), row.getDouble(6), row.getInt(7), row.getInt(8)));
            }
        }
    }

    /** Replaces the comparison of the same name; the caller commits. */
    static void save(Connection connection, SavedComparison comparison) throws SQLException {
        delete(connection, comparison.name());
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO saved_comparison (name, saved_at, metric_filter, x_axis, log_y, smoothing_kind, smoothing_weight,"
                        + " smoothing_window, grid_columns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, comparison.name());
            RowMappers.setInstant(statement, 2, comparison.savedAt());
            statement.setString(3, comparison.metricFilter());
            statement.setString(4, comparison.xAxis());
            statement.setBoolean(5, comparison.logY());
            statement.setString(6, comparison.smoothingKind());
            statement.setDouble(7, comparison.smoothingWeight());
            statement.setInt(8, comparison.smoothingWindow());
            statement.setInt(9, comparison.columns());
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO saved_comparison_run (comparison_name, position, server, task_id, color_rgb, hidden) VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (SavedComparison.SavedRun run : comparison.runs()) {
                statement.setString(1, comparison.name());
                statement.setInt(2, position++);
                statement.setString(3, run.id().server());
                statement.setString(4, run.id().taskId());
                if (run.colorRgb() == null) {
                    statement.setNull(5, Types.INTEGER);
                } else {
                    statement.setInt(5, run.colorRgb());
                }
                statement.setBoolean(6, run.hidden());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    static void delete(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM saved_comparison WHERE name = ?")) {
            statement.setString(1, name);
            statement.executeUpdate();
        }
    }

    static Map<SeriesKey, Boolean> preferences(Connection connection) throws SQLException {
        Map<SeriesKey, Boolean> result = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT metric, variant, higher_is_better FROM metric_preference");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                result.put(new SeriesKey(rows.getString(1), rows.getString(2)), rows.getBoolean(3));
            }
        }
        return result;
    }

    static void setPreference(Connection connection, SeriesKey key, boolean higher) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "MERGE INTO metric_preference (metric, variant, higher_is_better) KEY (metric, variant) VALUES (?, ?, ?)")) {
            statement.setString(1, key.metric());
            statement.setString(2, key.variant());
            statement.setBoolean(3, higher);
            statement.executeUpdate();
        }
    }
}

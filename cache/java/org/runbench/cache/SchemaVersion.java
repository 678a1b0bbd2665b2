package org.runbench.cache;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads the highest applied schema version from Flyway's history table. */
final class SchemaVersion {

    private SchemaVersion() {
    }

    /**
     * Returns the highest successfully applied numeric version, or 0 for an empty database.
     *
     * @throws SQLException if the database has tables but no Runbench history, which means it is not a
     *                      Runbench cache
     */
    static int read(Connection connection) throws SQLException {
        if (!tableExists(connection, "flyway_schema_history")) {
            if (tableExists(connection, null)) {
                throw new SQLException("the database has tables but no Runbench schema history, so it is not a Runbench cache");
            }
            return 0;
        }
        int highest = 0;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL")) {
            while (rows.next()) {
                String text = rows.getString(1);
                int major = Integer.parseInt(text.split("\\.")[0]);
                highest = Math.max(highest, major);
            }
        }
        return highest;
    }

    private static boolean tableExists(Connection connection, String name) throws SQLException {
        String sql = name == null
                ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = '" + name + "'";
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }
}

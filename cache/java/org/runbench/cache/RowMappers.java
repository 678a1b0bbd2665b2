package org.runbench.cache;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.runbench.model.Project;
import org.runbench.model.Run;
import org.runbench.model.RunId;
import org.runbench.model.RunStatus;
import org.runbench.model.SeriesKey;
import org.runbench.model.SeriesSummary;

/** Maps cache rows to model records and back. */
final class RowMappers {

    static final String RUN_COLUMNS = "server, task_id, project_id, name, status, status_reason, user_name, tags,"
            + " created, started, completed, last_update, last_iteration, parent_task_id, queue, script, source_path, deleted";
    static final String RUN_SELECT = "SELECT " + RUN_COLUMNS + " FROM run";
    static final String SUMMARY_SELECT = "SELECT metric, variant, point_count, last_value, last_iteration, min_value,"
            + " min_iteration, max_value, max_iteration FROM series";

    /** Separates tags in the tags column; the ASCII unit separator never occurs in a tag typed by a person. */
    private static final String TAG_SEPARATOR = "\u001f";

    private RowMappers() {
    }

    static Project project(ResultSet row) throws SQLException {
        return new Project(row.getString(1), row.getString(2), row.getString(3), instant(row, 4));
    }

    static Run run(ResultSet row) throws SQLException {
        long lastIteration = row.getLong(13);
        if (row.wasNull()) {
            lastIteration = Run.NO_ITERATION;
        }
        String tags = row.getString(8);
        List<String> tagList = tags.isEmpty() ? List.of() : Arrays.asList(tags.split(TAG_SEPARATOR, -1));
        return new Run(new RunId(row.getString(1), row.getString(2)), row.getString(3), row.getString(4),
                RunStatus.fromApi(row.getString(5)), row.getString(6), row.getString(7), tagList,
                instant(row, 9), instant(row, 10), instant(row, 11), instant(row, 12), lastIteration,
                row.getString(14), row.getString(15), row.getString(16), row.getString(17), row.getBoolean(18));
    }

    /** Binds the columns of {@link #RUN_COLUMNS} in order, starting at parameter 1. */
    static void bindRun(PreparedStatement statement, Run run) throws SQLException {
        statement.setString(1, run.id().server());
        statement.setString(2, run.id().taskId());
        statement.setString(3, run.projectId());
        statement.setString(4, run.name());
        statement.setString(5, run.status().apiName());
        statement.setString(6, run.statusReason());
        statement.setString(7, run.user());
        statement.setString(8, String.join(TAG_SEPARATOR, run.tags()));
        setInstant(statement, 9, run.created());
        setInstant(statement, 10, run.started());
        setInstant(statement, 11, run.completed());
        setInstant(statement, 12, run.lastUpdate());
        if (run.lastIteration() == Run.NO_ITERATION) {
            statement.setNull(13, Types.BIGINT);
        } else {
            statement.setLong(13, run.lastIteration());
        }
        statement.setString(14, run.parentTaskId());
        statement.setString(15, run.queue());
        statement.setString(16, run.script());
        statement.setString(17, run.sourcePath());
        statement.setBoolean(18, run.deleted());
    }

    static SeriesSummary summary(ResultSet row) throws SQLException {
        return summaryFrom(row, 1);
    }

    /** Maps the columns of {@link #SUMMARY_SELECT} starting at column {@code first}. */
    static SeriesSummary summaryFrom(ResultSet row, int first) throws SQLException {
        int c = first;
        return new SeriesSummary(new SeriesKey(row.getString(c), row.getString(c + 1)), row.getLong(c + 2),
                doubleOrNaN(row, c + 3), row.getLong(c + 4), doubleOrNaN(row, c + 5), row.getLong(c + 6),
                doubleOrNaN(row, c + 7), row.getLong(c + 8));
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }

    static Instant instant(ResultSet row, int index) throws SQLException {
        OffsetDateTime time = row.getObject(index, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    static void setDouble(PreparedStatement statement, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static double doubleOrNaN(ResultSet row, int index) throws SQLException {
        double value = row.getDouble(index);
        return row.wasNull() ? Double.NaN : value;
    }
}

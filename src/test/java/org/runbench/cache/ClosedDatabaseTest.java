package org.runbench.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.model.RunId;
import org.runbench.model.SeriesKey;

/** Errors after which H2 has closed the database: a clear message, and a close that does not wait on H2. */
class ClosedDatabaseTest {

    @TempDir
    Path folder;

    @Test
    void diskFullFoundInCauseChain() {
        SQLException error = new SQLException("General error", "HY000", 50000,
                new IllegalStateException("write failed", new IOException("No space left on device")));

        assertThat(CacheFailures.isDiskFull(error)).isTrue();
        assertThat(CacheFailures.advice(error, "usual")).contains("disk that holds the cache is full");
        assertThat(CacheFailures.advice(new SQLException("Timeout"), "usual")).isEqualTo("usual");
    }

    @Test
    void closedDatabaseFoundByErrorCode() {
        SQLException closed = new SQLException("The database has been closed", "90098", 90098);

        assertThat(CacheFailures.isDatabaseClosed(new SQLException("outer", "HY000", 50000, closed))).isTrue();
        assertThat(CacheFailures.isDatabaseClosed(new SQLException("Timeout", "HYT00", 57014))).isFalse();
    }

    @Test
    void closeReturnsAfterDatabaseWasClosed() throws Exception {
        RunCache cache = RunCache.open(folder);
        try (Connection connection = cache.connection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException expected) {
            // H2 may report the shutdown on the connection that asked for it.
        }

        assertThatThrownBy(() -> cache.points(new RunId("local", "a"), new SeriesKey("train", "loss")))
                .isInstanceOf(CacheException.class)
                .hasMessageContaining(folder.toString());
        assertTimeoutPreemptively(Duration.ofSeconds(20), cache::close);
    }
}

package org.runbench.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.Run;
import org.runbench.model.RunData;
import org.runbench.model.RunId;
import org.runbench.model.RunStatus;
import org.runbench.model.SeriesKey;

/** A process killed while creating or upgrading the cache must not leave a file that cannot be opened. */
class SafeMigrationTest {

    private static final RunId RUN = RunId.local("kept");

    @TempDir
    Path folder;

    @Test
    void newCacheAppearsOnlyWhenFullyMigrated() throws Exception {
        Path abandoned = folder.resolve(".creating-killed");
        Files.createDirectories(abandoned);
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + abandoned.resolve(RunCache.DATABASE_NAME));
             Statement statement = connection.createStatement()) {
            // What a migration killed after its first statement leaves behind.
            statement.execute("CREATE TABLE server (name VARCHAR(10))");
        }

        try (RunCache cache = RunCache.open(folder)) {
            store(cache);
        }

        assertThat(abandoned).doesNotExist();
        try (FolderListing listing = new FolderListing(folder)) {
            assertThat(listing.names()).contains(RunCache.DATABASE_NAME + ".mv.db").noneMatch(name -> name.startsWith(".creating-"));
        }
        try (RunCache reopened = RunCache.open(folder)) {
            assertThat(reopened.points(RUN, new SeriesKey("loss", "loss")).size()).isEqualTo(3);
        }
    }

    @Test
    void interruptedUpgradeIsRolledBackToTheCopy() throws Exception {
        try (RunCache cache = RunCache.open(folder)) {
            store(cache);
        }
        Path database = folder.resolve(RunCache.DATABASE_NAME + ".mv.db");
        Path backup = folder.resolve(RunCache.DATABASE_NAME + ".mv.db" + RunCache.UPGRADE_BACKUP_SUFFIX);
        Files.copy(database, backup);
        // A crash in the middle of an upgrade leaves the copy beside a damaged file.
        Files.write(database, new byte[] {1, 2, 3});

        try (RunCache cache = RunCache.open(folder)) {
            assertThat(cache.allRuns()).extracting(Run::id).containsExactly(RUN);
            assertThat(cache.points(RUN, new SeriesKey("loss", "loss")).size()).isEqualTo(3);
        }
        assertThat(backup).doesNotExist();
    }

    @Test
    void openingAnUpToDateCacheKeepsNoCopy() {
        try (RunCache cache = RunCache.open(folder)) {
            store(cache);
        }
        try (RunCache cache = RunCache.open(folder)) {
            assertThat(cache.allRuns()).hasSize(1);
        }
        assertThat(folder.resolve(RunCache.DATABASE_NAME + ".mv.db" + RunCache.UPGRADE_BACKUP_SUFFIX)).doesNotExist();
    }

    private static void store(RunCache cache) {
        Run run = new Run(RUN, "p", "kept", RunStatus.COMPLETED, "", "", List.of(), null, null, null, null, 2, null, null, "",
                null, false);
        try (CacheTransaction transaction = cache.begin()) {
            transaction.storeRun(new RunData(run, List.of(), List.of(), Map.of(new SeriesKey("loss", "loss"),
                    new PointSeriesBuilder().add(0, 1, 0).add(1, 2, 1).add(2, 3, 2).build())));
            transaction.commit();
        }
    }

    /** Lists the names in a folder. */
    private static final class FolderListing implements AutoCloseable {
        private final java.util.stream.Stream<Path> paths;

        FolderListing(Path folder) throws java.io.IOException {
            paths = Files.list(folder);
        }

        List<String> names() {
            return paths.map(path -> path.getFileName().toString()).toList();
        }

        @Override
        public void close() {
            paths.close();
        }
    }
}

package org.runbench.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the cache so that a process killed in the middle never leaves a half-migrated file.
 *
 * <p>H2 commits each DDL statement as it runs, so a migration cannot be rolled back. A new cache is
 * therefore created and migrated in a temporary folder and moved into place only when complete. Before an
 * upgrade the file is copied, and the copy is put back if the upgrade did not finish, even after a crash.
 */
final class SafeMigration {

    /** Schema version meaning there is no database file yet. */
    static final int NO_DATABASE = -1;
    /** Schema version meaning the file was left by a process killed right after H2 created it. */
    static final int UNFINISHED_FILE = -2;

    private static final String CREATING_PREFIX = ".creating-";
    /** Largest file that can be only H2's header, written before any table existed. */
    private static final long HEADER_ONLY_BYTES = 16 * 1024;
    private static final int H2_DATABASE_IS_READ_ONLY = 90097;
    private static final Logger LOG = LoggerFactory.getLogger(SafeMigration.class);

    private SafeMigration() {
    }

    /** Creates and migrates a new database in a temporary folder, then moves it to {@code databaseFile}. */
    static void createMigrated(Path folder, Path databaseFile, boolean replaceUnfinished) {
        Path temporary = folder.resolve(CREATING_PREFIX + UUID.randomUUID());
        try {
            Files.createDirectories(temporary);
            JdbcConnectionPool pool = JdbcConnectionPool.create(RunCache.url(temporary.resolve(RunCache.DATABASE_NAME)), "", "");
            try {
                RunCache.migrate(pool);
            } finally {
                pool.dispose();
            }
            if (replaceUnfinished) {
                Path aside = folder.resolve(RunCache.DATABASE_NAME + ".mv.db.unfinished-" + System.currentTimeMillis());
                Files.move(databaseFile, aside);
                LOG.warn("Moved the unfinished cache file {} aside to {}: it held no data", databaseFile, aside);
            }
            moveIntoPlace(temporary.resolve(RunCache.DATABASE_NAME + ".mv.db"), databaseFile);
        } catch (FileAlreadyExistsException e) {
            LOG.info("Another process created the cache {} at the same time; using its file", databaseFile);
        } catch (IOException e) {
            throw new CacheException("Cannot create the cache in " + folder + ": " + e.getMessage()
                    + ". Check that the folder is writable, or pick another one with --cache DIR.", e);
        } finally {
            deleteTree(temporary);
        }
    }

    private static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target);
        }
    }

    /**
     * Puts back the copy taken before an upgrade that did not finish, unless another process has the
     * cache open (then that process owns the upgrade).
     */
    static void restoreInterruptedUpgrade(Path folder, Path databaseFile, Path backup) {
        if (Files.exists(databaseFile) && isInUse(databaseFile)) {
            return;
        }
        try {
            moveIntoPlace(backup, databaseFile);
            LOG.warn("Restored the cache {} from the copy taken before an upgrade that did not finish", databaseFile);
        } catch (IOException e) {
            throw new CacheException("An earlier upgrade of the cache in " + folder + " did not finish, and putting back"
                    + " its copy " + backup + " failed: " + e.getMessage() + ". Move " + backup + " to " + databaseFile
                    + " by hand, then start Runbench again.", e);
        }
    }

    /** Copies the database before an upgrade; the copy stays until the upgrade has finished. */
    static void copy(Path databaseFile, Path backup) {
        try {
            Files.copy(databaseFile, backup, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CacheException("Cannot copy the cache " + databaseFile + " before upgrading it: " + e.getMessage()
                    + ". Free some disk space, then start Runbench again.", e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }

    /** Returns whether opening failed because the file contains nothing but H2's header. */
    static boolean isUnfinishedFile(Path databaseFile, SQLException error) {
        try {
            return error.getErrorCode() == H2_DATABASE_IS_READ_ONLY && Files.size(databaseFile) <= HEADER_ONLY_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes temporary creation folders left by processes killed while creating the cache. */
    static void removeAbandonedCreations(Path folder) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, CREATING_PREFIX + "*")) {
            for (Path entry : entries) {
                Path file = entry.resolve(RunCache.DATABASE_NAME + ".mv.db");
                if (!Files.exists(file) || !isInUse(file)) {
                    deleteTree(entry);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not look for abandoned cache folders in {}: {}", folder, e.getMessage());
        }
    }

    /** Returns whether a process holds H2's lock on the file. */
    private static boolean isInUse(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(SafeMigration::delete);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", root, e.getMessage());
        }
    }
}

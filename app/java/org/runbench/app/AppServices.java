package org.runbench.app;

import java.nio.file.Path;
import org.runbench.cache.RunCache;
import org.runbench.sync.ImportService;
import org.runbench.sync.Progress;
import org.runbench.sync.SyncService;
import org.runbench.sync.local.LocalImportService;
import org.runbench.sync.local.LocalRunReader;
import org.runbench.tracking.SettingsOverrides;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root's services for the desktop app: the cache and what writes to it. Built once at
 * start-up off the JavaFX thread and closed at exit.
 */
public final class AppServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppServices.class);

    private final RunCache cache;
    private final LocalImportService importService;
    private final SyncComposition sync;

    private AppServices(RunCache cache, LocalImportService importService, SyncComposition sync) {
        this.cache = cache;
        this.importService = importService;
        this.sync = sync;
    }

    /**
     * Opens the cache in {@code cacheDirectory}; when it has no run and no ClearML server is configured,
     * loads the bundled sample runs so the app opens on a real comparison.
     */
    public static AppServices open(Path cacheDirectory, Progress progress) {
        return open(cacheDirectory, progress, SettingsOverrides.NONE, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * Opens the cache as {@link #open(Path, Progress)} does, with server settings from {@code overrides}
     * (the command line's {@code --api-host}, {@code --access-key}, {@code --secret-key}), the environment
     * and the home folder given.
     */
    public static AppServices open(Path cacheDirectory, Progress progress, SettingsOverrides overrides,
                                   java.util.Map<String, String> environment, Path home) {
        progress.update("Opening the cache at " + cacheDirectory, -1);
        RunCache cache = RunCache.open(cacheDirectory);
        try {
            LocalImportService importService = new LocalImportService(cache, new LocalRunReader());
            boolean serverGiven = overrides.apiHost() != null || ServerConfiguration.isConfigured(environment, home);
            if (cache.allRuns().isEmpty() && !serverGiven) {
                progress.update("Loading the sample project", -1);
                importService.importSamples(progress);
                LOG.info("Loaded the bundled samples into the empty cache {}", cacheDirectory);
            }
            progress.update("Reading the ClearML server settings", -1);
            SyncComposition sync = SyncComposition.create(cache, SyncComposition.loadServers(overrides, environment, home,
                    System.getProperty("os.name", "")));
            return new AppServices(cache, importService, sync);
        } catch (RuntimeException e) {
            cache.close();
            throw e;
        }
    }

    public RunCache cache() {
        return cache;
    }

    public ImportService importService() {
        return importService;
    }

    /**
     * Returns the sync service. It is always present: with no server configured it lists none and its
     * connection check says so.
     */
    public java.util.Optional<SyncService> syncService() {
        return java.util.Optional.of(sync.service());
    }

    /** Returns the user-facing message of a failure at start-up. */
    static String messageOf(Throwable error) {
        return error.getMessage() == null ? error.toString() : error.getMessage();
    }

    @Override
    public void close() {
        sync.close();
        cache.close();
    }
}

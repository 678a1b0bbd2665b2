package org.runbench.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.runbench.cache.RunCache;
import org.runbench.sync.clearml.ClearMLSyncService;
import org.runbench.sync.clearml.ConfiguredServers;
import org.runbench.sync.clearml.SyncOptions;
import org.runbench.tracking.ClearMLConnection;
import org.runbench.tracking.ClearMLHttpClients;
import org.runbench.tracking.ConnectionChecker;
import org.runbench.tracking.ConnectionOptions;
import org.runbench.tracking.ServerSettings;
import org.runbench.tracking.ServerSettingsLoader;
import org.runbench.tracking.SettingsException;
import org.runbench.tracking.SettingsOverrides;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the sync service from the user's settings: the ClearML servers (the default one from
 * {@code clearml.conf}, the {@code CLEARML_*} variables and the command line, plus those of the Runbench
 * servers file) and the one shared OkHttp client, which {@link #close()} shuts down.
 *
 * <p>The servers file is {@code servers.conf} in the per-user config folder:
 * {@code $XDG_CONFIG_HOME/runbench} (else {@code ~/.config/runbench}) on Linux,
 * {@code ~/Library/Application Support/Runbench} on macOS and {@code %APPDATA%\Runbench} on Windows.
 */
public final class SyncComposition implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncComposition.class);

    /** Name of the Runbench servers file inside the config folder. */
    public static final String SERVERS_FILE = "servers.conf";

    private final OkHttpClient httpClient;
    private final ClearMLSyncService service;

    private SyncComposition(OkHttpClient httpClient, ClearMLSyncService service) {
        this.httpClient = httpClient;
        this.service = service;
    }

    /** Creates the shared HTTP client and the sync service writing to {@code cache}; the caller closes both. */
    public static SyncComposition create(RunCache cache, ConfiguredServers servers) {
        OkHttpClient httpClient = ClearMLHttpClients.createShared(ClearMLHttpClients.Timeouts.DEFAULT);
        ClearMLSyncService service = new ClearMLSyncService(cache, servers,
                settings -> new ClearMLConnection(httpClient, settings, ConnectionOptions.DEFAULT),
                new ConnectionChecker(httpClient, ConnectionOptions.DEFAULT), SyncOptions.DEFAULT, Clock.systemUTC());
        return new SyncComposition(httpClient, service);
    }

    /**
     * Reads the configured servers. A settings problem (no credentials, a syntax error) becomes
     * {@link ConfiguredServers#problem()} instead of an exception, so the app can still start.
     *
     * @param environment environment variables, usually {@code System.getenv()}
     * @param home        the user's home folder
     */
    public static ConfiguredServers loadServers(SettingsOverrides overrides, Map<String, String> environment, Path home,
                                                String osName) {
        Path serversFile = serversFile(environment, osName, home);
        try {
            List<ServerSettings> servers = new ServerSettingsLoader(environment, home).loadAll(overrides, serversFile);
            return ConfiguredServers.of(servers);
        } catch (SettingsException e) {
            LOG.info("No ClearML server is usable: {}", e.getMessage());
            return new ConfiguredServers(List.of(), e.getMessage());
        }
    }

    /** Returns where the Runbench servers file is looked up (see the class comment). */
    public static Path serversFile(Map<String, String> environment, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = environment.get("APPDATA");
            Path base = appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming") : Path.of(appData);
            return base.resolve("Runbench").resolve(SERVERS_FILE);
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Runbench").resolve(SERVERS_FILE);
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        Path base = xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg);
        return base.resolve("runbench").resolve(SERVERS_FILE);
    }

    public ClearMLSyncService service() {
        return service;
    }

    /** Shuts the shared HTTP client's threads down and closes its idle connections. */
    @Override
    public void close() {
        httpClient.dispatcher().executorService().shutdown();
        httpClient.connectionPool().evictAll();
    }
}

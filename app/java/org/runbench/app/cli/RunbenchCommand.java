package org.runbench.app.cli;

import java.nio.file.Path;
import org.runbench.cache.CacheLocation;
import org.runbench.cache.RunCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code runbench} command: global options shared by every subcommand. */
@Command(name = "runbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Compare ML training runs at full resolution, from a local cache of ClearML runs and imported files.%n"
                + "With no command, opens the desktop app.",
        subcommands = {ImportCommand.class, SyncCommand.class, RunsCommand.class, ExportCommand.class, PlotCommand.class,
                DiffCommand.class, RemoveCommand.class})
public final class RunbenchCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Cache folder (default: the per-user data folder: ~/.local/share/runbench on Linux,"
                    + " ~/Library/Application Support/Runbench on macOS, %%APPDATA%%\\Runbench on Windows).")
    Path cacheDirectory;

    @Option(names = "--api-host", paramLabel = "URL", description = "ClearML API server URL; overrides clearml.conf and CLEARML_API_HOST.")
    String apiHost;

    @Option(names = "--access-key", paramLabel = "KEY", description = "ClearML access key; overrides clearml.conf and CLEARML_API_ACCESS_KEY.")
    String accessKey;

    @Option(names = "--secret-key", paramLabel = "KEY", description = "ClearML secret key; overrides clearml.conf and CLEARML_API_SECRET_KEY.")
    String secretKey;

    @Option(names = "--kube-context", paramLabel = "NAME", description = "Kubernetes context from the kubeconfig (default: the current context). Not used yet: the queue and launch commands that need it come later.")
    String kubeContext;

    /** Opens the desktop app when no command is given; blocks until its window closes. */
    @Override
    public Integer call() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String display = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        if (os.contains("linux") && (display == null || display.isBlank()) && (wayland == null || wayland.isBlank())) {
            throw new CliFailure("Cannot open the desktop app: no display (DISPLAY is not set). Run it in a desktop"
                    + " session or under xvfb-run, or use a command such as 'runbench runs' (see 'runbench --help').");
        }
        org.runbench.app.DesktopApp.launchApp(cacheDirectory(), new org.runbench.tracking.SettingsOverrides(apiHost, accessKey, secretKey));
        return Cli.OK;
    }

    /** Returns the cache folder from {@code --cache} or the per-user default. */
    public Path cacheDirectory() {
        if (cacheDirectory != null) {
            return cacheDirectory;
        }
        return defaultCacheDirectory();
    }

    /** Opens the cache the options select; the caller closes it. */
    public RunCache openCache() {
        return RunCache.open(cacheDirectory());
    }

    static Path defaultCacheDirectory() {
        return CacheLocation.defaultDirectory(System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }
}

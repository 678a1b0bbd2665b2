package org.runbench.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.runbench.app.SyncComposition;
import org.runbench.cache.RunCache;
import org.runbench.sync.Progress;
import org.runbench.sync.SyncService;
import org.runbench.sync.SyncService.ConnectionReport;
import org.runbench.sync.SyncService.RemoteProject;
import org.runbench.sync.SyncService.SyncReport;
import org.runbench.sync.clearml.ClearMLSyncService;
import org.runbench.sync.clearml.ConfiguredServers;
import org.runbench.tracking.ServerSettings;
import org.runbench.tracking.SettingsOverrides;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code runbench sync}: pulls changed runs and their scalars from a ClearML server into the cache. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Pull new and changed runs, with every scalar point, from a ClearML server into the cache.",
                "Only runs changed since the last sync of a project are read again; running runs are read on every sync.",
                "Progress goes to stderr, the summary to stdout. Servers besides the default one are listed in"
                        + " servers.conf in the Runbench config folder (~/.config/runbench on Linux)."})
final class SyncCommand implements Callable<Integer> {

    @ParentCommand
    RunbenchCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--project", paramLabel = "NAME",
            description = "Sync only this project (full name such as team/vision, or id); repeatable. Default: every project.")
    List<String> projects = new ArrayList<>();

    @Option(names = "--since", paramLabel = "ISO-8601", converter = InstantConverter.class,
            description = "Read runs changed at or after this time, such as 2026-01-31 or 2026-01-31T12:00:00Z (UTC"
                    + " unless an offset is given), instead of those changed since the last sync.")
    Instant since;

    @Option(names = "--check", description = "Only check the connection and credentials; exit 0 when connected.")
    boolean check;

    @Option(names = "--server", paramLabel = "KEY",
            description = "Server key (host:port) of the server to use. Default: the server from clearml.conf,"
                    + " CLEARML_API_HOST or --api-host.")
    String serverKey;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfiguredServers servers = SyncComposition.loadServers(
                new SettingsOverrides(parent.apiHost, parent.accessKey, parent.secretKey), System.getenv(),
                Path.of(System.getProperty("user.home")), System.getProperty("os.name", ""));
        ServerSettings server = chooseServer(servers);

        try (RunCache cache = parent.openCache(); SyncComposition composition = SyncComposition.create(cache, servers)) {
            ClearMLSyncService service = composition.service();
            if (check) {
                return printCheck(service.check(server.key()), out, err);
            }
            if (!server.verifyCertificate()) {
                err.println("runbench: warning: TLS certificate verification is off for " + server.key()
                        + " (verify_certificate or CLEARML_API_HOST_VERIFY_CERT is false), so the server is not"
                        + " authenticated. Turn it back on, or point verify_certificate at the server's CA bundle.");
                err.flush();
            }
            return sync(service, server.key(), out, err);
        }
    }

    private ServerSettings chooseServer(ConfiguredServers servers) {
        if (servers.servers().isEmpty()) {
            throw new CliFailure(servers.problem());
        }
        if (serverKey == null) {
            return servers.servers().get(0);
        }
        return servers.servers().stream().filter(settings -> settings.key().equals(serverKey)).findFirst()
                .orElseThrow(() -> new CliFailure("No configured ClearML server has the key '" + serverKey + "'. Known keys: "
                        + String.join(", ", servers.servers().stream().map(ServerSettings::key).toList())
                        + ". Use one of them, or add the server to " + SyncComposition.SERVERS_FILE + "."));
    }

    private static int printCheck(ConnectionReport report, PrintWriter out, PrintWriter err) {
        for (String warning : report.warnings()) {
            err.println("runbench: warning: " + warning);
        }
        if (report.isConnected()) {
            out.println(report.message());
            return Cli.OK;
        }
        err.println("runbench: " + report.message() + " " + report.nextStep());
        return Cli.FAILURE;
    }

    private int sync(SyncService service, String key, PrintWriter out, PrintWriter err) {
        StderrProgress progress = new StderrProgress(err);
        List<String> projectIds = projects.isEmpty() ? List.of() : resolveProjects(service, key, progress);

        Thread stopOnInterrupt = new Thread(progress::cancelAndWait, "runbench-sync-stop");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        SyncReport report;
        try {
            report = service.sync(key, projectIds, since, progress);
        } finally {
            progress.finished();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down (Ctrl-C), and the running hook waits for this thread.
            }
        }

        out.printf("Synced %s (%s) from %s; %s marked deleted on the server.%n",
                plural(report.runsChanged(), "changed run"), plural(report.pointsWritten(), "new point"), key,
                plural(report.runsDeleted(), "run"));
        for (String failure : report.failures()) {
            err.println("runbench: " + failure);
        }
        if (report.cancelled()) {
            err.println("runbench: sync cancelled; runs written so far are kept, the next sync continues from there.");
        }
        return report.failures().isEmpty() && !report.cancelled() ? Cli.OK : Cli.FAILURE;
    }

    private List<String> resolveProjects(SyncService service, String key, Progress progress) {
        List<RemoteProject> remote = service.remoteProjects(key, progress);
        List<String> ids = new ArrayList<>();
        for (String wanted : projects) {
            RemoteProject match = remote.stream()
                    .filter(project -> project.name().equals(wanted) || project.id().equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> new CliFailure("No project named '" + wanted + "' exists on " + key + ". Projects there: "
                            + String.join(", ", remote.stream().limit(20).map(RemoteProject::name).toList())
                            + (remote.size() > 20 ? ", …" : "") + ". Give the full name, such as team/vision."));
            ids.add(match.id());
        }
        return ids;
    }

    /** Prints each new progress message as a line on stderr; cancelled by Ctrl-C through the shutdown hook. */
    private static final class StderrProgress implements Progress {

        private final PrintWriter err;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final CountDownLatch done = new CountDownLatch(1);
        private String last;

        StderrProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void update(String message, double fraction) {
            if (!Objects.equals(message, last)) {
                err.println(message);
                last = message;
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        void finished() {
            done.countDown();
        }

        /** Asks the sync to stop and waits up to five seconds, so the current run is rolled back cleanly. */
        void cancelAndWait() {
            cancelled.set(true);
            try {
                done.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Parses an ISO-8601 instant, date-time with offset, or date (taken as midnight UTC). */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return java.time.LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notLocal) {
                    try {
                        return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                    } catch (DateTimeParseException notDate) {
                        throw new TypeConversionException("'" + value + "' is not an ISO-8601 time; use for example"
                                + " 2026-01-31 or 2026-01-31T12:00:00Z");
                    }
                }
            }
        }
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}

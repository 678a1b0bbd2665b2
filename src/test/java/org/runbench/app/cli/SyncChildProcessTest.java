package org.runbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.cache.RunCache;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.RunId;
import org.runbench.model.SeriesKey;
import org.runbench.tracking.fake.FakeClearMLServer;
import org.runbench.tracking.fake.FakeTask;

/**
 * Runs {@code runbench sync} in a child process with its own environment: killed while it reads a big
 * series, after which the next sync must leave exactly the server's points in the cache, and with
 * certificate checking turned off by the environment, which must be warned about.
 */
class SyncChildProcessTest {

    private static final int BIG_POINTS = 200_000;
    private static final SeriesKey LOSS = new SeriesKey("loss", "train");

    @TempDir
    Path temp;

    @Test
    void killedSyncResumesToExactCache() throws Exception {
        try (FakeClearMLServer fake = FakeClearMLServer.start()) {
            String project = fake.addProject("vision");
            FakeTask small = fake.addTask(project, "small").lastUpdate("2026-01-01T00:00:00.000000+00:00");
            FakeTask big = fake.addTask(project, "big").lastUpdate("2026-01-02T00:00:00.000000+00:00");
            fake.addLinearScalars(small.id(), "loss", "train", 10);
            PointSeries bigPoints = bigSeries();
            long[] iterations = new long[BIG_POINTS];
            double[] values = new double[BIG_POINTS];
            long[] timestamps = new long[BIG_POINTS];
            bigPoints.copyIterations(0, BIG_POINTS, iterations, 0);
            bigPoints.copyValues(0, BIG_POINTS, values, 0);
            bigPoints.copyTimestamps(0, BIG_POINTS, timestamps, 0);
            fake.addScalars(big.id(), "loss", "train", iterations, values, timestamps);
            fake.delayResponses("events.get_task_events", Duration.ofMillis(200));
            Path cache = temp.resolve("cache");

            Process child = startSync(fake, cache, Map.of(), "sync");
            boolean midSync = waitForCalls(fake, "events.get_task_events", 6, child);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(midSync).as("the child reached the big series; its stderr: %s",
                    Files.readString(temp.resolve("child-stderr.txt"))).isTrue();
            try (RunCache opened = RunCache.open(cache)) {
                assertThat(opened.points(new RunId(fake.settings().key(), small.id()), LOSS).size()).isEqualTo(10);
                assertThat(opened.run(new RunId(fake.settings().key(), big.id()))).isEmpty();
                assertThat(opened.storageStats().points()).isEqualTo(10);
            }

            fake.delayResponses("events.get_task_events", Duration.ZERO);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = Cli.run(new String[] {"--cache", cache.toString(), "--api-host", fake.apiHost(), "--access-key",
                    FakeClearMLServer.ACCESS_KEY, "--secret-key", FakeClearMLServer.SECRET_KEY, "sync"},
                    new PrintWriter(out), new PrintWriter(err));

            assertThat(status).as(err.toString()).isZero();
            assertThat(out.toString()).startsWith("Synced 1 changed run (" + BIG_POINTS + " new points)");
            try (RunCache opened = RunCache.open(cache)) {
                assertThat(opened.points(new RunId(fake.settings().key(), big.id()), LOSS)).isEqualTo(bigPoints);
                assertThat(opened.storageStats().points()).isEqualTo(BIG_POINTS + 10);
            }
        }
    }

    @Test
    void verificationTurnedOffIsWarned() throws Exception {
        try (FakeClearMLServer fake = FakeClearMLServer.start()) {
            fake.addLinearScalars(fake.addTask(fake.addProject("vision"), "run").id(), "loss", "train", 3);

            Process sync = startSync(fake, temp.resolve("cache"), Map.of("CLEARML_API_HOST_VERIFY_CERT", "false"), "sync");
            assertThat(sync.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String syncErr = Files.readString(temp.resolve("child-stderr.txt"));
            Process check = startSync(fake, temp.resolve("cache"), Map.of("CLEARML_API_HOST_VERIFY_CERT", "false"), "sync",
                    "--check");
            assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String checkErr = Files.readString(temp.resolve("child-stderr.txt"));

            assertThat(sync.exitValue()).as(syncErr).isZero();
            assertThat(syncErr).contains("runbench: warning: TLS certificate verification is off for "
                    + fake.settings().key() + " (verify_certificate or CLEARML_API_HOST_VERIFY_CERT is false)");
            assertThat(check.exitValue()).as(checkErr).isZero();
            assertThat(checkErr).contains("runbench: warning: TLS certificate verification is off for "
                    + fake.settings().key());
            // Under the test class path logback-test.xml also logs to stdout, so look for the command's own line.
            assertThat(Files.readAllLines(temp.resolve("child-stdout.txt"))).contains("Connected to the ClearML server "
                    + fake.settings().key() + " (version " + FakeClearMLServer.SERVER_VERSION + ", API "
                    + FakeClearMLServer.API_VERSION + ").");
        }
    }

    private Process startSync(FakeClearMLServer fake, Path cache, Map<String, String> extraEnvironment,
                              String... arguments) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.runbench.app.Launcher", "--cache", cache.toString(), "--api-host", fake.apiHost(),
                "--access-key", FakeClearMLServer.ACCESS_KEY, "--secret-key", FakeClearMLServer.SECRET_KEY));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(temp.resolve("child-stdout.txt").toFile())
                .redirectError(temp.resolve("child-stderr.txt").toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("CLEARML_") || name.startsWith("TRAINS_"));
        Path home = Files.createDirectories(temp.resolve("home"));
        environment.put("HOME", home.toString());
        environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        environment.putAll(extraEnvironment);
        return builder.start();
    }

    /** Waits until {@code endpoint} was called {@code calls} times; false when the child ended first or 60 s passed. */
    private static boolean waitForCalls(FakeClearMLServer fake, String endpoint, int calls, Process child)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (fake.callCount(endpoint) >= calls) {
                return true;
            }
            if (!child.isAlive()) {
                return false;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static PointSeries bigSeries() {
        PointSeriesBuilder builder = new PointSeriesBuilder(BIG_POINTS);
        for (int i = 0; i < BIG_POINTS; i++) {
            double value = i % 1000 == 7 ? Double.NaN : Math.exp(-i / 50_000.0) + (i % 13) * 1e-7;
            builder.add(i * 2L, value, 1_767_225_600_000L + i * 37L);
        }
        return builder.build();
    }
}

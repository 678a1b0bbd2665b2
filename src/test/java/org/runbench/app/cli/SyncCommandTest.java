package org.runbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.cache.RunCache;
import org.runbench.tracking.fake.FakeClearMLServer;
import org.runbench.tracking.fake.FakeTask;
import org.runbench.tracking.fake.Fault;

class SyncCommandTest {

    @TempDir
    Path temp;

    private FakeClearMLServer fake;
    private Path cache;
    private String out;
    private String err;
    private FakeTask run;

    @BeforeEach
    void setUp() throws Exception {
        fake = FakeClearMLServer.start();
        cache = temp.resolve("cache");
        String project = fake.addProject("team/vision");
        String other = fake.addProject("team/audio");
        run = fake.addTask(project, "resnet50");
        fake.addScalars(run.id(), "loss", "train", new long[] {0, 1, 1L << 40}, new double[] {2.5, Double.NaN, Double.NEGATIVE_INFINITY},
                new long[] {1_767_225_600_000L, 1_767_225_601_000L, 1_767_225_602_000L});
        fake.addLinearScalars(fake.addTask(other, "whisper").id(), "wer", "val", 5);
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    @Test
    void syncPrintsSummaryAndProgress() {
        int status = runWithServer("sync");

        assertThat(status).isZero();
        assertThat(out).isEqualTo("Synced 2 changed runs (8 new points) from " + fake.settings().key()
                + "; 0 runs marked deleted on the server.\n");
        assertThat(err).contains("Syncing run resnet50 (" + run.id() + ") of project team/vision")
                .contains("Listing changed runs of project team/audio on " + fake.settings().key());
    }

    @Test
    void syncedRunsWorkWithRunsAndExport() throws Exception {
        runWithServer("sync");

        int listed = run("runs", "--json");
        JsonNode runs = new ObjectMapper().readTree(out);
        int exported = run("export", run.id(), "--csv");

        assertThat(listed).isZero();
        assertThat(runs).hasSize(2);
        JsonNode resnet = runs.get(0).path("name").asText().equals("resnet50") ? runs.get(0) : runs.get(1);
        assertThat(resnet.path("id").asText()).isEqualTo(run.id());
        assertThat(resnet.path("project").asText()).isEqualTo("team/vision");
        assertThat(resnet.path("server").asText()).isEqualTo(fake.settings().key());
        assertThat(resnet.path("series").get(0).path("points").asInt()).isEqualTo(3);
        assertThat(exported).isZero();
        assertThat(out).isEqualTo("run_id,metric,variant,iteration,value,timestamp_ms\n"
                + run.id() + ",loss,train,0,2.5,1767225600000\n"
                + run.id() + ",loss,train,1,NaN,1767225601000\n"
                + run.id() + ",loss,train,1099511627776,-Infinity,1767225602000\n");
    }

    @Test
    void projectOptionSyncsOnlyThatProject() throws Exception {
        int status = runWithServer("sync", "--project", "team/vision");

        assertThat(status).isZero();
        try (RunCache opened = RunCache.open(cache)) {
            assertThat(opened.allRuns()).extracting(cached -> cached.name()).containsExactly("resnet50");
        }
    }

    @Test
    void unknownProjectExitsOneNamingIt() {
        int status = runWithServer("sync", "--project", "vision");

        assertThat(status).isEqualTo(Cli.FAILURE);
        assertThat(err).contains("runbench: No project named 'vision' exists on " + fake.settings().key()
                + ". Projects there: team/audio, team/vision. Give the full name, such as team/vision.");
    }

    @Test
    void invalidSinceIsUsageError() {
        int status = runWithServer("sync", "--since", "yesterday");

        assertThat(status).isEqualTo(Cli.USAGE);
        assertThat(err).contains("'yesterday' is not an ISO-8601 time; use for example 2026-01-31 or 2026-01-31T12:00:00Z");
    }

    @Test
    void sinceDateSkipsOlderRuns() {
        run.lastUpdate("2025-06-01T00:00:00.000000+00:00");

        int status = runWithServer("sync", "--since", "2025-12-31");

        assertThat(status).isZero();
        assertThat(out).startsWith("Synced 1 changed run (5 new points)");
    }

    @Test
    void checkReportsConnectedWithVersion() {
        int status = runWithServer("sync", "--check");

        assertThat(status).isZero();
        assertThat(out).isEqualTo("Connected to the ClearML server " + fake.settings().key() + " (version "
                + FakeClearMLServer.SERVER_VERSION + ", API " + FakeClearMLServer.API_VERSION + ").\n");
    }

    @Test
    void checkReportsBadCredentialsWithNextStep() {
        int status = run("--api-host", fake.apiHost(), "--access-key", "WRONGKEY", "--secret-key", "wrong", "sync", "--check");

        assertThat(status).isEqualTo(Cli.FAILURE);
        assertThat(err).startsWith("runbench: The ClearML server " + fake.settings().key() + " rejected the access key WRON…")
                .contains("Check api.credentials in clearml.conf (or --access-key and --secret-key)");
    }

    @Test
    void checkReportsUnreachableServer() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }

        int status = run("--api-host", "http://127.0.0.1:" + port, "--access-key", "K", "--secret-key", "S", "sync", "--check");

        assertThat(status).isEqualTo(Cli.FAILURE);
        assertThat(err).startsWith("runbench: Cannot reach the ClearML server at http://127.0.0.1:" + port
                + ": the connection was refused. Check the URL, the network or VPN, and that the server is running.");
    }

    @Test
    void unknownServerKeyExitsOne() {
        int status = runWithServer("sync", "--server", "elsewhere:8008");

        assertThat(status).isEqualTo(Cli.FAILURE);
        assertThat(err).startsWith("runbench: No configured ClearML server has the key 'elsewhere:8008'. Known keys: "
                + fake.settings().key());
    }

    @Test
    void failedRunExitsOneAndNamesIt() {
        fake.failOnCall("events.get_task_events", 1, Fault.truncatedJson());

        int status = runWithServer("sync", "--project", "team/vision");

        assertThat(status).isEqualTo(Cli.FAILURE);
        assertThat(out).startsWith("Synced 0 changed runs (0 new points)");
        assertThat(err).contains("runbench: Run resnet50 (" + run.id() + ") of project team/vision was not synced,"
                + " and its cached copy was kept: events.get_task_events on " + fake.settings().key()
                + " returned invalid or truncated JSON");
    }

    private int runWithServer(String... args) {
        List<String> all = new ArrayList<>(List.of("--api-host", fake.apiHost(), "--access-key", FakeClearMLServer.ACCESS_KEY,
                "--secret-key", FakeClearMLServer.SECRET_KEY));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("--cache", cache.toString()));
        all.addAll(List.of(args));
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        int status = Cli.run(all.toArray(String[]::new), new PrintWriter(outText), new PrintWriter(errText));
        out = outText.toString();
        err = errText.toString();
        return status;
    }
}

package org.runbench.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.runbench.model.PointSeries;
import org.runbench.model.Run;
import org.runbench.model.RunStatus;
import org.runbench.model.SeriesKey;
import org.runbench.tracking.fake.FakeClearMLServer;
import org.runbench.tracking.fake.FakeTask;
import org.runbench.tracking.fake.Fault;

@Timeout(60)
class ClearMLClientTest {

    private static final OkHttpClient SHARED = ClearMLHttpClients.createShared(new ClearMLHttpClients.Timeouts(
            Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)));

    private FakeClearMLServer fake;
    private final List<Duration> sleeps = new ArrayList<>();
    private ClearMLClient client;
    private String projectId;
    private FakeTask task;

    @BeforeEach
    void startFake() throws IOException {
        fake = FakeClearMLServer.start();
        client = clientFor(fake.settings(), ConnectionOptions.DEFAULT);
        projectId = fake.addProject("vision/resnet");
        task = fake.addTask(projectId, "resnet50 lr=0.1");
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    private ClearMLClient clientFor(ServerSettings settings, ConnectionOptions options) {
        ConnectionOptions recording = options.withRetry(
                new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), 2.0), sleeps::add);
        return new ClearMLClient(new ClearMLConnection(SHARED, settings, recording));
    }

    @Test
    void loginUsesBasicThenBearer() {
        ServerInfo info = client.serverInfo();

        assertThat(info.version()).isEqualTo(FakeClearMLServer.SERVER_VERSION);
        assertThat(info.apiVersion()).isEqualTo(FakeClearMLServer.API_VERSION);
        assertThat(fake.requests("auth.login").get(0).authorization()).startsWith("Basic ");
        assertThat(fake.requests("server.info").get(0).authorization()).startsWith("Bearer ");
    }

    @Test
    void tokenIsReusedAcrossCalls() {
        client.serverInfo();
        client.serverInfo();
        client.allProjects();

        assertThat(fake.callCount("auth.login")).isEqualTo(1);
    }

    @Test
    void expiredTokenIsRenewedOnceTransparently() {
        client.serverInfo();
        fake.expireTokensBeforeCall("server.info", 2);

        ServerInfo info = client.serverInfo();

        assertThat(info.version()).isEqualTo(FakeClearMLServer.SERVER_VERSION);
        assertThat(fake.callCount("auth.login")).isEqualTo(2);
        assertThat(fake.callCount("server.info")).isEqualTo(3);
    }

    @Test
    void tokenRejectedTwiceIsAnAuthError() {
        client.serverInfo();
        fake.failOnCall("server.info", 2, Fault.status(401));
        fake.failOnCall("server.info", 3, Fault.status(401));

        assertThatThrownBy(() -> client.serverInfo()).isInstanceOf(ClearMLAuthException.class);
        assertThat(fake.callCount("auth.login")).isEqualTo(2);
    }

    @Test
    void tokenCloseToExpiryIsRenewedBeforeUse() {
        fake.tokenLifetime(Duration.ofSeconds(60));
        client.serverInfo();
        client.serverInfo();

        assertThat(fake.callCount("auth.login")).isEqualTo(2);
    }

    @Test
    void badCredentialsGiveAuthExceptionWithFields() {
        ClearMLClient wrong = clientFor(fake.settings().withCredentials("WRONGKEY", "wrong-secret"), ConnectionOptions.DEFAULT);

        assertThatThrownBy(wrong::serverInfo)
                .isInstanceOfSatisfying(ClearMLAuthException.class, e -> {
                    assertThat(e.endpoint()).isEqualTo("auth.login");
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.resultCode()).isEqualTo(401);
                    assertThat(e.resultSubcode()).isEqualTo(22);
                    assertThat(e.serverMessage()).isEqualTo("Unauthorized (invalid credentials)");
                    assertThat(e.server()).isEqualTo(fake.settings().key());
                })
                .hasMessageContaining("auth.login on " + fake.settings().key() + " failed with HTTP 401 (result 401/22)")
                .hasMessageContaining("WRON…")
                .hasMessageNotContaining("wrong-secret");
    }

    @Test
    void unknownTaskIsNotFound() {
        assertThatThrownBy(() -> client.scalarSeriesKeys("0123456789abcdef0123456789abcdef"))
                .isInstanceOfSatisfying(ClearMLNotFoundException.class, e -> {
                    assertThat(e.resultCode()).isEqualTo(400);
                    assertThat(e.resultSubcode()).isEqualTo(101);
                })
                .hasMessageContaining("Invalid task id: id=0123456789abcdef0123456789abcdef");
    }

    @Test
    void enqueueOfCompletedTaskIsInvalid() {
        String queue = fake.addQueue("gpu-a100");

        assertThatThrownBy(() -> client.enqueue(task.id(), queue))
                .isInstanceOfSatisfying(ClearMLInvalidRequestException.class,
                        e -> assertThat(e.resultSubcode()).isEqualTo(110));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {429, 502, 503, 504})
    void readIsRetriedOnBusyStatus(int status) {
        client.serverInfo();
        fake.failOnCall("projects.get_all_ex", 1, Fault.status(status));
        fake.failOnCall("projects.get_all_ex", 2, Fault.htmlPage(status));

        List<?> projects = client.allProjects();

        assertThat(projects).hasSize(1);
        assertThat(fake.callCount("projects.get_all_ex")).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void retriesAreBoundedThenServerError() {
        client.serverInfo();
        for (int call = 1; call <= 4; call++) {
            fake.failOnCall("projects.get_all_ex", call, Fault.status(503));
        }

        assertThatThrownBy(() -> client.allProjects())
                .isInstanceOfSatisfying(ClearMLServerException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
        assertThat(fake.callCount("projects.get_all_ex")).isEqualTo(4);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void readIsRetriedAfterConnectionResetMidBody() {
        client.serverInfo();
        fake.failOnCall("projects.get_all_ex", 1, Fault.resetMidBody());

        assertThat(client.allProjects()).hasSize(1);
        assertThat(fake.callCount("projects.get_all_ex")).isEqualTo(2);
    }

    @Test
    void writeIsNotRetriedOnBusyStatus() {
        client.serverInfo();
        fake.failOnCall("tasks.clone", 1, Fault.status(503));

        assertThatThrownBy(() -> client.cloneTask(task.id(), "copy")).isInstanceOf(ClearMLServerException.class);
        assertThat(fake.callCount("tasks.clone")).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void writeIsNotRetriedAfterConnectionReset() {
        client.serverInfo();
        fake.failOnCall("tasks.clone", 1, Fault.resetMidBody());

        assertThatThrownBy(() -> client.cloneTask(task.id(), "copy")).isInstanceOf(ClearMLConnectionException.class)
                .hasMessageContaining("tasks.clone on " + fake.settings().key());
        assertThat(fake.callCount("tasks.clone")).isEqualTo(1);
    }

    @Test
    void slowerThanReadTimeoutIsRetriedForReads() {
        ClearMLClient impatient = new ClearMLClient(new ClearMLConnection(
                ClearMLHttpClients.createShared(new ClearMLHttpClients.Timeouts(Duration.ofSeconds(2),
                        Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(2))),
                fake.settings(), ConnectionOptions.DEFAULT.withRetry(
                        new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), 1.0), sleeps::add)));
        impatient.serverInfo();
        fake.failOnCall("server.info", 2, Fault.delayed(Duration.ofSeconds(2)));

        assertThat(impatient.serverInfo().version()).isEqualTo(FakeClearMLServer.SERVER_VERSION);
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void htmlBodyIsFormatError() {
        client.serverInfo();
        fake.failOnCall("projects.get_all_ex", 1, Fault.htmlPage(200));

        assertThatThrownBy(() -> client.allProjects())
                .isInstanceOf(ClearMLResponseFormatException.class)
                .hasMessageContaining("HTTP 200 with content type text/html; charset=utf-8 instead of JSON, "
                        + "starting with '<!DOCTYPE html> <html><head><title>502 Bad Gateway</title>")
                .hasMessageContaining("not the web UI");
    }

    @Test
    void truncatedJsonIsReported() {
        client.serverInfo();
        fake.failOnCall("tasks.get_all_ex", 1, Fault.truncatedJson());

        assertThatThrownBy(() -> client.tasks(TaskQuery.ALL, 0, 10))
                .isInstanceOf(ClearMLResponseFormatException.class)
                .hasMessageContaining("returned invalid or truncated JSON (HTTP 200")
                .hasMessageContaining("starting with '{\"meta\": {\"result_code\": 200");
    }

    @Test
    void tasksAreParsedWithJoinsAndFields() {
        task.hyperparameter("Args", "lr", "0.1", "float").configuration("General", "yaml", "epochs: 3\n");
        task.json().putArray("tags").add("baseline");

        List<TaskRecord> tasks = client.tasks(TaskQuery.ALL, 0, 10);

        assertThat(tasks).hasSize(1);
        TaskRecord record = tasks.get(0);
        assertThat(record.name()).isEqualTo("resnet50 lr=0.1");
        assertThat(record.projectName()).isEqualTo("vision/resnet");
        assertThat(record.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(record.user()).isEqualTo("Fake User");
        assertThat(record.tags()).containsExactly("baseline");
        assertThat(record.lastUpdate()).isEqualTo(Instant.parse("2026-01-01T12:00:00Z"));
        assertThat(record.script()).isEqualTo("https://git.example/team/train.git (main) train.py");
        assertThat(record.hyperparameters()).singleElement().satisfies(p -> assertThat(p.key()).isEqualTo("Args/lr"));
        assertThat(record.configuration()).singleElement().satisfies(c -> assertThat(c.value()).isEqualTo("epochs: 3\n"));
        Run run = record.toRun("srv");
        assertThat(run.projectId()).isEqualTo(projectId);
        assertThat(fake.requests("tasks.get_all_ex").get(0).body().path("only_fields").toString())
                .contains("\"project.name\"", "\"last_metrics\"", "\"execution.queue\"");
    }

    @Test
    void updatedSinceIsSentAsIsoUtcString() {
        task.lastUpdate("2026-01-01T00:00:00.000000+00:00");
        FakeTask newer = fake.addTask(projectId, "newer").lastUpdate("2026-03-01T00:00:00.000000+00:00");

        List<TaskRecord> tasks = client.tasks(new TaskQuery(List.of(projectId), Instant.parse("2026-02-01T00:00:00Z")), 0, 10);

        assertThat(tasks).extracting(TaskRecord::id).containsExactly(newer.id());
        assertThat(fake.requests("tasks.get_all_ex").get(0).body().path("last_update").get(0).asText())
                .isEqualTo(">=2026-02-01T00:00:00.000000Z");
    }

    @Test
    void tasksArePagedUntilShortPage() {
        for (int i = 0; i < 600; i++) {
            fake.addTask(projectId, "task " + i);
        }

        List<TaskRecord> seen = new ArrayList<>();
        int count = client.forEachTask(TaskQuery.ALL, seen::add);

        assertThat(count).isEqualTo(601);
        assertThat(seen).extracting(TaskRecord::id).doesNotHaveDuplicates();
        assertThat(fake.callCount("tasks.get_all_ex")).isEqualTo(2);
    }

    @Test
    void rawScalarsPagedFromNullScroll() {
        fake.addLinearScalars(task.id(), "loss", "train", 2500);
        fake.addLinearScalars(task.id(), "loss", "val", 10);

        ScalarSeries series = client.readRawScalars(task.id(), new SeriesKey("loss", "train"), 1000);

        assertThat(series.points().size()).isEqualTo(2500);
        assertThat(series.pages()).isEqualTo(3);
        assertThat(series.points().iteration(2499)).isEqualTo(2499);
        assertThat(series.points().value(2499)).isEqualTo(1249.5);
        assertThat(series.points().timestamp(0)).isEqualTo(PointSeries.NO_TIMESTAMP);
        List<FakeClearMLServer.Recorded> requests = fake.requests("events.scalar_metrics_iter_raw");
        assertThat(requests).hasSize(4);
        assertThat(requests.get(0).body().has("scroll_id")).isTrue();
        assertThat(requests.get(0).body().get("scroll_id").isNull()).isTrue();
    }

    @Test
    void scalarEventsCarryTimestamps() {
        fake.addLinearScalars(task.id(), "loss", "train", 1200);

        ScalarSeries series = client.readScalarEvents(task.id(), new SeriesKey("loss", "train"), 500);

        assertThat(series.points().size()).isEqualTo(1200);
        assertThat(series.points().timestamp(1)).isEqualTo(1_767_225_601_000L);
    }

    @Test
    void emptyFirstPageGivesEmptySeries() {
        ScalarSeries series = client.readRawScalars(task.id(), new SeriesKey("loss", "train"), 100);

        assertThat(series.points().isEmpty()).isTrue();
        assertThat(series.pages()).isZero();
        assertThat(fake.callCount("events.scalar_metrics_iter_raw")).isEqualTo(1);
    }

    @Test
    void stuckScrollIdIsPagingError() {
        fake.addLinearScalars(task.id(), "loss", "train", 300);
        fake.stickScrollId("events.scalar_metrics_iter_raw");

        assertThatThrownBy(() -> client.readRawScalars(task.id(), new SeriesKey("loss", "train"), 100))
                .isInstanceOf(ClearMLPagingException.class)
                .hasMessageContaining("returned data on page 2 without a new scroll id");
    }

    @Test
    void scrollRestartingAtIterationZeroStopsWithError() {
        fake.addScalars(task.id(), "loss", "train", new long[] {0, 1, 2}, new double[] {1, 2, 3}, new long[] {1, 2, 3});

        assertThatThrownBy(() -> client.readRawScalars(task.id(), new SeriesKey("loss", "train"), 1))
                .isInstanceOf(ClearMLPagingException.class)
                .hasMessageContaining("restarted at iteration 0 on page 2 after the previous page ended at iteration 0");
    }

    @Test
    void extremeValuesSurviveRawRead() {
        long huge = 1L << 40;
        fake.addScalars(task.id(), "loss", "train",
                new long[] {Integer.MIN_VALUE, 1, 2, 3, huge},
                new double[] {0.75, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300},
                new long[] {1, 2, 3, 4, 5});

        ScalarSeries series = client.readRawScalars(task.id(), new SeriesKey("loss", "train"), 10);

        assertThat(series.singleValues()).containsExactly(0.75);
        assertThat(series.points().size()).isEqualTo(4);
        assertThat(series.points().value(0)).isNaN();
        assertThat(series.points().value(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(series.points().value(2)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(series.points().iteration(3)).isEqualTo(huge);
        assertThat(series.points().value(3)).isEqualTo(1e-300);
    }

    @Test
    void oddMetricNamesRoundTrip() {
        List<SeriesKey> keys = List.of(new SeriesKey("train/loss", "a.b c"), new SeriesKey(":monitor:gpu", "gpu_0 🔥"),
                new SeriesKey("m".repeat(300), "v"), new SeriesKey("", ""));
        for (SeriesKey key : keys) {
            fake.addScalars(task.id(), key.metric(), key.variant(), new long[] {5}, new double[] {1.5}, new long[] {9});
        }

        assertThat(client.scalarSeriesKeys(task.id())).containsExactlyElementsOf(keys);
        for (SeriesKey key : keys) {
            assertThat(client.readRawScalars(task.id(), key, 10).points().size()).as(key.label()).isEqualTo(1);
        }
    }

    @Test
    void consoleLogIsPagedByTimestampIncludingTies() {
        for (int i = 0; i < 25; i++) {
            fake.addLog(task.id(), 1000 + (i / 3) * 10L, "info", "line " + i);
        }

        List<LogEvent> log = client.readConsoleLog(task.id(), 4);

        assertThat(log).hasSize(25);
        assertThat(log).extracting(LogEvent::message).doesNotHaveDuplicates();
        assertThat(log.get(0).timestamp()).isEqualTo(1000);
        assertThat(log.get(24).timestamp()).isEqualTo(1080);
    }

    @Test
    void cloneAndEnqueueOnQueue() {
        String queue = fake.addQueue("gpu-a100");

        String cloneId = client.cloneTask(task.id(), "relaunch");
        boolean queued = client.enqueue(cloneId, queue);

        assertThat(queued).isTrue();
        assertThat(client.queues()).singleElement().satisfies(q -> {
            assertThat(q.name()).isEqualTo("gpu-a100");
            assertThat(q.pendingTaskIds()).containsExactly(cloneId);
        });
    }
}

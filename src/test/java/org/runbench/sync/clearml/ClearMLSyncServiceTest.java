package org.runbench.sync.clearml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.model.Hyperparameter;
import org.runbench.model.PointSeries;
import org.runbench.model.Project;
import org.runbench.model.Run;
import org.runbench.model.RunStatus;
import org.runbench.model.SeriesKey;
import org.runbench.sync.Progress;
import org.runbench.sync.SyncService.SyncReport;
import org.runbench.tracking.fake.FakeTask;

class ClearMLSyncServiceTest {

    private static final SeriesKey LOSS = new SeriesKey("loss", "train");

    @TempDir
    Path temp;

    private SyncFixture fixture;
    private String projectId;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new SyncFixture(temp.resolve("cache"), new SyncOptions(10_000, 10_000, 3, 3));
        projectId = fixture.fake.addProject("vision/yolo");
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void realRunsArriveBitForBit() throws Exception {
        List<FakeTask> tasks = new ArrayList<>();
        tasks.addAll(fixture.seedRealRuns(projectId, "rl-trained-agents"));
        tasks.addAll(fixture.seedRealRuns(projectId, "yolov5-pruning"));
        tasks.addAll(fixture.seedRealRuns(projectId, "whisper-ja-hf-trainer"));

        SyncReport report = sync(null);

        assertThat(report.failures()).isEmpty();
        assertThat(report.runsChanged()).isEqualTo(tasks.size());
        long expectedPoints = 0;
        for (FakeTask task : tasks) {
            Map<SeriesKey, PointSeries> expected = fixture.expected(task.id());
            assertThat(fixture.cached(task.id())).as(task.json().path("name").asText()).isEqualTo(expected);
            expectedPoints += expected.values().stream().mapToLong(PointSeries::size).sum();
        }
        assertThat(report.pointsWritten()).isEqualTo(expectedPoints);
        assertThat(fixture.cachedPoints()).isEqualTo(expectedPoints);
    }

    @Test
    void runFieldsAndHyperparametersAreCached() throws Exception {
        FakeTask task = fixture.fake.addTask(projectId, "resnet lr=0.1");
        task.hyperparameter("Args", "lr", "0.1", "float").hyperparameter("General", "epochs", "90", "int")
                .configuration("OmegaConf", "yaml", "model: resnet50\n").status("failed");
        task.json().put("status_reason", "OOM").put("parent", "parent-task-1");
        task.json().putArray("tags").add("baseline").add("a100");
        fixture.addLinear(task.id(), LOSS, 0, 10, 0);

        sync(null);

        Run run = fixture.cache.run(fixture.runId(task.id())).orElseThrow();
        assertThat(run.name()).isEqualTo("resnet lr=0.1");
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.statusReason()).isEqualTo("OOM");
        assertThat(run.user()).isEqualTo("Fake User");
        assertThat(run.tags()).containsExactly("baseline", "a100");
        assertThat(run.parentTaskId()).isEqualTo("parent-task-1");
        assertThat(run.lastIteration()).isEqualTo(9);
        assertThat(run.script()).isEqualTo("https://git.example/team/train.git (main) train.py");
        assertThat(run.created()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(fixture.cache.hyperparameters(run.id())).containsExactly(
                new Hyperparameter("Args", "lr", "0.1", "float"), new Hyperparameter("General", "epochs", "90", "int"));
        assertThat(fixture.cache.configuration(run.id())).singleElement()
                .satisfies(item -> assertThat(item.value()).isEqualTo("model: resnet50\n"));
        assertThat(fixture.cache.projects()).singleElement().satisfies(project -> {
            assertThat(project.name()).isEqualTo("vision/yolo");
            assertThat(project.lastSynced()).isNotNull();
        });
    }

    @Test
    void unchangedProjectAsksOnlyForChangeList() throws Exception {
        fixture.seedRealRuns(projectId, "rl-trained-agents");
        sync(null);
        int eventCalls = fixture.fake.callCount("events.get_task_events");
        int metricCalls = fixture.fake.callCount("events.get_scalar_metrics_and_variants");

        SyncReport second = sync(null);

        assertThat(second.runsChanged()).isZero();
        assertThat(second.pointsWritten()).isZero();
        assertThat(fixture.fake.callCount("events.get_task_events")).isEqualTo(eventCalls);
        assertThat(fixture.fake.callCount("events.get_scalar_metrics_and_variants")).isEqualTo(metricCalls);
        var lastListing = fixture.fake.requests("tasks.get_all_ex").stream()
                .filter(request -> request.body().has("last_update")).reduce((a, b) -> b).orElseThrow();
        assertThat(lastListing.body().path("last_update").path(0).asText()).isEqualTo(">=2026-01-01T12:00:00.000000Z");
    }

    @Test
    void changedRunAppendsOnlyNewPoints() throws Exception {
        FakeTask task = fixture.fake.addTask(projectId, "run");
        fixture.addLinear(task.id(), LOSS, 0, 100, 0);
        sync(null);

        fixture.addLinear(task.id(), LOSS, 100, 50, 0);
        task.lastUpdate("2026-01-02T00:00:00.000000+00:00");
        SyncReport second = sync(null);

        assertThat(second.runsChanged()).isEqualTo(1);
        assertThat(second.pointsWritten()).isEqualTo(50);
        assertThat(fixture.cached(task.id())).isEqualTo(fixture.expected(task.id()));
        assertThat(fixture.cache.syncCursor(fixture.server, projectId)).contains(Instant.parse("2026-01-02T00:00:00Z"));
    }

    @Test
    void runningRunIsSyncedAgainWithoutChangedTime() throws Exception {
        FakeTask running = fixture.fake.addTask(projectId, "running").status("in_progress")
                .lastUpdate("2026-01-01T08:00:00.000000+00:00");
        FakeTask later = fixture.fake.addTask(projectId, "later").lastUpdate("2026-01-03T00:00:00.000000+00:00");
        fixture.addLinear(running.id(), LOSS, 0, 100, 0);
        fixture.addLinear(later.id(), LOSS, 0, 5, 0);
        sync(null);

        fixture.addLinear(running.id(), LOSS, 100, 20, 0);
        SyncReport second = sync(null);

        assertThat(second.pointsWritten()).isEqualTo(20);
        assertThat(fixture.cached(running.id())).isEqualTo(fixture.expected(running.id()));
    }

    @Test
    void resumedRunWithRepeatedIterationsMatchesServer() throws Exception {
        FakeTask task = fixture.fake.addTask(projectId, "resumed").status("in_progress");
        fixture.addLinear(task.id(), LOSS, 0, 100, 0);
        sync(null);

        // Resumed from the checkpoint at iteration 50: the server overwrites 50..99 and adds 100..149.
        fixture.addLinear(task.id(), LOSS, 50, 100, 1000);
        sync(null);

        Map<SeriesKey, PointSeries> cached = fixture.cached(task.id());
        assertThat(cached).isEqualTo(fixture.expected(task.id()));
        assertThat(cached.get(LOSS).size()).isEqualTo(150);
        assertThat(cached.get(LOSS).value(60)).isEqualTo(60 * 0.25 + 1000);
    }

    @Test
    void runDeletedOnServerStaysMarkedDeleted() throws Exception {
        FakeTask kept = fixture.fake.addTask(projectId, "kept");
        FakeTask removed = fixture.fake.addTask(projectId, "removed");
        fixture.addLinear(removed.id(), LOSS, 0, 30, 0);
        sync(null);

        fixture.fake.removeTask(removed.id());
        SyncReport second = sync(null);

        assertThat(second.runsDeleted()).isEqualTo(1);
        assertThat(fixture.cache.run(fixture.runId(removed.id())).orElseThrow().deleted()).isTrue();
        assertThat(fixture.cache.run(fixture.runId(kept.id())).orElseThrow().deleted()).isFalse();
        assertThat(fixture.cached(removed.id()).get(LOSS).size()).isEqualTo(30);
    }

    @Test
    void singleValuesAreStoredApartFromCurves() throws Exception {
        FakeTask task = fixture.fake.addTask(projectId, "with summary");
        SeriesKey best = new SeriesKey("summary", "best mAP");
        fixture.addScalars(task.id(), best, new long[] {Integer.MIN_VALUE}, new double[] {0.8125}, new long[] {5});
        fixture.addScalars(task.id(), LOSS, new long[] {Integer.MIN_VALUE, 0, 1}, new double[] {-1.5, 2.0, 1.0},
                new long[] {1, 2, 3});

        sync(null);

        assertThat(fixture.cache.singleValues(fixture.runId(task.id()))).containsExactly(Map.entry(best, 0.8125),
                Map.entry(LOSS, -1.5));
        assertThat(fixture.cached(task.id())).isEqualTo(fixture.expected(task.id()));
        assertThat(fixture.cached(task.id())).containsOnlyKeys(LOSS);
    }

    @Test
    void oddNamesAndValuesSurviveExactly() throws Exception {
        FakeTask task = fixture.fake.addTask(projectId, "odd");
        List<SeriesKey> keys = List.of(new SeriesKey("train/loss", "box.loss"), new SeriesKey("val accuracy", "top 1"),
                new SeriesKey("emoji 🚀", "variant ✓"), new SeriesKey("m".repeat(300), "v".repeat(300)),
                new SeriesKey(":monitor:gpu", "gpu_0_mem_usage"));
        double[] values = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE,
                Double.MAX_VALUE, 0.1 + 0.2};
        long[] iterations = {0, 1, 2, 3, 1L << 31, 1L << 40, (1L << 40) + 1};
        long[] timestamps = {1, 2, 3, 4, 5, 6, 7};
        for (SeriesKey key : keys) {
            fixture.addScalars(task.id(), key, iterations, values, timestamps);
        }

        SyncReport report = sync(null);

        assertThat(report.failures()).isEmpty();
        Map<SeriesKey, PointSeries> cached = fixture.cached(task.id());
        assertThat(cached).containsOnlyKeys(keys);
        assertThat(cached).isEqualTo(fixture.expected(task.id()));
        PointSeries first = cached.get(keys.get(0));
        assertThat(first.iteration(5)).isEqualTo(1L << 40);
        assertThat(Double.doubleToRawLongBits(first.value(3))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(first.value(0)).isNaN();
        assertThat(first.value(1)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void sinceLimitsTheListing() throws Exception {
        FakeTask old = fixture.fake.addTask(projectId, "old").lastUpdate("2025-06-01T00:00:00.000000+00:00");
        FakeTask recent = fixture.fake.addTask(projectId, "recent").lastUpdate("2026-02-01T00:00:00.000000+00:00");

        sync(Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(fixture.cache.run(fixture.runId(recent.id()))).isPresent();
        assertThat(fixture.cache.run(fixture.runId(old.id()))).isEmpty();
    }

    @Test
    void sameTimeTasksPageCompletely() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(fixture.fake.addTask(projectId, "run " + i).id());
        }

        SyncReport report = sync(null);

        assertThat(report.runsChanged()).isEqualTo(10);
        assertThat(fixture.cache.runs(fixture.server, projectId)).extracting(run -> run.id().taskId())
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void cancelKeepsCommittedRunsAndNextSyncCompletes() throws Exception {
        List<FakeTask> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            FakeTask task = fixture.fake.addTask(projectId, "run " + i)
                    .lastUpdate("2026-01-0" + (i + 1) + "T00:00:00.000000+00:00");
            fixture.addLinear(task.id(), LOSS, 0, 25_000, i);
            tasks.add(task);
        }
        AtomicInteger runsStarted = new AtomicInteger();
        Progress cancelInThirdRun = new Progress() {
            @Override
            public void update(String message, double fraction) {
                if (message.startsWith("Syncing run ") && !message.contains(": series")) {
                    runsStarted.incrementAndGet();
                }
            }

            @Override
            public boolean isCancelled() {
                return runsStarted.get() >= 3 && fixture.fake.callCount("events.get_task_events") >= 8;
            }
        };

        SyncReport cancelled = fixture.service.sync(fixture.server, List.of(projectId), null, cancelInThirdRun);

        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.runsChanged()).isEqualTo(2);
        assertThat(cancelled.pointsWritten()).isEqualTo(50_000);
        assertThat(fixture.cachedPoints()).isEqualTo(50_000);
        assertThat(fixture.cache.run(fixture.runId(tasks.get(2).id()))).isEmpty();
        assertThat(fixture.cache.syncCursor(fixture.server, projectId)).contains(Instant.parse("2026-01-02T00:00:00Z"));
        assertThat(fixture.cache.projects()).singleElement().extracting(Project::lastSynced).isNull();

        SyncReport resumed = sync(null);

        assertThat(resumed.pointsWritten()).isEqualTo(50_000);
        for (FakeTask task : tasks) {
            assertThat(fixture.cached(task.id())).isEqualTo(fixture.expected(task.id()));
        }
    }

    @Test
    void consoleLogIsCachedAndExtendedWithoutRepeats() throws Exception {
        FakeTask task = fixture.fake.addTask(projectId, "logged");
        fixture.fake.addLog(task.id(), 1000, "info", "epoch 1");
        fixture.fake.addLog(task.id(), 2000, "info", "epoch 2\n");
        fixture.fake.addLog(task.id(), 2000, "warning", "slow step");
        sync(null);
        assertThat(fixture.service.cachedConsoleLog(fixture.runId(task.id()))).isEmpty();

        String first = fixture.service.syncConsoleLog(fixture.runId(task.id()), Progress.NONE);
        fixture.fake.addLog(task.id(), 2000, "info", "same millisecond, later");
        fixture.fake.addLog(task.id(), 3000, "info", "epoch 3");
        String second = fixture.service.syncConsoleLog(fixture.runId(task.id()), Progress.NONE);

        assertThat(first).isEqualTo("epoch 1\nepoch 2\nslow step\n");
        assertThat(second).isEqualTo("epoch 1\nepoch 2\nslow step\nsame millisecond, later\nepoch 3\n");
        assertThat(fixture.service.cachedConsoleLog(fixture.runId(task.id()))).contains(second);
    }

    @Test
    void consoleLogThatGoesBackStopsAndKeepsCache() throws Exception {
        FakeTask task = fixture.fake.addTask(projectId, "logged");
        fixture.fake.addLog(task.id(), 1000, "info", "epoch 1");
        sync(null);
        fixture.service.syncConsoleLog(fixture.runId(task.id()), Progress.NONE);
        fixture.fake.failOnCall("events.get_task_log", 3, new mockwebserver3.MockResponse.Builder().code(200)
                .setHeader("Content-Type", "application/json")
                .body("{\"meta\": {\"result_code\": 200}, \"data\": {\"events\": [{\"timestamp\": 500, \"msg\": \"old\"}],"
                        + " \"returned\": 1, \"total\": 1}}")
                .build());

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> fixture.service.syncConsoleLog(fixture.runId(task.id()), Progress.NONE))
                .isInstanceOf(org.runbench.tracking.ClearMLPagingException.class)
                .hasMessage("events.get_task_log on " + fixture.server + " for task " + task.id() + " returned a batch"
                        + " ending at timestamp 500, not after the previous one (999). Runbench stopped to avoid a loop;"
                        + " report this with the server version.");
        assertThat(fixture.service.cachedConsoleLog(fixture.runId(task.id()))).contains("epoch 1\n");
    }

    @Test
    void consoleLogInSmallBatchesIsWhole() throws Exception {
        SyncFixture small = new SyncFixture(temp.resolve("small"), new SyncOptions(10_000, 2, 500, 3));
        try (small) {
            String project = small.fake.addProject("p");
            FakeTask task = small.fake.addTask(project, "logged");
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 25; i++) {
                small.fake.addLog(task.id(), 1000 + (i / 3) * 10, "info", "line " + i);
                expected.append("line ").append(i).append('\n');
            }
            small.service.sync(small.server, List.of(), null, Progress.NONE);

            assertThat(small.service.syncConsoleLog(small.runId(task.id()), Progress.NONE)).isEqualTo(expected.toString());
        }
    }

    @Test
    void twoServersShareOneCacheApart() throws Exception {
        try (org.runbench.tracking.fake.FakeClearMLServer second = org.runbench.tracking.fake.FakeClearMLServer.start()) {
            FakeTask here = fixture.fake.addTask(projectId, "same name");
            String otherProject = second.addProject("vision/yolo");
            FakeTask there = second.addTask(otherProject, "same name");
            fixture.addLinear(here.id(), LOSS, 0, 3, 0);
            second.addLinearScalars(there.id(), "loss", "train", 7);
            ClearMLSyncService service = fixture.service(List.of(fixture.fake.settings(), second.settings()),
                    fixture.http, SyncOptions.DEFAULT);

            service.sync(fixture.server, List.of(), null, Progress.NONE);
            service.sync(second.settings().key(), List.of(), null, Progress.NONE);

            assertThat(service.servers()).extracting(entry -> entry.key())
                    .containsExactly(fixture.server, second.settings().key());
            assertThat(fixture.cache.points(fixture.runId(here.id()), LOSS).size()).isEqualTo(3);
            assertThat(fixture.cache.points(new org.runbench.model.RunId(second.settings().key(), there.id()), LOSS).size())
                    .isEqualTo(7);
            assertThat(fixture.cache.projects()).extracting(Project::server)
                    .containsExactlyInAnyOrder(fixture.server, second.settings().key());
        }
    }

    @Test
    void checkWithoutConfiguredServerSaysWhy() {
        ClearMLSyncService unconfigured = new ClearMLSyncService(fixture.cache, new ConfiguredServers(List.of(),
                "No ClearML credentials are configured."), settings -> null, null, SyncOptions.DEFAULT,
                java.time.Clock.systemUTC());

        var report = unconfigured.check("anything");

        assertThat(report.outcome()).isEqualTo(org.runbench.sync.SyncService.ConnectionOutcome.NOT_CONFIGURED);
        assertThat(report.message()).isEqualTo("No ClearML credentials are configured.");
        assertThat(report.nextStep()).startsWith("Run clearml-init");
        assertThat(unconfigured.servers()).isEmpty();
    }

    @Test
    void checkOfConfiguredServerReportsVersion() {
        var report = fixture.service.check(fixture.server);

        assertThat(report.isConnected()).isTrue();
        assertThat(report.serverVersion()).isEqualTo(org.runbench.tracking.fake.FakeClearMLServer.SERVER_VERSION);
    }

    private SyncReport sync(Instant since) {
        return fixture.service.sync(fixture.server, List.of(projectId), since, Progress.NONE);
    }
}

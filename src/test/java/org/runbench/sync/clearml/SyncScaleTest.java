package org.runbench.sync.clearml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.model.PointSeries;
import org.runbench.model.Run;
import org.runbench.model.SeriesKey;
import org.runbench.sync.Progress;
import org.runbench.sync.SyncService.SyncReport;
import org.runbench.tracking.fake.FakeTask;

/** Large projects and runs against the fake server. */
class SyncScaleTest {

    @TempDir
    Path temp;

    /** Takes about 14 s on two busy cores: one HTTP call and one transaction per run. */
    @Test
    void projectOfTenThousandRunsSyncsEveryRun() throws Exception {
        try (SyncFixture fixture = new SyncFixture(temp.resolve("cache"))) {
            String projectId = fixture.fake.addProject("sweep");
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 10_000; i++) {
                FakeTask task = fixture.fake.addTask(projectId, "trial " + i)
                        .lastUpdate(String.format("2026-01-01T%02d:%02d:%02d.000000+00:00", i / 3600 % 24, i / 60 % 60, i % 60));
                task.hyperparameter("Args", "seed", Integer.toString(i), "int");
                ids.add(task.id());
            }

            SyncReport first = fixture.service.sync(fixture.server, List.of(projectId), null, Progress.NONE);
            SyncReport second = fixture.service.sync(fixture.server, List.of(projectId), null, Progress.NONE);

            assertThat(first.failures()).isEmpty();
            assertThat(first.runsChanged()).isEqualTo(10_000);
            List<Run> cached = fixture.cache.runs(fixture.server, projectId);
            assertThat(cached).hasSize(10_000);
            assertThat(cached).extracting(run -> run.id().taskId()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(second.runsChanged()).isZero();
        }
    }

    @Test
    void runWithFiveHundredSeriesArrivesWhole() throws Exception {
        try (SyncFixture fixture = new SyncFixture(temp.resolve("cache"))) {
            String projectId = fixture.fake.addProject("wide");
            FakeTask task = fixture.fake.addTask(projectId, "per-layer stats");
            for (int i = 0; i < 500; i++) {
                fixture.addLinear(task.id(), new SeriesKey("layer " + (i / 10), "grad_norm/" + i), i, 40, i);
            }

            SyncReport report = fixture.service.sync(fixture.server, List.of(projectId), null, Progress.NONE);

            assertThat(report.failures()).isEmpty();
            assertThat(report.pointsWritten()).isEqualTo(20_000);
            Map<SeriesKey, PointSeries> cached = fixture.cached(task.id());
            assertThat(cached).hasSize(500);
            assertThat(cached).isEqualTo(fixture.expected(task.id()));
        }
    }
}

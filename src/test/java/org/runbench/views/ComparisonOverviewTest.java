package org.runbench.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.cache.CacheTransaction;
import org.runbench.cache.RunCache;
import org.runbench.charts.ChartOptions;
import org.runbench.charts.DecimatedSeries;
import org.runbench.charts.MetricChart;
import org.runbench.charts.MetricChartFactory;
import org.runbench.charts.RunColors;
import org.runbench.charts.RunSeries;
import org.runbench.model.ConfigurationItem;
import org.runbench.model.Hyperparameter;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.Project;
import org.runbench.model.Run;
import org.runbench.model.RunId;
import org.runbench.model.RunRepository;
import org.runbench.model.RunStatus;
import org.runbench.model.SeriesKey;
import org.runbench.model.SeriesSummary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The comparison draws long series from the cache's overviews first, then replaces them with every point. */
@ExtendWith(ApplicationExtension.class)
class ComparisonOverviewTest {

    private static final SeriesKey LOSS = new SeriesKey("train", "loss");
    private static final int POINTS = 200_000;
    private static final int SPIKE_AT = 123_457;
    private static final double SPIKE = 50.0;

    @TempDir
    Path folder;

    private RunCache cache;
    private FxTaskRunner tasks;
    private final CountDownLatch release = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @AfterEach
    void close() {
        release.countDown();
        if (tasks != null) {
            tasks.close();
        }
        if (cache != null) {
            cache.close();
        }
    }

    @Test
    void drawsOverviewsFirstAndThenEveryPoint(FxRobot robot) throws Exception {
        cache = RunCache.open(folder);
        List<RunId> ids = List.of(new RunId("local", "a"), new RunId("local", "b"));
        for (RunId id : ids) {
            write(cache, id, curve(id.taskId().equals("b")));
        }
        GatedRepository repository = new GatedRepository(cache, release);
        RecordingUserMessages messages = new RecordingUserMessages();
        ComparisonViewModel model = newModel(repository, messages);

        load(robot, model, ids.toArray(RunId[]::new));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.charts().size() == 1 && model.refiningProperty().get());

        MetricChart overview = model.charts().get(0).chart();
        assertThat(repository.pointReads.get()).isZero();
        assertThat(maxShown(overview)).as("the spike of run b is drawn from its overview").isEqualTo(SPIKE);

        release.countDown();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.refiningProperty().get()
                && model.charts().get(0).chart() != overview);
        MetricChart full = model.charts().get(0).chart();
        assertThat(repository.pointReads.get()).isEqualTo(2);

        RunColors colors = new RunColors();
        MetricChart expected = MetricChartFactory.create(LOSS, List.of(
                new RunSeries("a", colors.colorOf(ids.get(0)), cache.points(ids.get(0), LOSS)),
                new RunSeries("b", colors.colorOf(ids.get(1)), cache.points(ids.get(1), LOSS))),
                ChartOptions.defaults(full.shownLines().pixelWidth()));
        for (int run = 0; run < 2; run++) {
            DecimatedSeries drawn = full.shownLines().raw().get(run);
            DecimatedSeries expectedLine = expected.shownLines().raw().get(run);
            assertThat(drawn.xValues()).isEqualTo(expectedLine.xValues());
            assertThat(drawn.yValues()).isEqualTo(expectedLine.yValues());
        }
        assertThat(messages.errors()).isEmpty();
    }

    @Test
    void smoothingReadsEveryPointWithoutOverviews(FxRobot robot) throws Exception {
        cache = RunCache.open(folder);
        RunId id = new RunId("local", "a");
        write(cache, id, curve(false));
        release.countDown();
        GatedRepository repository = new GatedRepository(cache, release);
        ComparisonViewModel model = newModel(repository, new RecordingUserMessages());
        robot.interact(() -> model.smoothingProperty().set(0.6));

        load(robot, model, id);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.charts().size() == 1 && !model.loadingProperty().get());

        assertThat(repository.overviewReads.get()).isZero();
        assertThat(repository.pointReads.get()).isEqualTo(1);
        assertThat(model.refiningProperty().get()).isFalse();
    }

    @Test
    void cancelledFullReadKeepsOverviewsAndCanRetry(FxRobot robot) throws Exception {
        cache = RunCache.open(folder);
        RunId id = new RunId("local", "a");
        write(cache, id, curve(true));
        GatedRepository repository = new GatedRepository(cache, release);
        ComparisonViewModel model = newModel(repository, new RecordingUserMessages());

        load(robot, model, id);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.refiningProperty().get());
        MetricChart overview = model.charts().get(0).chart();
        robot.interact(tasks::cancelLatest);
        release.countDown();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.overviewOnlyProperty().get());

        assertThat(model.refiningProperty().get()).isFalse();
        assertThat(model.charts().get(0).chart()).isSameAs(overview);

        robot.interact(model::readEveryPoint);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.overviewOnlyProperty().get()
                && !model.refiningProperty().get() && model.charts().get(0).chart() != overview);
        assertThat(model.charts().get(0).chart().shownLines().raw().get(0).size())
                .isGreaterThan(overview.shownLines().raw().get(0).size() / 2);
    }

    @Test
    void overviewChartsDoNotShowOverviewCounts(FxRobot robot) throws Exception {
        cache = RunCache.open(folder);
        RunId id = new RunId("local", "a");
        PointSeriesBuilder builder = new PointSeriesBuilder(POINTS);
        for (int i = 0; i < POINTS; i++) {
            builder.add(i, i >= 50_000 && i < 55_000 ? Double.NaN : Math.sin(i / 9_000.0), 1_700_000_000_000L + i);
        }
        write(cache, id, builder.build());
        GatedRepository repository = new GatedRepository(cache, release);
        ComparisonViewModel model = newModel(repository, new RecordingUserMessages());

        load(robot, model, id);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.refiningProperty().get());
        assertThat(model.charts().get(0).chart().notes()).singleElement().asString()
                .startsWith("Counts of points not drawn");

        release.countDown();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.refiningProperty().get());
        assertThat(model.charts().get(0).chart().notes()).singleElement().asString()
                .isEqualTo("NaN or infinite values, drawn as gaps marked ×: a: 5000.");
    }

    @Test
    void logAxisReadsEveryPointWithoutOverviews(FxRobot robot) throws Exception {
        cache = RunCache.open(folder);
        RunId id = new RunId("local", "a");
        write(cache, id, curve(false));
        release.countDown();
        GatedRepository repository = new GatedRepository(cache, release);
        ComparisonViewModel model = newModel(repository, new RecordingUserMessages());
        robot.interact(() -> model.logYProperty().set(true));

        load(robot, model, id);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.charts().size() == 1 && !model.loadingProperty().get());

        assertThat(repository.overviewReads.get()).isZero();
    }

    @Test
    void shortSeriesReadOnceWithoutOverviews(FxRobot robot) throws Exception {
        cache = RunCache.open(folder);
        RunId id = new RunId("local", "a");
        write(cache, id, curve(false).slice(0, 1_000));
        release.countDown();
        GatedRepository repository = new GatedRepository(cache, release);
        ComparisonViewModel model = newModel(repository, new RecordingUserMessages());

        load(robot, model, id);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.charts().size() == 1 && !model.loadingProperty().get());

        assertThat(repository.overviewReads.get()).isZero();
        assertThat(repository.pointReads.get()).isEqualTo(1);
        assertThat(model.refiningProperty().get()).isFalse();
    }

    /** Creates the view model on the gated repository, with a task runner that {@link #close()} stops. */
    private ComparisonViewModel newModel(GatedRepository repository, RecordingUserMessages messages) {
        tasks = new FxTaskRunner();
        return new ComparisonViewModel(repository, cache, tasks, messages, new RunColors());
    }

    /** Opens the comparison of the given cached runs on the JavaFX thread. */
    private void load(FxRobot robot, ComparisonViewModel model, RunId... ids) {
        List<RunRow> rows = java.util.Arrays.stream(ids)
                .map(id -> RunRow.of(cache.run(id).orElseThrow(), cache.summaries(id))).toList();
        robot.interact(() -> model.load(rows));
    }

    private static double maxShown(MetricChart chart) {
        double max = Double.NEGATIVE_INFINITY;
        for (DecimatedSeries series : chart.shownLines().raw()) {
            for (double value : series.yValues()) {
                max = Math.max(max, value);
            }
        }
        return max;
    }

    private static PointSeries curve(boolean spike) {
        PointSeriesBuilder builder = new PointSeriesBuilder(POINTS);
        for (int i = 0; i < POINTS; i++) {
            double value = spike && i == SPIKE_AT ? SPIKE : Math.exp(-i / 50_000.0) + Math.sin(i * 0.7) * 0.02;
            builder.add(i, value, 1_700_000_000_000L + 100L * i);
        }
        return builder.build();
    }

    private static void write(RunCache cache, RunId id, PointSeries points) {
        try (CacheTransaction transaction = cache.begin()) {
            transaction.upsertProject(new Project("local", "p", "Project", null));
            transaction.upsertRun(new Run(id, "p", id.taskId(), RunStatus.COMPLETED, "", "", List.of(), null, null, null,
                    null, POINTS - 1, null, null, "", null, false));
            transaction.mergeSeries(id, LOSS, points);
            transaction.commit();
        }
    }

    /** The cache, with full reads held back until the test releases them, and counts of both kinds of read. */
    private static final class GatedRepository implements RunRepository {

        private final RunCache cache;
        private final CountDownLatch release;
        final AtomicInteger pointReads = new AtomicInteger();
        final AtomicInteger overviewReads = new AtomicInteger();

        GatedRepository(RunCache cache, CountDownLatch release) {
            this.cache = cache;
            this.release = release;
        }

        @Override
        public PointSeries points(RunId id, SeriesKey key) {
            try {
                if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the full read");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pointReads.incrementAndGet();
            return cache.points(id, key);
        }

        @Override
        public Optional<PointSeries> overview(RunId id, SeriesKey key) {
            overviewReads.incrementAndGet();
            return cache.overview(id, key);
        }

        @Override
        public List<Project> projects() {
            return cache.projects();
        }

        @Override
        public List<Run> runs(String server, String projectId) {
            return cache.runs(server, projectId);
        }

        @Override
        public List<Run> allRuns() {
            return cache.allRuns();
        }

        @Override
        public Optional<Run> run(RunId id) {
            return cache.run(id);
        }

        @Override
        public List<SeriesSummary> summaries(RunId id) {
            return cache.summaries(id);
        }

        @Override
        public Map<RunId, List<SeriesSummary>> summaries(List<RunId> ids) {
            return cache.summaries(ids);
        }

        @Override
        public List<Hyperparameter> hyperparameters(RunId id) {
            return cache.hyperparameters(id);
        }

        @Override
        public List<ConfigurationItem> configuration(RunId id) {
            return cache.configuration(id);
        }
    }
}

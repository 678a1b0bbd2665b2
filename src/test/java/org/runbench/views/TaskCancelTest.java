package org.runbench.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.charts.XAxisMode;
import org.runbench.sync.Progress;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The status bar's Cancel reaches the newest task still running, and a cancelled CSV export leaves no file. */
@ExtendWith(ApplicationExtension.class)
class TaskCancelTest {

    @TempDir
    Path folder;

    private final FxTaskRunner tasks = new FxTaskRunner();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 100, 100));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
    }

    @Test
    void cancelReachesNewestRunningTask(FxRobot robot) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean longCancelled = new AtomicBoolean();
        robot.interact(() -> tasks.submit("Reading every point", progress -> release.await(30, TimeUnit.SECONDS),
                done -> { }, error -> { }, () -> longCancelled.set(true)));
        robot.interact(() -> tasks.submit("Redrawing", progress -> "quick", done -> { }, error -> { }));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tasks.runningProperty().get() == 1);

        assertThat(tasks.messageProperty().get()).isEqualTo("Reading every point");
        robot.interact(tasks::cancelLatest);
        release.countDown();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, longCancelled::get);
    }

    @Test
    void cancelledCsvExportDeletesPartialFile() {
        Path file = folder.resolve("visible.csv");
        Progress cancelled = new Progress() {
            @Override
            public void update(String text, double share) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        ComparisonViewModel.LoadedLine line = new ComparisonViewModel.LoadedLine(null);
        Map<org.runbench.model.SeriesKey, List<ComparisonViewModel.LoadedLine>> loaded =
                Map.of(new org.runbench.model.SeriesKey("train", "loss"), List.of(line));

        assertThatThrownBy(() -> VisiblePointsCsv.write(file, null, loaded, key -> true, Set.of(), XAxisMode.ITERATION,
                0, 10, cancelled)).isInstanceOf(CancellationException.class);
        assertThat(Files.exists(file)).isFalse();
    }
}

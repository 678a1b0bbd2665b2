package org.runbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.runbench.sync.Progress;
import org.runbench.views.FxTaskRunner;
import org.runbench.views.MainWindow;
import org.runbench.views.RunRow;
import org.runbench.views.RecordingUserMessages;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real main window on a fresh cache with the bundled samples and compares runs as a user does. */
@ExtendWith(ApplicationExtension.class)
class ComparisonWindowTest {

    private static final List<String> CARTPOLE = List.of("a2c/CartPole-v1_1", "dqn/CartPole-v1_1", "ppo/CartPole-v1_1");

    private AppServices services;
    private FxTaskRunner tasks;
    private MainWindow window;
    private final RecordingUserMessages messages = new RecordingUserMessages().confirming(true);

    @Start
    void start(Stage stage) throws IOException {
        Path cache = Files.createTempDirectory("runbench-ui-test");
        services = AppServices.open(cache, Progress.NONE);
        tasks = new FxTaskRunner();
        window = DesktopApp.buildWindow(services, tasks, messages, stage::close);
        stage.setScene(new Scene(window, 1400, 900));
        stage.show();
    }

    @AfterEach
    void closeServices() {
        tasks.close();
        services.close();
    }

    @Test
    void samplesOpenWithEveryBundledRun() throws TimeoutException {
        TableView<RunRow> table = window.runsTable();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 6);

        List<String> names = table.getItems().stream().map(RunRow::name).toList();
        assertThat(names).containsAll(CARTPOLE).contains("trpo/CartPole-v1_1", "whisper-ja-hf-trainer");
        assertThat(messages.all()).isEmpty();
    }

    @Test
    void threeSelectedRunsGiveThreeLinesInEachChart(FxRobot robot) throws TimeoutException {
        TableView<RunRow> table = window.runsTable();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 6);

        robot.clickOn(row(robot, CARTPOLE.get(0)));
        robot.press(KeyCode.CONTROL);
        robot.clickOn(row(robot, CARTPOLE.get(1)));
        robot.clickOn(row(robot, CARTPOLE.get(2)));
        robot.release(KeyCode.CONTROL);
        assertThat(table.getSelectionModel().getSelectedItems()).extracting(RunRow::name).containsExactlyElementsOf(CARTPOLE);

        robot.clickOn("#compare-button");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewers(robot).size() == 2);
        WaitForAsyncUtils.waitForFxEvents();

        Set<ChartViewer> viewers = viewers(robot);
        List<String> titles = new ArrayList<>();
        for (ChartViewer viewer : viewers) {
            titles.add(viewer.getChart().getTitle().getText());
            XYDataset lines = viewer.getChart().getXYPlot().getDataset(0);
            assertThat(lines.getSeriesCount()).as("lines in %s", titles).isEqualTo(3);
            for (int series = 0; series < 3; series++) {
                assertThat(lines.getItemCount(series)).as("points of line %d", series).isGreaterThan(10);
                assertThat(lines.getSeriesKey(series).toString()).isEqualTo(CARTPOLE.get(series));
            }
        }
        assertThat(titles).containsExactlyInAnyOrder("episode/length", "episode/return");
        assertSameColourPerRun(viewers);
        assertThat(messages.all()).isEmpty();
    }

    @Test
    void compareAgainReopensComparisonTab(FxRobot robot) throws TimeoutException {
        TableView<RunRow> table = window.runsTable();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 6);
        robot.clickOn("#compare-button");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewers(robot).size() > 2);

        assertThat(window.selectedTabTitle()).isEqualTo("Comparison");

        robot.clickOn("Runs");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.selectedTabTitle().equals("Runs"));
        robot.clickOn("#compare-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.selectedTabTitle().equals("Comparison"));
        assertThat(messages.all()).isEmpty();
    }

    @Test
    void removeFromCacheDropsTheRun(FxRobot robot) throws TimeoutException {
        TableView<RunRow> table = window.runsTable();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 6);

        robot.clickOn(row(robot, "last-checkpoint"));
        // Monocle's headless robot does not raise context-menu events, so the menu item is fired directly.
        robot.interact(() -> table.getContextMenu().getItems().stream()
                .filter(item -> "remove-runs".equals(item.getId())).findFirst().orElseThrow().fire());

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 5);
        assertThat(table.getItems()).extracting(RunRow::name).doesNotContain("last-checkpoint");
        assertThat(services.cache().allRuns()).hasSize(5);
        assertThat(messages.all()).isEmpty();
    }

    private static void assertSameColourPerRun(Set<ChartViewer> viewers) {
        List<Object> firstColours = null;
        for (ChartViewer viewer : viewers) {
            XYPlot plot = viewer.getChart().getXYPlot();
            List<Object> colours = new ArrayList<>();
            for (int series = 0; series < 3; series++) {
                colours.add(plot.getRendererForDataset(plot.getDataset(0)).getSeriesPaint(series));
            }
            if (firstColours == null) {
                firstColours = colours;
            }
            assertThat(colours).isEqualTo(firstColours).doesNotHaveDuplicates();
        }
    }

    private static Node row(FxRobot robot, String name) {
        return robot.lookup(node -> node instanceof TableRow<?> row && row.getItem() instanceof RunRow item
                && item.name().equals(name)).query();
    }

    private static Set<ChartViewer> viewers(FxRobot robot) {
        return robot.lookup(node -> node instanceof ChartViewer).queryAllAs(ChartViewer.class);
    }
}

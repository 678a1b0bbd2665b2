package org.runbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.runbench.charts.XAxisMode;
import org.runbench.sync.Progress;
import org.runbench.views.FxTaskRunner;
import org.runbench.views.MainWindow;
import org.runbench.views.RunRow;
import org.runbench.views.RecordingUserMessages;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the comparison's toolbar and legend on the bundled samples: filter, x axis, hiding a run, exports. */
@ExtendWith(ApplicationExtension.class)
class ComparisonWorkspaceTest {

    private AppServices services;
    private FxTaskRunner tasks;
    private MainWindow window;
    private Path exports;
    private RecordingUserMessages messages;

    @Start
    void start(Stage stage) throws IOException {
        Path cache = Files.createTempDirectory("runbench-workspace-test");
        exports = Files.createTempDirectory("runbench-exports");
        services = AppServices.open(cache, Progress.NONE);
        tasks = new FxTaskRunner();
        messages = new RecordingUserMessages().savingInto(exports).answering("episodes");
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
    void filterAxisHideAndExport(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.runsTable().getItems().size() == 6);
        robot.clickOn("#compare-button");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewers(robot).size() > 10);

        robot.clickOn("#metric-filter").write("^episode");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewers(robot).size() == 2);
        assertThat(lineCounts(robot)).containsOnly(4);

        robot.interact(() -> robot.lookup("#x-axis").queryAs(ChoiceBox.class).setValue(XAxisMode.RELATIVE_TIME));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewers(robot).stream()
                .allMatch(viewer -> "Seconds since run start".equals(viewer.getChart().getXYPlot().getDomainAxis().getLabel())));

        String a2c = taskIdOf("a2c/CartPole-v1_1");
        robot.clickOn("#legend-visible-" + a2c);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lineCounts(robot).equals(List.of(3, 3)));
        for (ChartViewer viewer : viewers(robot)) {
            XYPlot plot = viewer.getChart().getXYPlot();
            for (int series = 0; series < plot.getDataset(0).getSeriesCount(); series++) {
                assertThat(plot.getDataset(0).getSeriesKey(series).toString()).isNotEqualTo("a2c/CartPole-v1_1");
            }
        }

        robot.clickOn("#export-png");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> messages.infos().size() == 1);
        BufferedImage image = ImageIO.read(exports.resolve("comparison.png").toFile());
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(500);

        robot.clickOn("#export-svg");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> messages.infos().size() == 2);
        String svg = Files.readString(exports.resolve("comparison.svg"));
        assertThat(svg).contains("<svg").contains("episode/return").contains("dqn/CartPole-v1_1")
                .doesNotContain("a2c/CartPole-v1_1");

        robot.clickOn("#export-csv");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> messages.infos().size() == 3);
        List<String> csv = Files.readAllLines(exports.resolve("visible-points.csv"));
        assertThat(csv.get(0)).isEqualTo("run_id,run_name,metric,variant,iteration,value,timestamp_ms");
        // dqn, ppo and trpo episodes for both series: (500 + 38 + 212) * 2 rows.
        assertThat(csv).hasSize(1 + (500 + 38 + 212) * 2);
        assertThat(csv).noneMatch(line -> line.contains("a2c/CartPole-v1_1"));
        assertThat(messages.errors()).isEmpty();
    }

    @Test
    void groupByNamePatternDrawsOneMeanLine(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.runsTable().getItems().size() == 6);
        robot.clickOn("#compare-button");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewers(robot).size() > 10);
        robot.clickOn("#metric-filter").write("^episode/return");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewers(robot).size() == 1);

        robot.interact(() -> robot.lookup("#group-mode").queryAs(ChoiceBox.class).setValue(org.runbench.views.GroupMode.NAME_PATTERN));
        robot.clickOn("#group-key").write("(CartPole)");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            var groups = viewers(robot).iterator().next().getChart().getXYPlot().getDataset(4);
            return groups != null && groups.getSeriesCount() == 1
                    && groups.getSeriesKey(0).toString().startsWith("CartPole (mean of 4: ");
        });
        assertThat(messages.errors()).isEmpty();
    }

    @Test
    void invalidRegexFiltersAsPlainText(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.runsTable().getItems().size() == 6);
        robot.clickOn("#compare-button");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewers(robot).size() > 10);

        robot.clickOn("#metric-filter").write("eval_loss(");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewers(robot).isEmpty());
        robot.eraseText(1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewers(robot).size() == 1);
        assertThat(viewers(robot).iterator().next().getChart().getTitle().getText()).isEqualTo("eval_loss");
        assertThat(messages.errors()).isEmpty();
    }

    @Test
    void savedComparisonReopensWithItsSettings(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.runsTable().getItems().size() == 6);
        robot.clickOn("#compare-button");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewers(robot).size() > 10);
        robot.clickOn("#metric-filter").write("^episode");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewers(robot).size() == 2);
        String dqn = taskIdOf("dqn/CartPole-v1_1");
        robot.clickOn("#legend-visible-" + dqn);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lineCounts(robot).equals(List.of(3, 3)));

        robot.clickOn("#save-comparison");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> services.cache().savedComparisonNames().contains("episodes"));

        robot.doubleClickOn("#metric-filter").eraseText(8).write("eval");
        robot.clickOn("#legend-visible-" + dqn);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewers(robot).size() > 2);

        robot.clickOn("#open-saved");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("episodes").tryQuery().isPresent());
        robot.clickOn("episodes");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewers(robot).size() == 2 && lineCounts(robot).equals(List.of(3, 3)));
        assertThat(robot.lookup("#metric-filter").queryTextInputControl().getText()).isEqualTo("^episode");
        assertThat(messages.errors()).isEmpty();
    }

    private String taskIdOf(String name) {
        return window.runsTable().getItems().stream().filter(row -> row.name().equals(name)).findFirst()
                .map(RunRow::run).orElseThrow().id().taskId();
    }

    private static List<Integer> lineCounts(FxRobot robot) {
        List<Integer> counts = new ArrayList<>();
        for (ChartViewer viewer : viewers(robot)) {
            counts.add(viewer.getChart().getXYPlot().getDataset(0).getSeriesCount());
        }
        return counts;
    }

    private static Set<ChartViewer> viewers(FxRobot robot) {
        return robot.lookup(node -> node instanceof ChartViewer).queryAllAs(ChartViewer.class);
    }
}

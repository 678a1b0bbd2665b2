package org.runbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.runbench.sync.Progress;
import org.runbench.tracking.SettingsOverrides;
import org.runbench.tracking.fake.FakeClearMLServer;
import org.runbench.views.FxTaskRunner;
import org.runbench.views.MainWindow;
import org.runbench.views.RunRow;
import org.runbench.views.RecordingUserMessages;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real window against a fake ClearML server on 127.0.0.1: the connection check, a sync from the
 * connection page, the synced project in the tree and its runs compared, and a console log with search.
 */
@ExtendWith(ApplicationExtension.class)
class ServerWindowTest {

    private FakeClearMLServer server;
    private AppServices services;
    private FxTaskRunner tasks;
    private MainWindow window;
    private String firstTask;
    private final RecordingUserMessages messages = new RecordingUserMessages();

    @Start
    void start(Stage stage) throws IOException {
        server = FakeClearMLServer.start();
        String project = server.addProject("vision");
        firstTask = server.addTask(project, "resnet lr=0.1").status("completed").id();
        String second = server.addTask(project, "resnet lr=0.01").status("in_progress").id();
        server.addLinearScalars(firstTask, "train", "loss", 500);
        server.addLinearScalars(second, "train", "loss", 300);
        server.addLog(firstTask, 1_767_225_600_000L, "info", "epoch 1 done\nloss 0.5");
        server.addLog(firstTask, 1_767_225_601_000L, "warning", "gradient overflow, skipping step");

        Path home = Files.createTempDirectory("runbench-home");
        Path cache = Files.createTempDirectory("runbench-server-cache");
        services = AppServices.open(cache, Progress.NONE, new SettingsOverrides(server.apiHost(),
                FakeClearMLServer.ACCESS_KEY, FakeClearMLServer.SECRET_KEY), Map.of(), home);
        tasks = new FxTaskRunner();
        window = DesktopApp.buildWindow(services, tasks, messages, stage::close);
        stage.setScene(new Scene(window, 1400, 900));
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.close();
        services.close();
        server.close();
    }

    @Test
    void checksSyncsAndComparesServerRuns(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> statusText(robot).contains("reachable")
                && !statusText(robot).contains("not reachable"));
        assertThat(services.cache().allRuns()).as("no samples when a server is configured").isEmpty();

        robot.interact(() -> window.selectTab("Connection"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#sync-projects").queryButton().isDisabled());
        robot.clickOn("#sync-projects");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> services.cache().allRuns().size() == 2);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> treeContains(robot, "vision"));

        robot.clickOn("vision");
        robot.interact(() -> window.selectTab("Runs"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.runsTable().getItems().size() == 2);
        assertThat(window.runsTable().getItems()).extracting(RunRow::name)
                .containsExactlyInAnyOrder("resnet lr=0.1", "resnet lr=0.01");
        assertThat(window.runsTable().getItems()).allSatisfy(row -> assertThat(row.summaries()).hasSize(1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#status-text").queryAs(Label.class).getText()
                .startsWith("vision: 2 runs, last synced "));
        robot.clickOn("#compare-button");
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewers(robot).size() == 1);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("tab " + window.selectedTabTitle() + ", messages " + messages.all() + ", viewers "
                    + viewers(robot).size(), e);
        }
        ChartViewer viewer = robot.lookup(node -> node instanceof ChartViewer).queryAs(ChartViewer.class);
        assertThat(viewer.getChart().getXYPlot().getDataset(0).getSeriesCount()).isEqualTo(2);

        robot.interact(() -> window.selectTab("Runs"));
        robot.clickOn(robot.lookup(node -> node instanceof javafx.scene.control.TableRow<?> row
                && row.getItem() instanceof RunRow item && item.name().equals("resnet lr=0.1")).queryAs(javafx.scene.Node.class));
        robot.interact(() -> window.selectTab("Console log"));
        robot.clickOn("#download-log");
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> logLines(robot).size() >= 3);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("log status: " + robot.lookup("#log-status").queryAs(Label.class).getText()
                    + ", lines " + logLines(robot) + ", selected " + window.runsTable().getSelectionModel().getSelectedItems().size(), e);
        }
        assertThat(logLines(robot)).anyMatch(line -> line.contains("gradient overflow"));
        robot.clickOn("#log-search").write("overflow");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> logLines(robot).size() == 1);
        assertThat(services.syncService().orElseThrow().cachedConsoleLog(services.cache().findRuns(firstTask).get(0).id()))
                .hasValueSatisfying(log -> assertThat(log).contains("epoch 1 done"));
        assertThat(messages.all()).isEmpty();
    }

    private static String statusText(FxRobot robot) {
        return robot.lookup("#connection-status").queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static boolean treeContains(FxRobot robot, String name) {
        TreeView<Object> tree = robot.lookup("#project-tree").queryAs(TreeView.class);
        return tree.getRoot().getChildren().stream().flatMap(server -> server.getChildren().stream())
                .anyMatch(item -> item.getValue().toString().equals(name));
    }

    @SuppressWarnings("unchecked")
    private static List<String> logLines(FxRobot robot) {
        return List.copyOf(robot.lookup("#log-lines").queryAs(ListView.class).getItems());
    }

    private static java.util.Set<ChartViewer> viewers(FxRobot robot) {
        return robot.lookup(node -> node instanceof ChartViewer).queryAllAs(ChartViewer.class);
    }

}

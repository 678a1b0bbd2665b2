package org.runbench.views.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.runbench.cache.RunCache;
import org.runbench.views.FxTaskRunner;
import org.runbench.views.RunRow;
import org.runbench.views.RecordingUserMessages;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The diff table on the hand-made runs in a real cache, driven with the mouse and keyboard as a user does. */
@ExtendWith(ApplicationExtension.class)
class DiffViewTest {

    private RunCache cache;
    private FxTaskRunner tasks;
    private DiffViewModel model;
    private DiffView view;
    private List<RunRow> rows;
    private final RecordingUserMessages messages = new RecordingUserMessages();

    @Start
    void start(Stage stage) throws Exception {
        cache = RunCache.open(Files.createTempDirectory("runbench-diff-view-test"));
        rows = DiffFixture.importHandmade(cache);
        tasks = new FxTaskRunner();
        model = new DiffViewModel(cache, tasks, messages);
        view = new DiffView(model);
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    @AfterEach
    void close() throws TimeoutException {
        // Text diff windows would otherwise stay open and match the next test's lookups.
        FxToolkit.cleanupStages();
        tasks.close();
        cache.close();
    }

    @Test
    void highlightedRowsAreTheDifferingKeys(FxRobot robot) throws TimeoutException {
        loadFixture(robot);

        assertThat(renderedKeys(robot, true)).containsExactlyInAnyOrderElementsOf(DiffFixture.DIFFERING_KEYS);
        assertThat(renderedKeys(robot, false)).containsExactlyInAnyOrderElementsOf(DiffFixture.EQUAL_KEYS);
        assertThat(view.table().getColumns()).extracting(column -> column.getText())
                .containsExactly("Key", "base", "tuned", "typed");
        assertThat(messages.all()).isEmpty();
    }

    @Test
    void onlyDifferencesToggleHidesEqualRows(FxRobot robot) throws TimeoutException {
        loadFixture(robot);

        robot.clickOn("#only-differences");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(renderedKeys(robot, true)).containsExactlyInAnyOrderElementsOf(DiffFixture.DIFFERING_KEYS);
        assertThat(renderedKeys(robot, false)).isEmpty();

        robot.clickOn("#only-differences");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(renderedKeys(robot, false)).containsExactlyInAnyOrderElementsOf(DiffFixture.EQUAL_KEYS);
    }

    @Test
    void searchFieldFiltersKeys(FxRobot robot) throws TimeoutException {
        loadFixture(robot);

        robot.clickOn("#diff-search").write("mix");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(renderedKeys(robot, true)).containsExactly("augment/mixup");
        assertThat(renderedKeys(robot, false)).isEmpty();
    }

    @Test
    void quotedNumberShowsBothTypes(FxRobot robot) throws TimeoutException {
        loadFixture(robot);

        List<String> texts = robot.lookup(".table-cell").queryAll().stream()
                .map(node -> ((javafx.scene.control.Labeled) node).getText())
                .filter(text -> text != null && text.startsWith("0.001")).toList();

        assertThat(texts).containsExactly("0.001 (float)", "0.001 (float)", "0.001 (str)");
    }

    @Test
    void doubleClickOpensTextDiffWithChangedLine(FxRobot robot) throws TimeoutException {
        loadFixture(robot);

        robot.doubleClickOn(row(robot, "opt/prompt"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#text-diff-lines").tryQuery().isPresent() && !pairs(robot).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(choiceBox(robot, "#text-diff-left").getValue()).isEqualTo("base");
        assertThat(choiceBox(robot, "#text-diff-right").getValue()).isEqualTo("tuned");
        List<ListCell<?>> changed = lineCells(robot, "line-changed");
        assertThat(changed).hasSize(1);
        LinePair pair = (LinePair) changed.get(0).getItem();
        assertThat(pair.left()).isEqualTo("Answer in one sentence.");
        assertThat(pair.right()).isEqualTo("Answer in two sentences.");
        assertThat(lineCells(robot, "line-equal")).hasSize(2);
        assertThat(robot.lookup("#text-diff-summary").queryLabeled().getText()).isEqualTo("1 changed, 0 inserted, 0 deleted lines");
    }

    @Test
    void choosingOtherRunRealignsLines(FxRobot robot) throws TimeoutException {
        loadFixture(robot);
        robot.clickOn(row(robot, "Configuration/opt.yaml"));
        robot.clickOn("#compare-text");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#text-diff-lines").tryQuery().isPresent() && !pairs(robot).getItems().isEmpty());

        ChoiceBox<String> right = choiceBox(robot, "#text-diff-right");
        assertThat(right.getValue()).isEqualTo("tuned");
        robot.interact(() -> right.getSelectionModel().select("typed"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pairs(robot).getItems().stream()
                .anyMatch(pair -> pair.change() == LinePair.Change.INSERTED));
        WaitForAsyncUtils.waitForFxEvents();

        List<LinePair> differences = pairs(robot).getItems().stream()
                .filter(pair -> pair.change() != LinePair.Change.EQUAL).toList();
        assertThat(differences).extracting(LinePair::change).containsExactly(
                LinePair.Change.CHANGED, LinePair.Change.INSERTED);
        assertThat(differences.get(0).left()).isEqualTo("lr: 0.001");
        assertThat(differences.get(0).right()).isEqualTo("lr: '0.001'");
        assertThat(differences.get(1).right()).startsWith("dataset_description: ");
    }

    @Test
    void compareButtonNeedsLongValue(FxRobot robot) throws TimeoutException {
        loadFixture(robot);

        robot.clickOn(row(robot, "opt/batch_size"));
        assertThat(robot.lookup("#compare-text").queryButton().isDisabled()).isTrue();

        robot.clickOn(row(robot, "opt/prompt"));
        assertThat(robot.lookup("#compare-text").queryButton().isDisabled()).isFalse();
    }

    private void loadFixture(FxRobot robot) throws TimeoutException {
        robot.interact(() -> model.load(rows));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.lines().size() == 14);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Returns the keys of the rendered table rows that have (or lack) the CSS class {@code differs}. */
    private static Set<String> renderedKeys(FxRobot robot, boolean differs) {
        Set<String> keys = new HashSet<>();
        for (Node node : robot.lookup(".table-row-cell").queryAll()) {
            if (node instanceof TableRow<?> row && row.getItem() instanceof DiffLine.Key key
                    && row.getStyleClass().contains("differs") == differs) {
                keys.add(key.row().key());
            }
        }
        return keys;
    }

    private static Node row(FxRobot robot, String key) {
        return robot.lookup(node -> node instanceof TableRow<?> row && row.getItem() instanceof DiffLine.Key line
                && line.row().key().equals(key)).query();
    }

    @SuppressWarnings("unchecked")
    private static ChoiceBox<String> choiceBox(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(ChoiceBox.class);
    }

    @SuppressWarnings("unchecked")
    private static ListView<LinePair> pairs(FxRobot robot) {
        return robot.lookup("#text-diff-lines").queryAs(ListView.class);
    }

    private static List<ListCell<?>> lineCells(FxRobot robot, String styleClass) {
        List<ListCell<?>> cells = new ArrayList<>();
        for (Node node : robot.lookup("." + styleClass).queryAll()) {
            if (node instanceof ListCell<?> cell && cell.getItem() != null) {
                cells.add(cell);
            }
        }
        return cells;
    }
}

package org.runbench.views.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.cache.RunCache;
import org.runbench.model.diff.DiffRow;
import org.runbench.views.RunRow;
import org.runbench.views.TaskRunner;
import org.runbench.views.RecordingUserMessages;

/** The view model on a real cache, with a task runner that works on the calling thread and no toolkit. */
class DiffViewModelTest {

    @TempDir
    Path temp;

    private RunCache cache;
    private boolean cacheClosed;
    private List<RunRow> rows;
    private final RecordingUserMessages messages = new RecordingUserMessages();
    private DiffViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        cache = RunCache.open(temp.resolve("cache"));
        rows = DiffFixture.importHandmade(cache);
        model = new DiffViewModel(cache, TaskRunner.direct(), messages);
    }

    @AfterEach
    void closeCache() {
        if (!cacheClosed) {
            cache.close();
        }
    }

    @Test
    void loadGroupsKeysUnderSections() {
        model.load(rows);

        assertThat(model.runLabels()).containsExactly("base", "tuned", "typed");
        assertThat(describe(model.lines())).containsExactly("# opt (8)", "opt/lr", "opt/batch_size",
                "opt/optimizer", "opt/seed", "opt/note", "opt/prompt", "opt/warmup_epochs", "opt/dataset_description",
                "# augment (2)", "augment/mosaic", "augment/mixup", "# Configuration (1)", "Configuration/opt.yaml");
        assertThat(model.statusProperty().get()).isEqualTo("7 of 11 keys differ.");
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(messages.all()).isEmpty();
    }

    @Test
    void onlyDifferencesHidesEqualKeys() {
        model.load(rows);

        model.onlyDifferencesProperty().set(true);

        assertThat(keys(model.lines())).containsExactlyElementsOf(DiffFixture.DIFFERING_KEYS);
        assertThat(describe(model.lines())).contains("# opt (5)", "# augment (1)", "# Configuration (1)");
        assertThat(model.statusProperty().get()).isEqualTo("7 of 11 keys differ, 7 shown.");
    }

    @Test
    void searchMatchesKeyIgnoringCase() {
        model.load(rows);

        model.searchProperty().set("  AUGMENT/m ");

        assertThat(describe(model.lines())).containsExactly("# augment (2)", "augment/mosaic", "augment/mixup");
        assertThat(model.statusProperty().get()).isEqualTo("7 of 11 keys differ, 2 shown.");
    }

    @Test
    void searchWithoutMatchSaysSo() {
        model.load(rows);

        model.searchProperty().set("momentum");

        assertThat(model.lines()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("7 of 11 keys differ. No key contains 'momentum'.");
    }

    @Test
    void searchAndToggleCombine() {
        model.load(rows);

        model.onlyDifferencesProperty().set(true);
        model.searchProperty().set("opt");

        assertThat(keys(model.lines())).containsExactly("opt/lr", "opt/batch_size", "opt/prompt", "opt/warmup_epochs",
                "opt/dataset_description", "Configuration/opt.yaml");
    }

    @Test
    void textDiffStartsWithFirstDifferingPair() {
        model.load(rows);
        DiffRow prompt = row("opt/prompt");

        TextDiffViewModel text = model.textDiff(prompt);

        assertThat(text.leftRunProperty().get()).isZero();
        assertThat(text.rightRunProperty().get()).isEqualTo(1);
        assertThat(text.pairs()).extracting(LinePair::change).containsExactly(
                LinePair.Change.EQUAL, LinePair.Change.CHANGED, LinePair.Change.EQUAL);
        assertThat(text.pairs().get(1).left()).isEqualTo("Answer in one sentence.");
        assertThat(text.pairs().get(1).right()).isEqualTo("Answer in two sentences.");
        assertThat(text.summaryProperty().get()).isEqualTo("1 changed, 0 inserted, 0 deleted lines");
    }

    @Test
    void textDiffRealignsWhenRunChanges() {
        model.load(rows);
        TextDiffViewModel text = model.textDiff(row("opt/prompt"));

        text.rightRunProperty().set(2);

        assertThat(text.pairs()).extracting(LinePair::change).containsOnly(LinePair.Change.EQUAL);
        assertThat(text.summaryProperty().get()).isEqualTo("The two values are equal.");
    }

    @Test
    void textDiffOfAbsentValueInsertsAll() {
        model.load(rows);
        TextDiffViewModel text = model.textDiff(row("opt/dataset_description"));

        assertThat(text.leftRunProperty().get()).isEqualTo(2);
        assertThat(text.rightRunProperty().get()).isZero();
        assertThat(text.header(0)).isEqualTo("base (absent)");
        assertThat(text.header(2)).isEqualTo("typed (str)");
        assertThat(text.pairs()).extracting(LinePair::change).containsExactly(LinePair.Change.DELETED);
    }

    @Test
    void newerLoadWins() {
        model.load(rows);
        model.load(rows.subList(0, 2));

        assertThat(model.runLabels()).containsExactly("base", "tuned");
        assertThat(model.diff().differingRows()).extracting(DiffRow::key).containsExactly("opt/batch_size",
                "opt/prompt", "opt/warmup_epochs", "augment/mixup", "Configuration/opt.yaml");
    }

    @Test
    void equalRunsSayNothingDiffers() {
        model.load(List.of(rows.get(0), rows.get(0)));

        assertThat(model.statusProperty().get()).isEqualTo("The 2 runs have the same 9 keys.");
        assertThat(model.runLabels()).containsExactly("base (" + rows.get(0).run().id().taskId() + ")",
                "base (" + rows.get(0).run().id().taskId() + ")");
    }

    @Test
    void noRunsAskForSelection() {
        model.load(List.of());

        assertThat(model.lines()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("Select runs in the Runs tab to compare their hyperparameters.");
    }

    @Test
    void closedCacheShowsErrorWithNextStep() {
        cache.close();
        cacheClosed = true;

        model.load(rows);

        assertThat(messages.all()).hasSize(1);
        assertThat(messages.all().get(0)).startsWith("Comparing hyperparameters failed: Reading the hyperparameters of 3 runs"
                + " from the cache failed: ");
        assertThat(messages.all().get(0)).endsWith(". Select the runs again; if it fails again, the log has the details.");
        assertThat(model.loadingProperty().get()).isFalse();
    }

    private DiffRow row(String key) {
        return model.diff().rows().stream().filter(row -> row.key().equals(key)).findFirst().orElseThrow();
    }

    private static List<String> keys(List<DiffLine> lines) {
        return lines.stream().filter(line -> line instanceof DiffLine.Key)
                .map(line -> ((DiffLine.Key) line).row().key()).toList();
    }

    private static List<String> describe(List<DiffLine> lines) {
        List<String> described = new ArrayList<>();
        for (DiffLine line : lines) {
            if (line instanceof DiffLine.Section section) {
                described.add("# " + section.name() + " (" + section.keyCount() + ")");
            } else if (line instanceof DiffLine.Key key) {
                described.add(key.row().key());
            }
        }
        return described;
    }

}

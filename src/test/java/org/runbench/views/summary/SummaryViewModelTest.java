package org.runbench.views.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.cache.RunCache;
import org.runbench.model.Run;
import org.runbench.model.RunId;
import org.runbench.model.RunStatus;
import org.runbench.model.SeriesKey;
import org.runbench.model.SeriesSummary;
import org.runbench.views.RunRow;
import org.runbench.views.TaskRunner;
import org.runbench.views.RecordingUserMessages;

class SummaryViewModelTest {

    private static final SeriesKey LOSS = new SeriesKey("train", "loss");
    private static final SeriesKey MAP = new SeriesKey("metrics", "mAP_0.5");

    @TempDir
    Path folder;

    private final RecordingUserMessages messages = new RecordingUserMessages();

    @org.junit.jupiter.api.AfterEach
    void noDialogs() {
        assertThat(messages.all()).isEmpty();
    }

    @Test
    void guessesDirectionFromName() {
        assertThat(MetricDirection.guessHigherIsBetter(LOSS)).isFalse();
        assertThat(MetricDirection.guessHigherIsBetter(new SeriesKey("eval_wer", "eval_wer"))).isFalse();
        assertThat(MetricDirection.guessHigherIsBetter(new SeriesKey("eval_runtime", "eval_runtime"))).isFalse();
        assertThat(MetricDirection.guessHigherIsBetter(new SeriesKey("episode", "length"))).isTrue();
        assertThat(MetricDirection.guessHigherIsBetter(MAP)).isTrue();
        assertThat(MetricDirection.guessHigherIsBetter(new SeriesKey("episode", "return"))).isTrue();
        assertThat(MetricDirection.guessHigherIsBetter(new SeriesKey("val", "accuracy"))).isTrue();
    }

    @Test
    void marksLowestLossAndHighestMapAsBest() {
        try (RunCache cache = RunCache.open(folder)) {
            SummaryViewModel model = new SummaryViewModel(cache, TaskRunner.direct(), messages);
            model.load(List.of(row("a", 0.30, 0.50), row("b", 0.20, 0.40), row("c", 0.25, 0.60)));

            assertThat(best(model, LOSS)).containsExactly("b");
            assertThat(best(model, MAP)).containsExactly("c");
            assertThat(model.rows()).hasSize(6);
        }
    }

    @Test
    void chosenDirectionChangesBestAndIsRemembered() {
        try (RunCache cache = RunCache.open(folder)) {
            SummaryViewModel model = new SummaryViewModel(cache, TaskRunner.direct(), messages);
            List<RunRow> rows = List.of(row("a", 0.30, 0.50), row("b", 0.20, 0.40));
            model.load(rows);
            model.setHigherIsBetter(MAP, false);
            assertThat(best(model, MAP)).containsExactly("b");

            SummaryViewModel reopened = new SummaryViewModel(cache, TaskRunner.direct(), messages);
            reopened.load(rows);
            assertThat(reopened.isHigherBetter(MAP)).isFalse();
            assertThat(best(reopened, MAP)).containsExactly("b");
        }
    }

    @Test
    void seriesWithoutNumbersHasNoBest() {
        RunRow nan = RunRow.of(run("n"), List.of(new SeriesSummary(LOSS, 3, Double.NaN, 2, Double.NaN, 0, Double.NaN, 0)));
        assertThat(SummaryViewModel.bestRun(LOSS, List.of(nan), false)).isNull();
    }

    private static List<String> best(SummaryViewModel model, SeriesKey key) {
        return model.rows().stream().filter(row -> row.key().equals(key) && row.best()).map(SummaryRow::runName).toList();
    }

    private static RunRow row(String name, double minLoss, double maxMap) {
        return RunRow.of(run(name), List.of(
                new SeriesSummary(LOSS, 10, minLoss + 0.1, 9, minLoss, 5, minLoss + 1, 0),
                new SeriesSummary(MAP, 10, maxMap - 0.1, 9, maxMap - 0.3, 3, maxMap, 7)));
    }

    private static Run run(String name) {
        return new Run(RunId.local(name), "p", name, RunStatus.COMPLETED, "", "", List.of(), null, null, null, null, 9,
                null, null, "", null, false);
    }

}

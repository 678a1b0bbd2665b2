package org.runbench.views.summary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.runbench.model.ComparisonStore;
import org.runbench.model.SeriesKey;
import org.runbench.model.SeriesSummary;
import org.runbench.views.RunRow;
import org.runbench.views.TaskRunner;
import org.runbench.views.UserMessages;

/**
 * State of the summary table: for each series and run, the last, minimum and maximum value with their
 * iterations, and the best run of each series. Whether lower or higher is better is guessed from the
 * metric's name until the user picks it, and the choice is stored in the cache.
 */
public final class SummaryViewModel {

    private final ComparisonStore store;
    private final TaskRunner tasks;
    private final UserMessages messages;
    private final ObservableList<SummaryRow> rows = FXCollections.observableArrayList();
    private final Map<SeriesKey, Boolean> chosen = new HashMap<>();
    private List<RunRow> runs = List.of();

    public SummaryViewModel(ComparisonStore store, TaskRunner tasks, UserMessages messages) {
        this.store = store;
        this.tasks = tasks;
        this.messages = messages;
    }

    /** Shows the summaries of {@code compared}, reading the stored metric directions first. */
    public void load(List<RunRow> compared) {
        runs = List.copyOf(compared);
        tasks.submit("Reading metric preferences", progress -> store.higherIsBetter(), preferences -> {
            chosen.clear();
            chosen.putAll(preferences);
            rebuild();
        }, error -> messages.showError("Reading metric preferences failed", error.getMessage()));
    }

    /** Sets whether higher is better for {@code key}, marks the best runs again and remembers the choice. */
    public void setHigherIsBetter(SeriesKey key, boolean higher) {
        chosen.put(key, higher);
        rebuild();
        tasks.submit("Saving metric preference", progress -> {
            store.setHigherIsBetter(key, higher);
            return key;
        }, saved -> { }, error -> messages.showError("Saving the metric preference failed", error.getMessage()));
    }

    public boolean isHigherBetter(SeriesKey key) {
        return chosen.computeIfAbsent(key, MetricDirection::guessHigherIsBetter);
    }

    private void rebuild() {
        Map<SeriesKey, List<RunRow>> byKey = new java.util.TreeMap<>();
        for (RunRow run : runs) {
            for (SeriesKey key : run.summaries().keySet()) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(run);
            }
        }
        List<SummaryRow> built = new ArrayList<>();
        for (Map.Entry<SeriesKey, List<RunRow>> entry : byKey.entrySet()) {
            SeriesKey key = entry.getKey();
            boolean higher = isHigherBetter(key);
            RunRow best = bestRun(key, entry.getValue(), higher);
            for (RunRow run : entry.getValue()) {
                built.add(new SummaryRow(key, run.name(), run.summaries().get(key), higher, run == best));
            }
        }
        rows.setAll(built);
    }

    /** Returns the run with the lowest minimum (or highest maximum) of the series; null when none has a number. */
    static RunRow bestRun(SeriesKey key, List<RunRow> candidates, boolean higherIsBetter) {
        RunRow best = null;
        double bestValue = Double.NaN;
        for (RunRow run : candidates) {
            SeriesSummary summary = run.summaries().get(key);
            double value = higherIsBetter ? summary.max() : summary.min();
            if (Double.isNaN(value)) {
                continue;
            }
            if (best == null || (higherIsBetter ? value > bestValue : value < bestValue)) {
                best = run;
                bestValue = value;
            }
        }
        return best;
    }

    public ObservableList<SummaryRow> rows() {
        return rows;
    }
}

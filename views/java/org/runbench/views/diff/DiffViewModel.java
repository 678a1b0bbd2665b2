package org.runbench.views.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.runbench.model.Run;
import org.runbench.model.RunRepository;
import org.runbench.model.diff.DiffRow;
import org.runbench.model.diff.RunDiff;
import org.runbench.model.diff.RunParameters;
import org.runbench.sync.Progress;
import org.runbench.views.RunRow;
import org.runbench.views.TaskRunner;
import org.runbench.views.UserMessages;

/**
 * State of the diff table: the compared runs, their hyperparameters and configuration items as a
 * {@link RunDiff}, and the lines the table shows after the "only differences" toggle and the key search.
 * The cache is read on the task runner. Call every method on the JavaFX thread, where the lists and
 * properties change.
 */
public final class DiffViewModel {

    private final RunRepository repository;
    private final TaskRunner tasks;
    private final UserMessages messages;

    private final ObservableList<String> runLabels = FXCollections.observableArrayList();
    private final ObservableList<DiffLine> lines = FXCollections.observableArrayList();
    private final BooleanProperty onlyDifferences = new SimpleBooleanProperty(false);
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Select runs in the Runs tab to compare their hyperparameters.");

    private RunDiff diff = RunDiff.compare(List.of());
    private long generation;

    public DiffViewModel(RunRepository repository, TaskRunner tasks, UserMessages messages) {
        this.repository = repository;
        this.tasks = tasks;
        this.messages = messages;
        onlyDifferences.addListener((observable, old, on) -> showLines());
        search.addListener((observable, old, text) -> showLines());
    }

    /** Reads the hyperparameters and configuration of {@code rows} from the cache and compares them. */
    public void load(List<RunRow> rows) {
        long current = ++generation;
        List<Run> runs = rows.stream().map(RunRow::run).toList();
        loading.set(true);
        tasks.submit("Reading hyperparameters of " + runs.size() + " runs", progress -> read(runs, progress), loaded -> {
            if (current != generation) {
                return;
            }
            diff = loaded;
            runLabels.setAll(loaded.runLabels());
            showLines();
            loading.set(false);
        }, error -> {
            if (current != generation) {
                return;
            }
            loading.set(false);
            messages.showError("Comparing hyperparameters failed", "Reading the hyperparameters of "
                    + describe(runs) + " from the cache failed: " + messageOf(error)
                    + ". Select the runs again; if it fails again, the log has the details.");
        });
    }

    private RunDiff read(List<Run> runs, Progress progress) {
        List<String> labels = labels(runs);
        List<RunParameters> parameters = new ArrayList<>();
        for (int i = 0; i < runs.size() && !progress.isCancelled(); i++) {
            Run run = runs.get(i);
            progress.update("Reading hyperparameters of " + run.name(), (double) i / runs.size());
            parameters.add(new RunParameters(labels.get(i), repository.hyperparameters(run.id()),
                    repository.configuration(run.id())));
        }
        return RunDiff.compare(parameters);
    }

    /** Returns each run's name, followed by its task id where two of the runs share the name. */
    static List<String> labels(List<Run> runs) {
        Map<String, Integer> counts = new HashMap<>();
        runs.forEach(run -> counts.merge(run.name(), 1, Integer::sum));
        List<String> labels = new ArrayList<>();
        for (Run run : runs) {
            labels.add(counts.get(run.name()) > 1 ? run.name() + " (" + run.id().taskId() + ")" : run.name());
        }
        return labels;
    }

    /** Fills {@link #lines()} with the rows that pass the toggle and the search, each section under its header. */
    private void showLines() {
        String query = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        List<DiffRow> visible = new ArrayList<>();
        for (DiffRow row : diff.rows()) {
            boolean hidden = onlyDifferences.get() && !row.differs();
            if (!hidden && (query.isEmpty() || row.key().toLowerCase(Locale.ROOT).contains(query))) {
                visible.add(row);
            }
        }

        List<DiffLine> grouped = new ArrayList<>();
        int headerIndex = -1;
        for (DiffRow row : visible) {
            if (headerIndex < 0 || !((DiffLine.Section) grouped.get(headerIndex)).name().equals(row.section())) {
                headerIndex = grouped.size();
                grouped.add(new DiffLine.Section(row.section(), 0));
            }
            DiffLine.Section header = (DiffLine.Section) grouped.get(headerIndex);
            grouped.set(headerIndex, new DiffLine.Section(header.name(), header.keyCount() + 1));
            grouped.add(new DiffLine.Key(row));
        }
        lines.setAll(grouped);
        status.set(statusText(visible.size(), query));
    }

    private String statusText(int visibleCount, String query) {
        int total = diff.rows().size();
        if (diff.runLabels().isEmpty()) {
            return "Select runs in the Runs tab to compare their hyperparameters.";
        }
        if (total == 0) {
            return "The selected runs have no hyperparameters or configuration in the cache.";
        }
        int differing = diff.differingRows().size();
        if (differing == 0) {
            return "The " + diff.runLabels().size() + " runs have the same " + total
                    + (total == 1 ? " key." : " keys.");
        }
        String counts = differing + " of " + total + " keys differ";
        if (visibleCount == 0 && !query.isEmpty()) {
            return counts + ". No key contains '" + search.get().strip() + "'.";
        }
        return visibleCount == total ? counts + "." : counts + ", " + visibleCount + " shown.";
    }

    /** Returns a side-by-side text diff of {@code row}'s values, for the runs of the current comparison. */
    public TextDiffViewModel textDiff(DiffRow row) {
        return new TextDiffViewModel(row, List.copyOf(runLabels), tasks);
    }

    /** Returns the current comparison of every key, before the toggle and the search. */
    public RunDiff diff() {
        return diff;
    }

    /** Column header of each run, in the order of the cells of every row. */
    public ObservableList<String> runLabels() {
        return runLabels;
    }

    /** Section headers and keys the table shows, in order. */
    public ObservableList<DiffLine> lines() {
        return lines;
    }

    /** Toggle that, when on, hides the keys whose values are equal in every run. */
    public BooleanProperty onlyDifferencesProperty() {
        return onlyDifferences;
    }

    /** Text that a key ({@code section/name}) must contain, ignoring case, to be shown; empty shows all. */
    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** One-line summary for the status label, such as {@code 7 of 11 keys differ.} */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    private static String describe(List<Run> runs) {
        return runs.size() == 1 ? "'" + runs.get(0).name() + "'" : runs.size() + " runs";
    }

    private static String messageOf(Throwable error) {
        Throwable cause = error;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}

package org.runbench.views.diff;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.runbench.model.diff.DiffCell;
import org.runbench.model.diff.DiffRow;
import org.runbench.views.TaskRunner;

/**
 * State of a side-by-side text diff of one key's values in two of the compared runs. The lines are
 * aligned on the task runner whenever either run changes. Call every method on the JavaFX thread.
 */
public final class TextDiffViewModel {

    private final DiffRow row;
    private final List<String> runLabels;
    private final TaskRunner tasks;

    private final IntegerProperty leftRun = new SimpleIntegerProperty();
    private final IntegerProperty rightRun = new SimpleIntegerProperty();
    private final ObservableList<LinePair> pairs = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private long generation;

    /**
     * Creates the diff and starts aligning the two runs chosen first: the first run that has the key, and
     * the next run whose value differs from it.
     *
     * @param runLabels column header of each run, one per cell of {@code row}
     */
    public TextDiffViewModel(DiffRow row, List<String> runLabels, TaskRunner tasks) {
        if (runLabels.size() != row.cells().size() || runLabels.isEmpty()) {
            throw new IllegalArgumentException("The key " + row.key() + " has " + row.cells().size()
                    + " values but " + runLabels.size() + " run labels were given");
        }
        this.row = row;
        this.runLabels = List.copyOf(runLabels);
        this.tasks = tasks;

        int left = firstPresent(row);
        leftRun.set(left);
        rightRun.set(firstDifferent(row, left));
        leftRun.addListener((observable, old, index) -> align());
        rightRun.addListener((observable, old, index) -> align());
        align();
    }

    private static int firstPresent(DiffRow row) {
        for (int i = 0; i < row.cells().size(); i++) {
            if (row.cell(i).isPresent()) {
                return i;
            }
        }
        return 0;
    }

    private static int firstDifferent(DiffRow row, int left) {
        for (int i = 0; i < row.cells().size(); i++) {
            if (i != left && !Objects.equals(row.cell(i), row.cell(left))) {
                return i;
            }
        }
        return row.cells().size() > 1 && left == 0 ? 1 : 0;
    }

    private void align() {
        long current = ++generation;
        String left = textOf(leftRun.get());
        String right = textOf(rightRun.get());
        tasks.submit("Comparing the text of " + row.key(), progress -> SideBySideText.compare(left, right), aligned -> {
            if (current == generation) {
                pairs.setAll(aligned);
                summary.set(summarize(aligned));
            }
        }, error -> summary.set("Comparing the text failed: " + error.getMessage()));
    }

    private String textOf(int run) {
        DiffCell cell = row.cell(run);
        return cell.isPresent() ? cell.value() : "";
    }

    private static String summarize(List<LinePair> aligned) {
        long changed = aligned.stream().filter(pair -> pair.change() == LinePair.Change.CHANGED).count();
        long inserted = aligned.stream().filter(pair -> pair.change() == LinePair.Change.INSERTED).count();
        long deleted = aligned.stream().filter(pair -> pair.change() == LinePair.Change.DELETED).count();
        if (changed + inserted + deleted == 0) {
            return "The two values are equal.";
        }
        return changed + " changed, " + inserted + " inserted, " + deleted + " deleted lines";
    }

    /** Returns the header of a run's side: its label, and whether it lacks the key or its value's type. */
    public String header(int run) {
        DiffCell cell = row.cell(run);
        if (!cell.isPresent()) {
            return runLabels.get(run) + " (absent)";
        }
        return cell.type().isEmpty() ? runLabels.get(run) : runLabels.get(run) + " (" + cell.type() + ")";
    }

    public DiffRow row() {
        return row;
    }

    /** Column header of each run that can be chosen for either side. */
    public List<String> runLabels() {
        return runLabels;
    }

    /** Index in {@link #runLabels()} of the run on the left side. */
    public IntegerProperty leftRunProperty() {
        return leftRun;
    }

    /** Index in {@link #runLabels()} of the run on the right side. */
    public IntegerProperty rightRunProperty() {
        return rightRun;
    }

    /** Aligned lines of the two values, replaced as a whole after each change of run. */
    public ObservableList<LinePair> pairs() {
        return pairs;
    }

    /** Count of changed, inserted and deleted lines, for a label under the lines. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}

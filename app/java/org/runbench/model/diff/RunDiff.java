package org.runbench.model.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.runbench.model.ConfigurationItem;
import org.runbench.model.Hyperparameter;

/**
 * The hyperparameters and configuration items of several runs side by side, one {@link DiffRow} per key.
 *
 * <p>Rows are grouped by section. Hyperparameter sections come in the order they are first seen (runs in
 * the order given, keys in each run's order), then the configuration items in the section
 * {@link #CONFIGURATION_SECTION}. Within a section, keys keep the order they are first seen. When a run
 * reports the same key twice, its first value counts. Instances are immutable and thread-safe.
 */
public final class RunDiff {

    /** Section of the rows that compare configuration items. */
    public static final String CONFIGURATION_SECTION = "Configuration";

    private final List<String> runLabels;
    private final List<DiffRow> rows;

    private RunDiff(List<String> runLabels, List<DiffRow> rows) {
        this.runLabels = List.copyOf(runLabels);
        this.rows = List.copyOf(rows);
    }

    /** Compares {@code runs}; each row has one cell per run, in this order. */
    public static RunDiff compare(List<RunParameters> runs) {
        int runCount = runs.size();
        Map<String, Map<String, DiffCell[]>> hyperparameters = new LinkedHashMap<>();
        Map<String, DiffCell[]> configuration = new LinkedHashMap<>();

        for (int run = 0; run < runCount; run++) {
            RunParameters parameters = runs.get(run);
            for (Hyperparameter hyperparameter : parameters.hyperparameters()) {
                Map<String, DiffCell[]> section =
                        hyperparameters.computeIfAbsent(hyperparameter.section(), name -> new LinkedHashMap<>());
                put(section, hyperparameter.name(), run, runCount, DiffCell.of(hyperparameter.value(), hyperparameter.type()));
            }
            for (ConfigurationItem item : parameters.configuration()) {
                put(configuration, item.name(), run, runCount, DiffCell.of(item.value(), item.type()));
            }
        }

        List<DiffRow> rows = new ArrayList<>();
        hyperparameters.forEach((section, keys) -> keys.forEach((name, cells) ->
                rows.add(row(DiffRow.Kind.HYPERPARAMETER, section, name, cells))));
        configuration.forEach((name, cells) ->
                rows.add(row(DiffRow.Kind.CONFIGURATION, CONFIGURATION_SECTION, name, cells)));
        return new RunDiff(runs.stream().map(RunParameters::label).toList(), rows);
    }

    private static void put(Map<String, DiffCell[]> section, String name, int run, int runCount, DiffCell cell) {
        DiffCell[] cells = section.computeIfAbsent(name, key -> {
            DiffCell[] empty = new DiffCell[runCount];
            Arrays.fill(empty, DiffCell.ABSENT);
            return empty;
        });
        if (!cells[run].isPresent()) {
            cells[run] = cell;
        }
    }

    private static DiffRow row(DiffRow.Kind kind, String section, String name, DiffCell[] cells) {
        boolean missing = false;
        boolean isLong = false;
        Set<String> values = new HashSet<>();
        Set<String> knownTypes = new HashSet<>();
        for (DiffCell cell : cells) {
            if (!cell.isPresent()) {
                missing = true;
                continue;
            }
            values.add(cell.value());
            if (!cell.type().isEmpty()) {
                knownTypes.add(cell.type());
            }
            isLong |= cell.isLong();
        }

        // An empty type is unknown, so it cannot contradict a known type.
        boolean typesDiffer = knownTypes.size() > 1;
        boolean differs = missing || values.size() > 1 || typesDiffer;
        return new DiffRow(kind, section, name, List.of(cells), differs, typesDiffer, isLong);
    }

    /** Returns the column header of each run, in the order the runs were given. */
    public List<String> runLabels() {
        return runLabels;
    }

    /** Returns every row, grouped by section. */
    public List<DiffRow> rows() {
        return rows;
    }

    /** Returns the rows whose values differ, in the order of {@link #rows()}. */
    public List<DiffRow> differingRows() {
        return rows.stream().filter(DiffRow::differs).toList();
    }

    /** Returns the sections in row order, each once. */
    public List<String> sections() {
        return rows.stream().map(DiffRow::section).distinct().toList();
    }
}

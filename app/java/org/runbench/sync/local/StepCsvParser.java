package org.runbench.sync.local;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.SeriesKey;

/**
 * Reads a CSV file with a step column and numeric metric columns, such as YOLOv5's {@code results.csv}
 * or the file of Keras' {@code CSVLogger}.
 *
 * <p>The first column whose trimmed name is one of {@link #STEP_COLUMNS} (in any case) is the step.
 * Every other column becomes a series named with {@link SeriesKey#fromLoggedName}. Header names and
 * cells are trimmed. A cell may hold a decimal number, {@code nan}, {@code inf}, {@code -inf} or
 * {@code infinity} in any case. An empty cell, or Keras' {@code NA}, adds no point for that row and
 * column. Rows are kept in file order, so repeated or decreasing steps stay as written. The file is
 * read line by line, so memory grows with the number of points, not with the size of the text.
 */
final class StepCsvParser {

    /** Accepted names of the step column, in the order the error message lists them. */
    static final List<String> STEP_COLUMNS = List.of("step", "epoch", "iteration", "iter", "global_step");

    private static final Set<String> MISSING_CELLS = Set.of("", "NA");

    private StepCsvParser() {
    }

    static void parse(ResultFile file, LineReader lines, FileContent content) throws IOException {
        String header = lines.nextNonBlank();
        if (header == null) {
            throw Problems.emptyFile(file);
        }
        List<String> names = readHeader(file, lines.lineNumber(), header);
        int stepColumn = findStepColumn(file, lines.lineNumber(), names);
        List<PointSeriesBuilder> columns = createSeries(file, lines.lineNumber(), names, stepColumn, content);

        long rows = 0;
        String line;
        while ((line = lines.next()) != null) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = splitRow(file, lines.lineNumber(), line, names.size());
            long step = readStep(file, lines.lineNumber(), names.get(stepColumn), cells.get(stepColumn));
            for (int column = 0; column < cells.size(); column++) {
                if (column == stepColumn) {
                    continue;
                }
                String cell = cells.get(column).trim();
                if (MISSING_CELLS.contains(cell)) {
                    continue;
                }
                columns.get(column).add(step, readValue(file, lines.lineNumber(), names.get(column), cell),
                        PointSeries.NO_TIMESTAMP);
            }
            content.lastIteration = step;
            rows++;
        }
        if (rows == 0) {
            throw Problems.noDataRows(file);
        }
    }

    private static List<String> readHeader(ResultFile file, long lineNumber, String header) throws ImportException {
        List<String> names = new ArrayList<>();
        for (String cell : splitRow(file, lineNumber, header, -1)) {
            names.add(cell.trim());
        }
        for (String name : names) {
            if (name.isEmpty()) {
                throw new ImportException(file.displayPath(), lineNumber, null,
                        "the header has an empty column name",
                        "Give every column a name in the first line, then import again.");
            }
        }
        return names;
    }

    private static int findStepColumn(ResultFile file, long lineNumber, List<String> names) throws ImportException {
        for (int column = 0; column < names.size(); column++) {
            if (STEP_COLUMNS.contains(names.get(column).toLowerCase(Locale.ROOT))) {
                return column;
            }
        }
        throw new ImportException(file.displayPath(), lineNumber, null,
                "the header has no step column (accepted names: " + String.join(", ", STEP_COLUMNS) + ")",
                "Rename the column that counts steps or epochs to one of these names, then import again.");
    }

    private static List<PointSeriesBuilder> createSeries(ResultFile file, long lineNumber, List<String> names,
                                                         int stepColumn, FileContent content) throws ImportException {
        Map<SeriesKey, String> seen = new HashMap<>();
        List<PointSeriesBuilder> columns = new ArrayList<>();
        for (int column = 0; column < names.size(); column++) {
            if (column == stepColumn) {
                columns.add(null);
                continue;
            }
            SeriesKey key = SeriesKey.fromLoggedName(names.get(column));
            String earlier = seen.putIfAbsent(key, names.get(column));
            if (earlier != null) {
                throw new ImportException(file.displayPath(), lineNumber, names.get(column),
                        "the column name appears twice in the header",
                        "Rename or remove one of the two columns, then import again.");
            }
            columns.add(content.series(key));
        }
        return columns;
    }

    private static List<String> splitRow(ResultFile file, long lineNumber, String line, int expectedCells)
            throws ImportException {
        List<String> cells;
        try {
            cells = CsvCells.split(line);
        } catch (IllegalArgumentException unclosedQuote) {
            throw new ImportException(file.displayPath(), lineNumber, null, "a quoted cell is not closed",
                    "Add the missing quote, then import again.");
        }
        if (expectedCells >= 0 && cells.size() != expectedCells) {
            throw new ImportException(file.displayPath(), lineNumber, null,
                    "the row has " + cells.size() + " cells but the header has " + expectedCells + " columns",
                    "Fix the row (a file cut off while training wrote it ends with a short row), then import again.");
        }
        return cells;
    }

    private static long readStep(ResultFile file, long lineNumber, String column, String cell) throws ImportException {
        String text = cell.trim();
        try {
            return NumberText.parseStep(text);
        } catch (NumberFormatException e) {
            throw new ImportException(file.displayPath(), lineNumber, column,
                    "\"" + text + "\" is not a whole number, so it cannot be a step",
                    "Fix or remove the row, then import again.");
        }
    }

    private static double readValue(ResultFile file, long lineNumber, String column, String text) throws ImportException {
        try {
            return NumberText.parseDouble(text);
        } catch (NumberFormatException e) {
            throw Problems.notANumber(file, lineNumber, column, text);
        }
    }
}

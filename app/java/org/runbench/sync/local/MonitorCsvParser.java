package org.runbench.sync.local;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.runbench.model.ConfigurationItem;
import org.runbench.model.Hyperparameter;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.SeriesKey;

/**
 * Reads a Stable-Baselines3 {@code monitor.csv}: a first line {@code #} followed by a JSON object with
 * {@code t_start} (Unix time in seconds), a header with the columns {@code r}, {@code l} and {@code t},
 * then one row per finished episode.
 *
 * <p>The step of an episode is the cumulative sum of {@code l}, the environment steps at the end of the
 * episode. Its timestamp is {@code round((t_start + t) * 1000)} epoch milliseconds. The series are
 * {@link #RETURN} (metric {@code episode}, variant {@code return}) from {@code r} and {@link #LENGTH}
 * (variant {@code length}) from {@code l}. Any further column, such as an info keyword, becomes the
 * series {@code episode/<column>} and must be numeric. The fields of the JSON header become
 * hyperparameters in the section {@code monitor}.
 */
final class MonitorCsvParser {

    static final SeriesKey RETURN = new SeriesKey("episode", "return");
    static final SeriesKey LENGTH = new SeriesKey("episode", "length");

    private MonitorCsvParser() {
    }

    /** Holds the fields of the JSON header line that the parser and the hyperparameter lookup use. */
    record Header(double startSeconds, String envId) {
    }

    static Header parse(ResultFile file, LineReader lines, FileContent content) throws IOException {
        String first = lines.nextNonBlank();
        if (first == null) {
            throw Problems.emptyFile(file);
        }
        Header header = readJsonHeader(file, lines.lineNumber(), first, content);

        String columnLine = lines.nextNonBlank();
        if (columnLine == null) {
            throw Problems.noDataRows(file);
        }
        List<String> names = new ArrayList<>();
        for (String cell : CsvCells.split(columnLine)) {
            names.add(cell.trim());
        }
        int returnColumn = requireColumn(file, lines.lineNumber(), names, "r");
        int lengthColumn = requireColumn(file, lines.lineNumber(), names, "l");
        int timeColumn = requireColumn(file, lines.lineNumber(), names, "t");

        List<PointSeriesBuilder> extraColumns = new ArrayList<>();
        PointSeriesBuilder returns = content.series(RETURN);
        PointSeriesBuilder lengths = content.series(LENGTH);
        for (int column = 0; column < names.size(); column++) {
            boolean known = column == returnColumn || column == lengthColumn || column == timeColumn;
            extraColumns.add(known ? null : content.series(new SeriesKey("episode", names.get(column))));
        }

        long steps = 0;
        long episodes = 0;
        double lastTime = Double.NaN;
        String line;
        while ((line = lines.next()) != null) {
            if (line.isBlank()) {
                continue;
            }
            long lineNumber = lines.lineNumber();
            List<String> cells = CsvCells.split(line);
            if (cells.size() != names.size()) {
                throw new ImportException(file.displayPath(), lineNumber, null,
                        "the row has " + cells.size() + " cells but the header has " + names.size() + " columns",
                        "Fix the row (a file cut off while training wrote it ends with a short row), then import again.");
            }
            double episodeReturn = number(file, lineNumber, "r", cells.get(returnColumn));
            long length = wholeNumber(file, lineNumber, "l", cells.get(lengthColumn));
            double time = number(file, lineNumber, "t", cells.get(timeColumn));

            steps += length;
            long timestamp = Math.round((header.startSeconds() + time) * 1000);
            returns.add(steps, episodeReturn, timestamp);
            lengths.add(steps, length, timestamp);
            for (int column = 0; column < cells.size(); column++) {
                PointSeriesBuilder extra = extraColumns.get(column);
                String cell = cells.get(column).trim();
                if (extra != null && !cell.isEmpty()) {
                    extra.add(steps, number(file, lineNumber, names.get(column), cell), timestamp);
                }
            }
            lastTime = time;
            episodes++;
        }
        if (episodes == 0) {
            throw Problems.noDataRows(file);
        }
        content.lastIteration = steps;
        content.started = toInstant(header.startSeconds());
        content.completed = toInstant(header.startSeconds() + lastTime);
        return header;
    }

    private static Header readJsonHeader(ResultFile file, long lineNumber, String line, FileContent content)
            throws ImportException {
        List<Hyperparameter> fields = new ArrayList<>();
        if (line.startsWith("#")) {
            try (JsonParser parser = JsonValues.MAPPER.createParser(line.substring(1))) {
                if (parser.nextToken() == JsonToken.START_OBJECT) {
                    JsonValues.addFields(parser, "monitor", fields);
                }
            } catch (IOException e) {
                fields.clear();
            }
        }
        Hyperparameter start = fields.stream().filter(field -> field.name().equals("t_start")).findFirst().orElse(null);
        if (start == null || !(start.type().equals("float") || start.type().equals("int"))) {
            throw new ImportException(file.displayPath(), lineNumber, null,
                    "the first line is not a Stable-Baselines3 monitor header such as #{\"t_start\": 1614619328.3}",
                    "Import the monitor.csv file exactly as Stable-Baselines3 wrote it.");
        }
        String envId = fields.stream().filter(field -> field.name().equals("env_id")).map(Hyperparameter::value)
                .findFirst().orElse("");
        content.hyperparameters.addAll(fields);
        content.configuration.add(new ConfigurationItem("monitor header", "json", line.substring(1)));
        return new Header(NumberText.parseDouble(start.value()), envId);
    }

    private static int requireColumn(ResultFile file, long lineNumber, List<String> names, String name)
            throws ImportException {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new ImportException(file.displayPath(), lineNumber, null,
                    "the header has no column \"" + name + "\" (a monitor file needs r, l and t)",
                    "Import the monitor.csv file exactly as Stable-Baselines3 wrote it.");
        }
        return index;
    }

    private static double number(ResultFile file, long lineNumber, String column, String cell) throws ImportException {
        String text = cell.trim();
        try {
            return NumberText.parseDouble(text);
        } catch (NumberFormatException e) {
            throw Problems.notANumber(file, lineNumber, column, text);
        }
    }

    private static long wholeNumber(ResultFile file, long lineNumber, String column, String cell) throws ImportException {
        String text = cell.trim();
        try {
            return NumberText.parseStep(text);
        } catch (NumberFormatException e) {
            throw new ImportException(file.displayPath(), lineNumber, column,
                    "\"" + text + "\" is not a whole number of steps", "Fix or remove the row, then import again.");
        }
    }

    private static Instant toInstant(double epochSeconds) {
        return Instant.ofEpochMilli(Math.round(epochSeconds * 1000));
    }
}

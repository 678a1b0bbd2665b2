package org.runbench.sync.local;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.runbench.model.PointSeries;
import org.runbench.model.SeriesKey;

/**
 * Reads a JSON lines file: one JSON object per line, blank lines skipped. Two shapes are accepted, and
 * they may be mixed:
 * <ul>
 *   <li>several metrics at one step: {@code {"step": 10, "loss": 0.5, "acc": 0.9, "timestamp": 1700000000.5}}.
 *       Every numeric key other than the step and the timestamp becomes a series. Keys with text,
 *       boolean, null, list or object values are skipped.</li>
 *   <li>one metric per line: {@code {"metric": "train/loss", "step": 1, "value": 0.5}}, recognised by the
 *       keys {@code metric} (text) and {@code value} (a number).</li>
 * </ul>
 * The step is the first key, in the order of {@link StepCsvParser#STEP_COLUMNS}, that the object has
 * (names compared in any case). The optional {@code timestamp} or {@code wall_time} is Unix time in
 * seconds and becomes epoch milliseconds. Without it a point has {@link PointSeries#NO_TIMESTAMP}.
 * Numbers are kept as written ({@code NaN}, {@code Infinity} and {@code -Infinity} included), series are
 * named with {@link SeriesKey#fromLoggedName}, and points stay in file order.
 */
final class JsonLinesParser {

    private static final List<String> TIMESTAMP_KEYS = List.of("timestamp", "wall_time");

    private JsonLinesParser() {
    }

    /** Holds one key of a line with its token and text. */
    private record Field(String name, JsonToken token, String text) {
    }

    static void parse(ResultFile file, LineReader lines, FileContent content) throws IOException {
        List<Field> fields = new ArrayList<>();
        long records = 0;
        String line;
        while ((line = lines.next()) != null) {
            if (line.isBlank()) {
                continue;
            }
            readFields(file, lines.lineNumber(), line, fields);
            Field stepField = stepField(fields);
            long step = readStep(file, lines.lineNumber(), stepField);
            long timestamp = readTimestamp(file, lines.lineNumber(), fields);
            Field metric = find(fields, "metric");
            Field value = find(fields, "value");
            if (metric != null && metric.token() == JsonToken.VALUE_STRING && value != null) {
                addMetricLine(file, lines.lineNumber(), metric, value, step, timestamp, content);
            } else {
                addWideLine(fields, stepField, step, timestamp, content);
            }
            content.lastIteration = step;
            records++;
        }
        if (records == 0) {
            throw Problems.emptyFile(file);
        }
    }

    private static void readFields(ResultFile file, long lineNumber, String line, List<Field> fields)
            throws IOException {
        fields.clear();
        try (JsonParser parser = JsonValues.MAPPER.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ImportException(file.displayPath(), lineNumber, null, "the line is not a JSON object",
                        "Write one JSON object per line, such as {\"step\": 1, \"loss\": 0.5}, then import again.");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (token.isScalarValue()) {
                    fields.add(new Field(name, token, parser.getText()));
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new ImportException(file.displayPath(), lineNumber, null,
                        "the line has more text after its JSON object",
                        "Write one JSON object per line, then import again.");
            }
        } catch (JsonProcessingException e) {
            long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new ImportException(file.displayPath(), lineNumber, null,
                    "the JSON is not valid at character " + column + " (" + Problems.firstLine(e.getOriginalMessage()) + ")",
                    "Fix the line or remove it (a file cut off while training wrote it ends with a partial line), then import again.",
                    e);
        }
    }

    private static Field stepField(List<Field> fields) {
        for (String stepName : StepCsvParser.STEP_COLUMNS) {
            for (Field field : fields) {
                if (field.name().toLowerCase(Locale.ROOT).equals(stepName)) {
                    return field;
                }
            }
        }
        return null;
    }

    private static long readStep(ResultFile file, long lineNumber, Field stepField) throws ImportException {
        if (stepField == null) {
            throw new ImportException(file.displayPath(), lineNumber, null,
                    "the line has no step key (accepted names: " + String.join(", ", StepCsvParser.STEP_COLUMNS) + ")",
                    "Add the step to every line, then import again.");
        }
        return parseStep(file, lineNumber, stepField);
    }

    private static long parseStep(ResultFile file, long lineNumber, Field field) throws ImportException {
        try {
            if (field.token().isNumeric()) {
                return NumberText.parseStep(field.text());
            }
        } catch (NumberFormatException e) {
            // Reported below with the same message as a step that is not a number at all.
        }
        throw new ImportException(file.displayPath(), lineNumber, field.name(),
                "\"" + field.text() + "\" is not a whole number, so it cannot be a step",
                "Fix or remove the line, then import again.");
    }

    private static long readTimestamp(ResultFile file, long lineNumber, List<Field> fields) throws ImportException {
        for (Field field : fields) {
            if (TIMESTAMP_KEYS.contains(field.name())) {
                if (!field.token().isNumeric()) {
                    throw new ImportException(file.displayPath(), lineNumber, field.name(),
                            "\"" + field.text() + "\" is not a Unix time in seconds",
                            "Write the time as a number of seconds since 1970, or remove it, then import again.");
                }
                return Math.round(NumberText.parseDouble(field.text()) * 1000);
            }
        }
        return PointSeries.NO_TIMESTAMP;
    }

    private static void addMetricLine(ResultFile file, long lineNumber, Field metric, Field value, long step,
                                      long timestamp, FileContent content) throws ImportException {
        if (!value.token().isNumeric()) {
            throw Problems.notANumber(file, lineNumber, "value", value.text());
        }
        content.series(SeriesKey.fromLoggedName(metric.text()))
                .add(step, NumberText.parseDouble(value.text()), timestamp);
    }

    private static void addWideLine(List<Field> fields, Field stepField, long step, long timestamp,
                                    FileContent content) {
        for (Field field : fields) {
            if (field == stepField || TIMESTAMP_KEYS.contains(field.name()) || !field.token().isNumeric()) {
                continue;
            }
            content.series(SeriesKey.fromLoggedName(field.name()))
                    .add(step, NumberText.parseDouble(field.text()), timestamp);
        }
    }

    private static Field find(List<Field> fields, String name) {
        for (Field field : fields) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        return null;
    }
}

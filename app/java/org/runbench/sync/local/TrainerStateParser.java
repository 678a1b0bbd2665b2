package org.runbench.sync.local;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.runbench.model.Hyperparameter;
import org.runbench.model.PointSeries;
import org.runbench.model.Run;
import org.runbench.model.RunStatus;
import org.runbench.model.SeriesKey;

/**
 * Reads a Hugging Face Trainer {@code trainer_state.json}.
 *
 * <p>Each record of {@code log_history} adds one point at its {@code step} to the series of each of its
 * other numeric keys, {@code epoch} included. Training records ({@code loss}, {@code learning_rate}),
 * evaluation records ({@code eval_*}) and the final summary ({@code train_runtime}, {@code total_flos})
 * all share that rule, so a summary value is a single point at the last step. Series are named with
 * {@link SeriesKey#fromLoggedName}, so {@code eval_loss} is both metric and variant. Keys with text,
 * boolean or null values are skipped. The file has no timestamps, so every point has
 * {@link PointSeries#NO_TIMESTAMP}. The other top-level fields become hyperparameters in the section
 * {@link #SECTION}. When {@code global_step} is below {@code max_steps} the run's status is unknown,
 * because the file may be a checkpoint of a run that is still going.
 */
final class TrainerStateParser {

    static final String SECTION = "trainer_state";

    private TrainerStateParser() {
    }

    /** Holds one numeric key of a log record. */
    private record Entry(String name, double value) {
    }

    /** Parses the document read from {@code text}; the caller closes the reader. */
    static void parse(ResultFile file, Reader text, FileContent content) throws IOException {
        boolean sawHistory = false;
        try (JsonParser parser = JsonValues.MAPPER.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw Problems.emptyFile(file);
            }
            if (first != JsonToken.START_OBJECT) {
                throw notTrainerState(file, parser.currentLocation().getLineNr());
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("log_history") && parser.currentToken() == JsonToken.START_ARRAY) {
                    readHistory(file, parser, content);
                    sawHistory = true;
                } else {
                    JsonValues.addValue(parser, SECTION, field, content.hyperparameters);
                }
            }
        } catch (JsonProcessingException e) {
            throw Problems.invalidJson(file, e);
        }
        if (!sawHistory) {
            throw notTrainerState(file, ImportException.NO_LINE);
        }
        if (content.lastIteration == Run.NO_ITERATION) {
            throw new ImportException(file.displayPath(), ImportException.NO_LINE, null,
                    "log_history has no records", "Import it again after the Trainer has logged at least once.");
        }
        markUnfinished(content);
    }

    private static void readHistory(ResultFile file, JsonParser parser, FileContent content) throws IOException {
        List<Entry> entries = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            long recordLine = parser.currentLocation().getLineNr();
            if (token != JsonToken.START_OBJECT) {
                throw new ImportException(file.displayPath(), recordLine, null,
                        "a log_history entry is not a JSON object",
                        "Import the trainer_state.json file exactly as the Trainer wrote it.");
            }
            entries.clear();
            String stepText = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (key.equals("step") && value.isNumeric()) {
                    stepText = parser.getText();
                } else if (value.isNumeric()) {
                    entries.add(new Entry(key, NumberText.parseDouble(parser.getText())));
                } else {
                    parser.skipChildren();
                }
            }
            long step = readStep(file, recordLine, stepText);
            for (Entry entry : entries) {
                content.series(SeriesKey.fromLoggedName(entry.name())).add(step, entry.value(), PointSeries.NO_TIMESTAMP);
            }
            content.lastIteration = step;
        }
    }

    private static long readStep(ResultFile file, long recordLine, String stepText) throws ImportException {
        if (stepText == null) {
            throw new ImportException(file.displayPath(), recordLine, null,
                    "the log_history record that starts here has no numeric \"step\"",
                    "Add the step to the record or remove the record, then import again.");
        }
        try {
            return NumberText.parseStep(stepText);
        } catch (NumberFormatException e) {
            throw new ImportException(file.displayPath(), recordLine, null,
                    "the step " + stepText + " of the record that starts here is not a whole number",
                    "Fix the step of the record, then import again.");
        }
    }

    private static void markUnfinished(FileContent content) {
        String globalStep = fieldValue(content, "global_step");
        String maxSteps = fieldValue(content, "max_steps");
        if (globalStep == null || maxSteps == null) {
            return;
        }
        try {
            if (Long.parseLong(globalStep) < Long.parseLong(maxSteps)) {
                content.status = RunStatus.UNKNOWN;
                content.statusReason = "global_step " + globalStep + " of max_steps " + maxSteps
                        + ": a checkpoint of a run that stopped or is still training";
            }
        } catch (NumberFormatException notIntegers) {
            // Leave the status as it is: the Trainer writes both fields as integers.
        }
    }

    private static String fieldValue(FileContent content, String name) {
        for (Hyperparameter field : content.hyperparameters) {
            if (field.section().equals(SECTION) && field.name().equals(name)) {
                return field.value();
            }
        }
        return null;
    }

    private static ImportException notTrainerState(ResultFile file, long line) {
        return new ImportException(file.displayPath(), line, null,
                "the file is not a Trainer state: it needs a JSON object with a log_history list",
                "Import the trainer_state.json file that the Hugging Face Trainer wrote.");
    }
}

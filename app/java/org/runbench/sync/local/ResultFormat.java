package org.runbench.sync.local;

import java.io.IOException;
import java.util.Locale;

/** Supported formats of results files, detected from the file name and the first line. */
enum ResultFormat {
    STEP_CSV, MONITOR_CSV, TRAINER_STATE, JSON_LINES;

    /**
     * Returns whether a folder search takes {@code fileName} as a results file: CSV files, JSON lines
     * files ({@code .jsonl}, {@code .ndjson}) and {@code trainer_state.json}. Other files, such as
     * {@code opt.yaml}, are read only as hyperparameters of a results file beside them.
     */
    static boolean isResultsFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")
                || lower.equals("trainer_state.json");
    }

    /**
     * Chooses the format of a file from its name and, when the name does not settle it, its first line:
     * {@code #} starts a monitor header, a line that is a whole JSON object starts JSON lines, a lone
     * {@code {} starts a JSON document (the Trainer state), and anything else is a CSV header.
     *
     * @param lines the file, positioned at its start. The first line is pushed back after the look
     * @return the format, or null when the file has no non-blank line
     */
    static ResultFormat detect(String fileName, LineReader lines) throws IOException {
        if (fileName.equalsIgnoreCase("trainer_state.json")) {
            return TRAINER_STATE;
        }
        String first = lines.nextNonBlank();
        if (first == null) {
            return null;
        }
        lines.pushBack(first);
        String trimmed = first.strip();
        if (trimmed.startsWith("#")) {
            return MONITOR_CSV;
        }
        if (trimmed.startsWith("{")) {
            return trimmed.endsWith("}") ? JSON_LINES : TRAINER_STATE;
        }
        return STEP_CSV;
    }
}

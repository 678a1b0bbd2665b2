package org.runbench.sync.local;

/** Import errors that several formats share, so their wording stays the same. */
final class Problems {

    private Problems() {
    }

    static ImportException emptyFile(ResultFile file) {
        return new ImportException(file.displayPath(), ImportException.NO_LINE, null, "the file is empty",
                "Choose a results file that training has written to, then import again.");
    }

    static ImportException noDataRows(ResultFile file) {
        return new ImportException(file.displayPath(), ImportException.NO_LINE, null,
                "the file has a header but no data rows",
                "Import it again after training has written at least one row.");
    }

    static ImportException notANumber(ResultFile file, long lineNumber, String column, String text) {
        return new ImportException(file.displayPath(), lineNumber, column, "\"" + text + "\" is not a number",
                "Fix or remove the cell, then import again.");
    }

    static ImportException invalidJson(ResultFile file, com.fasterxml.jackson.core.JsonProcessingException e) {
        long line = e.getLocation() == null ? ImportException.NO_LINE : e.getLocation().getLineNr();
        return new ImportException(file.displayPath(), Math.max(line, ImportException.NO_LINE), null,
                "the JSON is not valid (" + firstLine(e.getOriginalMessage()) + ")",
                "Fix the JSON, or import a complete copy of the file, then import again.", e);
    }

    /** Returns the first line of a library message, which is enough to locate the problem. */
    static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

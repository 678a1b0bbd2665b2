package org.runbench.sync.local;

import java.io.IOException;

/**
 * A results file that cannot be imported, with the place of the problem.
 *
 * <p>The message has the form {@code FILE line N, column "C": PROBLEM. NEXT STEP}, where the line and
 * column parts are left out when the problem is not tied to them. Lines are counted from 1.
 */
public final class ImportException extends IOException {

    /** Line number of a problem that concerns the whole file. */
    public static final long NO_LINE = 0;

    private final String file;
    private final long line;
    private final String column;

    /**
     * Creates an exception for a problem in {@code file}.
     *
     * @param file     the file as the user knows it: its path, or the resource name of a bundled sample
     * @param line     line number counted from 1, or {@link #NO_LINE}
     * @param column   column name, or null when the problem is not in one column
     * @param problem  what is wrong, as a plain sentence without the final period
     * @param nextStep what the user should do, as a full sentence
     */
    public ImportException(String file, long line, String column, String problem, String nextStep) {
        this(file, line, column, problem, nextStep, null);
    }

    /** Same as {@link #ImportException(String, long, String, String, String)}, keeping the cause for the log. */
    public ImportException(String file, long line, String column, String problem, String nextStep, Throwable cause) {
        super(format(file, line, column, problem, nextStep), cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static String format(String file, long line, String column, String problem, String nextStep) {
        StringBuilder text = new StringBuilder(file);
        if (line != NO_LINE) {
            text.append(" line ").append(line);
        }
        if (column != null) {
            text.append(line != NO_LINE ? ", " : " ").append("column \"").append(column).append('"');
        }
        return text.append(": ").append(problem).append(". ").append(nextStep).toString();
    }

    /** Returns the file as it appears in the message. */
    public String file() {
        return file;
    }

    /** Returns the line number counted from 1, or {@link #NO_LINE}. */
    public long line() {
        return line;
    }

    /** Returns the column name, or null when the problem is not in one column. */
    public String column() {
        return column;
    }
}

package org.runbench.sync.local;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/** Reads a UTF-8 text file line by line, counting lines from 1 and dropping a leading byte order mark. */
final class LineReader implements Closeable {

    private final BufferedReader reader;
    private long lineNumber;
    private String pushedBack;

    LineReader(InputStream stream) {
        this.reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Returns the next line without its line break, or null at the end of the file. */
    String next() throws IOException {
        if (pushedBack != null) {
            String line = pushedBack;
            pushedBack = null;
            lineNumber++;
            return line;
        }
        String line = reader.readLine();
        if (line == null) {
            return null;
        }
        lineNumber++;
        if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1);
        }
        return line;
    }

    /** Returns the next line that is not blank, or null at the end of the file. */
    String nextNonBlank() throws IOException {
        String line = next();
        while (line != null && line.isBlank()) {
            line = next();
        }
        return line;
    }

    /** Makes the next call of {@link #next()} return {@code line} again; only one line can be pushed back. */
    void pushBack(String line) {
        pushedBack = line;
        lineNumber--;
    }

    /**
     * Returns the rest of the file as one reader, starting with a pushed-back line. The line count
     * stops there, so callers count lines themselves.
     */
    Reader rest() throws IOException {
        if (pushedBack == null) {
            return reader;
        }
        String head = pushedBack + "\n";
        pushedBack = null;
        PushbackReader replay = new PushbackReader(reader, head.length());
        replay.unread(head.toCharArray());
        return replay;
    }

    /** Returns the number of the line returned last, counted from 1. */
    long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}

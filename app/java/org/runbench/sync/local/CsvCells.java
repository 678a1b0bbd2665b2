package org.runbench.sync.local;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into cells. Cells may be quoted with {@code "} (a doubled quote inside stands
 * for one quote). A quoted cell cannot span lines, which no supported results format writes.
 */
final class CsvCells {

    private CsvCells() {
    }

    /**
     * Splits {@code line} at commas outside quotes.
     *
     * @throws IllegalArgumentException when a quote is not closed
     */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        if (line.indexOf('"') < 0) {
            int start = 0;
            int comma;
            while ((comma = line.indexOf(',', start)) >= 0) {
                cells.add(line.substring(start, comma));
                start = comma + 1;
            }
            cells.add(line.substring(start));
            return cells;
        }
        return splitQuoted(line, cells);
    }

    private static List<String> splitQuoted(String line, List<String> cells) {
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted cell is not closed");
        }
        cells.add(cell.toString());
        return cells;
    }
}

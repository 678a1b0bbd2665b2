package org.runbench.sync.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.model.PointSeries;
import org.runbench.model.SeriesKey;

/** Generated CSV files far larger than the real ones, read line by line. */
class LargeCsvTest {

    private static final int METRIC_COLUMNS = 8;

    @TempDir
    Path folder;

    private final LocalRunReader reader = new LocalRunReader();

    /** Writes rows until the file reaches {@code minimumBytes}, and returns the number of rows. */
    private static int writeCsv(Path file, long minimumBytes) throws IOException {
        int rows = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(file)) {
            StringBuilder header = new StringBuilder("global_step");
            for (int column = 0; column < METRIC_COLUMNS; column++) {
                header.append(",train/metric_").append(column);
            }
            writer.write(header.append('\n').toString());
            long written = header.length();
            StringBuilder row = new StringBuilder();
            while (written < minimumBytes) {
                row.setLength(0);
                row.append(rows);
                for (int column = 0; column < METRIC_COLUMNS; column++) {
                    row.append(',').append(value(rows, column));
                }
                row.append('\n');
                writer.write(row.toString());
                written += row.length();
                rows++;
            }
        }
        return rows;
    }

    private static double value(int row, int column) {
        return row * 0.001 + column / 7.0;
    }

    private void assertImported(Path file, int rows) throws IOException {
        ParsedRun run = reader.read(List.of(file)).get(0);

        assertThat(run.series()).hasSize(METRIC_COLUMNS);
        for (int column = 0; column < METRIC_COLUMNS; column++) {
            PointSeries series = run.series().get(new SeriesKey("train", "metric_" + column));
            assertThat(series.size()).isEqualTo(rows);
            for (int row : new int[] {0, rows / 2, rows - 1}) {
                assertThat(series.iteration(row)).isEqualTo(row);
                assertThat(series.value(row)).isEqualTo(Double.parseDouble(Double.toString(value(row, column))));
            }
        }
        assertThat(run.run().lastIteration()).isEqualTo(rows - 1);
    }

    @Test
    void tenMegabyteCsvImportsEveryRow() throws IOException {
        Path file = folder.resolve("big/results.csv");
        Files.createDirectories(file.getParent());
        int rows = writeCsv(file, 10L << 20);

        assertImported(file, rows);
    }

    @Test
    @Tag("benchmark")
    void hundredMegabyteCsvImportsEveryRow() throws IOException {
        Path file = folder.resolve("huge/results.csv");
        Files.createDirectories(file.getParent());
        int rows = writeCsv(file, 100L << 20);

        long start = System.nanoTime();
        assertImported(file, rows);
        org.slf4j.LoggerFactory.getLogger(LargeCsvTest.class).info("Imported {} MB, {} rows in {} ms",
                Files.size(file) >> 20, rows, (System.nanoTime() - start) / 1_000_000);
    }
}

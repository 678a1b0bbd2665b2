package org.runbench.sync.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.model.PointSeries;
import org.runbench.model.SeriesKey;

/** JSON lines files in both accepted shapes, and their errors. */
class JsonLinesTest {

    @TempDir
    Path folder;

    private final LocalRunReader reader = new LocalRunReader();

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void wideLinesGiveOneSeriesPerKey() throws IOException {
        Path file = write("run/metrics.jsonl", "{\"step\": 10, \"loss\": 0.5, \"acc\": 0.9, \"timestamp\": 1700000000.5}\n"
                + "\n{\"step\": 20, \"loss\": NaN, \"phase\": \"train\", \"timestamp\": 1700000001.25}\n");

        ParsedRun run = reader.read(List.of(file)).get(0);
        PointSeries loss = run.series().get(new SeriesKey("loss", "loss"));

        assertThat(run.series().keySet()).containsExactly(new SeriesKey("loss", "loss"), new SeriesKey("acc", "acc"));
        assertThat(loss.size()).isEqualTo(2);
        assertThat(loss.iteration(0)).isEqualTo(10);
        assertThat(loss.value(0)).isEqualTo(0.5);
        assertThat(loss.timestamp(0)).isEqualTo(1_700_000_000_500L);
        assertThat(loss.value(1)).isNaN();
        assertThat(loss.timestamp(1)).isEqualTo(1_700_000_001_250L);
        assertThat(run.run().lastIteration()).isEqualTo(20);
        assertThat(run.name()).isEqualTo("run/metrics.jsonl");
    }

    @Test
    void metricLinesSplitNameAtLastSlash() throws IOException {
        Path file = write("run/scalars.ndjson", "{\"metric\": \"train/loss\", \"step\": 1, \"value\": 0.5}\n"
                + "{\"metric\": \"eval/top-1/acc\", \"iteration\": 1, \"value\": 0.25}\n"
                + "{\"metric\": \"train/loss\", \"step\": 2, \"value\": -Infinity}\n");

        ParsedRun run = reader.read(List.of(file)).get(0);
        PointSeries loss = run.series().get(new SeriesKey("train", "loss"));

        assertThat(run.series().keySet()).containsExactly(new SeriesKey("train", "loss"), new SeriesKey("eval/top-1", "acc"));
        assertThat(loss.size()).isEqualTo(2);
        assertThat(loss.value(1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(loss.timestamp(0)).isEqualTo(PointSeries.NO_TIMESTAMP);
    }

    @Test
    void lineWithoutStepIsRejected() throws IOException {
        Path file = write("run/metrics.jsonl", "{\"step\": 1, \"loss\": 0.5}\n{\"loss\": 0.4}\n");

        ImportException error = (ImportException) catchThrowable(() -> reader.read(List.of(file)));

        assertThat(error.getMessage()).isEqualTo(file + " line 2: the line has no step key (accepted names: step, "
                + "epoch, iteration, iter, global_step). Add the step to every line, then import again.");
    }

    @Test
    void cutOffLineIsRejected() throws IOException {
        Path file = write("run/metrics.jsonl", "{\"step\": 1, \"loss\": 0.5}\n{\"step\": 2, \"lo");

        ImportException error = (ImportException) catchThrowable(() -> reader.read(List.of(file)));

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.getMessage()).startsWith(file + " line 2: the JSON is not valid at character ")
                .endsWith("Fix the line or remove it (a file cut off while training wrote it ends with a partial line), "
                        + "then import again.");
    }

    @Test
    void textValueOfMetricLineIsRejected() throws IOException {
        Path file = write("run/metrics.jsonl", "{\"metric\": \"loss\", \"step\": 1, \"value\": \"high\"}\n");

        ImportException error = (ImportException) catchThrowable(() -> reader.read(List.of(file)));

        assertThat(error.getMessage()).isEqualTo(file + " line 1, column \"value\": \"high\" is not a number. "
                + "Fix or remove the cell, then import again.");
    }
}

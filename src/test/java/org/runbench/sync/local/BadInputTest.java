package org.runbench.sync.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.model.PointSeries;
import org.runbench.model.SeriesKey;

/** Files that are broken or unusual: each imports correctly or fails with a message naming the place. */
class BadInputTest {

    @TempDir
    Path folder;

    private final LocalRunReader reader = new LocalRunReader();

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private ImportException importFailure(Path file) {
        return (ImportException) org.assertj.core.api.Assertions.catchThrowable(() -> reader.read(List.of(file)));
    }

    @Test
    void csvWithoutStepColumnNamesAcceptedNames() throws IOException {
        Path file = write("run/results.csv", "time,loss\n1,0.5\n");

        ImportException error = importFailure(file);

        assertThat(error.getMessage()).isEqualTo(file + " line 1: the header has no step column "
                + "(accepted names: step, epoch, iteration, iter, global_step). Rename the column that counts "
                + "steps or epochs to one of these names, then import again.");
        assertThat(error.line()).isEqualTo(1);
        assertThat(error.column()).isNull();
    }

    @Test
    void nonNumericCellNamesLineAndColumn() throws IOException {
        Path file = write("run/results.csv", "epoch, metrics/mAP_0.5\n0, 0.1\n1, 0.2\n2, 0.3\n3, 0.4\n4, 0.5\n5, abc\n");

        ImportException error = importFailure(file);

        assertThat(error.getMessage()).isEqualTo(file + " line 7, column \"metrics/mAP_0.5\": \"abc\" is not a number. "
                + "Fix or remove the cell, then import again.");
        assertThat(error.file()).isEqualTo(file.toString());
        assertThat(error.line()).isEqualTo(7);
        assertThat(error.column()).isEqualTo("metrics/mAP_0.5");
    }

    @Test
    void nonWholeStepIsRejected() throws IOException {
        Path file = write("run/log.csv", "step,loss\n1.5,0.2\n");

        assertThat(importFailure(file).getMessage()).isEqualTo(file + " line 2, column \"step\": \"1.5\" is not a "
                + "whole number, so it cannot be a step. Fix or remove the row, then import again.");
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Path file = write("run/results.csv", "");

        assertThat(importFailure(file).getMessage()).isEqualTo(file + ": the file is empty. "
                + "Choose a results file that training has written to, then import again.");
    }

    @Test
    void headerOnlyFileIsRejected() throws IOException {
        Path file = write("run/results.csv", "epoch,loss\n\n");

        ImportException error = importFailure(file);

        assertThat(error.getMessage()).isEqualTo(file + ": the file has a header but no data rows. "
                + "Import it again after training has written at least one row.");
        assertThat(error.line()).isEqualTo(ImportException.NO_LINE);
    }

    @Test
    void shortRowIsRejected() throws IOException {
        Path file = write("run/results.csv", "epoch,loss,acc\n0,0.5,0.1\n1,0.4\n");

        assertThat(importFailure(file).getMessage()).isEqualTo(file + " line 3: the row has 2 cells but the header "
                + "has 3 columns. Fix the row (a file cut off while training wrote it ends with a short row), "
                + "then import again.");
    }

    @Test
    void duplicateColumnIsRejected() throws IOException {
        Path file = write("run/results.csv", "step,loss,loss\n0,1,2\n");

        assertThat(importFailure(file).getMessage()).isEqualTo(file + " line 1, column \"loss\": the column name "
                + "appears twice in the header. Rename or remove one of the two columns, then import again.");
    }

    @Test
    void allNanColumnImportsNanPoints() throws IOException {
        Path file = write("run/results.csv", "step,loss,broken\n0,1.5,nan\n1,1.25,NaN\n2,1.0,nan\n");

        PointSeries broken = reader.read(List.of(file)).get(0).series().get(new SeriesKey("broken", "broken"));

        assertThat(broken.size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(broken.value(i)).isNaN();
        }
    }

    @Test
    void specialNumbersAndEmptyCellsAreRead() throws IOException {
        Path file = write("run/results.csv", "Epoch,a,b\n0,inf,\n1,-inf,NA\n2,Infinity,-Infinity\n3,+INF,1e-3\n");

        ParsedRun run = reader.read(List.of(file)).get(0);
        PointSeries a = run.series().get(new SeriesKey("a", "a"));
        PointSeries b = run.series().get(new SeriesKey("b", "b"));

        assertThat(a.size()).isEqualTo(4);
        assertThat(a.value(0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(a.value(1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(a.value(2)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(a.value(3)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.iteration(0)).isEqualTo(2);
        assertThat(b.value(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(b.value(1)).isEqualTo(0.001);
    }

    @Test
    void hexadecimalNumberIsRejected() throws IOException {
        Path file = write("run/results.csv", "step,loss\n0,0x1p3\n");

        assertThat(importFailure(file).getMessage()).isEqualTo(file + " line 2, column \"loss\": \"0x1p3\" is not a "
                + "number. Fix or remove the cell, then import again.");
    }

    @Test
    void repeatedAndDecreasingStepsStayInFileOrder() throws IOException {
        Path file = write("resumed/results.csv", "step,loss\n10,0.9\n20,0.8\n30,0.7\n20,0.75\n20,0.74\n40,0.6\n");

        PointSeries loss = reader.read(List.of(file)).get(0).series().get(new SeriesKey("loss", "loss"));

        assertThat(loss.size()).isEqualTo(6);
        long[] expectedSteps = {10, 20, 30, 20, 20, 40};
        double[] expectedValues = {0.9, 0.8, 0.7, 0.75, 0.74, 0.6};
        for (int i = 0; i < 6; i++) {
            assertThat(loss.iteration(i)).as("step %d", i).isEqualTo(expectedSteps[i]);
            assertThat(loss.value(i)).as("value %d", i).isEqualTo(expectedValues[i]);
        }
    }

    @Test
    void unusualNamesImport() throws IOException {
        Path file = write("実験 one/ラン 2/results.csv",
                "\uFEFFiteration,\"train/loss, smoothed\",検証/精度\n1,0.5,0.25\n");

        ParsedRun run = reader.read(List.of(folder.resolve("実験 one"))).get(0);

        assertThat(run.name()).isEqualTo("ラン 2");
        assertThat(run.projectName()).isEqualTo("実験 one");
        assertThat(run.series().keySet()).containsExactly(new SeriesKey("train", "loss, smoothed"),
                new SeriesKey("検証", "精度"));
        assertThat(run.series().get(new SeriesKey("検証", "精度")).value(0)).isEqualTo(0.25);
        assertThat(run.sourcePath()).isEqualTo(file.toString());
    }

    @Test
    void missingPathIsRejected() {
        Path missing = folder.resolve("nothing here");

        assertThat(importFailure(missing).getMessage()).isEqualTo(missing + ": the file or folder was not found. "
                + "Check the path, then import again.");
    }

    @Test
    void folderWithoutResultsIsRejected() throws IOException {
        write("only-options/opt.yaml", "epochs: 3\n");

        assertThat(importFailure(folder.resolve("only-options")).getMessage()).isEqualTo(folder.resolve("only-options")
                + ": the folder has no results files (*.csv, *.jsonl, *.ndjson or trainer_state.json). "
                + "Choose the folder that training wrote its results to, then import again.");
    }

    @Test
    void monitorWithoutJsonHeaderIsRejected() throws IOException {
        Path file = write("run/0.monitor.csv", "# written by hand\nr,l,t\n1,1,1\n");

        assertThat(importFailure(file).getMessage()).isEqualTo(file + " line 1: the first line is not a "
                + "Stable-Baselines3 monitor header such as #{\"t_start\": 1614619328.3}. "
                + "Import the monitor.csv file exactly as Stable-Baselines3 wrote it.");
    }

    @Test
    void monitorWithoutLengthColumnIsRejected() throws IOException {
        Path file = write("run/0.monitor.csv", "#{\"t_start\": 1.5}\nr,t\n1,1\n");

        assertThat(importFailure(file).getMessage()).isEqualTo(file + " line 2: the header has no column \"l\" "
                + "(a monitor file needs r, l and t). Import the monitor.csv file exactly as Stable-Baselines3 wrote it.");
    }

    @Test
    void monitorExtraColumnBecomesEpisodeSeries() throws IOException {
        Path file = write("run/0.monitor.csv", "#{\"t_start\": 100.0}\nr,l,t,is_success\n1.5,10,0.5,0\n2.5,20,1.25,1\n");

        ParsedRun run = reader.read(List.of(file)).get(0);
        PointSeries success = run.series().get(new SeriesKey("episode", "is_success"));

        assertThat(run.series().keySet()).containsExactly(new SeriesKey("episode", "return"),
                new SeriesKey("episode", "length"), new SeriesKey("episode", "is_success"));
        assertThat(success.iteration(1)).isEqualTo(30);
        assertThat(success.value(1)).isEqualTo(1.0);
        assertThat(success.timestamp(1)).isEqualTo(101_250);
    }

    @Test
    void trainerStateRecordWithoutStepIsRejected() throws IOException {
        Path file = write("hf/trainer_state.json", "{\n  \"log_history\": [\n    {\"loss\": 1.0, \"step\": 1},\n"
                + "    {\"loss\": 0.5}\n  ],\n  \"max_steps\": 2\n}\n");

        assertThat(importFailure(file).getMessage()).isEqualTo(file + " line 4: the log_history record that starts "
                + "here has no numeric \"step\". Add the step to the record or remove the record, then import again.");
    }

    @Test
    void truncatedTrainerStateIsRejected() throws IOException {
        Path file = write("hf/trainer_state.json", "{\n  \"log_history\": [\n    {\"loss\": 1.0, \"step\": 1},\n");

        ImportException error = importFailure(file);

        assertThat(error.getMessage()).startsWith(file + " line 4: the JSON is not valid (");
        assertThat(error.getMessage()).endsWith("). Fix the JSON, or import a complete copy of the file, then import again.");
    }

    @Test
    void trainerArgumentsBesideStateBecomeArgsSection() throws IOException {
        Path file = write("hf/trainer_state.json", "{\"log_history\": [{\"loss\": NaN, \"step\": 5}], \"max_steps\": 5}");
        write("hf/training_args.json", "{\"learning_rate\": 1e-05, \"report_to\": [\"tensorboard\"], "
                + "\"optim\": \"adamw_torch\", \"fp16\": true, \"seed\": 42, \"deepspeed\": null}");

        ParsedRun run = reader.read(List.of(file)).get(0);

        assertThat(run.hyperparameters()).contains(
                new org.runbench.model.Hyperparameter("Args", "learning_rate", "1e-05", "float"),
                new org.runbench.model.Hyperparameter("Args", "report_to", "[\"tensorboard\"]", "list"),
                new org.runbench.model.Hyperparameter("Args", "optim", "adamw_torch", "str"),
                new org.runbench.model.Hyperparameter("Args", "fp16", "true", "bool"),
                new org.runbench.model.Hyperparameter("Args", "seed", "42", "int"),
                new org.runbench.model.Hyperparameter("Args", "deepspeed", "", "null"));
        assertThat(run.series().get(new SeriesKey("loss", "loss")).value(0)).isNaN();
        assertThat(run.configuration()).extracting(org.runbench.model.ConfigurationItem::name).containsExactly("training_args.json");
    }

    @Test
    void brokenOptionsFileNamesItself() throws IOException {
        Path file = write("yolo/results.csv", "epoch,loss\n0,1\n");
        write("yolo/opt.yaml", "epochs: [1, 2\n");

        assertThat(importFailure(file).getMessage())
                .startsWith(folder.resolve("yolo/opt.yaml") + ": the hyperparameters cannot be read: ")
                .endsWith(". Fix the file, or move it away to import the results without hyperparameters, then import again.");
    }

    @Test
    void failureIsTypedImportException() throws IOException {
        Path file = write("run/results.csv", "");

        assertThatThrownBy(() -> reader.read(List.of(file))).isInstanceOf(ImportException.class);
    }
}

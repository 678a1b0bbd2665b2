package org.runbench.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.runbench.cache.RunCache;
import org.runbench.model.Run;
import org.runbench.model.diff.DiffCell;
import org.runbench.model.diff.DiffRow;
import org.runbench.model.diff.RunDiff;
import org.runbench.model.diff.RunParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code runbench diff}: prints the hyperparameters and configuration items that differ between cached runs.
 *
 * <p>The table has a KEY column ({@code section/name}, with configuration items in the section
 * {@link RunDiff#CONFIGURATION_SECTION}) and one column per run. A value longer than
 * {@link #MAX_CELL_LENGTH} characters, or with a line break, is cut at that length or at its first line
 * and ends in an ellipsis. A key a run does not have reads {@value #ABSENT_TEXT}. Where the runs give a
 * key different types, each value is followed by its type in brackets. With {@code --json} the output is
 * an object with {@code runs} ({@code id}, {@code server}, {@code name}) and {@code rows} ({@code section},
 * {@code key}, {@code differs}, and {@code values} and {@code types} with one entry per run, null where
 * the run does not have the key), with every value in full.
 */
@Command(name = "diff", description = "Print the hyperparameters and configuration that differ between cached runs.",
        mixinStandardHelpOptions = true)
final class DiffCommand implements Callable<Integer> {

    /** Maximum characters of a value in the table; longer values are shortened with an ellipsis. */
    static final int MAX_CELL_LENGTH = 40;

    static final String ABSENT_TEXT = "(absent)";

    @ParentCommand
    RunbenchCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN",
            description = "Two or more run ids (as 'runbench runs' prints them) or unique run names.")
    List<String> runArguments;

    @Option(names = "--all", description = "Also print the keys whose values are equal in every run.")
    boolean all;

    @Option(names = "--json", description = "Print JSON with every value in full instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        if (runArguments.size() < 2) {
            throw new ParameterException(spec.commandLine(), "runbench diff needs at least two runs, got only '"
                    + runArguments.get(0) + "'. Give two or more run ids or names, for example 'runbench diff RUN_A RUN_B'.");
        }

        RunDiff diff;
        List<Run> runs;
        try (RunCache cache = parent.openCache()) {
            runs = RunSelection.resolve(cache, runArguments);
            if (runs.size() < 2) {
                throw new ParameterException(spec.commandLine(), "runbench diff needs at least two different runs, but "
                        + String.join(", ", quoted(runArguments)) + " all name the run " + runs.get(0).id().taskId()
                        + ". Give two or more different runs.");
            }
            diff = RunDiff.compare(parameters(cache, runs));
        }

        List<DiffRow> rows = all ? diff.rows() : diff.differingRows();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            printJson(out, runs, rows);
        } else if (rows.isEmpty()) {
            out.println("The " + runs.size() + " runs have the same hyperparameters and configuration.");
        } else {
            printTable(out, diff.runLabels(), rows);
        }
        out.flush();
        return Cli.OK;
    }

    private static List<RunParameters> parameters(RunCache cache, List<Run> runs) {
        List<String> labels = labels(runs);
        List<RunParameters> parameters = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            parameters.add(new RunParameters(labels.get(i), cache.hyperparameters(run.id()), cache.configuration(run.id())));
        }
        return parameters;
    }

    /** Returns each run's name, followed by its id where two of the runs share the name. */
    private static List<String> labels(List<Run> runs) {
        Map<String, Integer> counts = new HashMap<>();
        runs.forEach(run -> counts.merge(run.name(), 1, Integer::sum));
        List<String> labels = new ArrayList<>();
        for (Run run : runs) {
            labels.add(counts.get(run.name()) > 1 ? run.name() + " (" + run.id().taskId() + ")" : run.name());
        }
        return labels;
    }

    private static void printTable(PrintWriter out, List<String> runLabels, List<DiffRow> rows) {
        List<String[]> lines = new ArrayList<>();
        String[] header = new String[runLabels.size() + 1];
        header[0] = "KEY";
        for (int i = 0; i < runLabels.size(); i++) {
            header[i + 1] = runLabels.get(i);
        }
        lines.add(header);
        for (DiffRow row : rows) {
            String[] line = new String[header.length];
            line[0] = row.key();
            for (int i = 0; i < row.cells().size(); i++) {
                line[i + 1] = tableCell(row.cell(i), row.typesDiffer());
            }
            lines.add(line);
        }

        int[] widths = new int[header.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                text.append(line[i]);
                if (i < line.length - 1) {
                    text.append(" ".repeat(widths[i] - line[i].length() + 2));
                }
            }
            out.println(text.toString().stripTrailing());
        }
    }

    /** Returns the value as the table shows it: shortened to one line, with its type when types differ. */
    static String tableCell(DiffCell cell, boolean withType) {
        if (!cell.isPresent()) {
            return ABSENT_TEXT;
        }
        String text = cell.shortened(MAX_CELL_LENGTH);
        if (withType && !cell.type().isEmpty()) {
            text = text + " (" + cell.type() + ")";
        }
        return text;
    }

    private static void printJson(PrintWriter out, List<Run> runs, List<DiffRow> rows) {
        try (JsonGenerator generator = new ObjectMapper().createGenerator(out).useDefaultPrettyPrinter()) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.writeStartObject();
            generator.writeArrayFieldStart("runs");
            for (Run run : runs) {
                generator.writeStartObject();
                generator.writeStringField("id", run.id().taskId());
                generator.writeStringField("server", run.id().server());
                generator.writeStringField("name", run.name());
                generator.writeEndObject();
            }
            generator.writeEndArray();

            generator.writeArrayFieldStart("rows");
            for (DiffRow row : rows) {
                writeRow(generator, row);
            }
            generator.writeEndArray();
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static void writeRow(JsonGenerator generator, DiffRow row) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("section", row.section());
        generator.writeStringField("key", row.key());
        generator.writeBooleanField("differs", row.differs());
        generator.writeArrayFieldStart("values");
        for (DiffCell cell : row.cells()) {
            generator.writeString(cell.value());
        }
        generator.writeEndArray();
        generator.writeArrayFieldStart("types");
        for (DiffCell cell : row.cells()) {
            generator.writeString(cell.type());
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }

    private static List<String> quoted(List<String> arguments) {
        return arguments.stream().map(argument -> "'" + argument + "'").toList();
    }
}

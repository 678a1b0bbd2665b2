package org.runbench.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.runbench.cache.RunCache;
import org.runbench.model.PointSeries;
import org.runbench.model.Run;
import org.runbench.model.SeriesKey;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code runbench export}: writes every cached point of the chosen runs and series as CSV or JSON.
 *
 * <p>CSV has the header {@code run_id,metric,variant,iteration,value,timestamp_ms}, one row per point in
 * arrival order, values as {@link Double#toString(double)} prints them ({@code NaN}, {@code Infinity},
 * {@code -Infinity} included) and an empty timestamp where none was recorded. JSON is an object with a
 * {@code runs} array; each point is {@code [iteration, value, timestamp_ms]} where a non-finite value is the
 * string {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"} (JSON has no such numbers) and a missing
 * timestamp is null.
 */
@Command(name = "export", description = "Write the full-resolution points of cached runs as CSV or JSON.",
        mixinStandardHelpOptions = true)
final class ExportCommand implements Callable<Integer> {

    static final String CSV_HEADER = "run_id,metric,variant,iteration,value,timestamp_ms";

    @ParentCommand
    RunbenchCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "Run ids (as 'runbench runs' prints them) or unique run names.")
    List<String> runArguments;

    @Option(names = "--metric", paramLabel = "REGEX", description = "Only series whose metric/variant contains a match.")
    String metric;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    static final class Format {
        @Option(names = "--csv", description = "CSV output (the default).")
        boolean csv;

        @Option(names = "--json", description = "JSON output.")
        boolean json;
    }

    @Override
    public Integer call() throws IOException {
        Pattern pattern = RunSelection.metricPattern(spec, metric);
        try (RunCache cache = parent.openCache()) {
            List<Run> runs = RunSelection.resolve(cache, runArguments);
            boolean anySeries = false;
            for (Run run : runs) {
                anySeries |= !RunSelection.matchingKeys(cache, run, pattern).isEmpty();
            }
            if (!anySeries) {
                throw new CliFailure("No series of the given runs matches --metric '" + metric
                        + "'. List the series with 'runbench runs --json'.");
            }
            if (out == null) {
                PrintWriter stdout = spec.commandLine().getOut();
                write(cache, runs, pattern, stdout);
                stdout.flush();
            } else {
                Path parentFolder = out.toAbsolutePath().getParent();
                if (parentFolder != null && !Files.isDirectory(parentFolder)) {
                    throw new CliFailure("Cannot write " + out + ": the folder " + parentFolder + " does not exist. Create it first.");
                }
                try (Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 16)) {
                    write(cache, runs, pattern, writer);
                }
            }
        }
        return Cli.OK;
    }

    private void write(RunCache cache, List<Run> runs, Pattern pattern, Writer writer) throws IOException {
        if (format.json) {
            writeJson(cache, runs, pattern, writer);
        } else {
            writeCsv(cache, runs, pattern, writer);
        }
    }

    private static void writeCsv(RunCache cache, List<Run> runs, Pattern pattern, Writer writer) throws IOException {
        writer.write(CSV_HEADER);
        writer.write('\n');
        StringBuilder line = new StringBuilder(128);
        for (Run run : runs) {
            for (SeriesKey key : RunSelection.matchingKeys(cache, run, pattern)) {
                PointSeries points = cache.points(run.id(), key);
                String prefix = csvCell(run.id().taskId()) + "," + csvCell(key.metric()) + "," + csvCell(key.variant()) + ",";
                for (int i = 0; i < points.size(); i++) {
                    line.setLength(0);
                    line.append(prefix).append(points.iteration(i)).append(',').append(points.value(i)).append(',');
                    long timestamp = points.timestamp(i);
                    if (timestamp != PointSeries.NO_TIMESTAMP) {
                        line.append(timestamp);
                    }
                    line.append('\n');
                    writer.append(line);
                }
            }
        }
    }

    private static void writeJson(RunCache cache, List<Run> runs, Pattern pattern, Writer writer) throws IOException {
        try (JsonGenerator json = new ObjectMapper().createGenerator(writer)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeArrayFieldStart("runs");
            for (Run run : runs) {
                json.writeStartObject();
                json.writeStringField("id", run.id().taskId());
                json.writeStringField("server", run.id().server());
                json.writeStringField("name", run.name());
                json.writeArrayFieldStart("series");
                for (SeriesKey key : RunSelection.matchingKeys(cache, run, pattern)) {
                    writeSeries(json, key, cache.points(run.id(), key));
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.write('\n');
    }

    private static void writeSeries(JsonGenerator json, SeriesKey key, PointSeries points) throws IOException {
        json.writeStartObject();
        json.writeStringField("metric", key.metric());
        json.writeStringField("variant", key.variant());
        json.writeArrayFieldStart("points");
        for (int i = 0; i < points.size(); i++) {
            json.writeStartArray();
            json.writeNumber(points.iteration(i));
            double value = points.value(i);
            if (Double.isFinite(value)) {
                json.writeNumber(value);
            } else {
                json.writeString(Double.toString(value));
            }
            long timestamp = points.timestamp(i);
            if (timestamp == PointSeries.NO_TIMESTAMP) {
                json.writeNull();
            } else {
                json.writeNumber(timestamp);
            }
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Quotes a CSV cell as RFC 4180 requires when it contains a comma, quote or line break. */
    static String csvCell(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}

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
import org.runbench.model.Project;
import org.runbench.model.Run;
import org.runbench.model.SeriesSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code runbench runs}: lists cached runs as a table or as JSON. */
@Command(name = "runs", description = "List cached runs.", mixinStandardHelpOptions = true)
final class RunsCommand implements Callable<Integer> {

    @ParentCommand
    RunbenchCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--project", paramLabel = "NAME", description = "Only runs of this project (name or id).")
    String project;

    @Option(names = "--json", description = "Print a JSON array of runs with their series instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (RunCache cache = parent.openCache()) {
            Map<String, String> projectNames = new HashMap<>();
            for (Project p : cache.projects()) {
                projectNames.put(p.server() + "\n" + p.id(), p.name());
            }
            List<Run> runs = new ArrayList<>();
            for (Run run : cache.allRuns()) {
                String projectName = projectNames.getOrDefault(run.id().server() + "\n" + run.projectId(), run.projectId());
                if (project == null || project.equals(projectName) || project.equals(run.projectId())) {
                    runs.add(run);
                }
            }
            if (project != null && runs.isEmpty()) {
                throw new CliFailure("No cached project named '" + project + "' has runs. List all runs with 'runbench runs'.");
            }
            if (json) {
                printJson(out, cache, runs, projectNames);
            } else {
                printTable(out, cache, runs, projectNames);
            }
        }
        return Cli.OK;
    }

    private static void printTable(PrintWriter out, RunCache cache, List<Run> runs, Map<String, String> projectNames) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "PROJECT", "NAME", "STATUS", "LAST_ITERATION", "SERIES", "POINTS"});
        for (Run run : runs) {
            List<SeriesSummary> summaries = cache.summaries(run.id());
            long points = summaries.stream().mapToLong(SeriesSummary::points).sum();
            rows.add(new String[] {run.id().taskId(), projectName(run, projectNames), run.name(),
                    run.status().apiName() + (run.deleted() ? " (deleted on server)" : ""),
                    run.lastIteration() == Run.NO_ITERATION ? "" : Long.toString(run.lastIteration()),
                    Integer.toString(summaries.size()), Long.toString(points)});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static void printJson(PrintWriter out, RunCache cache, List<Run> runs, Map<String, String> projectNames) {
        ObjectMapper mapper = new ObjectMapper();
        try (JsonGenerator json = mapper.createGenerator(out).useDefaultPrettyPrinter()) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartArray();
            for (Run run : runs) {
                json.writeStartObject();
                json.writeStringField("id", run.id().taskId());
                json.writeStringField("server", run.id().server());
                json.writeStringField("project", projectName(run, projectNames));
                json.writeStringField("name", run.name());
                json.writeStringField("status", run.status().apiName());
                if (run.lastIteration() == Run.NO_ITERATION) {
                    json.writeNullField("last_iteration");
                } else {
                    json.writeNumberField("last_iteration", run.lastIteration());
                }
                json.writeStringField("user", run.user());
                json.writeArrayFieldStart("tags");
                for (String tag : run.tags()) {
                    json.writeString(tag);
                }
                json.writeEndArray();
                json.writeBooleanField("deleted", run.deleted());
                json.writeArrayFieldStart("series");
                for (SeriesSummary summary : cache.summaries(run.id())) {
                    json.writeStartObject();
                    json.writeStringField("metric", summary.key().metric());
                    json.writeStringField("variant", summary.key().variant());
                    json.writeNumberField("points", summary.points());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static String projectName(Run run, Map<String, String> projectNames) {
        return projectNames.getOrDefault(run.id().server() + "\n" + run.projectId(), run.projectId());
    }
}

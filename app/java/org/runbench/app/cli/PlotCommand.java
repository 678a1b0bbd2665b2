package org.runbench.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.runbench.cache.RunCache;
import org.runbench.charts.ChartGrid;
import org.runbench.charts.ChartOptions;
import org.runbench.charts.LineSmoothing;
import org.runbench.charts.MetricChart;
import org.runbench.charts.MetricChartFactory;
import org.runbench.charts.RunColors;
import org.runbench.charts.RunSeries;
import org.runbench.charts.XAxisMode;
import org.runbench.charts.YAxisScale;
import org.runbench.model.Run;
import org.runbench.model.SeriesKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code runbench plot}: renders the comparison charts of runs to a PNG or SVG file, without a display. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw one chart per matching metric/variant, one line per run, into a PNG or SVG file.")
final class PlotCommand implements Callable<Integer> {

    @ParentCommand
    RunbenchCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "Run ids (as 'runbench runs' prints them) or unique run names.")
    List<String> runArguments;

    @Option(names = "--metric", required = true, paramLabel = "REGEX",
            description = "Series whose metric/variant contains a match, for example 'loss' or '^eval'.")
    String metric;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file; .png or .svg.")
    Path out;

    @Option(names = "--x", paramLabel = "AXIS", defaultValue = "iteration",
            description = "X axis: iteration, wall (wall-clock time) or relative (seconds since each run's start). Default: ${DEFAULT-VALUE}.")
    String xAxis;

    @Option(names = "--smooth", paramLabel = "WEIGHT", defaultValue = "0",
            description = "TensorBoard-style EMA smoothing weight from 0 (off) to 0.999. Default: ${DEFAULT-VALUE}.")
    double smooth;

    @Option(names = "--log-y", description = "Logarithmic y axis; values at or below zero are left out and counted in a note.")
    boolean logY;

    @Option(names = "--width", paramLabel = "PIXELS", defaultValue = "800", description = "Width of each chart in pixels. Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--height", paramLabel = "PIXELS", defaultValue = "500", description = "Height of each chart in pixels. Default: ${DEFAULT-VALUE}.")
    int height;

    @Option(names = "--columns", paramLabel = "N", defaultValue = "2", description = "Charts per row, 1 to 4. Default: ${DEFAULT-VALUE}.")
    int columns;

    @Override
    public Integer call() throws IOException {
        String format = outputFormat();
        ChartOptions options = chartOptions();
        Pattern pattern = RunSelection.metricPattern(spec, metric);
        List<MetricChart> charts = new ArrayList<>();
        try (RunCache cache = parent.openCache()) {
            List<Run> runs = RunSelection.resolve(cache, runArguments);
            RunColors colors = new RunColors();
            Map<SeriesKey, List<RunSeries>> byKey = new TreeMap<>();
            for (Run run : runs) {
                for (SeriesKey key : RunSelection.matchingKeys(cache, run, pattern)) {
                    byKey.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new RunSeries(run.name(), colors.colorOf(run.id()), cache.points(run.id(), key)));
                }
            }
            if (options.xAxis().usesTimestamps() && byKey.values().stream().flatMap(List::stream)
                    .noneMatch(line -> hasTimestamp(line.points()))) {
                throw new CliFailure("None of the selected series has wall-clock timestamps (Hugging Face trainer_state.json"
                        + " files record none), so --x " + xAxis + " has nothing to draw. Use --x iteration.");
            }
            if (byKey.isEmpty()) {
                throw new CliFailure("No series of the given runs matches --metric '" + metric
                        + "'. List the series with 'runbench runs --json'.");
            }
            byKey.forEach((key, lines) -> charts.add(MetricChartFactory.create(key, lines, options)));
        }
        ChartGrid grid = new ChartGrid(charts, Math.min(columns, Math.max(1, charts.size())), width, height);
        if (format.equals("svg")) {
            grid.writeSvg(out);
        } else {
            grid.writePng(out);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("Wrote %d chart%s to %s (%d x %d pixels)%n", charts.size(), charts.size() == 1 ? "" : "s", out,
                grid.width(), grid.height());
        return Cli.OK;
    }

    private static boolean hasTimestamp(org.runbench.model.PointSeries points) {
        for (int i = 0; i < points.size(); i++) {
            if (points.timestamp(i) != org.runbench.model.PointSeries.NO_TIMESTAMP) {
                return true;
            }
        }
        return false;
    }

    private String outputFormat() {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".svg")) {
            throw RunSelection.usageError(spec, "--out " + out + " must end in .png or .svg, which picks the image format.");
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new CliFailure("Cannot write " + out + ": the folder " + folder + " does not exist. Create it first.");
        }
        return name.substring(name.length() - 3);
    }

    private ChartOptions chartOptions() {
        XAxisMode mode = switch (xAxis.toLowerCase(Locale.ROOT)) {
            case "iteration" -> XAxisMode.ITERATION;
            case "wall" -> XAxisMode.WALL_TIME;
            case "relative" -> XAxisMode.RELATIVE_TIME;
            default -> throw RunSelection.usageError(spec, "--x " + xAxis + " is not an x axis; use iteration, wall or relative.");
        };
        if (!(smooth >= 0 && smooth <= 0.999)) {
            throw RunSelection.usageError(spec, "--smooth " + smooth + " is outside 0 to 0.999; 0 turns smoothing off.");
        }
        if (columns < 1 || columns > ChartGrid.MAX_COLUMNS) {
            throw RunSelection.usageError(spec, "--columns " + columns + " is outside 1 to " + ChartGrid.MAX_COLUMNS + ".");
        }
        if (width < 100 || height < 100 || width > 10_000 || height > 10_000) {
            throw RunSelection.usageError(spec, "--width " + width + " --height " + height + ": each must be 100 to 10000 pixels.");
        }
        LineSmoothing smoothing = smooth == 0 ? LineSmoothing.none() : new LineSmoothing.Ema(smooth);
        return new ChartOptions(mode, logY ? YAxisScale.LOG : YAxisScale.LINEAR, smoothing, width);
    }
}

package org.runbench.views;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.runbench.charts.XAxisMode;
import org.runbench.model.PointSeries;
import org.runbench.model.RunId;
import org.runbench.model.SeriesKey;

/** Writes the full-resolution points that fall inside the visible x range of a comparison as CSV. */
final class VisiblePointsCsv {

    static final String HEADER = "run_id,run_name,metric,variant,iteration,value,timestamp_ms";

    private VisiblePointsCsv() {
    }

    /**
     * Writes the file, reporting progress per series. When {@code progress} is cancelled, it stops within one
     * series, deletes the partial file and throws {@link java.util.concurrent.CancellationException}.
     */
    static void write(Path file, org.runbench.model.RunRepository repository,
                      Map<SeriesKey, List<ComparisonViewModel.LoadedLine>> loaded, Predicate<SeriesKey> keys,
                      Set<RunId> hidden, XAxisMode axis, double lower, double upper, org.runbench.sync.Progress progress)
            throws IOException {
        int total = 0;
        for (Map.Entry<SeriesKey, List<ComparisonViewModel.LoadedLine>> entry : loaded.entrySet()) {
            if (keys.test(entry.getKey())) {
                total += entry.getValue().size();
            }
        }
        int done = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (Map.Entry<SeriesKey, List<ComparisonViewModel.LoadedLine>> entry : loaded.entrySet()) {
                if (!keys.test(entry.getKey())) {
                    continue;
                }
                for (ComparisonViewModel.LoadedLine line : entry.getValue()) {
                    if (progress.isCancelled()) {
                        throw new java.util.concurrent.CancellationException("export of " + file + " cancelled");
                    }
                    progress.update("Exporting " + entry.getKey().label() + " of " + line.row().name(),
                            (double) done++ / Math.max(1, total));
                    if (!hidden.contains(line.row().run().id())) {
                        PointSeries points = repository.points(line.row().run().id(), entry.getKey());
                        writeLine(out, entry.getKey(), line, points, axis, lower, upper);
                    }
                }
            }
        } catch (java.util.concurrent.CancellationException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static void writeLine(BufferedWriter out, SeriesKey key, ComparisonViewModel.LoadedLine line, PointSeries points,
                                  XAxisMode axis, double lower, double upper) throws IOException {
        long origin = earliestTimestamp(points);
        String prefix = cell(line.row().run().id().taskId()) + "," + cell(line.row().name()) + "," + cell(key.metric())
                + "," + cell(key.variant()) + ",";
        for (int i = 0; i < points.size(); i++) {
            long timestamp = points.timestamp(i);
            double x;
            if (axis == XAxisMode.ITERATION) {
                x = points.iteration(i);
            } else if (timestamp == PointSeries.NO_TIMESTAMP) {
                continue;
            } else {
                // Seconds since the run's earliest timestamp, as the charts draw the relative axis.
                x = axis == XAxisMode.WALL_TIME ? timestamp : (timestamp - origin) / 1000.0;
            }
            if (x < lower || x > upper) {
                continue;
            }
            out.write(prefix);
            out.write(Long.toString(points.iteration(i)));
            out.write(',');
            out.write(Double.toString(points.value(i)));
            out.write(',');
            if (timestamp != PointSeries.NO_TIMESTAMP) {
                out.write(Long.toString(timestamp));
            }
            out.write('\n');
        }
    }

    private static long earliestTimestamp(PointSeries points) {
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < points.size(); i++) {
            long timestamp = points.timestamp(i);
            if (timestamp != PointSeries.NO_TIMESTAMP) {
                earliest = Math.min(earliest, timestamp);
            }
        }
        return earliest;
    }

    private static String cell(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}

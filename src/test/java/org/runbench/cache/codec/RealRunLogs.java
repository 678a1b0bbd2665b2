package org.runbench.cache.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;

/**
 * Reads the scalar series of real training logs for the benchmark, with just enough parsing for three
 * formats: YOLOv5 {@code results.csv}, Stable-Baselines3 {@code *.monitor.csv} and Hugging Face
 * {@code trainer_state.json}. This is not the product's importer.
 */
final class RealRunLogs {

    private static final Pattern JSON_RECORD = Pattern.compile("\\{([^{}]*)\\}");
    private static final Pattern JSON_NUMBER_FIELD =
            Pattern.compile("\"(\\w+)\"\\s*:\\s*(-?[0-9][0-9.eE+-]*)");
    private static final Pattern MONITOR_START = Pattern.compile("\"t_start\"\\s*:\\s*([0-9.eE+-]+)");

    private RealRunLogs() {
    }

    /** Returns every series found under {@code folder} in file order, or an empty list if there is none. */
    static List<PointSeries> readAll(Path folder) {
        List<PointSeries> series = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.equals("results.csv")) {
                    series.addAll(readYoloResults(file));
                } else if (name.endsWith(".monitor.csv")) {
                    series.add(readMonitor(file));
                } else if (name.equals("trainer_state.json")) {
                    series.addAll(readTrainerState(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read real run logs under " + folder, e);
        }
        return series;
    }

    /** Reads one series per column after {@code epoch}, which is the iteration. The file has no timestamps. */
    private static List<PointSeries> readYoloResults(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int columns = lines.get(0).split(",").length;
        List<PointSeriesBuilder> builders = new ArrayList<>();
        for (int c = 1; c < columns; c++) {
            builders.add(new PointSeriesBuilder());
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            long epoch = Long.parseLong(cells[0].trim());
            for (int c = 1; c < columns; c++) {
                builders.get(c - 1).add(epoch, Double.parseDouble(cells[c].trim()), PointSeries.NO_TIMESTAMP);
            }
        }
        return builders.stream().map(PointSeriesBuilder::build).toList();
    }

    /**
     * Reads the episode returns. The iteration is the running total of episode lengths and the timestamp is
     * {@code t_start + t} in milliseconds.
     */
    private static PointSeries readMonitor(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Matcher start = MONITOR_START.matcher(lines.get(0));
        if (!start.find()) {
            throw new IllegalStateException("no t_start in the first line of " + file);
        }
        double startSeconds = Double.parseDouble(start.group(1));
        PointSeriesBuilder builder = new PointSeriesBuilder();
        long steps = 0;
        for (String line : lines.subList(2, lines.size())) {
            String[] cells = line.split(",");
            steps += Long.parseLong(cells[1]);
            long timestamp = Math.round((startSeconds + Double.parseDouble(cells[2])) * 1000);
            builder.add(steps, Double.parseDouble(cells[0]), timestamp);
        }
        return builder.build();
    }

    /** Reads one series per numeric field of the {@code log_history} records, with {@code step} as the iteration. */
    private static List<PointSeries> readTrainerState(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Map<String, PointSeriesBuilder> byField = new LinkedHashMap<>();
        Matcher record = JSON_RECORD.matcher(text);
        while (record.find()) {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher field = JSON_NUMBER_FIELD.matcher(record.group(1));
            while (field.find()) {
                fields.put(field.group(1), field.group(2));
            }
            String step = fields.remove("step");
            if (step == null) {
                continue;
            }
            for (Map.Entry<String, String> entry : fields.entrySet()) {
                byField.computeIfAbsent(entry.getKey(), key -> new PointSeriesBuilder())
                        .add(Long.parseLong(step), Double.parseDouble(entry.getValue()), PointSeries.NO_TIMESTAMP);
            }
        }
        return byField.values().stream().map(PointSeriesBuilder::build).toList();
    }
}

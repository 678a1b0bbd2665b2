package org.runbench.sync.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.runbench.model.PointSeries;
import org.runbench.model.Run;
import org.runbench.model.RunId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads training-run results files from disk or from the application jar into {@link ParsedRun}s.
 *
 * <p>Supported formats: CSV with a step column ({@link StepCsvParser}: YOLOv5 {@code results.csv}, Keras
 * {@code CSVLogger}), Stable-Baselines3 {@code monitor.csv} ({@link MonitorCsvParser}), Hugging Face
 * {@code trainer_state.json} ({@link TrainerStateParser}) and JSON lines ({@link JsonLinesParser}).
 * Hyperparameter files beside a results file are read with it ({@link SidecarFiles}).
 *
 * <p>Each results file becomes one run. Runs read together are named after the shortest end of their
 * paths that distinguishes them (see {@link RunNames#uniqueNames}). The task id is {@code local-} and 16
 * hex digits of the SHA-256 of the absolute normalized path, so importing the same file again gives
 * the same id. Any problem fails the whole call with an {@link ImportException} that names the file,
 * line and column. Instances hold no state and can be shared. Every method blocks on I/O, so call it
 * off the JavaFX thread.
 */
public final class LocalRunReader {

    /** Project name of the sample runs bundled in the application jar. */
    public static final String SAMPLE_PROJECT = "samples";

    private static final String SAMPLE_FOLDER = "/samples/";
    private static final Logger LOG = LoggerFactory.getLogger(LocalRunReader.class);

    /** Opens a file by its {@code /}-separated path below some root, such as a folder inside the jar. */
    @FunctionalInterface
    public interface SourceOpener {

        /** Returns the file's content, or null when there is no such file; the caller closes the stream. */
        InputStream open(String relativePath) throws IOException;
    }

    /**
     * Reads the results files at {@code paths}. A folder is searched recursively for results files
     * ({@code *.csv}, {@code *.jsonl}, {@code *.ndjson} and {@code trainer_state.json}) and becomes their
     * project. A single file's project is the name of its folder. A file reached twice is read once.
     *
     * @return one run per results file, in the order of {@code paths} and, within a folder, by path
     * @throws ImportException when a path is missing, a folder has no results file, or a file cannot be read
     */
    public List<ParsedRun> read(List<Path> paths) throws IOException {
        long startNanos = System.nanoTime();
        Map<Path, String> projectByFile = new LinkedHashMap<>();
        for (Path path : paths) {
            collect(path.toAbsolutePath().normalize(), projectByFile);
        }

        List<ResultFile> files = new ArrayList<>();
        List<String> projects = new ArrayList<>();
        projectByFile.forEach((file, project) -> {
            files.add(new DiskResultFile(file));
            projects.add(project);
        });
        List<ParsedRun> runs = readAll(files, projects);

        long points = runs.stream().flatMap(run -> run.series().values().stream()).mapToLong(PointSeries::size).sum();
        LOG.info("Read {} runs with {} points from {} paths in {} ms", runs.size(), points, paths.size(),
                (System.nanoTime() - startNanos) / 1_000_000);
        return runs;
    }

    /**
     * Reads one results file from {@code stream}. Files beside it are not available, so the run has no
     * hyperparameters from them.
     *
     * @param name the file's path or name, {@code /}-separated, such as {@code exp1/results.csv}. It names
     *             the run and its project (the folder, or {@code imported} without one), and its task id
     *             is derived from it
     */
    public ParsedRun read(String name, InputStream stream) throws IOException {
        SourceOpener once = new SourceOpener() {
            private boolean opened;

            @Override
            public InputStream open(String relativePath) {
                if (opened || !relativePath.equals(name)) {
                    return null;
                }
                opened = true;
                return stream;
            }
        };
        ResultFile file = new ResourceResultFile("stream", name, once);
        List<String> segments = file.segments();
        String project = segments.size() > 1 ? segments.get(segments.size() - 2) : "imported";
        return readAll(List.of(file), List.of(project)).get(0);
    }

    /**
     * Reads the results files among {@code relativePaths}, opened through {@code opener}, as one project.
     * The other paths may be hyperparameter files, which are found through the opener too.
     *
     * @param projectName project of every run, which also keeps their task ids apart from other sources
     */
    public List<ParsedRun> read(String projectName, List<String> relativePaths, SourceOpener opener)
            throws IOException {
        List<ResultFile> files = new ArrayList<>();
        List<String> projects = new ArrayList<>();
        for (String relativePath : relativePaths) {
            String fileName = relativePath.substring(relativePath.lastIndexOf('/') + 1);
            if (ResultFormat.isResultsFileName(fileName)) {
                files.add(new ResourceResultFile(projectName, relativePath, opener));
                projects.add(projectName);
            }
        }
        return readAll(files, projects);
    }

    /** Reads the sample runs bundled in the jar under {@code /samples/}, listed in its {@code index.txt}. */
    public List<ParsedRun> readSamples() throws IOException {
        List<String> index = new ArrayList<>();
        try (InputStream stream = LocalRunReader.class.getResourceAsStream(SAMPLE_FOLDER + "index.txt")) {
            if (stream == null) {
                throw new ImportException(SAMPLE_FOLDER + "index.txt", ImportException.NO_LINE, null,
                        "the list of sample files is missing from the application",
                        "Rebuild the application with its resources, then open the samples again.");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            reader.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(index::add);
        }
        return read(SAMPLE_PROJECT, index,
                relativePath -> LocalRunReader.class.getResourceAsStream(SAMPLE_FOLDER + relativePath));
    }

    private static void collect(Path path, Map<Path, String> projectByFile) throws IOException {
        if (Files.isRegularFile(path)) {
            Path folder = path.getParent();
            String project = folder == null || folder.getFileName() == null ? "imported" : folder.getFileName().toString();
            projectByFile.putIfAbsent(path, project);
            return;
        }
        if (!Files.isDirectory(path)) {
            throw new ImportException(path.toString(), ImportException.NO_LINE, null, "the file or folder was not found",
                    "Check the path, then import again.");
        }
        String project = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        List<Path> found;
        try (Stream<Path> walk = Files.walk(path)) {
            found = walk.filter(Files::isRegularFile)
                    .filter(file -> ResultFormat.isResultsFileName(file.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (found.isEmpty()) {
            throw new ImportException(path.toString(), ImportException.NO_LINE, null,
                    "the folder has no results files (*.csv, *.jsonl, *.ndjson or trainer_state.json)",
                    "Choose the folder that training wrote its results to, then import again.");
        }
        for (Path file : found) {
            projectByFile.putIfAbsent(file, project);
        }
    }

    private static List<ParsedRun> readAll(List<ResultFile> files, List<String> projects) throws IOException {
        List<List<String>> segments = new ArrayList<>();
        for (ResultFile file : files) {
            segments.add(file.segments());
        }
        List<String> names = RunNames.uniqueNames(segments);
        List<ParsedRun> runs = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            runs.add(readFile(files.get(i), projects.get(i), names.get(i)));
        }
        return runs;
    }

    private static ParsedRun readFile(ResultFile file, String project, String name) throws IOException {
        FileContent content = new FileContent();
        try (LineReader lines = new LineReader(file.open())) {
            ResultFormat format = ResultFormat.detect(file.fileName(), lines);
            if (format == null) {
                throw Problems.emptyFile(file);
            }
            switch (format) {
                case STEP_CSV -> {
                    StepCsvParser.parse(file, lines, content);
                    SidecarFiles.addRunOptions(file, content);
                }
                case MONITOR_CSV -> {
                    MonitorCsvParser.Header header = MonitorCsvParser.parse(file, lines, content);
                    SidecarFiles.addZooConfig(file, header.envId(), content);
                }
                case TRAINER_STATE -> {
                    TrainerStateParser.parse(file, lines.rest(), content);
                    SidecarFiles.addTrainerArguments(file, content);
                }
                case JSON_LINES -> JsonLinesParser.parse(file, lines, content);
            }
        }

        Run run = new Run(RunId.local(RunNames.taskId(file.identity())), project, name, content.status,
                content.statusReason, "", List.of(), content.started, content.started, content.completed,
                file.lastModified(), content.lastIteration, null, null, "", file.displayPath(), false);
        return new ParsedRun(file.displayPath(), project, run, content.hyperparameters, content.configuration,
                content.buildSeries());
    }
}

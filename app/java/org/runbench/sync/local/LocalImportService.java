package org.runbench.sync.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.runbench.cache.CacheTransaction;
import org.runbench.cache.RunCache;
import org.runbench.model.Project;
import org.runbench.model.Run;
import org.runbench.model.RunData;
import org.runbench.model.RunId;
import org.runbench.model.SeriesKey;
import org.runbench.sync.ImportService;
import org.runbench.sync.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports local results files into the cache: reads them all first, so a file that cannot be parsed
 * stops the import before anything is written, then writes each run in its own transaction.
 */
public final class LocalImportService implements ImportService {

    /** Display name of the bundled sample project. */
    public static final String SAMPLES_NAME = "Samples";

    private static final Logger LOG = LoggerFactory.getLogger(LocalImportService.class);

    private final RunCache cache;
    private final LocalRunReader reader;

    public LocalImportService(RunCache cache, LocalRunReader reader) {
        this.cache = cache;
        this.reader = reader;
    }

    @Override
    public ImportReport importPaths(List<Path> paths, Progress progress) {
        progress.update("Reading " + paths.size() + (paths.size() == 1 ? " path" : " paths"), -1);
        List<ParsedRun> runs;
        try {
            runs = reader.read(paths);
        } catch (ImportException e) {
            throw new ImportFailure(e.getMessage(), e);
        } catch (IOException e) {
            throw new ImportFailure("Reading " + paths + " failed: " + e.getMessage()
                    + ". Check that the files exist and are readable, then import again.", e);
        }
        for (ParsedRun run : runs) {
            long points = run.series().values().stream().mapToLong(org.runbench.model.PointSeries::size).sum();
            if (points == 0) {
                throw new ImportFailure(run.sourcePath() + " has no numeric metric values: every column other than the step"
                        + " is missing, empty or text. Check that the metric columns hold numbers, then import again."
                        + " Nothing was imported.", null);
            }
        }
        return store(runs, progress, null);
    }

    /**
     * Loads the sample runs bundled in the application as the project {@value #SAMPLES_NAME}; used when the
     * app starts on an empty cache with no server configured.
     */
    public ImportReport importSamples(Progress progress) {
        try {
            return store(reader.readSamples(), progress, SAMPLES_NAME);
        } catch (IOException e) {
            throw new ImportFailure("Loading the bundled sample runs failed: " + e.getMessage()
                    + ". The application files may be damaged; reinstall Runbench.", e);
        }
    }

    private ImportReport store(List<ParsedRun> runs, Progress progress, String projectDisplayName) {
        long start = System.nanoTime();
        List<ImportedRun> imported = new ArrayList<>();
        int done = 0;
        for (ParsedRun parsed : runs) {
            if (progress.isCancelled()) {
                LOG.info("Import cancelled after {} of {} runs", done, runs.size());
                break;
            }
            progress.update("Writing " + parsed.name() + " to the cache", (double) done / runs.size());
            String projectName = projectDisplayName != null ? projectDisplayName : parsed.projectName();
            java.util.Optional<Run> cached = cache.run(parsed.run().id());
            RunData data = parsed.toRunData();
            if (cached.isPresent() && projectDisplayName == null) {
                // A file imported again, alone or with its folder, stays in the project it was first imported into.
                String projectId = cached.get().projectId();
                projectName = cache.projects().stream()
                        .filter(project -> project.server().equals(RunId.LOCAL_SERVER) && project.id().equals(projectId))
                        .map(Project::name).findFirst().orElse(projectName);
                data = new RunData(data.run().withProjectId(projectId), data.hyperparameters(), data.configuration(),
                        data.series());
            }
            try (CacheTransaction transaction = cache.begin()) {
                transaction.upsertProject(new Project(RunId.LOCAL_SERVER, data.run().projectId(), projectName, null));
                boolean existed = cached.isPresent();
                Map<SeriesKey, CacheTransaction.Merge> merges = transaction.storeRun(data);
                transaction.commit();
                imported.add(new ImportedRun(parsed.taskId(), parsed.name(), projectName, Path.of(parsed.sourcePath()),
                        written(merges), outcome(existed, merges)));
            }
            done++;
        }
        ImportReport report = new ImportReport(imported);
        LOG.info("Imported {} runs ({} new points) in {} ms", imported.size(), report.pointsWritten(),
                (System.nanoTime() - start) / 1_000_000);
        return report;
    }

    private static long written(Map<SeriesKey, CacheTransaction.Merge> merges) {
        return merges.values().stream().mapToLong(CacheTransaction.Merge::pointsWritten).sum();
    }

    private static String outcome(boolean existed, Map<SeriesKey, CacheTransaction.Merge> merges) {
        if (!existed) {
            return "NEW";
        }
        boolean replaced = merges.values().stream().anyMatch(m -> m.outcome() == CacheTransaction.MergeOutcome.REPLACED);
        if (replaced) {
            return "REPLACED";
        }
        return written(merges) > 0 ? "GROWN" : "UNCHANGED";
    }
}

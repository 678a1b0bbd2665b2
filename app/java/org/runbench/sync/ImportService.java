package org.runbench.sync;

import java.nio.file.Path;
import java.util.List;

/** Imports training-run files from disk into the cache; the app's Import menu and {@code runbench import} use it. */
public interface ImportService {

    /**
     * Imports results files, and every results file found under folders, each as one run. Each run is
     * written in its own transaction, so a failure leaves earlier runs imported and nothing of the failed
     * one. Blocks; call it off the JavaFX thread.
     *
     * @throws ImportFailure when a file cannot be read or parsed; its message names the file, line and column
     */
    ImportReport importPaths(List<Path> paths, Progress progress);

    /** Outcome of an import: one entry per run. */
    record ImportReport(List<ImportedRun> runs) {
        public long pointsWritten() {
            return runs.stream().mapToLong(ImportedRun::pointsWritten).sum();
        }
    }

    /**
     * One imported run.
     *
     * @param taskId        run id in the cache
     * @param name          run name
     * @param project       project name
     * @param source        the results file
     * @param pointsWritten points added to the cache by this import (0 when the file was imported before)
     * @param outcome       NEW, GROWN, UNCHANGED or REPLACED
     */
    record ImportedRun(String taskId, String name, String project, Path source, long pointsWritten, String outcome) {
    }

    /** A file that cannot be imported; the message is meant for users as it is. */
    final class ImportFailure extends RuntimeException {
        public ImportFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

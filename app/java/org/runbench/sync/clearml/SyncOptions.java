package org.runbench.sync.clearml;

/**
 * Tuning of {@link ClearMLSyncService}.
 *
 * @param eventBatch           scalar events per {@code events.get_task_events} page, 1 to 10,000 (the server
 *                             fails larger batches)
 * @param logBatch             console log entries per {@code events.get_task_log} page, 1 to 10,000
 * @param taskPageSize         tasks per {@code tasks.get_all_ex} page, 1 to 500
 * @param maxFailedRunsInARow  runs of one project that may fail one after another before the project's
 *                             sync stops, so a broken server does not cost one retry cycle per run
 */
public record SyncOptions(int eventBatch, int logBatch, int taskPageSize, int maxFailedRunsInARow) {

    /** Pages of 10,000 events and log entries and 500 tasks; a project stops after 3 failed runs in a row. */
    public static final SyncOptions DEFAULT = new SyncOptions(10_000, 10_000, 500, 3);

    public SyncOptions {
        requireRange("eventBatch", eventBatch, 10_000);
        requireRange("logBatch", logBatch, 10_000);
        requireRange("taskPageSize", taskPageSize, 500);
        if (maxFailedRunsInARow < 1) {
            throw new IllegalArgumentException("maxFailedRunsInARow must be at least 1, got " + maxFailedRunsInARow);
        }
    }

    private static void requireRange(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + ", got " + value);
        }
    }
}

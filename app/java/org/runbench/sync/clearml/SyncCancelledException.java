package org.runbench.sync.clearml;

/** Thrown inside a sync when the user cancelled; the run being written is rolled back. */
final class SyncCancelledException extends RuntimeException {

    SyncCancelledException() {
        super("Sync cancelled", null, false, false);
    }
}

package org.runbench.sync;

/**
 * Receives progress of long work and signals when to stop. Implementations must be thread-safe because
 * work calls them from a background thread.
 */
public interface Progress {

    /** A progress that ignores updates and is never cancelled. */
    Progress NONE = new Progress() {
        @Override
        public void update(String message, double fraction) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /**
     * Reports what is being done now.
     *
     * @param message  what is being done, naming the project, run or file
     * @param fraction 0 to 1, or a negative number when the share done is unknown
     */
    void update(String message, double fraction);

    /** Returns whether the user asked to stop; work checks it between units and stops within a second. */
    boolean isCancelled();
}

package org.runbench.views;

import java.util.function.Consumer;
import org.runbench.sync.Progress;

/**
 * Runs slow work off the JavaFX thread and hands the result back on it. View models receive one
 * instance; tests use {@link #direct()}, which runs everything on the calling thread.
 */
public interface TaskRunner {

    /** Work that may block; it reports through {@code progress} and stops when it is cancelled. */
    @FunctionalInterface
    interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** A started task. {@link #cancel()} requests the work to stop at its next check. */
    interface Handle {
        void cancel();
    }

    /**
     * Starts {@code work}; exactly one of {@code onSuccess} and {@code onFailure} is then called on the
     * JavaFX thread (on the calling thread for {@link #direct()}). A cancelled task calls neither.
     *
     * @param description what the work does, shown in the status bar while it runs
     */
    <T> Handle submit(String description, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * Starts {@code work} as {@link #submit(String, Work, Consumer, Consumer)} does, and calls {@code onCancelled}
     * on the JavaFX thread instead of either callback when the task is cancelled. Runners that cannot cancel
     * never call it.
     */
    default <T> Handle submit(String description, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                              Runnable onCancelled) {
        return submit(description, work, onSuccess, onFailure);
    }

    /** Returns a runner that does the work at once on the calling thread, for tests of view models. */
    static TaskRunner direct() {
        return new TaskRunner() {
            @Override
            public <T> Handle submit(String description, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.run(Progress.NONE);
                } catch (Exception e) {
                    onFailure.accept(e);
                    return () -> { };
                }
                onSuccess.accept(result);
                return () -> { };
            }
        };
    }
}

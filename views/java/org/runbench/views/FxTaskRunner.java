package org.runbench.views;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.runbench.sync.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's {@link TaskRunner}: a small pool of daemon threads, with the running task's message and share
 * done exposed as properties for the status bar. Properties change only on the JavaFX thread.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService executor;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);
    private final AtomicInteger threadCount = new AtomicInteger();
    private volatile FxHandle latest;
    /** Tasks started and not finished, oldest first. */
    private final java.util.Deque<FxHandle> active = new java.util.concurrent.ConcurrentLinkedDeque<>();

    public FxTaskRunner() {
        executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "runbench-worker-" + threadCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public <T> Handle submit(String description, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return submit(description, work, onSuccess, onFailure, () -> { });
    }

    @Override
    public <T> Handle submit(String description, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                             Runnable onCancelled) {
        FxHandle handle = new FxHandle(description);
        latest = handle;
        active.addLast(handle);
        running.set(running.get() + 1);
        message.set(description);
        fraction.set(-1);
        executor.execute(() -> {
            long start = System.nanoTime();
            T result = null;
            Throwable failure = null;
            try {
                result = work.run(handle.progress(description));
            } catch (Throwable e) {
                failure = e;
            }
            LOG.debug("{} took {} ms", description, (System.nanoTime() - start) / 1_000_000);
            T value = result;
            Throwable error = failure;
            Platform.runLater(() -> finish(handle, value, error, onSuccess, onFailure, onCancelled));
        });
        return handle;
    }

    private <T> void finish(FxHandle handle, T value, Throwable error, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                            Runnable onCancelled) {
        running.set(running.get() - 1);
        active.remove(handle);
        if (running.get() == 0) {
            message.set("");
            fraction.set(0);
        } else if (latest == handle && !active.isEmpty()) {
            // The status bar and its Cancel button move to the newest task still running.
            latest = active.peekLast();
            message.set(latest.description);
            fraction.set(-1);
        }
        if (handle.cancelled.get()) {
            onCancelled.run();
            return;
        }
        if (error != null) {
            onFailure.accept(error);
        } else {
            onSuccess.accept(value);
        }
    }

    /**
     * Cancels the most recently started task that is still running and not yet cancelled, as the status bar's
     * cancel button does.
     */
    public void cancelLatest() {
        for (java.util.Iterator<FxHandle> newestFirst = active.descendingIterator(); newestFirst.hasNext(); ) {
            FxHandle handle = newestFirst.next();
            if (!handle.cancelled.get()) {
                handle.cancel();
                return;
            }
        }
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Share done of the latest task, 0 to 1, or -1 when unknown. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private final class FxHandle implements Handle {
        final AtomicBoolean cancelled = new AtomicBoolean();
        final String description;

        FxHandle(String description) {
            this.description = description;
        }

        @Override
        public void cancel() {
            cancelled.set(true);
        }

        Progress progress(String description) {
            return new Progress() {
                @Override
                public void update(String text, double share) {
                    Platform.runLater(() -> {
                        if (latest == FxHandle.this) {
                            message.set(text == null || text.isBlank() ? description : text);
                            fraction.set(share);
                        }
                    });
                }

                @Override
                public boolean isCancelled() {
                    return cancelled.get();
                }
            };
        }
    }
}

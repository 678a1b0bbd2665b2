package org.runbench.sync.clearml;

import java.util.ArrayList;
import java.util.List;
import org.runbench.cache.ConsoleLine;
import org.runbench.sync.Progress;
import org.runbench.tracking.ClearMLClient;
import org.runbench.tracking.ClearMLPagingException;
import org.runbench.tracking.Endpoint;
import org.runbench.tracking.LogEvent;
import org.runbench.tracking.LogPage;

/** Reads a task's console log in ascending time, paging by timestamp, from a given timestamp on. */
final class ConsoleLogReader {

    private final ClearMLClient client;
    private final int batchSize;
    private final Progress progress;

    ConsoleLogReader(ClearMLClient client, int batchSize, Progress progress) {
        this.client = client;
        this.batchSize = batchSize;
        this.progress = progress;
    }

    /**
     * Returns every entry at or after {@code fromTimestamp} (epoch ms), or the whole log when it is null.
     *
     * @throws ClearMLPagingException when a batch does not move past the previous one
     * @throws SyncCancelledException when the user cancelled between two batches
     */
    List<ConsoleLine> readFrom(String taskId, Long fromTimestamp) {
        List<ConsoleLine> lines = new ArrayList<>();
        // The server returns entries after from_timestamp, so ask from one millisecond earlier.
        Long after = fromTimestamp == null ? null : fromTimestamp - 1;
        while (true) {
            if (progress.isCancelled()) {
                throw new SyncCancelledException();
            }
            LogPage page = client.logPage(taskId, after, batchSize);
            if (page.events().isEmpty()) {
                return lines;
            }
            long last = page.events().get(page.events().size() - 1).timestamp();
            if (after != null && last <= after) {
                throw new ClearMLPagingException("events.get_task_log on " + client.serverKey() + " for task " + taskId
                        + " returned a batch ending at timestamp " + last + ", not after the previous one (" + after
                        + "). Runbench stopped to avoid a loop; report this with the server version.",
                        client.serverKey(), Endpoint.EVENTS_GET_TASK_LOG.apiName(), 200, 200, 0, "", null);
            }
            for (LogEvent event : page.events()) {
                lines.add(new ConsoleLine(event.timestamp(), event.level(), event.worker(), event.iteration(), event.message()));
            }
            after = last;
        }
    }
}

package org.runbench.tracking;

import java.util.List;

/**
 * A ClearML queue with its pending tasks and the workers listening on it.
 *
 * @param pendingTaskIds ids of queued tasks, next one first
 * @param workers        ids of workers serving the queue
 */
public record QueueInfo(String id, String name, List<String> tags, List<String> pendingTaskIds, List<String> workers) {

    public QueueInfo {
        tags = List.copyOf(tags);
        pendingTaskIds = List.copyOf(pendingTaskIds);
        workers = List.copyOf(workers);
    }
}

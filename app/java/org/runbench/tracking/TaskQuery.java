package org.runbench.tracking;

import java.time.Instant;
import java.util.List;

/**
 * Filter for listing tasks.
 *
 * @param projectIds   project ids to include (sub-projects are not included); empty for every project
 * @param updatedSince only tasks whose {@code last_update} is at or after this instant; null for all
 */
public record TaskQuery(List<String> projectIds, Instant updatedSince) {

    /** Every task of every project. */
    public static final TaskQuery ALL = new TaskQuery(List.of(), null);

    public TaskQuery {
        projectIds = projectIds == null ? List.of() : List.copyOf(projectIds);
    }
}

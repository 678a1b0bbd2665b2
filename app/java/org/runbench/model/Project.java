package org.runbench.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A project on a server or a folder of imported runs.
 *
 * @param server     server name, {@link RunId#LOCAL_SERVER} for imported runs
 * @param id         project id on the server, or the project name for local projects
 * @param name       display name, with ClearML's {@code /} separated sub-project path
 * @param lastSynced when the project was last synced completely, or null if never
 */
public record Project(String server, String id, String name, Instant lastSynced) {
    public Project {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}

package org.runbench.sync.clearml;

import java.util.List;
import org.runbench.tracking.ServerSettings;

/**
 * The ClearML servers the settings name, the default one first, or the reason none could be read.
 *
 * @param servers the servers, empty when none is configured
 * @param problem why no server or not every server could be read, worded for users, or empty when all is well
 */
public record ConfiguredServers(List<ServerSettings> servers, String problem) {

    public ConfiguredServers {
        servers = List.copyOf(servers);
        problem = problem == null ? "" : problem;
    }

    /** Returns the configured servers with no problem to report. */
    public static ConfiguredServers of(List<ServerSettings> servers) {
        return new ConfiguredServers(servers, "");
    }
}

package org.runbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.sync.clearml.ConfiguredServers;
import org.runbench.tracking.ServerSettings;
import org.runbench.tracking.SettingsOverrides;

class SyncCompositionTest {

    @TempDir
    Path home;

    @Test
    void serversFileFollowsEachSystemsConfigFolder() {
        assertThat(SyncComposition.serversFile(Map.of(), "Linux", home))
                .isEqualTo(home.resolve(".config/runbench/servers.conf"));
        assertThat(SyncComposition.serversFile(Map.of("XDG_CONFIG_HOME", "/xdg"), "Linux", home))
                .isEqualTo(Path.of("/xdg/runbench/servers.conf"));
        assertThat(SyncComposition.serversFile(Map.of(), "Mac OS X", home))
                .isEqualTo(home.resolve("Library/Application Support/Runbench/servers.conf"));
        assertThat(SyncComposition.serversFile(Map.of("APPDATA", "/appdata"), "Windows 11", home))
                .isEqualTo(Path.of("/appdata/Runbench/servers.conf"));
    }

    @Test
    void defaultServerComesFirstThenServersFile() throws Exception {
        Path config = home.resolve(".config/runbench");
        Files.createDirectories(config);
        Files.writeString(config.resolve("servers.conf"), """
                servers = [
                  { name = "lab", api_server = "https://api.lab.example", access_key = "LABKEY", secret_key = "labsecret" }
                ]
                """);

        ConfiguredServers servers = SyncComposition.loadServers(
                new SettingsOverrides("http://127.0.0.1:8008", "KEY", "SECRET"), Map.of(), home, "Linux");

        assertThat(servers.problem()).isEmpty();
        assertThat(servers.servers()).extracting(ServerSettings::key).containsExactly("127.0.0.1:8008", "lab");
    }

    @Test
    void missingCredentialsBecomeProblemNotException() {
        ConfiguredServers servers = SyncComposition.loadServers(SettingsOverrides.NONE, Map.of(), home, "Linux");

        assertThat(servers.servers()).isEmpty();
        assertThat(servers.problem()).startsWith("No ClearML credentials are configured")
                .endsWith("Run clearml-init, or pass --access-key and --secret-key.");
    }
}

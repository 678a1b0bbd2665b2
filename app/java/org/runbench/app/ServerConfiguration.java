package org.runbench.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Checks whether the user has a ClearML server configured, which decides whether the app loads the samples. */
final class ServerConfiguration {

    private ServerConfiguration() {
    }

    static boolean isConfigured() {
        return isConfigured(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Returns whether a ClearML configuration file or API host variable exists, as the ClearML SDK looks for them. */
    static boolean isConfigured(Map<String, String> env, Path home) {
        if (hasText(env.get("CLEARML_API_HOST")) || hasText(env.get("TRAINS_API_HOST"))) {
            return true;
        }
        String configFile = env.get("CLEARML_CONFIG_FILE");
        if (hasText(configFile)) {
            return Files.isRegularFile(Path.of(configFile));
        }
        return Files.isRegularFile(home.resolve("clearml.conf"));
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}

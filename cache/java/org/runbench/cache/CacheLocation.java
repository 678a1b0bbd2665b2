package org.runbench.cache;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Chooses the default cache folder the way desktop apps do on each operating system. */
public final class CacheLocation {

    private CacheLocation() {
    }

    /**
     * Returns the default cache folder: {@code $XDG_DATA_HOME/runbench} (else {@code ~/.local/share/runbench})
     * on Linux, {@code ~/Library/Application Support/Runbench} on macOS and {@code %APPDATA%\Runbench} on Windows.
     *
     * @param env    environment variables
     * @param osName value of the {@code os.name} system property
     * @param home   the user's home folder
     */
    public static Path defaultDirectory(Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming") : Path.of(appData);
            return base.resolve("Runbench");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Runbench");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg == null || xdg.isBlank() ? home.resolve(".local").resolve("share") : Path.of(xdg);
        return base.resolve("runbench");
    }
}

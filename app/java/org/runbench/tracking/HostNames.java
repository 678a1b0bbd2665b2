package org.runbench.tracking;

/** Derives the web and file server URLs from the API URL the way the ClearML SDK does. */
final class HostNames {

    private HostNames() {
    }

    /** Replaces {@code api.} by {@code app.} (or {@code demoapi.} by {@code demoapp.}), else port 8008 by 8080. */
    static String deriveWebHost(String apiHost) {
        if (apiHost.contains("://demoapi.")) {
            return apiHost.replace("://demoapi.", "://demoapp.");
        }
        if (apiHost.contains("://api.")) {
            return apiHost.replace("://api.", "://app.");
        }
        if (apiHost.matches(".*:8008(/.*)?$")) {
            return apiHost.replaceFirst(":8008(/|$)", ":8080$1");
        }
        return apiHost;
    }

    /** Replaces {@code app.} by {@code files.}, else the web port by 8081, else appends port 8081. */
    static String deriveFilesHost(String webHost) {
        if (webHost.contains("://demoapp.")) {
            return webHost.replace("://demoapp.", "://demofiles.");
        }
        if (webHost.contains("://app.")) {
            return webHost.replace("://app.", "://files.");
        }
        if (webHost.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]+:\\d+(/.*)?$")) {
            return webHost.replaceFirst("(://[^/]+):\\d+", "$1:8081");
        }
        return webHost.replaceFirst("(://[^/]+)", "$1:8081");
    }
}

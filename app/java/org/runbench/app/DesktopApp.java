package org.runbench.app;

/** Starts the JavaFX desktop app. */
final class DesktopApp {
    private DesktopApp() {
    }

    static void launchApp(String[] args) {
        throw new UnsupportedOperationException("The desktop app is not wired yet");
    }
}

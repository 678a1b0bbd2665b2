package org.runbench.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.runbench.app.cli.Cli;

/**
 * Entry point of the jar and the installed app: with no command it opens the desktop app, otherwise it
 * runs the command line. It does not extend {@code javafx.application.Application}, so JavaFX can stay on
 * the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int status = Cli.run(args, out, err);
        System.exit(status);
    }
}

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
        if (args.length > 0 && System.getenv("RUNBENCH_LOG_LEVEL") == null) {
            // Commands print their results on stdout; keep routine log lines out of the way.
            System.setProperty("runbench.log.level", "WARN");
        } else if (System.getenv("RUNBENCH_LOG_LEVEL") != null) {
            System.setProperty("runbench.log.level", System.getenv("RUNBENCH_LOG_LEVEL"));
        }
        System.setProperty("java.awt.headless", String.valueOf(args.length > 0 && !System.getProperty("java.awt.headless", "").equals("false")));
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int status = Cli.run(args, out, err);
        System.exit(status);
    }
}

package org.runbench.app.cli;

import java.io.PrintWriter;
import org.runbench.cache.CacheException;
import picocli.CommandLine;

/** Runs the command line and maps outcomes to exit status: 0 success, 1 failure, 2 usage error. */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private Cli() {
    }

    /** Parses and runs {@code args}, writing results to {@code out} and messages to {@code err}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new RunbenchCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof CommandLine.ParameterException usage) {
                err.println("runbench: " + usage.getMessage());
                err.println("See '" + usage.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
                err.flush();
                return USAGE;
            }
            if (exception instanceof CliFailure || exception instanceof CacheException) {
                err.println("runbench: " + exception.getMessage());
            } else {
                err.println("runbench: unexpected error: " + exception
                        + ". Please report it with the command you ran; the log has the details.");
                org.slf4j.LoggerFactory.getLogger(Cli.class).error("Command failed", exception);
            }
            err.flush();
            return FAILURE;
        });
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status == CommandLine.ExitCode.USAGE ? USAGE : status;
    }
}

package org.runbench.app.cli;

/** A command that cannot do its job because of the user's input or data; exits with status 1 and its message. */
public final class CliFailure extends RuntimeException {
    public CliFailure(String message) {
        super(message);
    }

    public CliFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

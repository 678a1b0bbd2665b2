package org.runbench.tracking;

import java.util.List;

/**
 * Result of checking a server's settings: the outcome, a plain message, the next step for the user and
 * any warnings (such as certificate checking being off).
 *
 * @param serverVersion the server release when {@link Outcome#CONNECTED}, else empty
 */
public record ConnectionCheck(Outcome outcome, String serverKey, String serverVersion, String message,
                              String nextStep, List<String> warnings) {

    /** Outcome of one attempt to reach the server. */
    public enum Outcome {
        /** Logged in and read the server version. */
        CONNECTED,
        /** The server responded but rejected the access key and secret key, or none are configured. */
        BAD_CREDENTIALS,
        /** No connection: refused, unknown host, or timed out. */
        UNREACHABLE,
        /** The TLS handshake failed, for example on an untrusted or expired certificate. */
        TLS_FAILURE,
        /** Something answered, but not a ClearML API server (for example the web UI). */
        NOT_AN_API_SERVER
    }

    public ConnectionCheck {
        warnings = List.copyOf(warnings);
    }

    public boolean isConnected() {
        return outcome == Outcome.CONNECTED;
    }
}

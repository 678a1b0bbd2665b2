package org.runbench.tracking;

/**
 * A ClearML call failed; carries the server, the endpoint, the HTTP status, the result code and subcode
 * and the server's own message apart from the text shown to users.
 *
 * <p>Subclasses say what kind of failure it was. HTTP status, result code and subcode are 0 when no
 * response arrived (for example a connection failure).
 */
public class ClearMLException extends RuntimeException {

    private final String server;
    private final String endpoint;
    private final int httpStatus;
    private final int resultCode;
    private final int resultSubcode;
    private final String serverMessage;

    public ClearMLException(String message, String server, String endpoint, int httpStatus, int resultCode,
                            int resultSubcode, String serverMessage, Throwable cause) {
        super(message, cause);
        this.server = server;
        this.endpoint = endpoint;
        this.httpStatus = httpStatus;
        this.resultCode = resultCode;
        this.resultSubcode = resultSubcode;
        this.serverMessage = serverMessage == null ? "" : serverMessage;
    }

    /** Returns the server key of the server that was called. */
    public String server() {
        return server;
    }

    /** Returns the endpoint name, for example {@code tasks.get_all_ex}. */
    public String endpoint() {
        return endpoint;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Returns {@code meta.result_code}, or 0 when the response had no envelope. */
    public int resultCode() {
        return resultCode;
    }

    /** Returns {@code meta.result_subcode}, for example 101 for an unknown task id. */
    public int resultSubcode() {
        return resultSubcode;
    }

    /** Returns {@code meta.result_msg} as the server wrote it, or empty. */
    public String serverMessage() {
        return serverMessage;
    }
}

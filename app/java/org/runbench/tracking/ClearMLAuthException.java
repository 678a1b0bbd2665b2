package org.runbench.tracking;

/** The server rejected the credentials or the token (HTTP 401). */
public class ClearMLAuthException extends ClearMLException {

    public ClearMLAuthException(String message, String server, String endpoint, int httpStatus, int resultCode,
            int resultSubcode, String serverMessage, Throwable cause) {
        super(message, server, endpoint, httpStatus, resultCode, resultSubcode, serverMessage, cause);
    }
}

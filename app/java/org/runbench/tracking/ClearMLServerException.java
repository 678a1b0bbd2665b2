package org.runbench.tracking;

/** The server failed (HTTP 5xx), or stayed busy (429, 502, 503, 504) after every retry. */
public class ClearMLServerException extends ClearMLException {

    public ClearMLServerException(String message, String server, String endpoint, int httpStatus, int resultCode,
            int resultSubcode, String serverMessage, Throwable cause) {
        super(message, server, endpoint, httpStatus, resultCode, resultSubcode, serverMessage, cause);
    }
}

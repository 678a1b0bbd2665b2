package org.runbench.tracking;

/** The server rejected the request as invalid (HTTP 400 other than an unknown id). */
public class ClearMLInvalidRequestException extends ClearMLException {

    public ClearMLInvalidRequestException(String message, String server, String endpoint, int httpStatus, int resultCode,
            int resultSubcode, String serverMessage, Throwable cause) {
        super(message, server, endpoint, httpStatus, resultCode, resultSubcode, serverMessage, cause);
    }
}

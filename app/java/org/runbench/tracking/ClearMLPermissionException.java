package org.runbench.tracking;

/** The server does not allow this operation for the caller (HTTP 403). */
public class ClearMLPermissionException extends ClearMLException {

    public ClearMLPermissionException(String message, String server, String endpoint, int httpStatus, int resultCode,
            int resultSubcode, String serverMessage, Throwable cause) {
        super(message, server, endpoint, httpStatus, resultCode, resultSubcode, serverMessage, cause);
    }
}

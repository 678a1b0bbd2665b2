package org.runbench.tracking;

/** No response arrived: the connection failed, timed out, or broke mid-body. */
public class ClearMLConnectionException extends ClearMLException {

    public ClearMLConnectionException(String message, String server, String endpoint, int httpStatus, int resultCode,
            int resultSubcode, String serverMessage, Throwable cause) {
        super(message, server, endpoint, httpStatus, resultCode, resultSubcode, serverMessage, cause);
    }
}

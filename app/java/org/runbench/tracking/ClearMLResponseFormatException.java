package org.runbench.tracking;

/** A response arrived that is not a ClearML JSON envelope, such as an HTML page or truncated JSON. */
public class ClearMLResponseFormatException extends ClearMLException {

    public ClearMLResponseFormatException(String message, String server, String endpoint, int httpStatus, int resultCode,
            int resultSubcode, String serverMessage, Throwable cause) {
        super(message, server, endpoint, httpStatus, resultCode, resultSubcode, serverMessage, cause);
    }
}

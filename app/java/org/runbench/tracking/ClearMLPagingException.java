package org.runbench.tracking;

/** A paged read did not advance (repeated scroll id or page) or returned more than the server announced. */
public class ClearMLPagingException extends ClearMLException {

    public ClearMLPagingException(String message, String server, String endpoint, int httpStatus, int resultCode,
            int resultSubcode, String serverMessage, Throwable cause) {
        super(message, server, endpoint, httpStatus, resultCode, resultSubcode, serverMessage, cause);
    }
}

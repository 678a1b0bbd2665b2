package org.runbench.tracking;

/** An entity (task, project, queue, model) or the endpoint itself does not exist on the server. */
public class ClearMLNotFoundException extends ClearMLException {

    public ClearMLNotFoundException(String message, String server, String endpoint, int httpStatus, int resultCode,
            int resultSubcode, String serverMessage, Throwable cause) {
        super(message, server, endpoint, httpStatus, resultCode, resultSubcode, serverMessage, cause);
    }
}

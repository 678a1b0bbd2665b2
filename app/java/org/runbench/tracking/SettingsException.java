package org.runbench.tracking;

/** Server settings could not be read or are incomplete; the message names the file or variable and the fix. */
public class SettingsException extends RuntimeException {

    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.runbench.views;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every dialog the app shows goes through this interface, so view models can be tested without a window
 * and all messages are reviewed in one place. Call on the JavaFX thread.
 */
public interface UserMessages {

    /** Shows a failure: {@code message} is for users (what failed, on what, what to do next). */
    void showError(String title, String message);

    void showInfo(String title, String message);

    /** Asks for results files or folders to import; empty when the user cancels. */
    List<Path> chooseImportFiles();

    /** Asks for a folder to import; empty when the user cancels. */
    Optional<Path> chooseImportFolder();

    /** Asks the user to confirm an action that cannot be undone; false when the user cancels. */
    default boolean confirm(String title, String message) {
        return false;
    }

    /** Asks for a line of text, such as a name; empty when the user cancels. */
    default Optional<String> askText(String title, String prompt, String initialText) {
        return Optional.empty();
    }

    /** Asks where to save a file with the given extension (such as {@code png}); empty when the user cancels. */
    Optional<Path> chooseSaveFile(String title, String suggestedName, String extension);
}

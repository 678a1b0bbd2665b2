package org.runbench.views;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@link UserMessages} for tests: records every dialog instead of showing it, answers save dialogs with a
 * file in a chosen folder and text prompts with a chosen answer, and picks no file to import.
 */
public final class RecordingUserMessages implements UserMessages {

    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final List<String> infos = Collections.synchronizedList(new ArrayList<>());
    private Path saveFolder;
    private String textAnswer;
    private boolean confirmation;

    /** Makes save dialogs return the suggested file name inside {@code folder}. */
    public RecordingUserMessages savingInto(Path folder) {
        saveFolder = folder;
        return this;
    }

    /** Answers text prompts with {@code answer}. */
    public RecordingUserMessages answering(String answer) {
        textAnswer = answer;
        return this;
    }

    /** Makes confirmations return {@code answer}. The default is to cancel. */
    public RecordingUserMessages confirming(boolean answer) {
        confirmation = answer;
        return this;
    }

    @Override
    public boolean confirm(String title, String message) {
        return confirmation;
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public void showInfo(String title, String message) {
        infos.add(title + ": " + message);
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initialText) {
        return Optional.ofNullable(textAnswer);
    }

    @Override
    public List<Path> chooseImportFiles() {
        return List.of();
    }

    @Override
    public Optional<Path> chooseImportFolder() {
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, String extension) {
        return saveFolder == null ? Optional.empty() : Optional.of(saveFolder.resolve(suggestedName));
    }

    /** Returns the error dialogs shown so far, as "title: message". */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** Returns the information dialogs shown so far, as "title: message". */
    public List<String> infos() {
        return List.copyOf(infos);
    }

    /** Returns every dialog shown so far, errors first. */
    public List<String> all() {
        List<String> all = new ArrayList<>(errors());
        all.addAll(infos());
        return all;
    }
}

package org.runbench.views.connection;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.runbench.model.Run;
import org.runbench.sync.SyncService;
import org.runbench.views.TaskRunner;

/**
 * State of the console log tab: the cached log of one run, downloaded on demand, and a search that keeps
 * only the matching lines. Reads and downloads go through the task runner.
 */
public final class LogViewModel {

    private final Optional<SyncService> sync;
    private final TaskRunner tasks;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Select one run in the Runs tab to see its console log.");
    private List<String> allLines = List.of();
    private Run run;

    public LogViewModel(Optional<SyncService> sync, TaskRunner tasks) {
        this.sync = sync;
        this.tasks = tasks;
        search.addListener((observable, old, text) -> applySearch());
    }

    /** Shows the cached log of {@code selected}, or the reason there is none. */
    public void show(Run selected) {
        run = selected;
        setLog(List.of());
        if (selected == null) {
            status.set("Select one run in the Runs tab to see its console log.");
            return;
        }
        if (selected.id().isLocal()) {
            status.set(selected.name() + " was imported from a file; imported runs have no console log.");
            return;
        }
        if (sync.isEmpty()) {
            status.set("No ClearML server is configured, so no console log can be read.");
            return;
        }
        SyncService service = sync.get();
        tasks.submit("Reading the cached log of " + selected.name(), progress -> service.cachedConsoleLog(selected.id()), log -> {
            if (run != selected) {
                return;
            }
            if (log.isEmpty()) {
                status.set("The log of " + selected.name() + " is not cached yet. Press Download log.");
            } else {
                setLog(split(log.get()));
                status.set(selected.name() + ": " + allLines.size() + " lines (cached)");
            }
        }, error -> status.set("Reading the cached log failed: " + error.getMessage()));
    }

    /** Downloads the log of the shown run from its server and caches it. */
    public void download() {
        Run selected = run;
        if (selected == null || selected.id().isLocal() || sync.isEmpty()) {
            return;
        }
        SyncService service = sync.get();
        tasks.submit("Downloading the log of " + selected.name(), progress -> service.syncConsoleLog(selected.id(), progress), log -> {
            if (run == selected) {
                setLog(split(log));
                status.set(selected.name() + ": " + allLines.size() + " lines");
            }
        }, error -> status.set("Downloading the log failed: " + error.getMessage()
                + ". The server may be unreachable; the cached log, if any, is still shown."));
    }

    private void setLog(List<String> newLines) {
        allLines = newLines;
        applySearch();
    }

    private void applySearch() {
        String text = search.get() == null ? "" : search.get().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            lines.setAll(allLines);
            return;
        }
        lines.setAll(allLines.stream().filter(line -> line.toLowerCase(Locale.ROOT).contains(text)).toList());
        status.set(lines.size() + " of " + allLines.size() + " lines contain \"" + search.get() + "\"");
    }

    private static List<String> split(String log) {
        return log.isEmpty() ? List.of() : List.of(log.split("\\R", -1));
    }

    public ObservableList<String> lines() {
        return lines;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public boolean canDownload() {
        return run != null && !run.id().isLocal() && sync.isPresent();
    }
}

package org.runbench.views;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.runbench.model.Project;
import org.runbench.model.Run;
import org.runbench.model.RunId;
import org.runbench.model.RunRepository;
import org.runbench.model.SeriesKey;
import org.runbench.model.SeriesSummary;
import org.runbench.sync.ImportService;

/**
 * State of the main window: projects, the runs of the selected project with their metric summaries, and
 * the runs picked for comparison. Reads the cache only, through the task runner, so it works offline.
 * All properties change on the JavaFX thread.
 */
public final class MainViewModel {

    private final RunRepository repository;
    private final ImportService importService;
    private final TaskRunner tasks;
    private final UserMessages messages;
    private final org.runbench.sync.RunRemoval removal;

    private final ObservableList<Project> projects = FXCollections.observableArrayList();
    private final ObjectProperty<Project> selectedProject = new SimpleObjectProperty<>();
    private final ObservableList<RunRow> runs = FXCollections.observableArrayList();
    private final ObservableList<SeriesKey> metricKeys = FXCollections.observableArrayList();
    private final ObservableList<RunRow> selectedRuns = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<CompareRequest> comparedRuns = new SimpleObjectProperty<>();

    public MainViewModel(RunRepository repository, ImportService importService, org.runbench.sync.RunRemoval removal,
                         TaskRunner tasks, UserMessages messages) {
        this.removal = Objects.requireNonNull(removal, "removal");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.importService = Objects.requireNonNull(importService, "importService");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.messages = Objects.requireNonNull(messages, "messages");
        selectedProject.addListener((observable, old, project) -> loadRuns(project));
    }

    /** Reloads the project list, keeping the selected project when it still exists, else picking the first. */
    public void refreshProjects() {
        tasks.submit("Reading projects from the cache", progress -> repository.projects(), loaded -> {
            Project previous = selectedProject.get();
            projects.setAll(loaded);
            Project keep = previous == null ? null : loaded.stream()
                    .filter(p -> p.server().equals(previous.server()) && p.id().equals(previous.id()))
                    .findFirst().orElse(null);
            if (keep == null && !loaded.isEmpty()) {
                keep = loaded.get(0);
            }
            if (Objects.equals(keep, previous)) {
                loadRuns(keep);
            } else {
                selectedProject.set(keep);
            }
            status.set(loaded.isEmpty() ? "The cache is empty. Import runs with File > Import, or sync a ClearML project from the Connection tab." : loaded.size() + " projects cached");
        }, this::showFailure);
    }

    private void loadRuns(Project project) {
        if (project == null) {
            runs.clear();
            metricKeys.clear();
            return;
        }
        tasks.submit("Reading runs of " + project.name(), progress -> readRows(project), rows -> {
            TreeSet<SeriesKey> keys = new TreeSet<>();
            rows.forEach(row -> keys.addAll(row.summaries().keySet()));
            metricKeys.setAll(keys);
            runs.setAll(rows);
            status.set(project.name() + ": " + count(rows.size(), "run") + lastSyncedText(project));
        }, this::showFailure);
    }

    private List<RunRow> readRows(Project project) {
        List<Run> projectRuns = repository.runs(project.server(), project.id());
        Map<RunId, List<SeriesSummary>> summaries = repository.projectSummaries(project.server(), project.id());
        List<RunRow> rows = new ArrayList<>();
        for (Run run : projectRuns) {
            rows.add(RunRow.of(run, summaries.getOrDefault(run.id(), List.of())));
        }
        return rows;
    }

    /** Imports files or folders and then shows the project they went into. */
    public void importPaths(List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        tasks.submit("Importing " + describe(paths), progress -> importService.importPaths(paths, progress), report -> {
            status.set("Imported " + count(report.runs().size(), "run") + ", " + count(report.pointsWritten(), "new point"));
            String project = report.runs().isEmpty() ? null : report.runs().get(0).project();
            refreshProjectsSelecting(project);
        }, error -> messages.showError("Import failed", messageOf(error)));
    }

    private void refreshProjectsSelecting(String projectName) {
        tasks.submit("Reading projects from the cache", progress -> repository.projects(), loaded -> {
            projects.setAll(loaded);
            Project target = loaded.stream()
                    .filter(p -> p.server().equals(RunId.LOCAL_SERVER) && p.name().equals(projectName))
                    .findFirst().orElse(loaded.isEmpty() ? null : loaded.get(0));
            if (Objects.equals(target, selectedProject.get())) {
                loadRuns(target);
            } else {
                selectedProject.set(target);
            }
        }, this::showFailure);
    }

    /** Removes the selected runs from the cache after the user confirms, then reloads the project. */
    public void removeSelected() {
        List<RunRow> chosen = List.copyOf(selectedRuns);
        if (chosen.isEmpty()) {
            return;
        }
        String what = chosen.size() == 1 ? "the run " + chosen.get(0).name() : count(chosen.size(), "run");
        if (!messages.confirm("Remove from the cache", "Remove " + what + " and every cached point, hyperparameter and"
                + " log of it? Synced runs come back at the next sync only if they change on the server.")) {
            return;
        }
        List<RunId> ids = new ArrayList<>();
        chosen.forEach(row -> ids.add(row.run().id()));
        tasks.submit("Removing " + what, progress -> {
            removal.remove(ids);
            return ids.size();
        }, removed -> {
            status.set("Removed " + count(removed, "run"));
            refreshProjects();
        }, error -> messages.showError("Removing runs failed", messageOf(error)));
    }

    /**
     * Opens the comparison on the selected runs, or on every run of the project when none or one is
     * selected, so a project's runs are one click away.
     */
    public void compare() {
        List<RunRow> chosen = selectedRuns.size() >= 2 ? List.copyOf(selectedRuns) : List.copyOf(runs);
        if (chosen.isEmpty()) {
            messages.showInfo("Nothing to compare", "This project has no runs. Import runs with File > Import.");
            return;
        }
        comparedRuns.set(new CompareRequest(chosen));
    }

    /**
     * A request to open a comparison. Each request is a new object that is never equal to another, so
     * pressing Compare again on the same runs opens the comparison again.
     */
    public static final class CompareRequest {
        private final List<RunRow> rows;

        CompareRequest(List<RunRow> rows) {
            this.rows = List.copyOf(rows);
        }

        public List<RunRow> rows() {
            return rows;
        }
    }

    /** Returns the label of the compare button for the current selection. */
    public String compareLabel() {
        if (selectedRuns.size() >= 2) {
            return "Compare " + selectedRuns.size() + " selected runs";
        }
        return runs.size() == 1 ? "Compare the run" : "Compare all " + runs.size() + " runs";
    }

    /** Groups metric keys by metric for the column picker. */
    public Map<String, List<SeriesKey>> metricKeysByMetric() {
        Map<String, List<SeriesKey>> grouped = new LinkedHashMap<>();
        for (SeriesKey key : metricKeys) {
            grouped.computeIfAbsent(key.metric(), m -> new ArrayList<>()).add(key);
        }
        return grouped;
    }

    private void showFailure(Throwable error) {
        messages.showError("Reading the cache failed", messageOf(error));
    }

    static String messageOf(Throwable error) {
        Throwable cause = error;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Returns ", last synced …" in local time for a synced project, or nothing for imported files. */
    static String lastSyncedText(Project project) {
        if (project.lastSynced() == null) {
            return RunId.LOCAL_SERVER.equals(project.server()) ? "" : ", never synced completely";
        }
        java.time.LocalDateTime local = java.time.LocalDateTime.ofInstant(project.lastSynced(), java.time.ZoneId.systemDefault());
        return ", last synced " + local.withNano(0).toString().replace('T', ' ');
    }

    static String count(long number, String noun) {
        return number + " " + noun + (number == 1 ? "" : "s");
    }

    private static String describe(List<Path> paths) {
        return paths.size() == 1 ? String.valueOf(paths.get(0).getFileName()) : paths.size() + " paths";
    }

    public ObservableList<Project> projects() {
        return projects;
    }

    public ObjectProperty<Project> selectedProjectProperty() {
        return selectedProject;
    }

    public ObservableList<RunRow> runs() {
        return runs;
    }

    public ObservableList<SeriesKey> metricKeys() {
        return metricKeys;
    }

    /** Rows selected in the table; the view keeps it in step with the table's selection. */
    public ObservableList<RunRow> selectedRuns() {
        return selectedRuns;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Returns the latest request to compare runs, which {@link #compare()} sets. */
    public ObjectProperty<CompareRequest> comparedRunsProperty() {
        return comparedRuns;
    }

    public RunRepository repository() {
        return repository;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public UserMessages messages() {
        return messages;
    }
}

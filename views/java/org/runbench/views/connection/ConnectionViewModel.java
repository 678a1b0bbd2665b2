package org.runbench.views.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.runbench.model.Project;
import org.runbench.sync.SyncService;
import org.runbench.views.TaskRunner;
import org.runbench.views.UserMessages;

/**
 * State of the connection page and the status bar: configured servers, the last connection check, the
 * server's projects, and syncs started by hand or every few minutes. Without a sync service (no server
 * configured) it reports offline use of the cache. Properties change on the JavaFX thread.
 */
public final class ConnectionViewModel {

    private final Optional<SyncService> sync;
    private final TaskRunner tasks;
    private final UserMessages messages;
    private final Runnable afterSync;

    private final ObservableList<SyncService.ServerEntry> servers = FXCollections.observableArrayList();
    private final ObjectProperty<SyncService.ServerEntry> selectedServer = new SimpleObjectProperty<>();
    private final ObjectProperty<SyncService.ConnectionReport> lastCheck = new SimpleObjectProperty<>();
    private final ObservableList<SyncService.RemoteProject> remoteProjects = FXCollections.observableArrayList();
    private final ObservableList<SyncService.RemoteProject> chosenProjects = FXCollections.observableArrayList();
    private final StringProperty statusText = new SimpleStringProperty("");
    private final StringProperty resultText = new SimpleStringProperty("");
    private final BooleanProperty syncing = new SimpleBooleanProperty(false);
    private final BooleanProperty autoSync = new SimpleBooleanProperty(true);
    private final IntegerProperty autoSyncMinutes = new SimpleIntegerProperty(1);
    private Instant lastSyncFinished;

    /**
     * @param sync      the sync service, empty when no server is configured
     * @param afterSync called on the JavaFX thread after a sync wrote to the cache, to reload the views
     */
    public ConnectionViewModel(Optional<SyncService> sync, TaskRunner tasks, UserMessages messages, Runnable afterSync) {
        this.sync = sync;
        this.tasks = tasks;
        this.messages = messages;
        this.afterSync = afterSync;
        statusText.set(sync.isEmpty() ? "Offline: no ClearML server configured; showing the local cache" : "");
    }

    /** Reads the configured servers and checks the connection to the first one. */
    public void start() {
        if (sync.isEmpty()) {
            return;
        }
        SyncService service = sync.get();
        tasks.submit("Reading server settings", progress -> service.servers(), entries -> {
            servers.setAll(entries);
            if (!entries.isEmpty()) {
                selectedServer.set(entries.get(0));
                check();
            } else {
                statusText.set("Offline: no ClearML server configured; showing the local cache");
            }
        }, error -> statusText.set("Server settings could not be read: " + error.getMessage()));
    }

    /** Tests the connection to the selected server and shows the outcome with its next step. */
    public void check() {
        SyncService.ServerEntry server = selectedServer.get();
        if (sync.isEmpty() || server == null) {
            resultText.set("No ClearML server is configured. Run clearml-init or set CLEARML_API_HOST,"
                    + " CLEARML_API_ACCESS_KEY and CLEARML_API_SECRET_KEY, then restart Runbench.");
            return;
        }
        SyncService service = sync.get();
        tasks.submit("Testing the connection to " + server.key(), progress -> service.check(server.key()), report -> {
            lastCheck.set(report);
            resultText.set(describe(report));
            statusText.set(status(report));
            if (report.isConnected()) {
                loadRemoteProjects();
            }
        }, error -> resultText.set("The connection test failed: " + error.getMessage()));
    }

    private void loadRemoteProjects() {
        SyncService.ServerEntry server = selectedServer.get();
        SyncService service = sync.orElseThrow();
        tasks.submit("Listing projects on " + server.key(), progress -> service.remoteProjects(server.key(), progress),
                remoteProjects::setAll, error -> resultText.set("Listing the server's projects failed: " + error.getMessage()));
    }

    /** Syncs the chosen projects of the selected server, or all of them when none is chosen. */
    public void syncChosen() {
        List<String> ids = new ArrayList<>();
        chosenProjects.forEach(project -> ids.add(project.id()));
        syncProjects(ids, false);
    }

    /**
     * Syncs one cached project if it belongs to the selected server; used by the Sync button of the runs
     * table and by automatic sync.
     */
    public void syncProject(Project project, boolean automatic) {
        SyncService.ServerEntry server = selectedServer.get();
        if (project == null || server == null || !project.server().equals(server.key())) {
            if (!automatic) {
                messages.showInfo("Nothing to sync", project == null ? "Pick a project first."
                        : "The project " + project.name() + " comes from " + describeSource(project)
                                + ", not from the connected server, so there is nothing to sync.");
            }
            return;
        }
        syncProjects(List.of(project.id()), automatic);
    }

    private void syncProjects(List<String> projectIds, boolean automatic) {
        SyncService.ServerEntry server = selectedServer.get();
        if (sync.isEmpty() || server == null || syncing.get()) {
            return;
        }
        SyncService service = sync.get();
        syncing.set(true);
        String what = projectIds.isEmpty() ? "all projects" : projectIds.size() + " project(s)";
        tasks.submit("Syncing " + what + " from " + server.key(), progress -> service.sync(server.key(), projectIds, null, progress),
                report -> {
                    syncing.set(false);
                    lastSyncFinished = Instant.now();
                    resultText.set(describe(report));
                    statusText.set(server.key() + ": reachable; last synced at " + java.time.LocalTime.now().withNano(0));
                    afterSync.run();
                    if (!automatic && !report.failures().isEmpty()) {
                        messages.showError("Sync finished with problems", String.join("\n", report.failures()));
                    }
                }, error -> {
                    syncing.set(false);
                    statusText.set(server.key() + ": sync failed; showing the cached runs");
                    resultText.set("The sync failed: " + error.getMessage());
                    if (!automatic) {
                        messages.showError("Sync failed", error.getMessage());
                    }
                });
    }

    /** Returns whether an automatic sync is due, given the setting and the time of the last sync. */
    public boolean isAutoSyncDue(Instant now) {
        SyncService.ConnectionReport report = lastCheck.get();
        if (!autoSync.get() || autoSyncMinutes.get() <= 0 || syncing.get() || report == null || !report.isConnected()) {
            return false;
        }
        return lastSyncFinished == null || Duration.between(lastSyncFinished, now).toMinutes() >= autoSyncMinutes.get();
    }

    static String describe(SyncService.ConnectionReport report) {
        StringBuilder text = new StringBuilder(report.message());
        if (!report.nextStep().isBlank()) {
            text.append("\nNext step: ").append(report.nextStep());
        }
        for (String warning : report.warnings()) {
            text.append("\nWarning: ").append(warning);
        }
        return text.toString();
    }

    static String describe(SyncService.SyncReport report) {
        String text = (report.cancelled() ? "Sync cancelled: " : "Synced: ") + report.runsChanged() + " changed runs, "
                + report.pointsWritten() + " new points, " + report.runsDeleted() + " runs marked deleted on the server.";
        if (!report.failures().isEmpty()) {
            text += "\n" + report.failures().size() + " problems:\n" + String.join("\n", report.failures());
        }
        return text;
    }

    private static String status(SyncService.ConnectionReport report) {
        if (report.isConnected()) {
            return report.serverKey() + ": reachable" + (report.serverVersion().isBlank() ? "" : " (server " + report.serverVersion() + ")");
        }
        return report.serverKey() + ": not reachable (" + report.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + "); showing the cached runs";
    }

    private static String describeSource(Project project) {
        return org.runbench.model.RunId.LOCAL_SERVER.equals(project.server()) ? "imported files" : project.server();
    }

    public boolean hasSyncService() {
        return sync.isPresent();
    }

    public ObservableList<SyncService.ServerEntry> servers() {
        return servers;
    }

    public ObjectProperty<SyncService.ServerEntry> selectedServerProperty() {
        return selectedServer;
    }

    public ObjectProperty<SyncService.ConnectionReport> lastCheckProperty() {
        return lastCheck;
    }

    public ObservableList<SyncService.RemoteProject> remoteProjects() {
        return remoteProjects;
    }

    /** Projects picked for syncing on the connection page; the view keeps it in step with its check list. */
    public ObservableList<SyncService.RemoteProject> chosenProjects() {
        return chosenProjects;
    }

    /** Returns the status bar's line: the server, whether it is reachable, when the last sync finished. */
    public StringProperty statusTextProperty() {
        return statusText;
    }

    /** Returns the outcome of the last check or sync, with its next step, for the connection page. */
    public StringProperty resultTextProperty() {
        return resultText;
    }

    public BooleanProperty syncingProperty() {
        return syncing;
    }

    public BooleanProperty autoSyncProperty() {
        return autoSync;
    }

    /** Minutes between automatic syncs of the open project while connected. */
    public IntegerProperty autoSyncMinutesProperty() {
        return autoSyncMinutes;
    }
}

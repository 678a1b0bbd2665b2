package org.runbench.views.connection;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckListView;
import org.runbench.sync.SyncService;

/** The connection page: server, connection test with its outcome, the server's projects to sync, automatic sync. */
public final class ConnectionView extends VBox {

    public ConnectionView(ConnectionViewModel model) {
        super(10);
        setPadding(new Insets(12));
        getStyleClass().add("connection-page");

        ChoiceBox<SyncService.ServerEntry> server = new ChoiceBox<>(model.servers());
        server.setId("server-choice");
        server.setConverter(new StringConverter<>() {
            @Override
            public String toString(SyncService.ServerEntry entry) {
                return entry == null ? "" : entry.key() + "  (" + entry.apiUrl() + ", from " + entry.source() + ")";
            }

            @Override
            public SyncService.ServerEntry fromString(String text) {
                return null;
            }
        });
        server.valueProperty().bindBidirectional(model.selectedServerProperty());

        Button test = new Button("Test connection");
        test.setId("test-connection");
        test.setOnAction(event -> model.check());
        Button syncButton = new Button("Sync selected projects");
        syncButton.setId("sync-projects");
        syncButton.setTooltip(new javafx.scene.control.Tooltip("Sync the ticked projects, or every project when none is ticked"));
        syncButton.setOnAction(event -> model.syncChosen());
        syncButton.disableProperty().bind(model.syncingProperty().or(model.lastCheckProperty().isNull()));
        HBox serverRow = new HBox(8, new Label("Server"), server, test, syncButton);
        serverRow.setAlignment(Pos.CENTER_LEFT);

        TextArea result = new TextArea();
        result.setId("connection-result");
        result.setEditable(false);
        result.setWrapText(true);
        result.setPrefRowCount(5);
        result.textProperty().bind(model.resultTextProperty());

        CheckListView<SyncService.RemoteProject> projects = new CheckListView<>(model.remoteProjects());
        projects.setId("remote-projects");
        projects.getCheckModel().getCheckedItems().addListener((ListChangeListener<SyncService.RemoteProject>) change ->
                model.chosenProjects().setAll(projects.getCheckModel().getCheckedItems()));
        VBox.setVgrow(projects, Priority.ALWAYS);

        CheckBox auto = new CheckBox("Sync the open project automatically every");
        auto.setId("auto-sync");
        auto.selectedProperty().bindBidirectional(model.autoSyncProperty());
        Spinner<Integer> minutes = new Spinner<>(1, 120, model.autoSyncMinutesProperty().get());
        minutes.setId("auto-sync-minutes");
        minutes.setPrefWidth(80);
        minutes.valueProperty().addListener((observable, old, value) -> model.autoSyncMinutesProperty().set(value));
        HBox autoRow = new HBox(8, auto, minutes, new Label("minutes while connected"));
        autoRow.setAlignment(Pos.CENTER_LEFT);

        Label hint = new Label(model.hasSyncService()
                ? "Settings come from ~/clearml.conf (or CLEARML_CONFIG_FILE) and the CLEARML_* variables, as the ClearML SDK reads them."
                : "No ClearML server is configured. Run clearml-init, or set CLEARML_API_HOST, CLEARML_API_ACCESS_KEY and"
                        + " CLEARML_API_SECRET_KEY, then restart Runbench. Imported runs work without a server.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");

        getChildren().addAll(hint, serverRow, result, new Label("Projects on the server (tick to choose what to sync)"),
                projects, autoRow);
    }
}

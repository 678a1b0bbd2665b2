package org.runbench.views.connection;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** The console log tab: the selected run's log with a search field that keeps only matching lines. */
public final class LogView extends BorderPane {

    public LogView(LogViewModel model) {
        TextField search = new TextField();
        search.setId("log-search");
        search.setPromptText("Search the log");
        search.setPrefColumnCount(24);
        search.textProperty().bindBidirectional(model.searchProperty());
        Button download = new Button("Download log");
        download.setId("download-log");
        download.setOnAction(event -> model.download());
        Label status = new Label();
        status.setId("log-status");
        status.textProperty().bind(model.statusProperty());
        HBox bar = new HBox(8, search, download, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));

        ListView<String> lines = new ListView<>(model.lines());
        lines.setId("log-lines");
        lines.getStyleClass().add("log-lines");
        setTop(bar);
        setCenter(lines);
    }
}

package org.runbench.views.diff;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.runbench.model.diff.DiffCell;
import org.runbench.model.diff.DiffRow;

/**
 * The diff table: one row per hyperparameter or configuration key under its section header, one column per
 * run, differing rows with the CSS class {@code differs}. The toolbar has the "Only differences" toggle,
 * the key search and a button that opens a side-by-side text diff of a long value, as a double-click on
 * its row does.
 */
public final class DiffView extends BorderPane {

    /** Characters of a value the table shows before it shortens the value with an ellipsis. */
    static final int MAX_CELL_LENGTH = 60;

    static final String STYLESHEET = DiffView.class.getResource("diff.css").toExternalForm();

    private final DiffViewModel model;
    private final TableView<DiffLine> table = new TableView<>();

    public DiffView(DiffViewModel model) {
        this.model = model;
        getStyleClass().add("diff-view");
        getStylesheets().add(STYLESHEET);

        table.setId("diff-table");
        table.setItems(model.lines());
        table.setRowFactory(view -> new DiffTableRow());
        table.setPlaceholder(new Label("No keys to show."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        model.runLabels().addListener((ListChangeListener<String>) change -> buildColumns());
        buildColumns();

        ProgressIndicator loading = new ProgressIndicator();
        loading.setMaxSize(64, 64);
        loading.visibleProperty().bind(model.loadingProperty());
        StackPane center = new StackPane(table, loading);
        StackPane.setAlignment(loading, Pos.CENTER);

        Label status = new Label();
        status.setId("diff-status");
        status.textProperty().bind(model.statusProperty());
        setTop(toolbar(status));
        setCenter(center);
    }

    private ToolBar toolbar(Label status) {
        ToggleButton onlyDifferences = new ToggleButton("Only differences");
        onlyDifferences.setId("only-differences");
        onlyDifferences.selectedProperty().bindBidirectional(model.onlyDifferencesProperty());

        TextField search = new TextField();
        search.setId("diff-search");
        search.setPromptText("Search keys");
        search.setPrefColumnCount(18);
        search.textProperty().bindBidirectional(model.searchProperty());

        Button compareText = new Button("Compare text…");
        compareText.setId("compare-text");
        compareText.setTooltip(new Tooltip("Show the selected long value of two runs side by side, line by line"));
        compareText.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> longRow(table.getSelectionModel().getSelectedItem()) == null,
                table.getSelectionModel().selectedItemProperty()));
        compareText.setOnAction(event -> openTextDiff(longRow(table.getSelectionModel().getSelectedItem())));

        return new ToolBar(onlyDifferences, search, compareText, status);
    }

    private void buildColumns() {
        TableColumn<DiffLine, DiffLine> keyColumn = new TableColumn<>("Key");
        keyColumn.setId("key-column");
        keyColumn.setPrefWidth(260);
        keyColumn.setSortable(false);
        keyColumn.setCellValueFactory(features -> new ReadOnlyObjectWrapper<>(features.getValue()));
        keyColumn.setCellFactory(column -> new KeyCell());
        table.getColumns().setAll(List.of(keyColumn));

        List<String> labels = model.runLabels();
        for (int run = 0; run < labels.size(); run++) {
            TableColumn<DiffLine, DiffLine> column = new TableColumn<>(labels.get(run));
            column.setPrefWidth(220);
            column.setSortable(false);
            column.setCellValueFactory(features -> new ReadOnlyObjectWrapper<>(features.getValue()));
            int index = run;
            column.setCellFactory(ignored -> new ValueCell(index));
            table.getColumns().add(column);
        }
    }

    private static DiffRow longRow(DiffLine line) {
        return line instanceof DiffLine.Key key && key.row().isLong() ? key.row() : null;
    }

    /** Opens a window with the side-by-side text diff of {@code row}'s values; does nothing for null. */
    void openTextDiff(DiffRow row) {
        if (row == null) {
            return;
        }
        Stage stage = new Stage();
        if (getScene() != null) {
            stage.initOwner(getScene().getWindow());
        }
        stage.setTitle("Text diff: " + row.key());
        javafx.scene.control.Button close = new javafx.scene.control.Button("Close");
        close.setId("close-text-diff");
        close.setCancelButton(true);
        close.setOnAction(event -> stage.close());
        javafx.scene.layout.HBox buttons = new javafx.scene.layout.HBox(close);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        buttons.setPadding(new javafx.geometry.Insets(6, 8, 6, 8));
        javafx.scene.layout.BorderPane content = new javafx.scene.layout.BorderPane(new TextDiffView(model.textDiff(row)));
        content.setBottom(buttons);
        Scene scene = new Scene(content, 1000, 640);
        scene.getStylesheets().add(STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    /** Returns the table, for tests. */
    TableView<DiffLine> table() {
        return table;
    }

    /** Marks section headers and differing rows with CSS classes, and opens a long value's text diff on double-click. */
    private final class DiffTableRow extends TableRow<DiffLine> {

        DiffTableRow() {
            setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                    openTextDiff(longRow(getItem()));
                }
            });
        }

        @Override
        protected void updateItem(DiffLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("differs", "section-header", "long-value");
            if (empty || line == null) {
                return;
            }
            if (line instanceof DiffLine.Section) {
                getStyleClass().add("section-header");
            } else if (line instanceof DiffLine.Key key) {
                if (key.row().differs()) {
                    getStyleClass().add("differs");
                }
                if (key.row().isLong()) {
                    getStyleClass().add("long-value");
                }
            }
        }
    }

    /** Shows a section's name and key count, or a key's name within its section. */
    private static final class KeyCell extends TableCell<DiffLine, DiffLine> {
        @Override
        protected void updateItem(DiffLine line, boolean empty) {
            super.updateItem(line, empty);
            setTooltip(null);
            if (empty || line == null) {
                setText(null);
            } else if (line instanceof DiffLine.Section section) {
                setText(section.name() + " (" + section.keyCount() + (section.keyCount() == 1 ? " key)" : " keys)"));
            } else if (line instanceof DiffLine.Key key) {
                setText(key.row().name());
                setTooltip(new Tooltip(key.row().key()));
            }
        }
    }

    /** Shows one run's value of a key: its first line, shortened, with its type when the runs' types differ. */
    private static final class ValueCell extends TableCell<DiffLine, DiffLine> {

        private final int run;

        ValueCell(int run) {
            this.run = run;
        }

        @Override
        protected void updateItem(DiffLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().remove("absent");
            setTooltip(null);
            if (empty || !(line instanceof DiffLine.Key key)) {
                setText(null);
                return;
            }
            DiffCell cell = key.row().cell(run);
            if (!cell.isPresent()) {
                setText("(absent)");
                getStyleClass().add("absent");
                return;
            }
            String text = cell.shortened(MAX_CELL_LENGTH);
            if (key.row().typesDiffer() && !cell.type().isEmpty()) {
                text = text + " (" + cell.type() + ")";
            }
            setText(text);
            if (cell.isLong()) {
                setTooltip(new Tooltip(cell.value().length() > 2000 ? cell.value().substring(0, 2000) + DiffCell.ELLIPSIS : cell.value()));
            }
        }
    }
}

package org.runbench.views.diff;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A side-by-side text diff of one key's values in two runs: one list of aligned line pairs, left run on
 * the left, with inserted, deleted and changed lines coloured by the CSS classes {@code line-inserted},
 * {@code line-deleted} and {@code line-changed}. With more than two runs, two choice boxes pick the runs.
 */
public final class TextDiffView extends BorderPane {

    private final TextDiffViewModel model;
    private final ListView<LinePair> lines = new ListView<>();

    public TextDiffView(TextDiffViewModel model) {
        this.model = model;
        getStyleClass().add("text-diff");

        lines.setId("text-diff-lines");
        lines.setItems(model.pairs());
        lines.setCellFactory(view -> new PairCell());

        Label summary = new Label();
        summary.setId("text-diff-summary");
        summary.textProperty().bind(model.summaryProperty());
        summary.setPadding(new Insets(4, 8, 4, 8));

        setTop(header());
        setCenter(lines);
        setBottom(summary);
    }

    private GridPane header() {
        GridPane header = twoColumns();
        header.setPadding(new Insets(6, 8, 6, 8));
        header.getStyleClass().add("text-diff-header");
        if (model.runLabels().size() > 2) {
            header.add(runChoice("text-diff-left", model.leftRunProperty()), 0, 0);
            header.add(runChoice("text-diff-right", model.rightRunProperty()), 1, 0);
        } else {
            header.add(sideLabel("text-diff-left", model.leftRunProperty()), 0, 0);
            header.add(sideLabel("text-diff-right", model.rightRunProperty()), 1, 0);
        }
        return header;
    }

    private HBox runChoice(String id, javafx.beans.property.IntegerProperty run) {
        ChoiceBox<String> choice = new ChoiceBox<>();
        choice.setId(id);
        choice.getItems().setAll(model.runLabels());
        choice.getSelectionModel().select(run.get());
        choice.getSelectionModel().selectedIndexProperty().addListener((observable, old, index) -> {
            if (index.intValue() >= 0) {
                run.set(index.intValue());
            }
        });
        Label type = new Label();
        type.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> typeNote(run.get()), run));
        HBox box = new HBox(8, choice, type);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private HBox sideLabel(String id, javafx.beans.property.IntegerProperty run) {
        Label label = new Label(model.header(run.get()));
        label.setId(id);
        label.getStyleClass().add("text-diff-run");
        return new HBox(label);
    }

    /** Returns what the header adds to a run's label, such as {@code (float)} or {@code (absent)}. */
    private String typeNote(int run) {
        String header = model.header(run);
        String label = model.runLabels().get(run);
        return header.substring(label.length()).strip();
    }

    private static GridPane twoColumns() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(50);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        return grid;
    }

    /** Shows a line pair as two halves, each with its line number, coloured by the kind of change. */
    private static final class PairCell extends ListCell<LinePair> {

        private final Label leftNumber = number();
        private final Label leftText = text();
        private final Label rightNumber = number();
        private final Label rightText = text();
        private final GridPane row = twoColumns();

        PairCell() {
            HBox left = new HBox(6, leftNumber, leftText);
            HBox right = new HBox(6, rightNumber, rightText);
            left.getStyleClass().add("line-left");
            right.getStyleClass().add("line-right");
            row.add(left, 0, 0);
            row.add(right, 1, 0);
        }

        private static Label number() {
            Label label = new Label();
            label.getStyleClass().add("line-number");
            label.setMinWidth(40);
            label.setAlignment(Pos.CENTER_RIGHT);
            return label;
        }

        private static Label text() {
            Label label = new Label();
            label.getStyleClass().add("line-text");
            return label;
        }

        @Override
        protected void updateItem(LinePair pair, boolean empty) {
            super.updateItem(pair, empty);
            getStyleClass().removeAll("line-equal", "line-inserted", "line-deleted", "line-changed");
            setText(null);
            if (empty || pair == null) {
                setGraphic(null);
                return;
            }
            leftNumber.setText(pair.leftNumber() == 0 ? "" : Integer.toString(pair.leftNumber()));
            leftText.setText(pair.left() == null ? "" : pair.left());
            rightNumber.setText(pair.rightNumber() == 0 ? "" : Integer.toString(pair.rightNumber()));
            rightText.setText(pair.right() == null ? "" : pair.right());
            getStyleClass().add(switch (pair.change()) {
                case EQUAL -> "line-equal";
                case INSERTED -> "line-inserted";
                case DELETED -> "line-deleted";
                case CHANGED -> "line-changed";
            });
            setGraphic(row);
        }
    }
}

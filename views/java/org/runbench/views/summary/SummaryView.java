package org.runbench.views.summary;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.runbench.model.SeriesSummary;

/**
 * The summary table: one row per series and run with the last, minimum and maximum value and the iteration
 * of each. It sorts by any column, marks the best run of each series with a star, and offers a per-metric
 * choice of whether lower or higher is better.
 */
public final class SummaryView extends BorderPane {

    private static final String LOWER = "lower";
    private static final String HIGHER = "higher";

    private final TableView<SummaryRow> table = new TableView<>();

    public SummaryView(SummaryViewModel model) {
        table.setId("summary-table");
        table.setItems(model.rows());
        table.setPlaceholder(new Label("Compare runs to see their last, minimum and maximum values here."));

        TableColumn<SummaryRow, String> best = new TableColumn<>("Best");
        best.setId("summary-best");
        best.setPrefWidth(50);
        best.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().best() ? "★" : ""));
        TableColumn<SummaryRow, String> metric = new TableColumn<>("Metric");
        metric.setPrefWidth(220);
        metric.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().key().label()));
        TableColumn<SummaryRow, String> run = new TableColumn<>("Run");
        run.setPrefWidth(220);
        run.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().runName()));

        TableColumn<SummaryRow, String> direction = new TableColumn<>("Better");
        direction.setId("summary-direction");
        direction.setPrefWidth(90);
        direction.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().higherIsBetter() ? HIGHER : LOWER));
        direction.setCellFactory(column -> new DirectionCell(model));

        table.getColumns().add(best);
        table.getColumns().add(metric);
        table.getColumns().add(run);
        table.getColumns().add(direction);
        table.getColumns().add(number("Last", SeriesSummary::last));
        table.getColumns().add(iteration("Last at", SeriesSummary::lastIteration));
        table.getColumns().add(number("Min", SeriesSummary::min));
        table.getColumns().add(iteration("Min at", SeriesSummary::minIteration));
        table.getColumns().add(number("Max", SeriesSummary::max));
        table.getColumns().add(iteration("Max at", SeriesSummary::maxIteration));
        setCenter(table);
    }

    private static TableColumn<SummaryRow, Double> number(String title, Function<SeriesSummary, Double> value) {
        TableColumn<SummaryRow, Double> column = new TableColumn<>(title);
        column.setPrefWidth(110);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue().summary())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : org.runbench.views.ValueFormat.format(item));
            }
        });
        return column;
    }

    private static TableColumn<SummaryRow, Long> iteration(String title, Function<SeriesSummary, Long> value) {
        TableColumn<SummaryRow, Long> column = new TableColumn<>(title);
        column.setPrefWidth(90);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue().summary())));
        return column;
    }

    /** Returns the table, for tests. */
    public TableView<SummaryRow> table() {
        return table;
    }

    /** A cell with a choice of lower or higher is better; a change applies to every run of that metric. */
    private static final class DirectionCell extends TableCell<SummaryRow, String> {
        private final ChoiceBox<String> choice = new ChoiceBox<>(FXCollections.observableArrayList(LOWER, HIGHER));
        private final SummaryViewModel model;
        private boolean updating;

        DirectionCell(SummaryViewModel model) {
            this.model = model;
            choice.valueProperty().addListener((observable, old, value) -> {
                SummaryRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (!updating && row != null && value != null && !value.equals(old)) {
                    model.setHigherIsBetter(row.key(), HIGHER.equals(value));
                }
            });
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            updating = true;
            try {
                choice.setValue(item);
            } finally {
                updating = false;
            }
            setGraphic(choice);
        }
    }
}

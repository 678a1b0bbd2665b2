package org.runbench.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;
import org.runbench.charts.ChartGrid;
import org.runbench.charts.XAxisMode;
import org.jfree.data.Range;

/**
 * The comparison: a toolbar (columns, metric filter, x axis, log y, smoothing, reset, export), a legend
 * with each run's colour, and a grid of charts, one per metric/variant.
 */
public final class ComparisonView extends BorderPane {

    private final ComparisonViewModel model;
    private final UserMessages messages;
    private final GridPane grid = new GridPane();
    private final FlowPane legend = new FlowPane(12, 4);
    private final Label emptyLabel = new Label("Select runs in the Runs tab and press Compare.");
    private final List<ChartCell> cells = new ArrayList<>();

    public ComparisonView(ComparisonViewModel model, UserMessages messages) {
        this.model = model;
        this.messages = messages;
        getStyleClass().add("comparison");

        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setId("chart-scroll");
        ProgressIndicator loading = new ProgressIndicator();
        loading.setMaxSize(64, 64);
        loading.visibleProperty().bind(model.loadingProperty());
        emptyLabel.getStyleClass().add("placeholder");
        StackPane center = new StackPane(scroll, emptyLabel, loading);
        StackPane.setAlignment(emptyLabel, Pos.CENTER);

        legend.setPadding(new Insets(4, 8, 4, 8));
        legend.setId("legend");
        BorderPane top = new BorderPane(legend);
        top.setTop(toolbar());
        setTop(top);
        setCenter(center);

        model.charts().addListener((ListChangeListener<ComparisonViewModel.ChartItem>) change -> layoutCharts());
        model.columnsProperty().addListener((observable, old, value) -> placeCells());
        model.runs().addListener((ListChangeListener<RunRow>) change -> showLegend());
        model.loadingProperty().addListener((observable, was, loadingNow) -> updatePlaceholder());
    }

    private javafx.scene.layout.VBox toolbar() {
        Spinner<Integer> columns = new Spinner<>(1, ChartGrid.MAX_COLUMNS, model.columnsProperty().get());
        columns.setId("columns");
        columns.setPrefWidth(70);
        columns.valueProperty().addListener((observable, old, value) -> model.columnsProperty().set(value));
        model.columnsProperty().addListener((observable, old, value) -> columns.getValueFactory().setValue(value.intValue()));

        TextField filter = new TextField();
        filter.setId("metric-filter");
        filter.setPromptText("Filter metrics (text or regex)");
        filter.setPrefColumnCount(18);
        filter.textProperty().bindBidirectional(model.filterProperty());
        Tooltip filterTip = new Tooltip("A regular expression searched in metric/variant, case-insensitive;"
                + " text that is not a valid expression is matched as typed");
        filter.setTooltip(filterTip);
        model.filterErrorProperty().addListener((observable, old, error) -> {
            filter.setStyle(error == null || error.isEmpty() ? "" : "-fx-border-color: #c77700;");
            updatePlaceholder();
        });

        ChoiceBox<XAxisMode> xAxis = new ChoiceBox<>();
        xAxis.setId("x-axis");
        xAxis.getItems().setAll(XAxisMode.values());
        xAxis.setConverter(new StringConverter<>() {
            @Override
            public String toString(XAxisMode mode) {
                return mode == null ? "" : mode.axisLabel();
            }

            @Override
            public XAxisMode fromString(String text) {
                return XAxisMode.valueOf(text);
            }
        });
        xAxis.valueProperty().bindBidirectional(model.xAxisProperty());

        CheckBox logY = new CheckBox("Log y");
        logY.setId("log-y");
        logY.selectedProperty().bindBidirectional(model.logYProperty());
        CheckBox clip = new CheckBox("Fit y to 1–99 %");
        clip.setId("clip-outliers");
        clip.setTooltip(new Tooltip("Fit each y axis to the 1st to 99th percentile of the visible points;"
                + " points beyond are marked with triangles at the edge"));
        clip.selectedProperty().bindBidirectional(model.clipOutliersProperty());

        Slider smoothing = new Slider(0, 0.999, 0);
        smoothing.setId("smoothing");
        smoothing.setPrefWidth(120);
        Label smoothingValue = new Label("0.000");
        smoothing.valueChangingProperty().addListener((observable, was, changing) -> {
            if (!changing) {
                model.smoothingProperty().set(smoothing.getValue());
            }
        });
        smoothing.valueProperty().addListener((observable, old, value) -> {
            smoothingValue.setText(String.format(java.util.Locale.ROOT, "%.3f", value.doubleValue()));
            if (!smoothing.isValueChanging()) {
                model.smoothingProperty().set(value.doubleValue());
            }
        });

        Button reset = new Button("Reset zoom");
        reset.setId("reset-zoom");
        reset.setOnAction(event -> {
            model.forgetZoom();
            cells.forEach(ChartCell::resetZoom);
        });

        Button exportPng = new Button("Export PNG…");
        exportPng.setId("export-png");
        exportPng.setOnAction(event -> export("png"));
        Button exportSvg = new Button("Export SVG…");
        exportSvg.setId("export-svg");
        exportSvg.setOnAction(event -> export("svg"));

        ChoiceBox<ComparisonViewModel.SmoothingKind> smoothingKind = new ChoiceBox<>();
        smoothingKind.setId("smoothing-kind");
        smoothingKind.getItems().setAll(ComparisonViewModel.SmoothingKind.values());
        smoothingKind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ComparisonViewModel.SmoothingKind kind) {
                return kind == null ? "" : kind.label();
            }

            @Override
            public ComparisonViewModel.SmoothingKind fromString(String text) {
                return ComparisonViewModel.SmoothingKind.valueOf(text);
            }
        });
        smoothingKind.valueProperty().bindBidirectional(model.smoothingKindProperty());
        Spinner<Integer> window = new Spinner<>(1, 100_000, model.movingAverageWindowProperty().get());
        window.setId("moving-average-window");
        window.setEditable(true);
        window.setPrefWidth(90);
        window.setTooltip(new Tooltip("Moving-average window in points; 1 turns smoothing off"));
        window.valueProperty().addListener((observable, old, value) -> model.movingAverageWindowProperty().set(value));
        model.movingAverageWindowProperty().addListener((observable, old, value) -> window.getValueFactory().setValue(value.intValue()));
        model.smoothingProperty().addListener((observable, old, value) -> {
            if (!smoothing.isValueChanging()) {
                smoothing.setValue(value.doubleValue());
            }
        });
        boolean ema = model.smoothingKindProperty().get() == ComparisonViewModel.SmoothingKind.EMA;
        smoothing.setVisible(ema);
        smoothing.setManaged(ema);
        smoothingValue.setVisible(ema);
        smoothingValue.setManaged(ema);
        window.setVisible(!ema);
        window.setManaged(!ema);
        model.smoothingKindProperty().addListener((observable, old, kind) -> {
            boolean isEma = kind == ComparisonViewModel.SmoothingKind.EMA;
            smoothing.setVisible(isEma);
            smoothing.setManaged(isEma);
            smoothingValue.setVisible(isEma);
            smoothingValue.setManaged(isEma);
            window.setVisible(!isEma);
            window.setManaged(!isEma);
        });

        Button exportCsv = new Button("Export visible CSV…");
        exportCsv.setId("export-csv");
        exportCsv.setOnAction(event -> exportVisibleCsv());

        HBox smoothingBox = new HBox(4, new Label("Smoothing"), smoothingKind, smoothing, smoothingValue, window);
        smoothingBox.setAlignment(Pos.CENTER_LEFT);
        Button save = new Button("Save comparison…");
        save.setId("save-comparison");
        save.setOnAction(event -> messages.askText("Save comparison", "Name of this comparison", "")
                .ifPresent(model::save));
        javafx.scene.control.MenuButton open = new javafx.scene.control.MenuButton("Open saved");
        open.setId("open-saved");
        open.setOnShowing(event -> model.refreshSavedNames());
        javafx.scene.control.MenuItem placeholder = new javafx.scene.control.MenuItem("No saved comparisons yet");
        placeholder.setDisable(true);
        open.getItems().add(placeholder);
        model.savedNames().addListener((ListChangeListener<String>) change -> {
            open.getItems().clear();
            for (String name : model.savedNames()) {
                javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(name);
                item.setMnemonicParsing(false);
                item.setOnAction(action -> model.open(name));
                open.getItems().add(item);
            }
            if (open.getItems().isEmpty()) {
                javafx.scene.control.MenuItem none = new javafx.scene.control.MenuItem("No saved comparisons yet");
                none.setDisable(true);
                open.getItems().add(none);
            }
        });
        HBox columnsBox = new HBox(4, new Label("Columns"), columns);
        columnsBox.setAlignment(Pos.CENTER_LEFT);
        HBox axisBox = new HBox(4, new Label("X axis"), xAxis);
        axisBox.setAlignment(Pos.CENTER_LEFT);
        // A flow pane wraps the controls onto more lines in a narrow window instead of hiding them.
        FlowPane settings = new FlowPane(12, 6, columnsBox, filter, axisBox, logY, clip, smoothingBox, groupControls());
        settings.setPadding(new Insets(6, 8, 6, 8));
        settings.getStyleClass().add("comparison-settings");
        Label refining = new Label("Drawn from overviews; reading every point…");
        refining.setId("refining");
        refining.getStyleClass().add("refining");
        refining.visibleProperty().bind(model.refiningProperty());
        refining.managedProperty().bind(model.refiningProperty());
        refining.setTooltip(new Tooltip("The charts show a few thousand points per run that draw the same lines at"
                + " this width. Zoom and the crosshair use every point once it is read."));
        Label overviewOnly = new Label("Drawn from overviews: reading every point was stopped, so zoom shows overview"
                + " points only.");
        overviewOnly.setId("overview-only");
        Button readEveryPoint = new Button("Read every point");
        readEveryPoint.setId("read-every-point");
        readEveryPoint.setOnAction(event -> model.readEveryPoint());
        HBox overviewBox = new HBox(6, overviewOnly, readEveryPoint);
        overviewBox.setAlignment(Pos.CENTER_LEFT);
        overviewBox.visibleProperty().bind(model.overviewOnlyProperty());
        overviewBox.managedProperty().bind(model.overviewOnlyProperty());
        FlowPane actions = new FlowPane(6, 6, reset, exportPng, exportSvg, exportCsv, save, open, refining, overviewBox);
        actions.setPadding(new Insets(0, 8, 6, 8));
        actions.getStyleClass().add("comparison-actions");
        return new javafx.scene.layout.VBox(settings, actions);
    }

    private void layoutCharts() {
        cells.clear();
        List<String> labels = new ArrayList<>(model.legend().keySet());
        for (ComparisonViewModel.ChartItem item : model.charts()) {
            List<String> chartLabels = new ArrayList<>();
            for (int i = 0; i < item.chart().runCount(); i++) {
                chartLabels.add(item.chart().chart().getXYPlot().getDataset(0).getSeriesKey(i).toString());
            }
            cells.add(new ChartCell(item.chart(), item.initialLines(), chartLabels.isEmpty() ? labels : chartLabels,
                    model.tasks(), this::followZoom));
        }
        placeCells();
        updatePlaceholder();
        double[] zoom = model.rememberedZoom();
        if (zoom != null) {
            Range range = new Range(zoom[0], zoom[1]);
            cells.forEach(cell -> cell.applyXRange(range));
        }
    }

    private void updatePlaceholder() {
        emptyLabel.setVisible(cells.isEmpty() && !model.loadingProperty().get());
        String error = model.filterErrorProperty().get();
        emptyLabel.setText(model.runs().isEmpty() ? "Select runs in the Runs tab and press Compare."
                : "No metric matches the filter." + (error == null || error.isEmpty() ? "" : "\n" + error));
    }

    private HBox groupControls() {
        ChoiceBox<GroupMode> mode = new ChoiceBox<>();
        mode.setId("group-mode");
        mode.getItems().setAll(GroupMode.values());
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(GroupMode value) {
                return value == null ? "" : value.label();
            }

            @Override
            public GroupMode fromString(String text) {
                return GroupMode.valueOf(text);
            }
        });
        mode.valueProperty().bindBidirectional(model.groupModeProperty());

        TextField key = new TextField();
        key.setId("group-key");
        key.setPrefColumnCount(12);
        key.setPromptText("section/name or regex");
        key.setTooltip(new Tooltip("Hyperparameter: section/name or name. Tag: regular expression a tag must match."
                + " Name pattern: regular expression; its first group, or the whole match, names the group."));
        key.textProperty().bindBidirectional(model.groupKeyProperty());

        ChoiceBox<org.runbench.charts.GroupBand> band = new ChoiceBox<>();
        band.setId("group-band");
        band.getItems().setAll(org.runbench.charts.GroupBand.values());
        band.setConverter(new StringConverter<>() {
            @Override
            public String toString(org.runbench.charts.GroupBand value) {
                return value == org.runbench.charts.GroupBand.STANDARD_DEVIATION ? "band ±1 std" : "band min–max";
            }

            @Override
            public org.runbench.charts.GroupBand fromString(String text) {
                return org.runbench.charts.GroupBand.valueOf(text);
            }
        });
        band.valueProperty().bindBidirectional(model.groupBandProperty());

        CheckBox members = new CheckBox("Show members");
        members.setId("group-members");
        members.selectedProperty().bindBidirectional(model.showGroupMembersProperty());

        for (javafx.scene.Node node : List.of(key, band, members)) {
            node.disableProperty().bind(model.groupModeProperty().isEqualTo(GroupMode.NONE));
        }
        HBox box = new HBox(4, new Label("Group"), mode, key, band, members);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Zooms every chart to the x range the user picked in one of them; all charts share the x unit. */
    private void followZoom(Range range) {
        model.rememberZoom(range.getLowerBound(), range.getUpperBound());
        for (ChartCell cell : cells) {
            cell.applyXRange(range);
        }
    }

    private void placeCells() {
        int columnCount = Math.max(1, Math.min(ChartGrid.MAX_COLUMNS, model.columnsProperty().get()));
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        for (int c = 0; c < columnCount; c++) {
            ColumnConstraints constraints = new ColumnConstraints();
            constraints.setPercentWidth(100.0 / columnCount);
            constraints.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(constraints);
        }
        for (int i = 0; i < cells.size(); i++) {
            grid.add(cells.get(i), i % columnCount, i / columnCount);
        }
    }

    /** Shows one entry per run: a check box to show or hide it and a colour picker to recolour it. */
    private void showLegend() {
        legend.getChildren().clear();
        for (RunRow row : model.runs()) {
            java.awt.Color awt = model.legend().get(row.name());
            CheckBox visible = new CheckBox(row.name());
            visible.setMnemonicParsing(false);
            visible.setId("legend-visible-" + row.run().id().taskId());
            visible.setSelected(model.isRunVisible(row.run().id()));
            visible.selectedProperty().addListener((observable, was, shown) -> model.setRunVisible(row.run().id(), shown));
            ColorPicker picker = new ColorPicker(Color.rgb(awt.getRed(), awt.getGreen(), awt.getBlue()));
            picker.setId("legend-color-" + row.run().id().taskId());
            picker.getStyleClass().add(ColorPicker.STYLE_CLASS_BUTTON);
            picker.setPrefWidth(44);
            picker.setTooltip(new Tooltip("Colour of " + row.name() + " in every chart"));
            picker.setOnAction(event -> {
                Color picked = picker.getValue();
                model.setRunColor(row.run().id(), new java.awt.Color((float) picked.getRed(), (float) picked.getGreen(),
                        (float) picked.getBlue()));
            });
            HBox entry = new HBox(2, picker, visible);
            entry.setAlignment(Pos.CENTER_LEFT);
            entry.getStyleClass().add("legend-entry");
            legend.getChildren().add(entry);
        }
    }

    private void exportVisibleCsv() {
        if (cells.isEmpty()) {
            messages.showInfo("Nothing to export", "Open a comparison first.");
            return;
        }
        Range range = cells.get(0).xRange();
        messages.chooseSaveFile("Export visible points", "visible-points.csv", "csv").ifPresent(file ->
                model.tasks().submit("Exporting " + file.getFileName(), progress -> {
                    model.writeVisiblePoints(file, range.getLowerBound(), range.getUpperBound(), progress);
                    return file;
                }, written -> messages.showInfo("Export finished", "Wrote the visible points to " + written + "."),
                        error -> messages.showError("Export failed", MainViewModel.messageOf(error)),
                        () -> messages.showInfo("Export cancelled", "Stopped exporting; the partial file " + file
                                + " was deleted.")));
    }

    private void export(String extension) {
        if (cells.isEmpty()) {
            messages.showInfo("Nothing to export", "Open a comparison first.");
            return;
        }
        messages.chooseSaveFile("Export charts", "comparison." + extension, extension).ifPresent(file -> {
            ComparisonViewModel.GridExport export = model.gridExport();
            model.tasks().submit("Exporting " + file.getFileName(), progress -> {
                export.write(file, extension);
                return file;
            }, written -> messages.showInfo("Export finished", "Wrote " + written + "."),
                    error -> messages.showError("Export failed", MainViewModel.messageOf(error)));
        });
    }

    /** Returns the chart cells in grid order, for tests. */
    List<ChartCell> cells() {
        return List.copyOf(cells);
    }
}

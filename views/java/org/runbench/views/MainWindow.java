package org.runbench.views;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.runbench.model.Project;
import org.runbench.model.Run;
import org.runbench.model.RunId;
import org.runbench.model.SeriesKey;
import org.runbench.views.connection.ConnectionView;
import org.runbench.views.connection.ConnectionViewModel;
import org.runbench.views.connection.LogView;
import org.runbench.views.connection.LogViewModel;
import org.runbench.views.diff.DiffView;
import org.runbench.views.diff.DiffViewModel;
import org.runbench.views.summary.SummaryView;
import org.runbench.views.summary.SummaryViewModel;

/**
 * The main window's content: menu, project tree on the left, the runs table and the comparison in tabs,
 * and a status bar with the running task's progress.
 */
public final class MainWindow extends BorderPane {

    /** Metric columns shown at first, so a wide project does not open with hundreds of columns. */
    private static final int DEFAULT_METRIC_COLUMNS = 6;

    private final MainViewModel model;
    private final ComparisonViewModel comparison;
    private final TreeView<ProjectItem> projectTree = new TreeView<>();
    private final TableView<RunRow> table = new TableView<>();
    private final MenuButton columnsButton = new MenuButton("Metric columns");
    private final Set<SeriesKey> shownMetrics = new HashSet<>();
    private final TabPane tabs = new TabPane();
    private final Tab comparisonTab;
    private boolean treeUpdating;
    private final ConnectionViewModel connection;
    private javafx.animation.Timeline autoSyncTimer;

    public MainWindow(MainViewModel model, ComparisonViewModel comparison, SummaryViewModel summary, DiffViewModel diff,
                      ConnectionViewModel connection, LogViewModel log, FxTaskRunner taskRunner, Runnable quit) {
        this.connection = connection;
        this.model = model;
        this.comparison = comparison;
        getStyleClass().add("main-window");

        Tab runsTab = new Tab("Runs", runsPane());
        runsTab.setClosable(false);
        comparisonTab = new Tab("Comparison", new ComparisonView(comparison, model.messages()));
        comparisonTab.setClosable(false);
        comparisonTab.setId("comparison-tab");
        Tab summaryTab = new Tab("Summary", new SummaryView(summary));
        summaryTab.setClosable(false);
        summaryTab.setId("summary-tab");
        Tab diffTab = new Tab("Differences", new DiffView(diff));
        diffTab.setClosable(false);
        diffTab.setId("diff-tab");
        Tab logTab = new Tab("Console log", new LogView(log));
        logTab.setClosable(false);
        logTab.setId("log-tab");
        Tab connectionTab = new Tab("Connection", new ConnectionView(connection));
        connectionTab.setClosable(false);
        connectionTab.setId("connection-tab");
        tabs.getTabs().addAll(runsTab, comparisonTab, summaryTab, diffTab, logTab, connectionTab);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRow>) change -> {
            var selected = table.getSelectionModel().getSelectedItems();
            log.show(selected.size() == 1 ? selected.get(0).run() : null);
        });
        startAutoSync();

        projectTree.setId("project-tree");
        projectTree.setCellFactory(tree -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(ProjectItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
                setTooltip(empty || item == null || !item.isProject() ? null
                        : new javafx.scene.control.Tooltip(item.project().name()
                                + MainViewModel.lastSyncedText(item.project()).replaceFirst("^, ", "\n")));
            }
        });
        projectTree.setShowRoot(false);
        projectTree.setRoot(new TreeItem<>(ProjectItem.server("root")));
        SplitPane split = new SplitPane(projectTree, tabs);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(projectTree, false);

        setTop(menuBar(quit));
        setCenter(split);
        setBottom(statusBar(taskRunner));

        model.projects().addListener((ListChangeListener<Project>) change -> showProjects());
        model.selectedProjectProperty().addListener((observable, old, project) -> selectInTree(project));
        projectTree.getSelectionModel().selectedItemProperty().addListener((observable, old, item) -> {
            if (!treeUpdating && item != null && item.getValue().isProject()) {
                model.selectedProjectProperty().set(item.getValue().project());
            }
        });
        model.metricKeys().addListener((ListChangeListener<SeriesKey>) change -> rebuildMetricColumns());
        comparison.runs().addListener((ListChangeListener<RunRow>) change -> {
            summary.load(List.copyOf(comparison.runs()));
            diff.load(List.copyOf(comparison.runs()));
        });
        model.comparedRunsProperty().addListener((observable, old, request) -> {
            comparison.load(request.rows());
            tabs.getSelectionModel().select(comparisonTab);
        });
    }

    private MenuBar menuBar(Runnable quit) {
        MenuItem importFiles = new MenuItem("Import files…");
        importFiles.setId("menu-import-files");
        importFiles.setAccelerator(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN));
        importFiles.setOnAction(event -> model.importPaths(model.messages().chooseImportFiles()));
        MenuItem importFolder = new MenuItem("Import folder…");
        importFolder.setId("menu-import-folder");
        importFolder.setOnAction(event -> model.messages().chooseImportFolder().ifPresent(folder -> model.importPaths(List.of(folder))));
        MenuItem refresh = new MenuItem("Reload from cache");
        refresh.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        refresh.setOnAction(event -> model.refreshProjects());
        MenuItem exit = new MenuItem("Quit");
        exit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        exit.setOnAction(event -> quit.run());
        Menu file = new Menu("File", null, importFiles, importFolder, new SeparatorMenuItem(), refresh, new SeparatorMenuItem(), exit);

        MenuItem compare = new MenuItem("Compare runs");
        compare.setAccelerator(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN));
        compare.setOnAction(event -> model.compare());
        Menu view = new Menu("View", null, compare);
        return new MenuBar(file, view);
    }

    private Parent runsPane() {
        table.setId("runs-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setItems(model.runs());
        table.setPlaceholder(new Label("No runs in this project. Import runs with File > Import files…"));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRow>) change ->
                model.selectedRuns().setAll(new ArrayList<>(table.getSelectionModel().getSelectedItems())));
        javafx.scene.control.MenuItem remove = new javafx.scene.control.MenuItem("Remove from cache…");
        remove.setId("remove-runs");
        remove.setOnAction(event -> model.removeSelected());
        table.setContextMenu(new javafx.scene.control.ContextMenu(remove));
        table.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && !table.getSelectionModel().isEmpty()) {
                model.compare();
            }
        });

        TableColumn<RunRow, String> name = new TableColumn<>("Name");
        name.setId("column-name");
        name.setPrefWidth(260);
        name.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().name()));
        TableColumn<RunRow, String> status = new TableColumn<>("Status");
        status.setCellValueFactory(cell -> new ReadOnlyStringWrapper(statusText(cell.getValue().run())));
        TableColumn<RunRow, Long> lastIteration = new TableColumn<>("Last iteration");
        lastIteration.setPrefWidth(110);
        lastIteration.setCellValueFactory(cell -> {
            long iteration = cell.getValue().run().lastIteration();
            return new ReadOnlyObjectWrapper<>(iteration == Run.NO_ITERATION ? null : iteration);
        });
        TableColumn<RunRow, String> user = new TableColumn<>("User");
        user.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().run().user()));
        table.getColumns().addAll(List.of(name, status, lastIteration, user));

        Button compare = new Button();
        compare.setId("compare-button");
        compare.setDefaultButton(true);
        compare.setText(model.compareLabel());
        model.selectedRuns().addListener((ListChangeListener<RunRow>) change -> compare.setText(model.compareLabel()));
        model.runs().addListener((ListChangeListener<RunRow>) change -> compare.setText(model.compareLabel()));
        compare.setOnAction(event -> model.compare());
        compare.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.runs()));
        columnsButton.setId("metric-columns");
        Button sync = new Button("Sync project");
        sync.setId("sync-project");
        sync.setTooltip(new javafx.scene.control.Tooltip("Pull changed runs of this project from its ClearML server"));
        sync.setOnAction(event -> connection.syncProject(model.selectedProjectProperty().get(), false));
        sync.disableProperty().bind(connection.syncingProperty());
        Label hint = new Label("Ctrl/Shift-click to pick runs; double-click compares.");
        hint.getStyleClass().add("hint");
        ToolBar toolbar = new ToolBar(compare, columnsButton, sync, hint);

        BorderPane pane = new BorderPane(table);
        pane.setTop(toolbar);
        return pane;
    }

    private static String statusText(Run run) {
        String status = run.status().apiName().replace('_', ' ');
        return run.deleted() ? status + " (deleted on server)" : status;
    }

    private void rebuildMetricColumns() {
        table.getColumns().removeIf(column -> column.getUserData() instanceof SeriesKey);
        shownMetrics.retainAll(model.metricKeys());
        if (shownMetrics.isEmpty()) {
            model.metricKeys().stream().limit(DEFAULT_METRIC_COLUMNS).forEach(shownMetrics::add);
        }
        columnsButton.getItems().clear();
        for (Map.Entry<String, List<SeriesKey>> group : model.metricKeysByMetric().entrySet()) {
            for (SeriesKey key : group.getValue()) {
                CheckMenuItem item = new CheckMenuItem(key.label());
                item.setMnemonicParsing(false);
                item.setSelected(shownMetrics.contains(key));
                item.selectedProperty().addListener((observable, was, selected) -> {
                    if (selected) {
                        shownMetrics.add(key);
                    } else {
                        shownMetrics.remove(key);
                    }
                    showMetricColumns();
                });
                columnsButton.getItems().add(item);
            }
        }
        showMetricColumns();
    }

    private void showMetricColumns() {
        table.getColumns().removeIf(column -> column.getUserData() instanceof SeriesKey);
        for (SeriesKey key : model.metricKeys()) {
            if (!shownMetrics.contains(key)) {
                continue;
            }
            TableColumn<RunRow, Double> column = new TableColumn<>(key.label());
            column.setUserData(key);
            column.setPrefWidth(120);
            column.setCellValueFactory(cell -> {
                double value = cell.getValue().lastValue(key);
                return new ReadOnlyObjectWrapper<>(cell.getValue().summaries().containsKey(key) ? value : null);
            });
            column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(Double value, boolean empty) {
                    super.updateItem(value, empty);
                    setText(empty || value == null ? "" : ChartCell.format(value));
                }
            });
            table.getColumns().add(column);
        }
    }

    private void showProjects() {
        treeUpdating = true;
        try {
            TreeItem<ProjectItem> root = projectTree.getRoot();
            root.getChildren().clear();
            Map<String, TreeItem<ProjectItem>> servers = new java.util.LinkedHashMap<>();
            for (Project project : model.projects()) {
                TreeItem<ProjectItem> server = servers.computeIfAbsent(project.server(), name -> {
                    TreeItem<ProjectItem> item = new TreeItem<>(ProjectItem.server(
                            RunId.LOCAL_SERVER.equals(name) ? "Local files" : name));
                    item.setExpanded(true);
                    root.getChildren().add(item);
                    return item;
                });
                server.getChildren().add(new TreeItem<>(ProjectItem.of(project)));
            }
        } finally {
            treeUpdating = false;
        }
        selectInTree(model.selectedProjectProperty().get());
    }

    private void selectInTree(Project project) {
        if (project == null) {
            return;
        }
        for (TreeItem<ProjectItem> server : projectTree.getRoot().getChildren()) {
            for (TreeItem<ProjectItem> item : server.getChildren()) {
                if (project.equals(item.getValue().project())) {
                    treeUpdating = true;
                    try {
                        projectTree.getSelectionModel().select(item);
                    } finally {
                        treeUpdating = false;
                    }
                    return;
                }
            }
        }
    }

    private Parent statusBar(FxTaskRunner taskRunner) {
        Label status = new Label();
        status.setId("status-text");
        status.textProperty().bind(javafx.beans.binding.Bindings.when(taskRunner.runningProperty().greaterThan(0))
                .then(taskRunner.messageProperty()).otherwise(model.statusProperty()));
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(160);
        progress.progressProperty().bind(taskRunner.fractionProperty());
        progress.visibleProperty().bind(taskRunner.runningProperty().greaterThan(0));
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-task");
        cancel.visibleProperty().bind(taskRunner.runningProperty().greaterThan(0));
        cancel.setOnAction(event -> taskRunner.cancelLatest());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label offline = new Label();
        offline.setId("connection-status");
        offline.textProperty().bind(connection.statusTextProperty());
        HBox bar = new HBox(8, status, spacer, progress, cancel, offline);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** Checks every 15 seconds whether an automatic sync of the open project is due, and starts it. */
    private void startAutoSync() {
        autoSyncTimer = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(15), event -> {
            if (connection.isAutoSyncDue(java.time.Instant.now())) {
                connection.syncProject(model.selectedProjectProperty().get(), true);
            }
        }));
        autoSyncTimer.setCycleCount(javafx.animation.Animation.INDEFINITE);
        autoSyncTimer.play();
    }

    /** Selects the tab with the given title, as a click on it does. */
    public void selectTab(String title) {
        tabs.getTabs().stream().filter(tab -> tab.getText().equals(title)).findFirst()
                .ifPresent(tab -> tabs.getSelectionModel().select(tab));
    }

    /** Returns the title of the selected tab, for tests. */
    public String selectedTabTitle() {
        return tabs.getSelectionModel().getSelectedItem().getText();
    }

    /** Returns the runs table, for tests. */
    public TableView<RunRow> runsTable() {
        return table;
    }
}

package org.runbench.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.runbench.charts.ChartOptions;
import org.runbench.charts.LineSmoothing;
import org.runbench.charts.MetricChart;
import org.runbench.charts.MetricChartFactory;
import org.runbench.charts.RunColors;
import org.runbench.charts.XAxisMode;
import org.runbench.charts.YAxisScale;
import org.runbench.model.RunId;
import org.runbench.model.PointSeries;
import org.runbench.model.RunRepository;
import org.runbench.model.SeriesKey;

/**
 * State of the comparison: the compared runs, their points per metric/variant, and one chart per
 * metric/variant that passes the filter. Points are read and charts built and decimated on the task
 * runner; the chart list changes on the JavaFX thread only.
 */
public final class ComparisonViewModel {

    /** Pixel width charts are first decimated to, before the view has measured the real width. */
    static final int INITIAL_PIXEL_WIDTH = 900;

    private final RunRepository repository;
    private final org.runbench.model.ComparisonStore store;
    private final TaskRunner tasks;
    private final UserMessages messages;
    private final RunColors colors;

    private final ObservableList<RunRow> runs = FXCollections.observableArrayList();
    private final ObservableList<ChartItem> charts = FXCollections.observableArrayList();
    private final IntegerProperty columns = new SimpleIntegerProperty(2);
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty filterError = new SimpleStringProperty("");
    private final ObjectProperty<XAxisMode> xAxis = new SimpleObjectProperty<>(XAxisMode.ITERATION);
    private final BooleanProperty logY = new SimpleBooleanProperty(false);
    private final BooleanProperty clipOutliers = new SimpleBooleanProperty(false);
    private final ObjectProperty<GroupMode> groupMode = new SimpleObjectProperty<>(GroupMode.NONE);
    private final StringProperty groupKey = new SimpleStringProperty("");
    private final ObjectProperty<org.runbench.charts.GroupBand> groupBand =
            new SimpleObjectProperty<>(org.runbench.charts.GroupBand.MIN_MAX);
    private final BooleanProperty showGroupMembers = new SimpleBooleanProperty(false);
    private Map<RunId, List<org.runbench.model.Hyperparameter>> hyperparameters = Map.of();
    private final DoubleProperty smoothing = new SimpleDoubleProperty(0);
    private final ObjectProperty<SmoothingKind> smoothingKind = new SimpleObjectProperty<>(SmoothingKind.EMA);
    private final IntegerProperty movingAverageWindow = new SimpleIntegerProperty(25);
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    /** True while overview charts are shown and every point is still being read. */
    private final BooleanProperty refining = new SimpleBooleanProperty(false);
    /** True when overview charts stay on screen because reading every point was cancelled or failed. */
    private final BooleanProperty overviewOnly = new SimpleBooleanProperty(false);
    private TaskRunner.Handle fullRead;
    private Runnable retryFullRead;
    private final javafx.collections.ObservableSet<RunId> hiddenRuns = FXCollections.observableSet();
    private final Map<XAxisMode, double[]> zoomByAxis = new java.util.EnumMap<>(XAxisMode.class);

    private final ObservableList<String> savedNames = FXCollections.observableArrayList();
    private Map<SeriesKey, List<LoadedLine>> loaded = Map.of();
    private long generation;
    private boolean applyingSettings;

    public ComparisonViewModel(RunRepository repository, org.runbench.model.ComparisonStore store, TaskRunner tasks,
                               UserMessages messages, RunColors colors) {
        this.repository = repository;
        this.store = store;
        this.tasks = tasks;
        this.messages = messages;
        this.colors = colors;
        filter.addListener((observable, old, text) -> rebuild());
        xAxis.addListener((observable, old, mode) -> rebuild());
        logY.addListener((observable, old, on) -> rebuild());
        clipOutliers.addListener((observable, old, on) -> rebuild());
        groupMode.addListener((observable, old, mode) -> rebuild());
        groupKey.addListener((observable, old, text) -> rebuild());
        groupBand.addListener((observable, old, band) -> rebuild());
        showGroupMembers.addListener((observable, old, show) -> rebuild());
        smoothing.addListener((observable, old, weight) -> rebuild());
        smoothingKind.addListener((observable, old, kind) -> rebuild());
        movingAverageWindow.addListener((observable, old, window) -> rebuild());
        hiddenRuns.addListener((javafx.collections.SetChangeListener<RunId>) change -> rebuild());
    }

    /** Method that computes the smoothed line. */
    public enum SmoothingKind {
        /** TensorBoard's debiased exponential moving average, weight from the slider. */
        EMA("Exponential (TensorBoard)"),
        /** Centred moving average over a window of points. */
        MOVING_AVERAGE("Moving average");

        private final String label;

        SmoothingKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A chart of one metric/variant together with the decimated lines it first shows. */
    public record ChartItem(MetricChart chart, MetricChart.Lines initialLines) {
    }

    /** Reads every series of {@code rows} from the cache and builds the charts. */
    public void load(List<RunRow> rows) {
        applyingSettings = true;
        try {
            hiddenRuns.clear();
        } finally {
            applyingSettings = false;
        }
        zoomByAxis.clear();
        loadRows(rows);
    }

    private void loadRows(List<RunRow> rows) {
        runs.setAll(rows);
        long current = ++generation;
        startGeneration();
        loading.set(true);
        ChartOptions options = options();
        Predicate<SeriesKey> keyFilter = keyFilter();
        ChartInputs inputs = chartInputs();
        tasks.submit("Reading " + rows.size() + " runs for the comparison", progress -> {
            Map<RunId, List<org.runbench.model.Hyperparameter>> parameters = new java.util.HashMap<>();
            for (RunRow row : rows) {
                parameters.put(row.run().id(), repository.hyperparameters(row.run().id()));
            }
            Map<SeriesKey, List<LoadedLine>> points = seriesOf(rows);
            ChartInputs withParameters = inputs.withHyperparameters(parameters);
            List<ChartItem> overview = overviewCharts(repository, points, options, keyFilter, withParameters, progress);
            List<ChartItem> built = overview != null ? overview
                    : buildCharts(repository::points, points, options, keyFilter, withParameters, progress);
            return new Built(points, parameters, built, overview != null);
        }, built -> {
            if (current != generation) {
                return;
            }
            loaded = built.points;
            hyperparameters = built.parameters;
            loading.set(false);
            charts.setAll(built.charts);
            if (built.overview) {
                readFullResolution(current, built.points, options, keyFilter, inputs.withHyperparameters(built.parameters));
            }
        }, error -> {
            loading.set(false);
            messages.showError("Opening the comparison failed", MainViewModel.messageOf(error));
        });
    }

    private record Rebuilt(List<ChartItem> charts, boolean overview) {
    }

    private record Built(Map<SeriesKey, List<LoadedLine>> points,
                         Map<RunId, List<org.runbench.model.Hyperparameter>> parameters, List<ChartItem> charts,
                         boolean overview) {
    }

    /**
     * Builds the charts from the cache's overviews ({@link org.runbench.model.SeriesOverview}), which draw the
     * same picture at screen width from a few thousand points per run. Returns null when an overview cannot
     * stand in for the full series: smoothing, groups and outlier clipping need every point, and a long series
     * may have no overview stored yet.
     */
    private static List<ChartItem> overviewCharts(RunRepository repository, Map<SeriesKey, List<LoadedLine>> points,
                                                  ChartOptions options, Predicate<SeriesKey> keyFilter, ChartInputs inputs,
                                                  org.runbench.sync.Progress progress) {
        // A log axis leaves out values of zero or less, and an overview keeps each bucket's minimum, which may
        // be such a value, so it could lack the smallest value the axis can show.
        if (options.smoothing().isEnabled() || options.clipOutliers() || inputs.grouping().mode() != GroupMode.NONE
                || options.yScale() == YAxisScale.LOG) {
            return null;
        }
        List<Map.Entry<SeriesKey, LoadedLine>> shown = new ArrayList<>();
        boolean anyLong = false;
        for (Map.Entry<SeriesKey, List<LoadedLine>> entry : points.entrySet()) {
            if (!keyFilter.test(entry.getKey())) {
                continue;
            }
            for (LoadedLine line : entry.getValue()) {
                if (!inputs.hidden().contains(line.row().run().id())) {
                    shown.add(Map.entry(entry.getKey(), line));
                    org.runbench.model.SeriesSummary summary = line.row().summaries().get(entry.getKey());
                    anyLong |= summary != null && org.runbench.model.SeriesOverview.reduces(summary.points());
                }
            }
        }
        if (!anyLong) {
            // Every series is short enough to be its own overview, so reading every point is as quick.
            return null;
        }
        Map<RunId, Map<SeriesKey, PointSeries>> overviews = new java.util.HashMap<>();
        for (Map.Entry<SeriesKey, LoadedLine> entry : shown) {
            RunId id = entry.getValue().row().run().id();
            java.util.Optional<PointSeries> overview = repository.overview(id, entry.getKey());
            if (overview.isEmpty()) {
                return null;
            }
            overviews.computeIfAbsent(id, run -> new java.util.HashMap<>()).put(entry.getKey(), overview.get());
        }
        List<ChartItem> built = buildCharts((id, key) -> overviews.get(id).get(key), points, options, keyFilter, inputs,
                progress);
        for (ChartItem item : built) {
            item.chart().replaceNotes("Counts of points not drawn (gaps, missing timestamps) follow once every point"
                    + " is read.");
        }
        return built;
    }

    /** Replaces overview charts with full-resolution ones once every point is read, unless the comparison changed meanwhile. */
    private void readFullResolution(long current, Map<SeriesKey, List<LoadedLine>> points, ChartOptions options,
                                    Predicate<SeriesKey> keyFilter, ChartInputs inputs) {
        refining.set(true);
        overviewOnly.set(false);
        retryFullRead = () -> readFullResolution(current, points, options, keyFilter, inputs);
        fullRead = tasks.submit("Reading every point for the comparison", progress ->
                buildCharts(repository::points, points, options, keyFilter, inputs, progress), built -> {
                    if (current == generation) {
                        refining.set(false);
                        charts.setAll(built);
                    }
                }, error -> {
                    if (current == generation) {
                        refining.set(false);
                        overviewOnly.set(true);
                        messages.showError("Reading every point of the comparison failed", MainViewModel.messageOf(error));
                    }
                }, () -> {
                    if (current == generation) {
                        refining.set(false);
                        overviewOnly.set(true);
                    }
                });
    }

    /** Reads every point again after that read was cancelled or failed; does nothing otherwise. */
    public void readEveryPoint() {
        if (overviewOnly.get() && retryFullRead != null) {
            retryFullRead.run();
        }
    }

    /** Cancels the full-resolution read of an earlier generation, whose charts would be thrown away. */
    private void startGeneration() {
        if (fullRead != null) {
            fullRead.cancel();
            fullRead = null;
        }
        retryFullRead = null;
        refining.set(false);
        overviewOnly.set(false);
    }

    /** Source of a run's series for a chart build: every point, or the overview. */
    @FunctionalInterface
    private interface PointReader {
        PointSeries read(RunId id, SeriesKey key);
    }

    /**
     * One run that has a given series. Points are not kept here: each chart build reads them from the cache
     * and keeps only what the chart needs, so a comparison of millions of points fits in memory.
     */
    record LoadedLine(RunRow row) {
    }

    private static Map<SeriesKey, List<LoadedLine>> seriesOf(List<RunRow> rows) {
        Map<SeriesKey, List<LoadedLine>> byKey = new TreeMap<>();
        for (RunRow row : rows) {
            for (SeriesKey key : row.summaries().keySet()) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new LoadedLine(row));
            }
        }
        return byKey;
    }

    /** Colours, hidden runs and grouping, copied on the JavaFX thread for a background build. */
    private record ChartInputs(java.util.Set<RunId> hidden, Map<RunId, java.awt.Color> colours, RunGrouping grouping,
                               org.runbench.charts.GroupBand band, boolean showMembers,
                               Map<RunId, List<org.runbench.model.Hyperparameter>> parameters) {
        ChartInputs withHyperparameters(Map<RunId, List<org.runbench.model.Hyperparameter>> loadedParameters) {
            return new ChartInputs(hidden, colours, grouping, band, showMembers, loadedParameters);
        }
    }

    private ChartInputs chartInputs() {
        Map<RunId, java.awt.Color> colours = new LinkedHashMap<>();
        for (RunRow row : runs) {
            colours.put(row.run().id(), colors.colorOf(row.run().id()));
        }
        return new ChartInputs(java.util.Set.copyOf(hiddenRuns), colours, new RunGrouping(groupMode.get(), groupKey.get()),
                groupBand.get(), showGroupMembers.get(), hyperparameters);
    }

    /** Builds one chart per series key that passes the filter, in key order, using both cores. */
    private static List<ChartItem> buildCharts(PointReader repository, Map<SeriesKey, List<LoadedLine>> points,
                                               ChartOptions options, Predicate<SeriesKey> keyFilter, ChartInputs inputs,
                                               org.runbench.sync.Progress progress) {
        List<Map.Entry<SeriesKey, List<LoadedLine>>> entries = new ArrayList<>();
        for (Map.Entry<SeriesKey, List<LoadedLine>> entry : points.entrySet()) {
            if (keyFilter.test(entry.getKey())) {
                entries.add(entry);
            }
        }
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        return entries.parallelStream().map(entry -> {
            if (progress.isCancelled()) {
                return null;
            }
            ChartItem item = buildChart(repository, entry.getKey(), entry.getValue(), options, inputs);
            progress.update("Drawing " + entry.getKey().label(), (double) done.incrementAndGet() / entries.size());
            return item;
        }).filter(java.util.Objects::nonNull).toList();
    }

    private static ChartItem buildChart(PointReader repository, SeriesKey key, List<LoadedLine> loadedLines,
                                        ChartOptions options, ChartInputs inputs) {
        List<org.runbench.charts.SeriesSource> lines = new ArrayList<>();
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        Map<String, java.awt.Color> groupColours = new LinkedHashMap<>();
        for (LoadedLine line : loadedLines) {
            RunId id = line.row().run().id();
            if (inputs.hidden().contains(id)) {
                continue;
            }
            String group = inputs.grouping().groupOf(line.row(), inputs.parameters().getOrDefault(id, List.of()));
            if (group != null) {
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(lines.size());
                groupColours.putIfAbsent(group, inputs.colours().get(id));
            }
            lines.add(new org.runbench.charts.SeriesSource(line.row().name(), inputs.colours().get(id),
                    () -> repository.read(id, key)));
        }
        if (lines.isEmpty()) {
            return null;
        }
        List<org.runbench.charts.RunGroup> runGroups = new ArrayList<>();
        groups.forEach((label, members) -> runGroups.add(new org.runbench.charts.RunGroup(label, groupColours.get(label), members)));
        MetricChart chart = MetricChartFactory.createFromSources(key, lines, options, runGroups, inputs.band(),
                inputs.showMembers());
        return new ChartItem(chart, chart.shownLines());
    }

    /** Builds the charts again from the points already read, after a change of filter, axis or smoothing. */
    private void rebuild() {
        if (runs.isEmpty() || applyingSettings) {
            return;
        }
        Predicate<SeriesKey> keyFilter = keyFilter();
        ChartOptions options = options();
        ChartInputs inputs = chartInputs();
        Map<SeriesKey, List<LoadedLine>> points = loaded;
        long current = ++generation;
        startGeneration();
        tasks.submit("Drawing charts", progress -> {
            List<ChartItem> overview = overviewCharts(repository, points, options, keyFilter, inputs, progress);
            return overview != null ? new Rebuilt(overview, true)
                    : new Rebuilt(buildCharts(repository::points, points, options, keyFilter, inputs, progress), false);
        }, built -> {
            if (current == generation) {
                charts.setAll(built.charts());
                if (built.overview()) {
                    readFullResolution(current, points, options, keyFilter, inputs);
                }
            }
        }, error -> messages.showError("Drawing the charts failed", MainViewModel.messageOf(error)));
    }

    private ChartOptions options() {
        double weight = smoothing.get();
        LineSmoothing lineSmoothing;
        if (smoothingKind.get() == SmoothingKind.MOVING_AVERAGE) {
            int window = movingAverageWindow.get();
            lineSmoothing = window <= 1 ? LineSmoothing.none() : new LineSmoothing.MovingAverage(window);
        } else {
            lineSmoothing = weight <= 0 ? LineSmoothing.none() : new LineSmoothing.Ema(Math.min(weight, 0.999));
        }
        return new ChartOptions(xAxis.get(), logY.get() ? YAxisScale.LOG : YAxisScale.LINEAR, lineSmoothing, INITIAL_PIXEL_WIDTH,
                clipOutliers.get());
    }

    /**
     * Returns the metric filter: a case-insensitive regular expression searched in {@code metric/variant};
     * text that is not a valid expression is matched literally and the error is shown beside the field.
     */
    Predicate<SeriesKey> keyFilter() {
        String text = filter.get() == null ? "" : filter.get().trim();
        if (text.isEmpty()) {
            filterError.set("");
            return key -> true;
        }
        try {
            Pattern pattern = Pattern.compile(text, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            filterError.set("");
            return key -> pattern.matcher(key.label()).find();
        } catch (PatternSyntaxException e) {
            filterError.set("Not a regular expression (" + e.getDescription() + "); matching the text as typed.");
            String lower = text.toLowerCase(Locale.ROOT);
            return key -> key.label().toLowerCase(Locale.ROOT).contains(lower);
        }
    }

    /** Returns the runs of the comparison, labelled for the legend, in colour order. */
    public Map<String, java.awt.Color> legend() {
        Map<String, java.awt.Color> legend = new LinkedHashMap<>();
        for (RunRow row : runs) {
            legend.put(row.name(), colors.colorOf(row.run().id()));
        }
        return legend;
    }

    /**
     * Captures the current charts' inputs and zoom for an image export; call on the JavaFX thread, then run
     * {@link GridExport#write} on the task runner. The export builds its own charts, so the ones on screen
     * are never changed off the JavaFX thread.
     */
    public GridExport gridExport() {
        ChartOptions options = options();
        Predicate<SeriesKey> keyFilter = keyFilter();
        ChartInputs inputs = chartInputs();
        Map<SeriesKey, List<LoadedLine>> points = loaded;
        int columnCount = Math.max(1, Math.min(org.runbench.charts.ChartGrid.MAX_COLUMNS, columns.get()));
        double[] zoom = rememberedZoom();
        return (file, format) -> {
            List<MetricChart> exported = new ArrayList<>();
            buildCharts(repository::points, points, options, keyFilter, inputs, org.runbench.sync.Progress.NONE)
                    .forEach(item -> exported.add(item.chart()));
            org.runbench.charts.ChartGrid grid = new org.runbench.charts.ChartGrid(exported,
                    Math.min(columnCount, Math.max(1, exported.size())), 800, 500, zoom);
            if ("svg".equals(format)) {
                grid.writeSvg(file);
            } else {
                grid.writePng(file);
            }
        };
    }

    /** An image export of the comparison grid. */
    @FunctionalInterface
    public interface GridExport {
        /** Writes the grid as {@code png} or {@code svg}; blocks. */
        void write(java.nio.file.Path file, String format) throws java.io.IOException;
    }

    /** Reads the names of saved comparisons into {@link #savedNames()}. */
    public void refreshSavedNames() {
        tasks.submit("Reading saved comparisons", progress -> store.savedComparisonNames(), savedNames::setAll,
                error -> messages.showError("Reading saved comparisons failed", MainViewModel.messageOf(error)));
    }

    /** Saves the open comparison under {@code name}, replacing one of the same name. */
    public void save(String name) {
        if (runs.isEmpty()) {
            messages.showInfo("Nothing to save", "Open a comparison first, then save it.");
            return;
        }
        List<org.runbench.model.SavedComparison.SavedRun> savedRuns = new ArrayList<>();
        for (RunRow row : runs) {
            RunId id = row.run().id();
            savedRuns.add(new org.runbench.model.SavedComparison.SavedRun(id, colors.colorOf(id).getRGB() & 0xFFFFFF,
                    hiddenRuns.contains(id)));
        }
        org.runbench.model.SavedComparison comparison = new org.runbench.model.SavedComparison(name, java.time.Instant.now(),
                savedRuns, filter.get(), xAxis.get().name(), logY.get(), smoothingKind.get().name(), smoothing.get(),
                movingAverageWindow.get(), columns.get());
        tasks.submit("Saving comparison " + name, progress -> {
            store.saveComparison(comparison);
            return store.savedComparisonNames();
        }, savedNames::setAll, error -> messages.showError("Saving the comparison failed", MainViewModel.messageOf(error)));
    }

    /**
     * Opens a saved comparison: its runs that are still cached, their colours and visibility, and its
     * settings. Runs no longer in the cache are left out and named in a message.
     */
    public void open(String name) {
        tasks.submit("Opening comparison " + name, progress -> readSaved(name), opened -> {
            org.runbench.model.SavedComparison saved = opened.saved();
            applyingSettings = true;
            try {
                filter.set(saved.metricFilter());
                xAxis.set(parseEnum(XAxisMode.class, saved.xAxis(), XAxisMode.ITERATION));
                logY.set(saved.logY());
                smoothingKind.set(parseEnum(SmoothingKind.class, saved.smoothingKind(), SmoothingKind.EMA));
                smoothing.set(saved.smoothingWeight());
                movingAverageWindow.set(Math.max(1, saved.smoothingWindow()));
                columns.set(Math.max(1, Math.min(org.runbench.charts.ChartGrid.MAX_COLUMNS, saved.columns())));
                hiddenRuns.clear();
                for (org.runbench.model.SavedComparison.SavedRun run : saved.runs()) {
                    if (run.colorRgb() != null) {
                        colors.setColor(run.id(), new java.awt.Color(run.colorRgb()));
                    }
                    if (run.hidden()) {
                        hiddenRuns.add(run.id());
                    }
                }
            } finally {
                applyingSettings = false;
            }
            zoomByAxis.clear();
            loadRows(opened.rows());
            if (!opened.missing().isEmpty()) {
                messages.showInfo("Some runs are no longer cached", "The comparison '" + name + "' opened without "
                        + String.join(", ", opened.missing()) + ", which the cache no longer has. Sync or import them"
                        + " again and reopen the comparison to see them.");
            }
        }, error -> messages.showError("Opening the comparison failed", MainViewModel.messageOf(error)));
    }

    private record OpenedComparison(org.runbench.model.SavedComparison saved, List<RunRow> rows, List<String> missing) {
    }

    private OpenedComparison readSaved(String name) {
        org.runbench.model.SavedComparison saved = store.savedComparison(name).orElseThrow(() -> new IllegalStateException(
                "The saved comparison '" + name + "' no longer exists. Pick another one from the list."));
        List<RunRow> rows = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (org.runbench.model.SavedComparison.SavedRun savedRun : saved.runs()) {
            var run = repository.run(savedRun.id());
            if (run.isPresent()) {
                rows.add(RunRow.of(run.get(), repository.summaries(savedRun.id())));
            } else {
                missing.add(savedRun.id().taskId());
            }
        }
        return new OpenedComparison(saved, rows, missing);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String name, E fallback) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return fallback;
        }
    }

    /** Names of saved comparisons, after {@link #refreshSavedNames()} or {@link #save}. */
    public ObservableList<String> savedNames() {
        return savedNames;
    }

    /** Shows or hides a run in every chart. */
    public void setRunVisible(RunId id, boolean visible) {
        if (visible) {
            hiddenRuns.remove(id);
        } else {
            hiddenRuns.add(id);
        }
    }

    public boolean isRunVisible(RunId id) {
        return !hiddenRuns.contains(id);
    }

    /** Gives a run another colour in every chart. */
    public void setRunColor(RunId id, java.awt.Color color) {
        colors.setColor(id, color);
        rebuild();
    }

    /** Remembers the x range the user zoomed to for the current x axis, so switching back restores it. */
    public void rememberZoom(double lower, double upper) {
        zoomByAxis.put(xAxis.get(), new double[] {lower, upper});
    }

    /** Forgets the zoom of the current x axis, after a reset. */
    public void forgetZoom() {
        zoomByAxis.remove(xAxis.get());
    }

    /** Returns the remembered zoom {lower, upper} of the current x axis, or null. */
    public double[] rememberedZoom() {
        return zoomByAxis.get(xAxis.get());
    }

    /**
     * Writes the points inside {@code [lower, upper]} of the current x axis, for every shown chart and
     * visible run, as CSV with the header of {@code runbench export}. Blocks; call it on the task runner. A
     * cancelled {@code progress} stops it, deletes the partial file and throws a CancellationException.
     */
    public void writeVisiblePoints(java.nio.file.Path file, double lower, double upper, org.runbench.sync.Progress progress)
            throws java.io.IOException {
        VisiblePointsCsv.write(file, repository, loaded, keyFilter(), java.util.Set.copyOf(hiddenRuns), xAxis.get(), lower,
                upper, progress);
    }

    public ObservableList<RunRow> runs() {
        return runs;
    }

    public ObservableList<ChartItem> charts() {
        return charts;
    }

    public IntegerProperty columnsProperty() {
        return columns;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public StringProperty filterErrorProperty() {
        return filterError;
    }

    public ObjectProperty<XAxisMode> xAxisProperty() {
        return xAxis;
    }

    public BooleanProperty logYProperty() {
        return logY;
    }

    /** Returns the rule that groups runs into mean lines with a band. */
    public ObjectProperty<GroupMode> groupModeProperty() {
        return groupMode;
    }

    /** Returns the hyperparameter key ({@code section/name}), tag pattern or name pattern that groups runs. */
    public StringProperty groupKeyProperty() {
        return groupKey;
    }

    public ObjectProperty<org.runbench.charts.GroupBand> groupBandProperty() {
        return groupBand;
    }

    /** Returns whether the members of each group are drawn too, faded, each with its own line. */
    public BooleanProperty showGroupMembersProperty() {
        return showGroupMembers;
    }

    /** Returns whether the y axes fit the 1st to 99th percentile of the visible points, marking the rest at the edge. */
    public BooleanProperty clipOutliersProperty() {
        return clipOutliers;
    }

    /** EMA weight from 0 (off) to 0.999, as TensorBoard's smoothing slider. */
    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    public ObjectProperty<SmoothingKind> smoothingKindProperty() {
        return smoothingKind;
    }

    /** Window of the moving average in points; 1 turns it off. */
    public IntegerProperty movingAverageWindowProperty() {
        return movingAverageWindow;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** True while the charts show overviews and every point is still being read. */
    public BooleanProperty refiningProperty() {
        return refining;
    }

    /** True when the charts show overviews because reading every point was cancelled or failed. */
    public BooleanProperty overviewOnlyProperty() {
        return overviewOnly;
    }

    public TaskRunner tasks() {
        return tasks;
    }
}

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
import org.runbench.charts.RunSeries;
import org.runbench.charts.XAxisMode;
import org.runbench.charts.YAxisScale;
import org.runbench.model.PointSeries;
import org.runbench.model.RunRepository;
import org.runbench.model.SeriesKey;

/**
 * State of the comparison: the compared runs, their points per metric/variant, and one chart per
 * metric/variant that passes the filter. Points are read and charts built and decimated on the task
 * runner; the chart list changes on the JavaFX thread only.
 */
public final class ComparisonViewModel {

    /** Pixel width charts are first decimated to, before the view knows the real width. */
    static final int INITIAL_PIXEL_WIDTH = 900;

    private final RunRepository repository;
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
    private final DoubleProperty smoothing = new SimpleDoubleProperty(0);
    private final BooleanProperty loading = new SimpleBooleanProperty(false);

    private Map<SeriesKey, List<RunSeries>> loaded = Map.of();
    private long generation;

    public ComparisonViewModel(RunRepository repository, TaskRunner tasks, UserMessages messages, RunColors colors) {
        this.repository = repository;
        this.tasks = tasks;
        this.messages = messages;
        this.colors = colors;
        filter.addListener((observable, old, text) -> rebuild());
        xAxis.addListener((observable, old, mode) -> rebuild());
        logY.addListener((observable, old, on) -> rebuild());
        smoothing.addListener((observable, old, weight) -> rebuild());
    }

    /** A chart of one metric/variant together with the decimated lines it first shows. */
    public record ChartItem(MetricChart chart, MetricChart.Lines initialLines) {
    }

    /** Reads every series of {@code rows} from the cache and builds the charts. */
    public void load(List<RunRow> rows) {
        runs.setAll(rows);
        long current = ++generation;
        loading.set(true);
        ChartOptions options = options();
        Predicate<SeriesKey> keyFilter = keyFilter();
        tasks.submit("Reading " + rows.size() + " runs for the comparison", progress -> {
            Map<SeriesKey, List<RunSeries>> points = readPoints(rows, progress);
            return new Built(points, buildCharts(points, options, keyFilter));
        }, built -> {
            if (current != generation) {
                return;
            }
            loaded = built.points;
            charts.setAll(built.charts);
            loading.set(false);
        }, error -> {
            loading.set(false);
            messages.showError("Opening the comparison failed", MainViewModel.messageOf(error));
        });
    }

    private record Built(Map<SeriesKey, List<RunSeries>> points, List<ChartItem> charts) {
    }

    private Map<SeriesKey, List<RunSeries>> readPoints(List<RunRow> rows, org.runbench.sync.Progress progress) {
        Map<SeriesKey, List<RunSeries>> byKey = new TreeMap<>();
        int done = 0;
        for (RunRow row : rows) {
            if (progress.isCancelled()) {
                break;
            }
            progress.update("Reading " + row.name(), (double) done / rows.size());
            for (SeriesKey key : row.summaries().keySet()) {
                PointSeries points = repository.points(row.run().id(), key);
                java.awt.Color color = colors.colorOf(row.run().id());
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new RunSeries(row.name(), color, points));
            }
            done++;
        }
        return byKey;
    }

    private static List<ChartItem> buildCharts(Map<SeriesKey, List<RunSeries>> points, ChartOptions options,
                                               Predicate<SeriesKey> keyFilter) {
        List<ChartItem> items = new ArrayList<>();
        for (Map.Entry<SeriesKey, List<RunSeries>> entry : points.entrySet()) {
            if (!keyFilter.test(entry.getKey())) {
                continue;
            }
            MetricChart chart = MetricChartFactory.create(entry.getKey(), entry.getValue(), options);
            items.add(new ChartItem(chart, chart.decimateAll(options.pixelWidth())));
        }
        return items;
    }

    /** Builds the charts again from the points already read, after a change of filter, axis or smoothing. */
    private void rebuild() {
        if (runs.isEmpty()) {
            return;
        }
        Predicate<SeriesKey> keyFilter = keyFilter();
        ChartOptions options = options();
        Map<SeriesKey, List<RunSeries>> points = loaded;
        long current = ++generation;
        tasks.submit("Drawing charts", progress -> buildCharts(points, options, keyFilter), built -> {
            if (current == generation) {
                charts.setAll(built);
            }
        }, error -> messages.showError("Drawing the charts failed", MainViewModel.messageOf(error)));
    }

    private ChartOptions options() {
        double weight = smoothing.get();
        LineSmoothing lineSmoothing = weight <= 0 ? LineSmoothing.none() : new LineSmoothing.Ema(Math.min(weight, 0.999));
        return new ChartOptions(xAxis.get(), logY.get() ? YAxisScale.LOG : YAxisScale.LINEAR, lineSmoothing, INITIAL_PIXEL_WIDTH);
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

    /** EMA weight from 0 (off) to 0.999, as TensorBoard's smoothing slider. */
    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public TaskRunner tasks() {
        return tasks;
    }
}

package org.runbench.views;

import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.runbench.charts.DecimatedSeries;
import org.runbench.charts.MetricChart;

/**
 * One chart of the comparison grid: the JFreeChart-FX viewer, a read-out of every run's value at the
 * mouse position, and the chart's notes. Zooming or panning re-decimates the lines for the new x range
 * on the task runner, so the datasets never hold more than about four points per pixel column.
 */
final class ChartCell extends VBox {

    private final MetricChart chart;
    private final ChartViewer viewer;
    private final Label readout = new Label(" ");
    private final TaskRunner tasks;
    private final List<String> runLabels;
    private final PauseTransition redecimateDelay = new PauseTransition(Duration.millis(80));
    /** Quiet time after the last zoom or pan before lines are drawn at full quality again. */
    private final PauseTransition settleDelay = new PauseTransition(Duration.millis(300));
    /** Crosshair drawn over the chart as a JavaFX line, so moving the mouse never redraws the chart. */
    private final javafx.scene.shape.Line crosshair = new javafx.scene.shape.Line();
    /** Re-decimations submitted and not yet shown; the chart settles only when none is left. */
    private int redecimatesInFlight;
    private final java.util.function.Consumer<Range> onUserZoom;
    private boolean updating;
    private boolean rangeFromSync;
    private Range decimatedRange;

    /**
     * @param onUserZoom called on the JavaFX thread with the new x range after the user zoomed or panned
     *                   this chart, so the other charts can follow
     */
    ChartCell(MetricChart chart, MetricChart.Lines initialLines, List<String> runLabels, TaskRunner tasks,
              java.util.function.Consumer<Range> onUserZoom) {
        this.chart = chart;
        this.tasks = tasks;
        this.runLabels = runLabels;
        this.onUserZoom = onUserZoom;
        getStyleClass().add("chart-cell");
        chart.show(initialLines);
        decimatedRange = new Range(initialLines.xMin(), initialLines.xMax());

        viewer = new ChartViewer(chart.chart());
        viewer.setId("chart-" + chart.key().label());
        crosshair.getStyleClass().add("chart-crosshair");
        crosshair.setStroke(javafx.scene.paint.Color.GRAY);
        crosshair.setVisible(false);
        crosshair.setManaged(false);
        javafx.scene.layout.Pane overlay = new javafx.scene.layout.Pane(crosshair);
        overlay.setMouseTransparent(true);
        javafx.scene.layout.StackPane stack = new javafx.scene.layout.StackPane(viewer, overlay);
        stack.setPrefHeight(320);
        stack.setMinHeight(220);
        VBox.setVgrow(stack, Priority.ALWAYS);
        readout.getStyleClass().add("chart-readout");
        readout.setWrapText(true);
        // Two lines of read-out whatever its length, so hovering never changes the height of the cell.
        readout.setMinHeight(32);
        readout.setPrefHeight(32);
        readout.setMaxHeight(32);
        getChildren().addAll(stack, readout);
        List<String> bottomTexts = chart.takeBottomTexts();
        if (!bottomTexts.isEmpty()) {
            // Shown as a wrapping label: drawn by JFreeChart-FX, a long note can lose both ends.
            Label notes = new Label(String.join("\n", bottomTexts));
            notes.getStyleClass().add("chart-notes");
            notes.setWrapText(true);
            notes.setMinHeight(Region.USE_PREF_SIZE);
            getChildren().add(notes);
        }

        XYPlot plot = chart.chart().getXYPlot();
        plot.getDomainAxis().addChangeListener(event -> scheduleRedecimate());
        redecimateDelay.setOnFinished(event -> redecimate());
        settleDelay.setOnFinished(event -> settle());
        // Filters run before the viewer's own handlers zoom or pan, so even the first frame is drawn fast.
        viewer.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, this::routeScroll);
        viewer.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_DRAGGED, event -> beginInteraction());
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                showReadout(event.getTrigger().getX());
            }
        });
        viewer.setOnMouseExited(event -> {
            readout.setText(" ");
            crosshair.setVisible(false);
        });
    }

    MetricChart metricChart() {
        return chart;
    }

    ChartViewer viewer() {
        return viewer;
    }

    /** Returns the x range of the domain axis, in the axis unit. */
    Range xRange() {
        return chart.chart().getXYPlot().getDomainAxis().getRange();
    }

    /** Shows {@code range} on the x axis, as another chart was zoomed to, without echoing it back. */
    void applyXRange(Range range) {
        if (range.equals(xRange())) {
            return;
        }
        rangeFromSync = true;
        beginInteraction();
        chart.chart().getXYPlot().getDomainAxis().setRange(range);
    }

    /** Shows the whole data range again and fits the y axis to it. */
    void resetZoom() {
        int width = pixelWidth();
        tasks.submit("Resetting zoom of " + chart.key().label(), progress -> chart.decimateAll(width), lines -> {
            updating = true;
            try {
                chart.show(lines);
                decimatedRange = new Range(lines.xMin(), lines.xMax());
                XYPlot plot = chart.chart().getXYPlot();
                plot.getDomainAxis().setAutoRange(true);
                if (!lines.isClipped()) {
                    plot.getRangeAxis().setAutoRange(true);
                }
            } finally {
                updating = false;
            }
        }, error -> { });
    }

    /**
     * Lets the mouse wheel scroll the grid of charts, and zoom this chart only with Ctrl (Command on macOS)
     * held, so scrolling through the grid never zooms the chart that passes under the pointer.
     */
    private void routeScroll(javafx.scene.input.ScrollEvent event) {
        if (event.isShortcutDown()) {
            beginInteraction();
            return;
        }
        event.consume();
        javafx.scene.Parent parent = getParent();
        if (parent != null) {
            parent.fireEvent(event.copyFor(parent, parent));
        }
    }

    private void scheduleRedecimate() {
        if (!updating) {
            // The crosshair and read-out belong to the old x range; the next mouse move shows them again.
            crosshair.setVisible(false);
            readout.setText(" ");
            beginInteraction();
            redecimateDelay.playFromStart();
        }
    }

    /**
     * Draws lines in the chart's fast mode until the zoom or pan has been quiet for a moment (see
     * {@link MetricChart#setFastDrawing}), so each step of a drag or a wheel zoom redraws quickly.
     */
    private void beginInteraction() {
        chart.setFastDrawing(true);
        settleDelay.playFromStart();
    }

    /** Returns to full-quality lines once no zoom is waiting for its decimated lines. */
    private void settle() {
        if (redecimatesInFlight > 0 || redecimateDelay.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            settleDelay.playFromStart();
            return;
        }
        chart.setFastDrawing(false);
    }

    /** Returns whether lines are drawn in fast mode because a zoom or pan is in progress. */
    boolean isInteracting() {
        return chart.isFastDrawing();
    }

    private void redecimate() {
        Range range = xRange();
        boolean fromUser = !rangeFromSync;
        rangeFromSync = false;
        if (range.equals(decimatedRange)) {
            return;
        }
        if (fromUser) {
            onUserZoom.accept(range);
        }
        int width = pixelWidth();
        redecimatesInFlight++;
        tasks.submit("Redrawing " + chart.key().label(), progress -> chart.decimate(range.getLowerBound(), range.getUpperBound(), width),
                lines -> {
                    updating = true;
                    try {
                        chart.show(lines);
                        decimatedRange = range;
                    } finally {
                        updating = false;
                        redecimatesInFlight--;
                    }
                }, error -> redecimatesInFlight--, () -> redecimatesInFlight--);
    }

    private int pixelWidth() {
        return Math.max(100, (int) Math.round(viewer.getWidth() > 0 ? viewer.getWidth() : ComparisonViewModel.INITIAL_PIXEL_WIDTH));
    }

    /** Writes each run's value at the mouse's x into the read-out, using the nearest drawn point. */
    private void showReadout(double screenX) {
        var info = viewer.getCanvas().getRenderingInfo();
        if (info == null || info.getPlotInfo() == null) {
            return;
        }
        var area = info.getPlotInfo().getDataArea();
        if (screenX < area.getMinX() || screenX > area.getMaxX()) {
            return;
        }
        XYPlot plot = chart.chart().getXYPlot();
        ValueAxis axis = plot.getDomainAxis();
        double x = axis.java2DToValue(screenX, area, plot.getDomainAxisEdge());
        crosshair.setStartX(screenX);
        crosshair.setEndX(screenX);
        crosshair.setStartY(area.getMinY());
        crosshair.setEndY(area.getMaxY());
        crosshair.setVisible(true);
        MetricChart.Lines lines = chart.shownLines();
        if (lines == null) {
            return;
        }
        StringBuilder text = new StringBuilder(axisLabel(axis) + " " + format(x));
        // A run whose points end before x (or start after it) has no value there. Three pixel columns
        // of slack let the mouse land on a line's first or last point.
        double slack = 3 * axis.getRange().getLength() / Math.max(1, area.getWidth());
        for (int run = 0; run < lines.raw().size() && run < runLabels.size(); run++) {
            DecimatedSeries series = lines.raw().get(run);
            int nearest = nearest(series, x);
            if (nearest < 0 || !covers(series, x, slack)) {
                continue;
            }
            text.append("   ").append(runLabels.get(run)).append(": ").append(format(series.y(nearest)));
            if (Math.abs(series.x(nearest) - x) > slack / 3) {
                // The nearest point is more than a pixel column away, so show its x too.
                text.append(" (at ").append(format(series.x(nearest))).append(')');
            }
            DecimatedSeries smoothed = lines.smoothed().get(run);
            int nearestSmoothed = nearest(smoothed, x);
            if (nearestSmoothed >= 0) {
                text.append(" (smoothed ").append(format(smoothed.y(nearestSmoothed))).append(')');
            }
        }
        readout.setText(text.toString());
    }

    private static boolean covers(DecimatedSeries series, double x, double slack) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < series.size(); i++) {
            if (!series.isGap(i)) {
                min = Math.min(min, series.x(i));
                max = Math.max(max, series.x(i));
            }
        }
        return x >= min - slack && x <= max + slack;
    }

    private static int nearest(DecimatedSeries series, double x) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < series.size(); i++) {
            if (series.isGap(i)) {
                continue;
            }
            double distance = Math.abs(series.x(i) - x);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }

    private static String axisLabel(ValueAxis axis) {
        String label = axis.getLabel();
        return label == null || label.isBlank() ? "x" : label.toLowerCase(Locale.ROOT);
    }

    static String format(double value) {
        return ValueFormat.format(value);
    }

    /** Returns the viewer's bounds on screen, for tests that click into the plot. */
    Rectangle2D plotBounds() {
        var bounds = viewer.localToScreen(viewer.getBoundsInLocal());
        return new Rectangle2D(bounds.getMinX(), bounds.getMinY(), bounds.getWidth(), bounds.getHeight());
    }

    JFreeChart jfreeChart() {
        return chart.chart();
    }
}

package org.runbench.views;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.runbench.charts.ChartOptions;
import org.runbench.charts.MetricChart;
import org.runbench.charts.MetricChartFactory;
import org.runbench.charts.RunColors;
import org.runbench.charts.RunSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.RunId;
import org.runbench.model.SeriesKey;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Times a zoom step of one chart of 20 runs x 1,000,000 points as the app draws it. JFreeChart-FX issues the
 * drawing to a JavaFX canvas on the JavaFX thread. A snapshot of the viewer then rasterizes it, as the
 * renderer does for the next frame. Steps are timed in fast mode (what the app draws while the user zooms
 * or pans) and at full quality (the frame drawn once the zoom is quiet). Decimation is not included: it
 * runs on a worker thread and is timed by {@link ComparisonBenchmark}.
 *
 * <p>Run it with {@code ./mvnw -B -ntp test -Pbenchmark -Dtest=FxZoomBenchmark -Dtest.heap=2g}. Without a
 * display, Monocle's headless platform and the software pipeline are used, as in CI.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class FxZoomBenchmark {

    private static final int WIDTH = 700;
    private static final int HEIGHT = 400;

    private MetricChart chart;
    private ChartViewer viewer;

    @Start
    void start(Stage stage) {
        int runs = Integer.getInteger("bench.runs", 20);
        int points = Integer.getInteger("bench.points", 1_000_000);
        Random random = new Random(1);
        RunColors colors = new RunColors();
        List<RunSeries> series = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            PointSeriesBuilder builder = new PointSeriesBuilder(points);
            double level = 2 + random.nextDouble();
            for (int i = 0; i < points; i++) {
                float value = (float) (level * Math.exp(-i / (points / 5.0)) + 0.05 + random.nextGaussian() * 0.01);
                builder.add(i, value, 1_700_000_000_000L + i * 100L);
            }
            series.add(new RunSeries("run-" + run, colors.colorOf(new RunId("bench", "run-" + run)), builder.build()));
        }
        chart = MetricChartFactory.create(new SeriesKey("train", "loss"), series, ChartOptions.defaults(WIDTH));
        viewer = new ChartViewer(chart.chart());
        stage.setScene(new Scene(viewer, WIDTH, HEIGHT));
        stage.show();
    }

    @Test
    void zoomStepsOnTheCanvas(FxRobot robot) {
        int points = Integer.getInteger("bench.points", 1_000_000);
        for (boolean fast : new boolean[] {true, false, true, false, true, false}) {
            List<Double> issue = new ArrayList<>();
            List<Double> total = new ArrayList<>();
            for (int step = 1; step <= 5; step++) {
                double span = points / Math.pow(2, step);
                double low = points / 2.0 - span / 2;
                MetricChart.Lines lines = chart.decimate(low, low + span, WIDTH);
                robot.interact(() -> {
                    chart.setFastDrawing(fast);
                    chart.chart().getXYPlot().getDomainAxis().setRange(low, low + span);
                    // One redraw: the lines decimated for the new range replace the previous ones.
                    long start = System.nanoTime();
                    chart.show(lines);
                    long issued = System.nanoTime();
                    viewer.snapshot(null, null);
                    long rasterized = System.nanoTime();
                    issue.add((issued - start) / 1e6);
                    total.add((rasterized - start) / 1e6);
                });
            }
            issue.sort(Double::compare);
            total.sort(Double::compare);
            System.out.printf("%s: JavaFX thread drawing median %.1f ms; with rasterizing median %.1f ms, max %.1f ms"
                    + " over %d steps%n", fast ? "fast mode (while zooming)" : "full quality (once settled)",
                    issue.get(issue.size() / 2), total.get(total.size() / 2), total.get(total.size() - 1), total.size());
        }
    }
}

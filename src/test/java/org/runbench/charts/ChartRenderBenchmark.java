package org.runbench.charts;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.runbench.model.PointSeries;
import org.runbench.model.SeriesKey;

/**
 * Times drawing 10 runs of 1,000,000 points to a 1200 x 800 PNG image through the decimator, against
 * handing every point to JFreeChart, and prints a table. It measures and asserts no time.
 *
 * <p>Run: {@code ./mvnw -B -ntp -o test -Pbenchmark -Dtest=ChartRenderBenchmark}.
 */
@Tag("benchmark")
class ChartRenderBenchmark {

    private static final int RUNS = 10;
    private static final int POINTS = 1_000_000;
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 800;
    private static final int REPEATS = 3;

    @Test
    void decimatedVersusNaiveRendering() throws IOException {
        List<RunSeries> runs = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            runs.add(MetricChartFactoryTest.randomRun("run-" + r, r, POINTS, r));
        }
        SeriesKey key = new SeriesKey("train", "loss");

        List<String> rows = new ArrayList<>();
        for (int repeat = 1; repeat <= REPEATS; repeat++) {
            long start = System.nanoTime();
            MetricChart chart = MetricChartFactory.create(key, runs, ChartOptions.defaults(WIDTH));
            long built = System.nanoTime();
            render(chart.chart());
            long drawn = System.nanoTime();
            int points = 0;
            for (int r = 0; r < RUNS; r++) {
                points += chart.shownLines().pointCount(r);
            }
            rows.add(row("M4 decimated", repeat, built - start, drawn - built, points));

            start = System.nanoTime();
            JFreeChart naive = naiveChart(runs);
            built = System.nanoTime();
            render(naive);
            drawn = System.nanoTime();
            rows.add(row("every point", repeat, built - start, drawn - built, RUNS * POINTS));
        }

        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nChart render benchmark: %d runs x %,d points -> %dx%d PNG image%n",
                RUNS, POINTS, WIDTH, HEIGHT));
        table.append(String.format(Locale.ROOT, "Java %s, %s %s, %d processors%n", System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors()));
        table.append(String.format(Locale.ROOT, "%-14s %6s %12s %12s %12s %14s%n", "method", "repeat", "build ms",
                "draw+PNG ms", "total ms", "points drawn"));
        rows.forEach(table::append);
        System.out.print(table);
    }

    private static String row(String method, int repeat, long buildNanos, long drawNanos, int points) {
        return String.format(Locale.ROOT, "%-14s %6d %12.1f %12.1f %12.1f %,14d%n", method, repeat,
                buildNanos / 1e6, drawNanos / 1e6, (buildNanos + drawNanos) / 1e6, points);
    }

    /** Draws {@code chart} and encodes it as PNG in memory, so disk speed stays out of the numbers. */
    private static void render(JFreeChart chart) throws IOException {
        BufferedImage image = ChartExport.renderImage((g2, area) -> chart.draw(g2, area), WIDTH, HEIGHT);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
    }

    /** Builds the baseline chart: every point of every run in a standard JFreeChart dataset, drawn as one path per run. */
    private static JFreeChart naiveChart(List<RunSeries> runs) {
        DefaultXYDataset dataset = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        for (int r = 0; r < runs.size(); r++) {
            PointSeries points = runs.get(r).points();
            double[][] data = new double[2][points.size()];
            for (int i = 0; i < points.size(); i++) {
                data[0][i] = points.iteration(i);
                data[1][i] = points.value(i);
            }
            dataset.addSeries(runs.get(r).label(), data);
            renderer.setSeriesPaint(r, runs.get(r).color());
        }
        NumberAxis xAxis = new NumberAxis("Iteration");
        NumberAxis yAxis = new NumberAxis("Value");
        yAxis.setAutoRangeIncludesZero(false);
        return new JFreeChart("train/loss", new XYPlot(dataset, xAxis, yAxis, renderer));
    }
}

package org.runbench.views;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.DefaultXYDataset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.cache.CacheTransaction;
import org.runbench.cache.RunCache;
import org.runbench.charts.ChartOptions;
import org.runbench.charts.MetricChart;
import org.runbench.charts.MetricChartFactory;
import org.runbench.charts.RunColors;
import org.runbench.charts.SeriesSource;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.Run;
import org.runbench.model.RunData;
import org.runbench.model.RunId;
import org.runbench.model.RunStatus;
import org.runbench.model.SeriesKey;

/**
 * Times a comparison from the cache on disk to every chart drawn, a zoom step, and the peak heap, beside
 * the naive baseline (every point handed to JFreeChart). It follows the app's path: first the charts from
 * the overviews the cache stored at import (what the app shows first), then from every point with M4
 * decimation (what replaces them). It then draws the chart with JFreeChart into an image
 * of the size of a chart cell, where the app draws the same chart through JFreeChart-FX's canvas.
 *
 * <p>Sizes come from system properties {@code bench.runs} (20), {@code bench.metrics} (4) and
 * {@code bench.points} (1,000,000). Run it with
 * {@code ./mvnw -B -ntp test -Pbenchmark -Dtest=ComparisonBenchmark -Dtest.heap=4g}.
 */
@Tag("benchmark")
class ComparisonBenchmark {

    private static final int WIDTH = 700;
    private static final int HEIGHT = 400;

    @TempDir
    Path folder;

    @Test
    void cacheToChartsAndZoom() {
        int runs = Integer.getInteger("bench.runs", 20);
        int metrics = Integer.getInteger("bench.metrics", 4);
        int points = Integer.getInteger("bench.points", 1_000_000);
        List<RunId> ids = new ArrayList<>();
        List<SeriesKey> keys = new ArrayList<>();
        for (int m = 0; m < metrics; m++) {
            keys.add(new SeriesKey("train", "metric_" + m));
        }
        try (RunCache cache = RunCache.open(folder)) {
            long fillStart = System.nanoTime();
            for (int r = 0; r < runs; r++) {
                RunId id = new RunId("bench", "run-" + r);
                ids.add(id);
                write(cache, id, keys, points, r);
            }
            System.out.printf("Comparison benchmark: %d runs x %d metrics x %,d points, Java %s, %d processors, max heap %d MB%n",
                    runs, metrics, points, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("cache filled in %.1f s, %.2f encoded bytes per point%n", (System.nanoTime() - fillStart) / 1e9,
                    cache.storageStats().bytesPerPoint());

            // The app has drawn its window before a comparison opens, so Java2D's one-time font and renderer
            // set-up is not part of opening a comparison: draw one small unrelated chart first.
            DefaultXYDataset warmUp = new DefaultXYDataset();
            warmUp.addSeries("warm-up", new double[][] {{0, 1, 2}, {1, 3, 2}});
            draw(ChartFactory.createXYLineChart("warm-up", "x", "y", warmUp, PlotOrientation.VERTICAL, true, false, false));

            resetPeaks();
            openComparison("first comparison this JVM draws", cache, ids, keys).clear();
            List<MetricChart> charts = openComparison("the same comparison opened again", cache, ids, keys);

            // As the app zooms: each step while the user zooms or pans is decimated and drawn in fast mode. When
            // the zoom has been quiet for a moment, the chart is drawn once more at full quality.
            List<Double> zoomTimes = new ArrayList<>();
            List<Double> decimateTimes = new ArrayList<>();
            List<Double> settledTimes = new ArrayList<>();
            for (int step = 1; step <= 5; step++) {
                double span = points / Math.pow(2, step);
                double low = points / 2.0 - span / 2;
                for (MetricChart chart : charts) {
                    chart.setFastDrawing(true);
                    long zoomStart = System.nanoTime();
                    MetricChart.Lines lines = chart.decimate(low, low + span, WIDTH);
                    decimateTimes.add((System.nanoTime() - zoomStart) / 1e6);
                    chart.show(lines);
                    chart.chart().getXYPlot().getDomainAxis().setRange(low, low + span);
                    draw(chart.chart());
                    zoomTimes.add((System.nanoTime() - zoomStart) / 1e6);

                    long settleStart = System.nanoTime();
                    chart.setFastDrawing(false);
                    draw(chart.chart());
                    settledTimes.add((System.nanoTime() - settleStart) / 1e6);
                }
            }
            zoomTimes.sort(Double::compare);
            decimateTimes.sort(Double::compare);
            settledTimes.sort(Double::compare);
            System.out.printf("zoom step per chart: decimate median %.1f ms; decimate + show + fast draw median %.1f ms,"
                    + " max %.1f ms over %d steps; full-quality redraw once settled median %.1f ms, max %.1f ms%n",
                    decimateTimes.get(decimateTimes.size() / 2), zoomTimes.get(zoomTimes.size() / 2),
                    zoomTimes.get(zoomTimes.size() - 1), zoomTimes.size(), settledTimes.get(settledTimes.size() / 2),
                    settledTimes.get(settledTimes.size() - 1));
            charts.clear();

            System.gc();
            resetPeaks();
            try {
                long naiveStart = System.nanoTime();
                for (SeriesKey key : keys) {
                    DefaultXYDataset dataset = new DefaultXYDataset();
                    for (RunId id : ids) {
                        PointSeries series = cache.points(id, key);
                        double[][] xy = new double[2][series.size()];
                        for (int i = 0; i < series.size(); i++) {
                            xy[0][i] = series.iteration(i);
                            xy[1][i] = series.value(i);
                        }
                        dataset.addSeries(id.taskId(), xy);
                    }
                    JFreeChart chart = ChartFactory.createXYLineChart(key.label(), "Iteration", "Value", dataset,
                            PlotOrientation.VERTICAL, true, false, false);
                    draw(chart);
                }
                System.out.printf("naive baseline (every point to JFreeChart, one chart at a time): %.0f ms, peak heap %d MB%n",
                        (System.nanoTime() - naiveStart) / 1e6, peakHeapMegabytes());
            } catch (OutOfMemoryError e) {
                System.out.printf("naive baseline: out of memory at max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
            }
        }
    }

    /**
     * Opens the comparison as the app does: charts from the overviews, drawn, then charts from every point,
     * drawn. Prints the time of both and returns the full-resolution charts.
     */
    private static List<MetricChart> openComparison(String label, RunCache cache, List<RunId> ids, List<SeriesKey> keys) {
        long overviewStart = System.nanoTime();
        List<MetricChart> overviewCharts = decimatedCharts(ids, keys, (id, key) -> cache.overview(id, key).orElseThrow());
        long overviewBuilt = System.nanoTime();
        for (MetricChart chart : overviewCharts) {
            draw(chart.chart());
        }
        long overviewDrawn = System.nanoTime();
        long overviewPoints = 0;
        for (RunId id : ids) {
            for (SeriesKey key : keys) {
                overviewPoints += cache.overview(id, key).orElseThrow().size();
            }
        }
        System.out.printf("%s, from overviews (what the app shows first): read+build+decimate %.0f ms, draw %.0f ms,"
                + " total %.0f ms, %,d overview points in all%n", label, (overviewBuilt - overviewStart) / 1e6,
                (overviewDrawn - overviewBuilt) / 1e6, (overviewDrawn - overviewStart) / 1e6, overviewPoints);
        overviewCharts.clear();

        long start = System.nanoTime();
        List<MetricChart> charts = decimatedCharts(ids, keys, cache::points);
        long built = System.nanoTime();
        for (MetricChart chart : charts) {
            draw(chart.chart());
        }
        long drawn = System.nanoTime();
        System.out.printf("%s, from every point (M4): read+build+decimate %.0f ms, draw %.0f ms, total %.0f ms,"
                + " peak heap %d MB%n", label, (built - start) / 1e6, (drawn - built) / 1e6, (drawn - start) / 1e6,
                peakHeapMegabytes());
        return charts;
    }

    private static List<MetricChart> decimatedCharts(List<RunId> ids, List<SeriesKey> keys,
                                                     java.util.function.BiFunction<RunId, SeriesKey, PointSeries> reader) {
        // As the app does: one chart per key, built on both cores, each reading its runs' series from the
        // cache and keeping only what the chart needs.
        RunColors colors = new RunColors();
        ids.forEach(colors::colorOf);
        return new ArrayList<>(keys.parallelStream().map(key -> {
            List<SeriesSource> lines = new ArrayList<>();
            for (RunId id : ids) {
                lines.add(new SeriesSource(id.taskId(), colors.colorOf(id), () -> reader.apply(id, key)));
            }
            return MetricChartFactory.createFromSources(key, lines, ChartOptions.defaults(WIDTH), List.of(),
                    org.runbench.charts.GroupBand.MIN_MAX, true);
        }).toList());
    }

    private static void write(RunCache cache, RunId id, List<SeriesKey> keys, int points, int seed) {
        Random random = new Random(seed);
        Run run = new Run(id, "bench", id.taskId(), RunStatus.COMPLETED, "", "", List.of(), null, null, null, null,
                points - 1, null, null, "", null, false);
        try (CacheTransaction transaction = cache.begin()) {
            transaction.upsertRun(run);
            for (SeriesKey key : keys) {
                PointSeriesBuilder builder = new PointSeriesBuilder(points);
                double level = 2.0 + random.nextDouble();
                for (int i = 0; i < points; i++) {
                    float value = (float) (level * Math.exp(-i / (points / 5.0)) + 0.05 + random.nextGaussian() * 0.01);
                    builder.add(i, value, 1_700_000_000_000L + i * 100L + random.nextInt(7) - 3);
                }
                transaction.mergeSeries(id, key, builder.buildAndReset());
            }
            transaction.commit();
        }
    }

    private static void draw(JFreeChart chart) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        chart.draw(graphics, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        graphics.dispose();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}

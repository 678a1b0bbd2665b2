package org.runbench.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.SeriesKey;

class MetricChartFactoryTest {

    private static final SeriesKey LOSS = new SeriesKey("train", "loss");
    private static final long START = 1_700_000_000_000L;

    @Test
    void chartHasTitleAndLegendPerRun() {
        List<RunSeries> runs = List.of(
                run("baseline", 0, 1, 2, 3),
                run("lr-0.1", 1, 3, 2, 1),
                run("lr-0.1", 2, 5, 5, 5));

        MetricChart chart = MetricChartFactory.create(LOSS, runs, ChartOptions.defaults(400));

        assertThat(chart.chart().getTitle().getText()).isEqualTo("train/loss");
        LegendItemCollection legend = chart.chart().getXYPlot().getLegendItems();
        assertThat(legend.getItemCount()).isEqualTo(3);
        assertThat(legend.get(0).getLabel()).isEqualTo("baseline");
        assertThat(legend.get(1).getLabel()).isEqualTo("lr-0.1");
        assertThat(legend.get(2).getLabel()).isEqualTo("lr-0.1 (2)");
        assertThat(legend.get(1).getLinePaint()).isEqualTo(ColorPalette.color(1));
    }

    @Test
    void logAxisCountsNonPositiveValuesInNote() {
        List<RunSeries> runs = List.of(run("a", 0, 1, 0, -2, 10), run("b", 1, 5, -1));

        MetricChart chart = MetricChartFactory.create(LOSS, runs, ChartOptions.defaults(400)
                .withYScale(YAxisScale.LOG));

        String expected = "Not drawn on the log axis: 3 values of zero or less (a: 2, b: 1).";
        assertThat(chart.notes()).containsExactly(expected);
        assertThat(subtitleTexts(chart)).contains(expected);
        assertThat(chart.chart().getXYPlot().getRangeAxis()).isInstanceOf(LogAxis.class);
        XYDataset raw = chart.chart().getXYPlot().getDataset(0);
        for (int item = 0; item < raw.getItemCount(0); item++) {
            double value = raw.getYValue(0, item);
            assertThat(Double.isNaN(value) || value > 0).as("item %d of run a is %s", item, value).isTrue();
        }
    }

    @Test
    void linearAxisHasNoNote() {
        MetricChart chart = MetricChartFactory.create(LOSS, List.of(run("a", 0, 1, 0, -2)), ChartOptions.defaults(400));

        assertThat(chart.notes()).isEmpty();
    }

    @Test
    void timeAxesLeaveOutPointsWithoutTimestamp() {
        PointSeries points = new PointSeriesBuilder()
                .add(0, 1.0, START)
                .add(1, 2.0, PointSeries.NO_TIMESTAMP)
                .add(2, 3.0, START + 1_500)
                .add(3, 4.0, PointSeries.NO_TIMESTAMP)
                .build();
        List<RunSeries> runs = List.of(new RunSeries("a", Color.BLUE, points));

        MetricChart relative = MetricChartFactory.create(LOSS, runs, ChartOptions.defaults(400)
                .withXAxis(XAxisMode.RELATIVE_TIME));
        MetricChart wall = MetricChartFactory.create(LOSS, runs, ChartOptions.defaults(400)
                .withXAxis(XAxisMode.WALL_TIME));

        String expected = "Not drawn on the time axis: 2 points without a timestamp (a: 2).";
        assertThat(relative.notes()).containsExactly(expected);
        assertThat(wall.notes()).containsExactly(expected);
        XYDataset relativeRaw = relative.chart().getXYPlot().getDataset(0);
        assertThat(relativeRaw.getItemCount(0)).isEqualTo(2);
        assertThat(relativeRaw.getXValue(0, 0)).isEqualTo(0.0);
        assertThat(relativeRaw.getXValue(0, 1)).isEqualTo(1.5);
        assertThat(wall.chart().getXYPlot().getDomainAxis()).isInstanceOf(DateAxis.class);
        assertThat(wall.chart().getXYPlot().getDataset(0).getXValue(0, 1)).isEqualTo((double) (START + 1_500));
    }

    @Test
    void nanGapGetsMarkerAtNeighbourHeight() {
        MetricChart chart = MetricChartFactory.create(LOSS, List.of(run("a", 0, 1, 2, Double.NaN, 4)),
                ChartOptions.defaults(400));

        XYPlot plot = chart.chart().getXYPlot();
        XYDataset raw = plot.getDataset(0);
        assertThat(raw.getItemCount(0)).isEqualTo(4);
        assertThat(raw.getYValue(0, 2)).isNaN();
        XYDataset gaps = plot.getDataset(2);
        assertThat(gaps.getItemCount(0)).isEqualTo(1);
        assertThat(gaps.getXValue(0, 0)).isEqualTo(2.0);
        assertThat(gaps.getYValue(0, 0)).isEqualTo(2.0);
    }

    @Test
    void smoothedLineDrawnOverFadedRawLine() {
        MetricChart chart = MetricChartFactory.create(LOSS, List.of(run("a", 4, 1, 5, 2, 6)),
                ChartOptions.defaults(400).withSmoothing(new LineSmoothing.Ema(0.6)));

        XYPlot plot = chart.chart().getXYPlot();
        XYItemRenderer rawRenderer = plot.getRenderer(0);
        XYItemRenderer smoothRenderer = plot.getRenderer(1);
        Color color = ColorPalette.color(4);
        assertThat(((Color) smoothRenderer.getSeriesPaint(0))).isEqualTo(color);
        assertThat(((Color) rawRenderer.getSeriesPaint(0)).getAlpha()).isLessThan(255);
        assertThat(plot.getDataset(1).getYValue(0, 1)).isEqualTo(Smoothing.ema(new double[] {1, 5, 2, 6}, 0.6)[1]);
        assertThat(plot.getLegendItems().getItemCount()).isEqualTo(1);
    }

    @Test
    void redecimateKeepsOnlyVisibleRangeAndEdges() {
        MetricChart chart = MetricChartFactory.create(LOSS, List.of(randomRun("a", 0, 100_000, 3)),
                ChartOptions.defaults(400));

        chart.redecimate(40_000, 50_000, 200);

        XYDataset raw = chart.chart().getXYPlot().getDataset(0);
        int outside = 0;
        for (int item = 0; item < raw.getItemCount(0); item++) {
            double x = raw.getXValue(0, item);
            if (x < 40_000 || x > 50_000) {
                outside++;
            }
        }
        assertThat(outside).isEqualTo(2);
        assertThat(raw.getItemCount(0)).isLessThanOrEqualTo(4 * 200 + 2);
        assertThat(chart.shownLines().pixelWidth()).isEqualTo(200);
    }

    @Test
    void millionPointRunsStayDecimated() {
        int runs = 10;
        int points = 1_000_000;
        int width = 1_000;
        List<RunSeries> series = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            series.add(randomRun("run-" + r, r, points, r));
        }

        MetricChart chart = MetricChartFactory.create(LOSS, series, ChartOptions.defaults(width));
        java.awt.image.BufferedImage image = ChartExport.renderImage(
                (g2, area) -> chart.chart().draw(g2, area), 1200, 800);

        XYDataset raw = chart.chart().getXYPlot().getDataset(0);
        assertThat(raw.getSeriesCount()).isEqualTo(runs);
        for (int r = 0; r < runs; r++) {
            assertThat(raw.getItemCount(r)).as("points of run %d", r).isBetween(width, 4 * width + 2);
            assertThat(chart.shownLines().pointCount(r)).isLessThanOrEqualTo(4 * width + 2);
        }
        assertThat(image.getWidth()).isEqualTo(1200);
    }

    private static List<String> subtitleTexts(MetricChart chart) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < chart.chart().getSubtitleCount(); i++) {
            Title title = chart.chart().getSubtitle(i);
            if (title instanceof TextTitle text) {
                texts.add(text.getText());
            }
        }
        return texts;
    }

    /** Creates a run whose values are reported at iterations 0, 1, 2, ... one second apart. */
    static RunSeries run(String label, int colorIndex, double... values) {
        PointSeriesBuilder builder = new PointSeriesBuilder(values.length);
        for (int i = 0; i < values.length; i++) {
            builder.add(i, values[i], START + i * 1_000L);
        }
        return new RunSeries(label, ColorPalette.color(colorIndex), builder.build());
    }

    static RunSeries randomRun(String label, int colorIndex, int size, long seed) {
        Random random = new Random(seed);
        PointSeriesBuilder builder = new PointSeriesBuilder(size);
        double value = 1.0;
        for (int i = 0; i < size; i++) {
            value += random.nextGaussian() * 0.01;
            builder.add(i, value, START + i * 100L);
        }
        return new RunSeries(label, ColorPalette.color(colorIndex), builder.buildAndReset());
    }
}

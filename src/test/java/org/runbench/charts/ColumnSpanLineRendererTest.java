package org.runbench.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.SeriesKey;

/** Fast drawing inks the same pixel columns, to the same heights, as the antialiased path. */
class ColumnSpanLineRendererTest {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int GAP_FROM = 20_000;
    private static final int GAP_TO = 28_000;

    @Test
    void fastModeInksSameColumnsAndHeights() {
        MetricChart chart = chart();
        Rectangle2D area = new Rectangle2D.Double();
        int[][] normal = inkPerColumn(render(chart, false, area));
        int[][] fast = inkPerColumn(render(chart, true, area));

        int compared = 0;
        for (int column = (int) area.getMinX() + 3; column < (int) area.getMaxX() - 3; column++) {
            assertWithinNeighbours(fast, normal, column, "fast ink of column %d inside the path's ink");
            assertWithinNeighbours(normal, fast, column, "path ink of column %d inside the fast ink");
            if (normal[column][0] >= 0) {
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(500);
    }

    @Test
    void fastModeLeavesNaNGapEmpty() {
        MetricChart chart = chart();
        Rectangle2D area = new Rectangle2D.Double();
        BufferedImage image = render(chart, true, area);
        int[][] ink = inkPerColumn(image);
        XYPlot plot = chart.chart().getXYPlot();
        double gapStart = plot.getDomainAxis().valueToJava2D(GAP_FROM + 200, area, plot.getDomainAxisEdge());
        double gapEnd = plot.getDomainAxis().valueToJava2D(GAP_TO - 200, area, plot.getDomainAxisEdge());

        assertThat(gapEnd - gapStart).isGreaterThan(20);
        for (int column = (int) Math.ceil(gapStart); column < (int) gapEnd; column++) {
            assertThat(ink[column][0]).as("column %d inside the gap", column).isEqualTo(-1);
        }
    }

    @Test
    void fastDrawingSwitchRedrawsOnlyOnChange() {
        MetricChart chart = chart();
        int[] events = {0};
        chart.chart().addChangeListener(event -> events[0]++);

        chart.setFastDrawing(true);
        chart.setFastDrawing(true);
        assertThat(chart.isFastDrawing()).isTrue();
        chart.setFastDrawing(false);

        assertThat(chart.isFastDrawing()).isFalse();
        assertThat(events[0]).isEqualTo(2);
    }

    /**
     * Checks that the ink of {@code column} in {@code inner} lies within the ink of the columns up to two away in
     * {@code outer}, give or take 3 pixels. A span puts the whole step from the previous column's last point
     * into one column, where the path spreads it over both, and antialiased edges fade below the threshold.
     */
    private static void assertWithinNeighbours(int[][] inner, int[][] outer, int column, String description) {
        if (inner[column][0] < 0) {
            return;
        }
        int top = Integer.MAX_VALUE;
        int bottom = Integer.MIN_VALUE;
        for (int neighbour = column - 2; neighbour <= column + 2; neighbour++) {
            if (outer[neighbour][0] >= 0) {
                top = Math.min(top, outer[neighbour][0]);
                bottom = Math.max(bottom, outer[neighbour][1]);
            }
        }
        assertThat(inner[column][0]).as(description + " (top)", column).isGreaterThanOrEqualTo(top - 3);
        assertThat(inner[column][1]).as(description + " (bottom)", column).isLessThanOrEqualTo(bottom + 3);
    }

    /** Builds one noisy run of 100,000 points with a NaN stretch, on a plain white plot without grid lines. */
    private static MetricChart chart() {
        Random random = new Random(7);
        PointSeriesBuilder builder = new PointSeriesBuilder();
        for (int i = 0; i < 100_000; i++) {
            double value = Math.sin(i / 8_000.0) + random.nextGaussian() * 0.05;
            if (i >= GAP_FROM && i < GAP_TO) {
                value = Double.NaN;
            }
            builder.add(i, value, 1_700_000_000_000L + i);
        }
        MetricChart chart = MetricChartFactory.create(new SeriesKey("train", "loss"),
                List.of(new RunSeries("run", new Color(0, 0, 200), builder.build())), ChartOptions.defaults(WIDTH));
        chart.chart().removeLegend();
        chart.chart().clearSubtitles();
        XYPlot plot = chart.chart().getXYPlot();
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setRenderer(2, null);
        plot.setRenderer(5, null);
        return chart;
    }

    private static BufferedImage render(MetricChart chart, boolean fast, Rectangle2D dataArea) {
        chart.setFastDrawing(fast);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.chart().draw(graphics, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT), info);
        graphics.dispose();
        dataArea.setRect(info.getPlotInfo().getDataArea());
        return image;
    }

    /** Returns, per pixel column, the top and bottom row of clearly blue pixels, or {-1, -1}. */
    private static int[][] inkPerColumn(BufferedImage image) {
        int[][] ink = new int[image.getWidth()][];
        for (int x = 0; x < image.getWidth(); x++) {
            int top = -1;
            int bottom = -1;
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y);
                int red = (rgb >> 16) & 0xFF;
                int blue = rgb & 0xFF;
                if (blue > 150 && red < 140) {
                    if (top < 0) {
                        top = y;
                    }
                    bottom = y;
                }
            }
            ink[x] = new int[] {top, bottom};
        }
        return ink;
    }
}

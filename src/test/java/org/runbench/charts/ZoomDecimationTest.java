package org.runbench.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.SeriesKey;

/** Zooming a sorted line scans only the visible range; the result must equal decimating every point. */
class ZoomDecimationTest {

    @Test
    void zoomedSortedLineMatchesFullScan() {
        Random random = new Random(7);
        PointSeriesBuilder builder = new PointSeriesBuilder();
        double[] x = new double[100_000];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 3L;
            y[i] = random.nextGaussian() + (i == 51_234 ? 50 : 0);
            builder.add(i * 3L, y[i], PointSeries.NO_TIMESTAMP);
        }
        MetricChart chart = MetricChartFactory.create(new SeriesKey("m", "v"),
                List.of(new RunSeries("run", Color.BLUE, builder.build())), ChartOptions.defaults(500));

        for (double[] range : new double[][] {{150_000, 160_000}, {0, 10}, {299_990, 400_000}, {153_700.5, 153_703.5}}) {
            DecimatedSeries zoomed = chart.decimate(range[0], range[1], 500).raw().get(0);
            DecimatedSeries full = M4Decimator.decimate(x, y, range[0], range[1], 500);
            assertThat(zoomed.xValues()).as("x in %s", (Object) range).containsExactly(full.xValues());
            assertThat(zoomed.yValues()).as("y in %s", (Object) range).containsExactly(full.yValues());
        }
        DecimatedSeries spike = chart.decimate(150_000, 160_000, 500).raw().get(0);
        assertThat(spike.yValues()).contains(y[51_234]);
    }

    @Test
    void gridExportShowsGivenRange() {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        for (int i = 0; i < 10_000; i++) {
            builder.add(i, Math.sin(i / 100.0), PointSeries.NO_TIMESTAMP);
        }
        MetricChart chart = MetricChartFactory.create(new SeriesKey("m", "v"),
                List.of(new RunSeries("run", Color.BLUE, builder.build())), ChartOptions.defaults(500));

        new ChartGrid(List.of(chart), 1, 400, 300, new double[] {2_000, 3_000}).toImage();

        var axis = chart.chart().getXYPlot().getDomainAxis().getRange();
        assertThat(axis.getLowerBound()).isEqualTo(2_000.0);
        assertThat(axis.getUpperBound()).isEqualTo(3_000.0);
        assertThat(chart.shownLines().xMin()).isEqualTo(2_000.0);
    }

    @Test
    void logAxisLeavesOutNonPositiveWithoutGapMarkers() {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        for (int i = 0; i < 100; i++) {
            builder.add(i, i % 10 == 0 ? -0.5 : 0.5 + i, PointSeries.NO_TIMESTAMP);
        }
        MetricChart chart = MetricChartFactory.create(new SeriesKey("m", "v"),
                List.of(new RunSeries("run", Color.BLUE, builder.build())), ChartOptions.defaults(500).withYScale(YAxisScale.LOG));

        assertThat(chart.chart().getXYPlot().getDataset(2).getItemCount(0)).as("gap markers").isZero();
        assertThat(chart.notes()).anyMatch(note -> note.startsWith("Not drawn on the log axis"));
        DecimatedSeries shown = chart.shownLines().raw().get(0);
        for (int i = 0; i < shown.size(); i++) {
            assertThat(shown.y(i)).isPositive();
        }
    }
}

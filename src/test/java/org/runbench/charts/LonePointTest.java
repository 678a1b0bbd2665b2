package org.runbench.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.SeriesKey;

class LonePointTest {

    @Test
    void pointsBetweenGapsAreDrawnAsDots() {
        PointSeries points = new PointSeriesBuilder().add(0, 1.0, PointSeries.NO_TIMESTAMP)
                .add(1, Double.NaN, PointSeries.NO_TIMESTAMP).add(2, Double.POSITIVE_INFINITY, PointSeries.NO_TIMESTAMP)
                .add(3, Double.NEGATIVE_INFINITY, PointSeries.NO_TIMESTAMP).add(4, 0.5, PointSeries.NO_TIMESTAMP).build();

        MetricChart chart = MetricChartFactory.create(new SeriesKey("loss", "loss"),
                List.of(new RunSeries("run", Color.BLUE, points)), ChartOptions.defaults(200));

        var dots = chart.chart().getXYPlot().getDataset(5);
        assertThat(chart.isolatedPointCount()).isEqualTo(2);
        assertThat(dots.getXValue(0, 0)).isEqualTo(0.0);
        assertThat(dots.getYValue(0, 0)).isEqualTo(1.0);
        assertThat(dots.getXValue(0, 1)).isEqualTo(4.0);
        assertThat(dots.getYValue(0, 1)).isEqualTo(0.5);
        assertThat(chart.notes()).contains("NaN or infinite values, drawn as gaps marked ×: run: 3.");
    }

    @Test
    void singlePointSeriesIsVisible() {
        PointSeries points = new PointSeriesBuilder().add(7, 2.0, PointSeries.NO_TIMESTAMP).build();
        MetricChart chart = MetricChartFactory.create(new SeriesKey("acc", "acc"),
                List.of(new RunSeries("run", Color.BLUE, points)), ChartOptions.defaults(200));
        assertThat(chart.isolatedPointCount()).isEqualTo(1);
    }

    @Test
    void connectedPointsGetNoDots() {
        PointSeries points = new PointSeriesBuilder().add(0, 1.0, PointSeries.NO_TIMESTAMP).add(1, 2.0, PointSeries.NO_TIMESTAMP)
                .add(2, 3.0, PointSeries.NO_TIMESTAMP).build();
        MetricChart chart = MetricChartFactory.create(new SeriesKey("acc", "acc"),
                List.of(new RunSeries("run", Color.BLUE, points)), ChartOptions.defaults(200));
        assertThat(chart.isolatedPointCount()).isZero();
        assertThat(chart.notes()).isEmpty();
    }
}

package org.runbench.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.List;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.SeriesKey;

class OutlierClippingTest {

    private static final SeriesKey KEY = new SeriesKey("train", "loss");

    @Test
    void fitsRangeAndMarksSpikesAtEdge() {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        for (int i = 0; i < 10_000; i++) {
            double value = 1.0 + (i % 100) / 100.0;
            if (i == 2_500) {
                value = 1_000.0;
            } else if (i == 7_500) {
                value = -1_000.0;
            }
            builder.add(i, value, PointSeries.NO_TIMESTAMP);
        }
        ChartOptions options = ChartOptions.defaults(400).withClipOutliers(true);

        MetricChart chart = MetricChartFactory.create(KEY, List.of(new RunSeries("run", Color.BLUE, builder.build())), options);

        Range y = chart.chart().getXYPlot().getRangeAxis().getRange();
        assertThat(y.getUpperBound()).isLessThan(2.5);
        assertThat(y.getLowerBound()).isGreaterThan(0.5);
        assertThat(chart.shownLines().isClipped()).isTrue();
        // 1% of 10,000 points: index 99 of the sorted values is 1.01 (the -1000 spike and 98 points of 1.00 lie below).
        assertThat(chart.shownLines().clipLow()).isEqualTo(1.01);
        assertThat(chart.shownLines().clipHigh()).isEqualTo(1.99);
        var markers = chart.chart().getXYPlot().getDataset(3);
        assertThat(markerAt(markers, 2_500.0)).isEqualTo(1.99);
        assertThat(markerAt(markers, 7_500.0)).isEqualTo(1.01);
        for (int i = 0; i < markers.getItemCount(0); i++) {
            assertThat(markers.getYValue(0, i)).isIn(1.01, 1.99);
        }
    }

    private static double markerAt(org.jfree.data.xy.XYDataset markers, double x) {
        for (int i = 0; i < markers.getItemCount(0); i++) {
            if (markers.getXValue(0, i) == x) {
                return markers.getYValue(0, i);
            }
        }
        throw new AssertionError("no outlier marker at x = " + x);
    }

    @Test
    void withoutClippingEveryPointIsInRange() {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        for (int i = 0; i < 1_000; i++) {
            builder.add(i, i == 500 ? 1_000.0 : 1.0, PointSeries.NO_TIMESTAMP);
        }

        MetricChart chart = MetricChartFactory.create(KEY, List.of(new RunSeries("run", Color.BLUE, builder.build())),
                ChartOptions.defaults(400));

        assertThat(chart.shownLines().isClipped()).isFalse();
        assertThat(chart.clippedPointCount()).isZero();
        assertThat(chart.chart().getXYPlot().getRangeAxis().getRange().getUpperBound()).isGreaterThanOrEqualTo(1_000.0);
    }

    @Test
    void zoomRecomputesPercentilesForVisiblePoints() {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        for (int i = 0; i < 2_000; i++) {
            builder.add(i, i < 1_000 ? 100.0 + (i % 10) : 1.0 + (i % 10) / 10.0, PointSeries.NO_TIMESTAMP);
        }
        MetricChart chart = MetricChartFactory.create(KEY, List.of(new RunSeries("run", Color.BLUE, builder.build())),
                ChartOptions.defaults(400).withClipOutliers(true));

        chart.redecimate(1_000, 1_999, 400);

        assertThat(chart.shownLines().clipLow()).isEqualTo(1.0);
        assertThat(chart.shownLines().clipHigh()).isEqualTo(1.9);
        assertThat(chart.chart().getXYPlot().getRangeAxis().getRange().getUpperBound()).isLessThan(3.0);
    }
}

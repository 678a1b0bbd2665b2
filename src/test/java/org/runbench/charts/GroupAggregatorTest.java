package org.runbench.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.SeriesKey;

class GroupAggregatorTest {

    @Test
    void alignedMembersGiveMeanAndMinMax() {
        List<PlotLine> members = List.of(line(new long[] {0, 1, 2}, 1, 2, 3), line(new long[] {0, 1, 2}, 3, 4, 5),
                line(new long[] {0, 1, 2}, 2, 6, Double.NaN));

        GroupAggregator.Aggregate aggregate = GroupAggregator.aggregate(members, GroupBand.MIN_MAX);

        assertThat(aggregate.x()).containsExactly(0, 1, 2);
        assertThat(aggregate.mean()).containsExactly(2, 4, 4);
        assertThat(aggregate.low()).containsExactly(1, 2, 3);
        assertThat(aggregate.high()).containsExactly(3, 6, 5);
        assertThat(aggregate.members()).containsExactly(3, 3, 2);
    }

    @Test
    void standardDeviationBandIsSymmetric() {
        List<PlotLine> members = List.of(line(new long[] {10}, 1), line(new long[] {10}, 3));

        GroupAggregator.Aggregate aggregate = GroupAggregator.aggregate(members, GroupBand.STANDARD_DEVIATION);

        assertThat(aggregate.mean()).containsExactly(2);
        assertThat(aggregate.low()[0]).isCloseTo(1.0, within(1e-12));
        assertThat(aggregate.high()[0]).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void membersLoggedAtDifferentStepsMeetAtEachStep() {
        List<PlotLine> members = List.of(line(new long[] {0, 2, 4}, 1, 1, 1), line(new long[] {0, 1, 2}, 3, 3, 3));

        GroupAggregator.Aggregate aggregate = GroupAggregator.aggregate(members, GroupBand.MIN_MAX);

        assertThat(aggregate.x()).containsExactly(0, 1, 2, 4);
        assertThat(aggregate.mean()).containsExactly(2, 3, 2, 1);
        assertThat(aggregate.members()).containsExactly(2, 1, 2, 1);
    }

    @Test
    void repeatedStepOfResumedRunCountsOnce() {
        List<PlotLine> members = List.of(line(new long[] {0, 1, 1, 2}, 0, 10, 20, 0), line(new long[] {0, 1, 2}, 0, 0, 0));

        GroupAggregator.Aggregate aggregate = GroupAggregator.aggregate(members, GroupBand.MIN_MAX);

        assertThat(aggregate.mean()).containsExactly(0, 7.5, 0);
        assertThat(aggregate.high()).containsExactly(0, 15, 0);
    }

    @Test
    void manyDistinctStepsAreBinned() {
        long[] steps = new long[30_000];
        double[] values = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i;
            values[i] = 1.0;
        }
        GroupAggregator.Aggregate aggregate = GroupAggregator.aggregate(List.of(line(steps, values)), GroupBand.MIN_MAX);

        assertThat(aggregate.size()).isEqualTo(GroupAggregator.BINS);
        assertThat(aggregate.mean()).containsOnly(1.0);
    }

    @Test
    void chartDrawsGroupMeanAndListsMembers() {
        List<RunSeries> runs = List.of(run("seed-1", 1, 2), run("seed-2", 3, 4), run("other", 9, 9));
        MetricChart chart = MetricChartFactory.create(new SeriesKey("train", "loss"), runs, ChartOptions.defaults(300),
                List.of(new RunGroup("lr=0.1", Color.RED, List.of(0, 1))), GroupBand.MIN_MAX, false);

        var groups = chart.chart().getXYPlot().getDataset(4);
        assertThat(groups.getSeriesCount()).isEqualTo(1);
        assertThat(groups.getSeriesKey(0).toString()).isEqualTo("lr=0.1 (mean of 2: seed-1, seed-2)");
        assertThat(groups.getYValue(0, 0)).isEqualTo(2.0);
        assertThat(groups.getYValue(0, 1)).isEqualTo(3.0);
        var members = chart.chart().getXYPlot().getRenderer(0);
        assertThat(members.isSeriesVisible(0)).isFalse();
        assertThat(members.isSeriesVisible(1)).isFalse();
        assertThat(members.isSeriesVisible(2)).isTrue();
    }

    private static RunSeries run(String label, double first, double second) {
        PointSeries points = new PointSeriesBuilder().add(0, first, PointSeries.NO_TIMESTAMP)
                .add(1, second, PointSeries.NO_TIMESTAMP).build();
        return new RunSeries(label, Color.BLUE, points);
    }

    private static PlotLine line(long[] steps, double... values) {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        for (int i = 0; i < steps.length; i++) {
            builder.add(steps[i], values[i], PointSeries.NO_TIMESTAMP);
        }
        return PlotLine.prepare("line", new RunSeries("line", Color.BLUE, builder.build()), ChartOptions.defaults(100));
    }
}

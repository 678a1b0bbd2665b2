package org.runbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SeriesOverviewTest {

    @Test
    void shortSeriesIsItsOwnOverview() {
        PointSeries points = series(SeriesOverview.FULL_SIZE_LIMIT, new Random(1), 0.0);
        assertThat(SeriesOverview.of(points)).isSameAs(points);
    }

    @Test
    void longSeriesKeepsOwnPointsInOrder() {
        PointSeries points = series(1_000_000, new Random(2), 0.0);
        PointSeries overview = SeriesOverview.of(points);

        assertThat(overview.size()).isBetween(SeriesOverview.BUCKETS, 4 * SeriesOverview.BUCKETS);
        long previous = -1;
        for (int i = 0; i < overview.size(); i++) {
            int index = (int) overview.iteration(i);
            assertThat(index).isGreaterThan((int) previous);
            assertThat(overview.value(i)).isEqualTo(points.value(index));
            assertThat(overview.timestamp(i)).isEqualTo(points.timestamp(index));
            previous = index;
        }
        assertThat(overview.iteration(0)).isZero();
        assertThat(overview.iteration(overview.size() - 1)).isEqualTo(points.size() - 1);
    }

    @Test
    void columnExtremesKeptWithinOneBucket() {
        int size = 1_000_000;
        PointSeries points = series(size, new Random(3), 0.001);
        PointSeries overview = SeriesOverview.of(points);
        int bucket = (size + SeriesOverview.BUCKETS - 1) / SeriesOverview.BUCKETS;

        for (int width : new int[] {300, 700, 1999}) {
            for (int column = 0; column < width; column++) {
                int from = (int) ((long) size * column / width);
                int to = (int) ((long) size * (column + 1) / width);
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int i = from; i < to; i++) {
                    min = Math.min(min, points.value(i));
                    max = Math.max(max, points.value(i));
                }
                int widenedFrom = from / bucket * bucket;
                int widenedTo = Math.min(size, (to + bucket - 1) / bucket * bucket);
                double keptMin = Double.POSITIVE_INFINITY;
                double keptMax = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < overview.size(); i++) {
                    long index = overview.iteration(i);
                    if (index >= widenedFrom && index < widenedTo) {
                        keptMin = Math.min(keptMin, overview.value(i));
                        keptMax = Math.max(keptMax, overview.value(i));
                    }
                }
                assertThat(keptMin).as("width %d column %d", width, column).isLessThanOrEqualTo(min);
                assertThat(keptMax).as("width %d column %d", width, column).isGreaterThanOrEqualTo(max);
            }
        }
    }

    @Test
    void singlePointSpikeSurvives() {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        for (int i = 0; i < 2_000_000; i++) {
            builder.add(i, i == 1_234_567 ? 1e9 : 1.0 + (i % 7) * 1e-3, PointSeries.NO_TIMESTAMP);
        }
        PointSeries overview = SeriesOverview.of(builder.build());

        boolean found = false;
        for (int i = 0; i < overview.size(); i++) {
            found |= overview.iteration(i) == 1_234_567 && overview.value(i) == 1e9;
        }
        assertThat(found).isTrue();
    }

    @Test
    void nonFiniteStretchKeepsItsEdges() {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        for (int i = 0; i < 100_000; i++) {
            boolean gap = (i >= 50_010 && i < 50_020) || i == 70_001;
            double value = Math.sin(i / 1000.0);
            if (i == 70_001) {
                value = Double.POSITIVE_INFINITY;
            } else if (gap) {
                value = Double.NaN;
            }
            builder.add(i, value, 1_000L * i);
        }
        PointSeries overview = SeriesOverview.of(builder.build());

        assertThat(indexOf(overview, 50_010)).isGreaterThanOrEqualTo(0);
        assertThat(overview.value(indexOf(overview, 50_010))).isNaN();
        assertThat(indexOf(overview, 50_020)).isGreaterThanOrEqualTo(0);
        assertThat(overview.value(indexOf(overview, 70_001))).isInfinite();
        assertThat(indexOf(overview, 70_002)).isGreaterThanOrEqualTo(0);
        for (int i = 0; i < overview.size(); i++) {
            long index = overview.iteration(i);
            boolean insideStretch = (index > 50_010 && index < 50_020);
            assertThat(insideStretch).as("point %d inside the NaN stretch", index).isFalse();
        }
    }

    private static int indexOf(PointSeries series, long iteration) {
        for (int i = 0; i < series.size(); i++) {
            if (series.iteration(i) == iteration) {
                return i;
            }
        }
        return -1;
    }

    /** Builds a noisy decaying curve with iteration = index and an occasional spike. */
    private static PointSeries series(int size, Random random, double spikeChance) {
        PointSeriesBuilder builder = new PointSeriesBuilder(size);
        for (int i = 0; i < size; i++) {
            double value = 2.0 * Math.exp(-i / (size / 5.0)) + random.nextGaussian() * 0.01;
            if (random.nextDouble() < spikeChance) {
                value += (random.nextBoolean() ? 1 : -1) * random.nextDouble() * 10;
            }
            builder.add(i, value, 1_700_000_000_000L + 100L * i);
        }
        return builder.build();
    }
}

package org.runbench.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class M4DecimatorTest {

    /** Seeds, pixel widths and visible ranges (as fractions of the x span) for the brute-force comparison. */
    static List<Arguments> randomCases() {
        List<Arguments> cases = new ArrayList<>();
        long[] seeds = {1L, 42L, 20240601L};
        int[] widths = {1, 7, 100, 800};
        double[][] ranges = {{0.0, 1.0}, {0.25, 0.6}, {-0.2, 0.3}, {0.9, 1.5}};
        for (long seed : seeds) {
            for (int width : widths) {
                for (double[] range : ranges) {
                    cases.add(Arguments.of(seed, width, range[0], range[1]));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "seed {0}, width {1}, range {2}..{3}")
    @MethodSource("randomCases")
    void keepsFirstLastMinMaxOfEveryColumn(long seed, int width, double fromFraction, double toFraction) {
        Series series = randomSeries(new Random(seed), 20_000, false, true);
        double span = series.maxX() - series.minX();
        double xMin = series.minX() + fromFraction * span;
        double xMax = series.minX() + toFraction * span;

        DecimatedSeries output = M4Decimator.decimate(series.x, series.y, xMin, xMax, width);

        Map<Long, Column> expected = bruteForceColumns(series, xMin, xMax, width);
        Map<Long, Column> actual = new HashMap<>();
        int[] segments = segmentOf(series.x);
        for (int k = 0; k < output.size(); k++) {
            int source = output.sourceIndex(k);
            if (output.isGap(k) || series.x[source] < xMin || series.x[source] > xMax) {
                continue;
            }
            long key = columnKey(segments[source], column(series.x[source], xMin, xMax, width));
            actual.computeIfAbsent(key, unused -> new Column()).add(source, series.y[source]);
        }
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (Map.Entry<Long, Column> entry : expected.entrySet()) {
            Column want = entry.getValue();
            Column got = actual.get(entry.getKey());
            assertThat(got.min).as("min of column %s", entry.getKey()).isEqualTo(want.min);
            assertThat(got.max).as("max of column %s", entry.getKey()).isEqualTo(want.max);
            assertThat(got.first).as("first of column %s", entry.getKey()).isEqualTo(want.first);
            assertThat(got.last).as("last of column %s", entry.getKey()).isEqualTo(want.last);
        }
    }

    @ParameterizedTest(name = "seed {0}, width {1}, range {2}..{3}")
    @MethodSource("randomCases")
    void outputIsSubsequenceInArrivalOrder(long seed, int width, double fromFraction, double toFraction) {
        Series series = randomSeries(new Random(seed), 20_000, true, true);
        double span = series.maxX() - series.minX();

        DecimatedSeries output = M4Decimator.decimate(series.x, series.y, series.minX() + fromFraction * span,
                series.minX() + toFraction * span, width);

        for (int k = 0; k < output.size(); k++) {
            int source = output.sourceIndex(k);
            if (k > 0) {
                assertThat(source).isGreaterThan(output.sourceIndex(k - 1));
            }
            assertThat(output.x(k)).isEqualTo(series.x[source]);
            double expectedY = Double.isFinite(series.y[source]) ? series.y[source] : Double.NaN;
            assertThat(Double.valueOf(output.y(k))).isEqualTo(Double.valueOf(expectedY));
        }
    }

    @ParameterizedTest(name = "seed {0}, width {1}, range {2}..{3}")
    @MethodSource("randomCases")
    void neverJoinsLineOverGap(long seed, int width, double fromFraction, double toFraction) {
        Series series = randomSeries(new Random(seed), 20_000, true, true);
        double span = series.maxX() - series.minX();

        DecimatedSeries output = M4Decimator.decimate(series.x, series.y, series.minX() + fromFraction * span,
                series.minX() + toFraction * span, width);

        for (int k = 1; k < output.size(); k++) {
            if (output.isGap(k) || output.isGap(k - 1)) {
                continue;
            }
            for (int i = output.sourceIndex(k - 1) + 1; i < output.sourceIndex(k); i++) {
                assertThat(Double.isFinite(series.y[i]))
                        .as("point %d between output points %d and %d is non-finite but no gap was kept", i, k - 1, k)
                        .isTrue();
            }
        }
    }

    @Test
    void spikeSurvivesMillionPointsAt800Columns() {
        int n = 1_000_000;
        Random random = new Random(7);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 1.0 + random.nextGaussian() * 0.01;
        }
        int spikeIndex = 612_345;
        y[spikeIndex] = 1_000.0;

        DecimatedSeries output = M4Decimator.decimate(x, y, 0, n - 1, 800);

        boolean found = false;
        for (int k = 0; k < output.size(); k++) {
            if (output.sourceIndex(k) == spikeIndex) {
                found = true;
                assertThat(output.y(k)).isEqualTo(1_000.0);
            }
        }
        assertThat(found).as("spike at index %d kept", spikeIndex).isTrue();
        assertThat(output.size()).isLessThanOrEqualTo(4 * 800);
    }

    @ParameterizedTest(name = "width {0}")
    @MethodSource("widths")
    void outputHasAtMostFourPointsPerColumnPlusEdges(int width) {
        Series series = randomSeries(new Random(11), 100_000, false, false);
        double span = series.maxX() - series.minX();

        DecimatedSeries inside = M4Decimator.decimate(series.x, series.y, series.minX(), series.maxX(), width);
        DecimatedSeries zoomed = M4Decimator.decimate(series.x, series.y, series.minX() + 0.3 * span,
                series.minX() + 0.4 * span, width);

        assertThat(inside.size()).isLessThanOrEqualTo(4 * width);
        assertThat(zoomed.size()).isLessThanOrEqualTo(4 * width + 2);
    }

    static int[] widths() {
        return new int[] {1, 3, 50, 1000, 4000};
    }

    @Test
    void nanAndInfinityBecomeGapMarkersNotZero() {
        double[] x = {0, 1, 2, 3, 4, 5, 6};
        double[] y = {1, 2, Double.NaN, 4, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 7};

        DecimatedSeries output = M4Decimator.decimate(x, y, 0, 6, 100);

        assertThat(output.xValues()).containsExactly(0, 1, 2, 3, 4, 6);
        assertThat(boxed(output.yValues())).containsExactly(1.0, 2.0, Double.NaN, 4.0, Double.NaN, 7.0);
        assertThat(output.gapCount()).isEqualTo(2);
    }

    @Test
    void gapInsideOneColumnStaysBetweenItsNeighbours() {
        int n = 10_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 5.0 + (i % 7);
        }
        y[4_321] = Double.NaN;

        DecimatedSeries output = M4Decimator.decimate(x, y, 0, n - 1, 10);

        int gap = indexOfSource(output, 4_321);
        assertThat(gap).isPositive();
        assertThat(output.isGap(gap)).isTrue();
        assertThat(output.x(gap)).isEqualTo(4_321.0);
        assertThat(output.sourceIndex(gap - 1)).isLessThan(4_321);
        assertThat(output.sourceIndex(gap + 1)).isGreaterThan(4_321);
        for (int k = 0; k < output.size(); k++) {
            assertThat(output.y(k)).isNotEqualTo(0.0);
        }
    }

    @Test
    void trailingNaNLeavesGapMarkerAtEnd() {
        double[] x = {0, 1, 2};
        double[] y = {1, 2, Double.NaN};

        DecimatedSeries output = M4Decimator.decimate(x, y, 0, 2, 1);

        assertThat(boxed(output.yValues())).containsExactly(1.0, 2.0, Double.NaN);
    }

    @Test
    void resumedRunKeepsBothPasses() {
        // First pass 0..99 with values near 10, resumed pass 50..149 with values near 20.
        double[] x = new double[200];
        double[] y = new double[200];
        for (int i = 0; i < 100; i++) {
            x[i] = i;
            y[i] = 10.0 + (i % 3);
            x[100 + i] = 50 + i;
            y[100 + i] = 20.0 + (i % 3);
        }

        DecimatedSeries output = M4Decimator.decimate(x, y, 0, 149, 10);

        int backSteps = 0;
        for (int k = 1; k < output.size(); k++) {
            if (output.x(k) < output.x(k - 1)) {
                backSteps++;
            }
        }
        assertThat(backSteps).isEqualTo(1);
        for (int k = 0; k < output.size(); k++) {
            if (output.x(k) >= 50 && output.x(k) < 100) {
                assertThat(output.y(k)).isBetween(10.0, 22.0);
            }
        }
        assertThat(countInOverlap(output, 10.0, 12.0)).as("first-pass points in the overlap").isGreaterThan(0);
        assertThat(countInOverlap(output, 20.0, 22.0)).as("resumed-pass points in the overlap").isGreaterThan(0);
        assertThat(output.sourceIndex(output.size() - 1)).isEqualTo(199);
    }

    @Test
    void keepsOnlyNeighboursOutsideRange() {
        double[] x = new double[31];
        double[] y = new double[31];
        for (int i = 0; i <= 30; i++) {
            x[i] = i;
            y[i] = i * 2.0;
        }

        DecimatedSeries output = M4Decimator.decimate(x, y, 10, 20, 100);

        assertThat(output.x(0)).isEqualTo(9.0);
        assertThat(output.x(output.size() - 1)).isEqualTo(21.0);
        assertThat(output.size()).isEqualTo(13);
    }

    @Test
    void rangeOfOnePointUsesOneColumn() {
        double[] x = {5, 5, 5, 5, 5};
        double[] y = {3, 1, 4, 1, 5};

        DecimatedSeries output = M4Decimator.decimate(x, y, 5, 5, 640);

        assertThat(output.yValues()).containsExactly(3, 1, 5);
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        DecimatedSeries output = M4Decimator.decimate(new double[0], new double[0], 0, 1, 10);

        assertThat(output.size()).isZero();
    }

    @Test
    void rejectsPixelWidthBelowOne() {
        assertThatThrownBy(() -> M4Decimator.decimate(new double[1], new double[1], 0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pixel width must be at least 1, got 0.");
    }

    @Test
    void rejectsReversedRange() {
        assertThatThrownBy(() -> M4Decimator.decimate(new double[1], new double[1], 5, 1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x range [5.0, 1.0] is invalid: both ends must be finite, xMin must not exceed xMax"
                        + " and the width must be a finite number.");
    }

    @Test
    void rejectsArraysOfDifferentLength() {
        assertThatThrownBy(() -> M4Decimator.decimate(new double[3], new double[2], 0, 1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x and y differ in length: 3 x values, 2 y values. Pass parallel arrays of one series.");
    }

    @Test
    void rejectsNaNx() {
        assertThatThrownBy(() -> M4Decimator.decimate(new double[] {0, Double.NaN}, new double[2], 0, 1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x[1] is NaN, but every point needs an x value. Leave out points without an x before decimating.");
    }

    /** Boxes values so that NaN compares equal to NaN, as {@link Double#equals} does. */
    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double value : values) {
            list.add(value);
        }
        return list;
    }

    private static int countInOverlap(DecimatedSeries output, double low, double high) {
        int count = 0;
        for (int k = 0; k < output.size(); k++) {
            if (output.x(k) >= 50 && output.x(k) < 100 && output.y(k) >= low && output.y(k) <= high) {
                count++;
            }
        }
        return count;
    }

    private static int indexOfSource(DecimatedSeries output, int source) {
        for (int k = 0; k < output.size(); k++) {
            if (output.sourceIndex(k) == source) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Creates a random walk with repeated x values; optionally NaN and infinite values, and optionally resumed
     * (x jumping back) a few times.
     */
    private static Series randomSeries(Random random, int n, boolean withGaps, boolean withResumes) {
        double[] x = new double[n];
        double[] y = new double[n];
        double currentX = 0;
        double currentY = 0;
        for (int i = 0; i < n; i++) {
            if (withResumes && i > 0 && random.nextInt(5_000) == 0) {
                currentX -= random.nextInt(2_000);
            } else if (random.nextInt(4) != 0) {
                currentX += 1 + random.nextInt(3);
            }
            currentY += random.nextGaussian();
            x[i] = currentX;
            y[i] = currentY;
            if (withGaps && random.nextInt(50) == 0) {
                y[i] = random.nextBoolean() ? Double.NaN : Double.POSITIVE_INFINITY;
            }
        }
        return new Series(x, y);
    }

    private static Map<Long, Column> bruteForceColumns(Series series, double xMin, double xMax, int width) {
        Map<Long, Column> columns = new HashMap<>();
        int[] segments = segmentOf(series.x);
        for (int i = 0; i < series.x.length; i++) {
            double xi = series.x[i];
            if (xi < xMin || xi > xMax || !Double.isFinite(series.y[i])) {
                continue;
            }
            long key = columnKey(segments[i], column(xi, xMin, xMax, width));
            columns.computeIfAbsent(key, unused -> new Column()).add(i, series.y[i]);
        }
        return columns;
    }

    /** Numbers the stretches of non-decreasing x, so points of different passes never share a column. */
    private static int[] segmentOf(double[] x) {
        int[] segments = new int[x.length];
        for (int i = 1; i < x.length; i++) {
            segments[i] = x[i] < x[i - 1] ? segments[i - 1] + 1 : segments[i - 1];
        }
        return segments;
    }

    private static int column(double x, double xMin, double xMax, int width) {
        double columnsPerUnit = xMax > xMin ? width / (xMax - xMin) : 0.0;
        return Math.min((int) ((x - xMin) * columnsPerUnit), width - 1);
    }

    private static long columnKey(int segment, int column) {
        return ((long) segment << 32) | column;
    }

    private record Series(double[] x, double[] y) {
        double minX() {
            double min = Double.POSITIVE_INFINITY;
            for (double value : x) {
                min = Math.min(min, value);
            }
            return min;
        }

        double maxX() {
            double max = Double.NEGATIVE_INFINITY;
            for (double value : x) {
                max = Math.max(max, value);
            }
            return max;
        }
    }

    private static final class Column {
        int first = -1;
        int last = -1;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(int index, double value) {
            if (first < 0) {
                first = index;
            }
            last = index;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
    }
}

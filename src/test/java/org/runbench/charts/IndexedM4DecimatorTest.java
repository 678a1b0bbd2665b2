package org.runbench.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.SeriesKey;

/**
 * The indexed decimation must give exactly what {@link M4Decimator} gives on the whole line, point by
 * point, for every sorted line with finite values.
 */
class IndexedM4DecimatorTest {

    private static final int[] WIDTHS = {1, 2, 700, 5000};
    /** Forces reading every visible point, the way taken when columns are short. */
    private static final int ALWAYS_SCAN = Integer.MAX_VALUE;
    /** Forces binary search of column ends and the block index, the way taken when columns are long. */
    private static final int ALWAYS_SEARCH = 0;

    /** How the x values of a generated line are spaced. */
    enum Spacing {
        /** Iterations at a constant step, so the line stores no x array. */
        CONSTANT_STEP,
        /** Every iteration equal, so the whole line sits at one x. */
        SINGLE_X,
        /** Iterations that grow by 0, 1 or 2, so many x values repeat. */
        REPEATED,
        /** Seconds since run start from millisecond timestamps, so x has fractions and repeats. */
        FRACTIONAL
    }

    static List<Arguments> lines() {
        List<Arguments> cases = new ArrayList<>();
        long[] seeds = {3L, 17L, 20_240_611L};
        int[] sizes = {0, 1, 2, 63, 64, 65, 127, 129, 2047, 2048, 2049, 100_000};
        for (long seed : seeds) {
            for (int size : sizes) {
                for (Spacing spacing : Spacing.values()) {
                    cases.add(Arguments.of(seed, size, spacing));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "seed {0}, {1} points, {2}")
    @MethodSource("lines")
    void outputEqualsFullScan(long seed, int size, Spacing spacing) {
        Random random = new Random(seed);
        PlotLine line = randomLine(random, size, spacing);
        assertThat(line.xSorted).as("generated x is sorted").isTrue();
        if (size > 0 && (spacing == Spacing.CONSTANT_STEP || spacing == Spacing.SINGLE_X)) {
            assertThat(line.storedX()).as("line with a constant step stores no x").isNull();
        }
        BlockExtremes extremes = BlockExtremes.ofFinite(line.y);
        double[] allX = line.xValues();

        for (double[] range : ranges(line, random)) {
            for (int width : WIDTHS) {
                DecimatedSeries expected = M4Decimator.decimate(allX, line.y, range[0], range[1], width);
                String description = String.format("range [%s, %s], width %d", range[0], range[1], width);

                assertSamePoints(IndexedM4Decimator.decimate(line, extremes, range[0], range[1], width),
                        expected, description);
                assertSamePoints(IndexedM4Decimator.decimate(line, extremes, range[0], range[1], width, ALWAYS_SCAN),
                        expected, description + ", scanning");
                assertSamePoints(IndexedM4Decimator.decimate(line, extremes, range[0], range[1], width, ALWAYS_SEARCH),
                        expected, description + ", searching");
            }
        }
    }

    @Test
    void spikeInsideWholeBlocksIsKept() {
        int size = 10_000;
        PointSeriesBuilder builder = new PointSeriesBuilder();
        double[] values = new double[size];
        Arrays.fill(values, 1.0);
        values[6_500] = 9.0;
        values[6_501] = -9.0;
        for (int i = 0; i < size; i++) {
            builder.add(i, values[i], PointSeries.NO_TIMESTAMP);
        }
        PlotLine line = PlotLine.prepare("line", Color.BLUE, builder.build(), ChartOptions.defaults(100));

        DecimatedSeries output = IndexedM4Decimator.decimate(line, line.yExtremes, 0, size - 1, 1, ALWAYS_SEARCH);

        assertThat(sourceIndices(output)).containsExactly(0, 6_500, 6_501, size - 1);
    }

    @Test
    void invalidRangeIsRejectedLikeFullScan() {
        PlotLine line = randomLine(new Random(5), 4_096, Spacing.CONSTANT_STEP);

        assertThatThrownBy(() -> IndexedM4Decimator.decimate(line, line.yExtremes, 10, 5, 700))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x range [10.0, 5.0] is invalid: both ends must be finite, xMin must not exceed xMax and"
                        + " the width must be a finite number.");
        assertThatThrownBy(() -> IndexedM4Decimator.decimate(line, line.yExtremes, 0, 5, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pixel width must be at least 1, got 0.");
    }

    @Test
    void chartUsesIndexForRawAndSmoothedLines() {
        Random random = new Random(23);
        PointSeriesBuilder builder = new PointSeriesBuilder();
        long iteration = 0;
        for (int i = 0; i < 50_000; i++) {
            iteration += random.nextInt(3);
            builder.add(iteration, random.nextInt(20) == 0 ? 0.5 : random.nextGaussian(), PointSeries.NO_TIMESTAMP);
        }
        PointSeries points = builder.build();
        ChartOptions options = ChartOptions.defaults(640).withSmoothing(new LineSmoothing.Ema(0.8));
        PlotLine line = PlotLine.prepare("run", Color.BLUE, points, options);
        MetricChart chart = MetricChartFactory.create(new SeriesKey("m", "v"),
                List.of(new RunSeries("run", Color.BLUE, points)), options);
        assertThat(line.yExtremes).as("raw index").isNotNull();
        assertThat(line.smoothedExtremes).as("smoothed index").isNotNull();

        double xMin = line.x(0) + 0.2 * (line.x(line.size() - 1) - line.x(0));
        double xMax = line.x(0) + 0.6 * (line.x(line.size() - 1) - line.x(0));
        MetricChart.Lines decimated = chart.decimate(xMin, xMax, 640);

        assertSamePoints(decimated.raw().get(0), M4Decimator.decimate(line.xValues(), line.y, xMin, xMax, 640), "raw");
        assertSamePoints(decimated.smoothed().get(0),
                M4Decimator.decimate(line.xValues(), line.smoothedY, xMin, xMax, 640), "smoothed");
    }

    @Test
    void lineWithNonFiniteValueHasNoIndex() {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        double[] values = new double[4_096];
        values[3_000] = Double.POSITIVE_INFINITY;
        values[3_001] = Double.NaN;
        for (int i = 0; i < values.length; i++) {
            builder.add(i, values[i], PointSeries.NO_TIMESTAMP);
        }

        PlotLine line = PlotLine.prepare("line", Color.BLUE, builder.build(), ChartOptions.defaults(100));

        assertThat(line.yExtremes).isNull();
    }

    @Test
    void unsortedLineHasNoIndex() {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        for (int i = 0; i < 4_096; i++) {
            builder.add(i < 2_000 ? i : i - 1_000, i, PointSeries.NO_TIMESTAMP);
        }

        PlotLine line = PlotLine.prepare("line", Color.BLUE, builder.build(), ChartOptions.defaults(100));

        assertThat(line.xSorted).isFalse();
        assertThat(line.yExtremes).isNull();
    }

    @Test
    void shortLineHasNoIndex() {
        PlotLine line = randomLine(new Random(1), PlotLine.MIN_INDEXED_SIZE - 1, Spacing.REPEATED);

        assertThat(line.yExtremes).isNull();
    }

    @Test
    void smoothedLineWithHiddenValuesHasNoIndex() {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        for (int i = 0; i < 4_096; i++) {
            builder.add(i, i % 100 == 0 ? -500.0 : 1.0, PointSeries.NO_TIMESTAMP);
        }
        ChartOptions options = ChartOptions.defaults(100).withYScale(YAxisScale.LOG)
                .withSmoothing(new LineSmoothing.MovingAverage(5));

        PlotLine line = PlotLine.prepare("line", Color.BLUE, builder.build(), options);

        assertThat(line.yExtremes).as("raw values left are all positive").isNotNull();
        assertThat(line.smoothedExtremes).as("smoothed values hidden as NaN on the log axis").isNull();
    }

    private static void assertSamePoints(DecimatedSeries actual, DecimatedSeries expected, String description) {
        assertThat(actual.size()).as("size, %s", description).isEqualTo(expected.size());
        assertThat(sourceIndices(actual)).as("source indices, %s", description)
                .containsExactly(sourceIndices(expected));
        assertThat(bits(actual.xValues())).as("x, %s", description).containsExactly(bits(expected.xValues()));
        assertThat(bits(actual.yValues())).as("y, %s", description).containsExactly(bits(expected.yValues()));
    }

    private static int[] sourceIndices(DecimatedSeries series) {
        int[] indices = new int[series.size()];
        for (int k = 0; k < indices.length; k++) {
            indices[k] = series.sourceIndex(k);
        }
        return indices;
    }

    /** Returns the exact bits of each value, so -0.0 and 0.0 count as different. */
    private static long[] bits(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return bits;
    }

    /** Returns visible ranges that lie inside, across either end, between two points and beyond all points. */
    private static List<double[]> ranges(PlotLine line, Random random) {
        List<double[]> ranges = new ArrayList<>();
        int size = line.size();
        if (size == 0) {
            ranges.add(new double[] {0, 1});
            ranges.add(new double[] {5, 5});
            return ranges;
        }
        double first = line.x(0);
        double last = line.x(size - 1);
        double span = Math.max(last - first, 1.0);
        ranges.add(new double[] {first, last});
        ranges.add(new double[] {first + 0.3 * span, first + 0.7 * span});
        ranges.add(new double[] {first - 0.2 * span, first + 0.4 * span});
        ranges.add(new double[] {last - 0.4 * span, last + 0.5 * span});
        ranges.add(new double[] {first - 2 * span, first - span});
        ranges.add(new double[] {last + span, last + 2 * span});
        ranges.add(new double[] {first, Math.nextUp(first)});

        int k = random.nextInt(size);
        ranges.add(new double[] {line.x(k), line.x(k)});
        ranges.add(new double[] {line.x(k), line.x(k) + span / 1000});
        int gapStart = firstGap(line, k);
        if (gapStart >= 0) {
            double left = line.x(gapStart);
            double right = line.x(gapStart + 1);
            ranges.add(new double[] {left + (right - left) / 3, left + 2 * (right - left) / 3});
            ranges.add(new double[] {(left + right) / 2, (left + right) / 2});
        }
        double a = first - 0.1 * span + random.nextDouble() * 1.2 * span;
        double b = first - 0.1 * span + random.nextDouble() * 1.2 * span;
        ranges.add(new double[] {Math.min(a, b), Math.max(a, b)});
        return ranges;
    }

    /** Returns the first index at or after {@code from} whose next point has a larger x, or -1. */
    private static int firstGap(PlotLine line, int from) {
        for (int i = from; i + 1 < line.size(); i++) {
            if (line.x(i + 1) > line.x(i)) {
                return i;
            }
        }
        return -1;
    }

    private static PlotLine randomLine(Random random, int size, Spacing spacing) {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        double[] values = randomValues(random, size);
        long step = 1 + random.nextInt(4);
        long iteration = 1_000;
        long timestamp = 1_700_000_000_000L;
        for (int i = 0; i < size; i++) {
            switch (spacing) {
                case CONSTANT_STEP -> iteration = 1_000 + i * step;
                case SINGLE_X -> iteration = 1_000;
                case REPEATED -> iteration += random.nextInt(3);
                case FRACTIONAL -> timestamp += random.nextInt(4) == 0 ? 0 : random.nextInt(1_500);
                default -> throw new IllegalStateException("spacing " + spacing);
            }
            builder.add(iteration, values[i], timestamp);
        }
        XAxisMode mode = spacing == Spacing.FRACTIONAL ? XAxisMode.RELATIVE_TIME : XAxisMode.ITERATION;
        return PlotLine.prepare("line", Color.BLUE, builder.build(), ChartOptions.defaults(100).withXAxis(mode));
    }

    /** Returns values mixing noise, long flat runs, a few repeated levels (ties) and both signs of zero. */
    private static double[] randomValues(Random random, int size) {
        double[] values = new double[size];
        int i = 0;
        while (i < size) {
            int run = 1 + random.nextInt(random.nextBoolean() ? 8 : 300);
            int kind = random.nextInt(4);
            double level = random.nextInt(5) - 2;
            for (int end = Math.min(size, i + run); i < end; i++) {
                values[i] = switch (kind) {
                    case 0 -> random.nextGaussian();
                    case 1 -> level;
                    case 2 -> random.nextInt(3) - 1;
                    default -> random.nextBoolean() ? 0.0 : -0.0;
                };
            }
        }
        return values;
    }
}

package org.runbench.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SmoothingTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void emaMatchesTensorBoardDebiasedValues() {
        // Worked by hand for weight 0.6: last = 0.6 * last + 0.4 * v, divided by 1 - 0.6^count.
        //   v=1: last = 0.4,     debias 0.4     -> 1.0
        //   v=2: last = 1.04,    debias 0.64    -> 1.625
        //   v=3: last = 1.824,   debias 0.784   -> 2.3265306122448983
        //   v=4: last = 2.6944,  debias 0.8704  -> 3.0955882352941173
        //   v=5: last = 3.61664, debias 0.92224 -> 3.921582234559333
        double[] smoothed = Smoothing.ema(new double[] {1, 2, 3, 4, 5}, 0.6);

        assertThat(smoothed[0]).isCloseTo(1.0, within(TOLERANCE));
        assertThat(smoothed[1]).isCloseTo(1.625, within(TOLERANCE));
        assertThat(smoothed[2]).isCloseTo(2.3265306122448983, within(TOLERANCE));
        assertThat(smoothed[3]).isCloseTo(3.0955882352941173, within(TOLERANCE));
        assertThat(smoothed[4]).isCloseTo(3.921582234559333, within(TOLERANCE));
    }

    @Test
    void emaPassesNonFiniteThroughWithoutUpdatingState() {
        // Weight 0.5: v=1 gives last 0.5 / 0.5 = 1; NaN and infinity are copied and not counted;
        // v=3 gives last 0.25 + 1.5 = 1.75, divided by 1 - 0.5^2 = 0.75 -> 2.3333333333333335.
        double[] smoothed = Smoothing.ema(new double[] {1, Double.NaN, Double.POSITIVE_INFINITY, 3}, 0.5);

        assertThat(smoothed[0]).isCloseTo(1.0, within(TOLERANCE));
        assertThat(smoothed[1]).isNaN();
        assertThat(smoothed[2]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(smoothed[3]).isCloseTo(2.3333333333333335, within(TOLERANCE));
    }

    @Test
    void emaWithWeightZeroReturnsInput() {
        double[] values = {3, -1, 4, 1, -5};

        assertThat(Smoothing.ema(values, 0.0)).containsExactly(values);
    }

    @Test
    void emaLeavesConstantSeriesUnchanged() {
        double[] values = {0.1, 0.1, 0.1, 0.1};

        assertThat(Smoothing.ema(values, 0.999)).containsExactly(values);
    }

    @Test
    void emaRejectsWeightAboveMaximum() {
        assertThatThrownBy(() -> Smoothing.ema(new double[] {1}, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EMA weight 1.0 is outside 0..0.999. Pick a weight in that range; 0 turns smoothing off.");
    }

    @Test
    void emaRejectsNaNWeight() {
        assertThatThrownBy(() -> Smoothing.ema(new double[] {1}, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("EMA weight NaN is outside");
    }

    @Test
    void movingAverageIsCentred() {
        // Window 3 averages i-1..i+1, cut at the ends: (1+2)/2, (1+2+3)/3, (2+3+4)/3, (3+4+10)/3, (4+10)/2.
        double[] averaged = Smoothing.movingAverage(new double[] {1, 2, 3, 4, 10}, 3);

        assertThat(averaged).containsExactly(new double[] {1.5, 2.0, 3.0, 17.0 / 3, 7.0}, within(TOLERANCE));
    }

    @Test
    void movingAverageWithEvenWindowReachesRight() {
        // Window 2 averages i..i+1.
        double[] averaged = Smoothing.movingAverage(new double[] {1, 2, 3}, 2);

        assertThat(averaged).containsExactly(new double[] {1.5, 2.5, 3.0}, within(TOLERANCE));
    }

    @Test
    void movingAverageSkipsNonFiniteValues() {
        // Window 3: i=0 averages {1}, i=1 is NaN and stays NaN, i=2 and i=3 average {3, 5}.
        double[] averaged = Smoothing.movingAverage(new double[] {1, Double.NaN, 3, 5}, 3);

        assertThat(averaged[0]).isCloseTo(1.0, within(TOLERANCE));
        assertThat(averaged[1]).isNaN();
        assertThat(averaged[2]).isCloseTo(4.0, within(TOLERANCE));
        assertThat(averaged[3]).isCloseTo(4.0, within(TOLERANCE));
    }

    @Test
    void movingAverageRejectsEmptyWindow() {
        assertThatThrownBy(() -> Smoothing.movingAverage(new double[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("moving average window must be at least 1 point, got 0.");
    }
}

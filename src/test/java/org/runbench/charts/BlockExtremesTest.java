package org.runbench.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BlockExtremesTest {

    @Test
    void findsFirstExtremesOfEveryRange() {
        Random random = new Random(8);
        double[] values = new double[5 * BlockExtremes.BLOCK_SIZE + 17];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(4) == 0 ? random.nextGaussian() : random.nextInt(3);
        }
        BlockExtremes extremes = BlockExtremes.ofFinite(values);
        BlockExtremes.Found found = new BlockExtremes.Found();

        for (int from = 0; from < values.length; from++) {
            for (int to = from + 1; to <= values.length; to++) {
                extremes.findExtremes(from, to, found);

                assertThat(found.min).as("first minimum of [%d, %d)", from, to).isEqualTo(firstMinimum(values, from, to));
                assertThat(found.max).as("first maximum of [%d, %d)", from, to).isEqualTo(firstMaximum(values, from, to));
            }
        }
    }

    @Test
    void signedZerosCountAsEqual() {
        double[] values = new double[3 * BlockExtremes.BLOCK_SIZE];
        values[0] = -0.0;
        values[BlockExtremes.BLOCK_SIZE + 5] = -0.0;
        BlockExtremes extremes = BlockExtremes.ofFinite(values);
        BlockExtremes.Found found = new BlockExtremes.Found();

        extremes.findExtremes(1, values.length, found);

        assertThat(found.min).isEqualTo(1);
        assertThat(found.max).isEqualTo(1);
    }

    @Test
    void nonFiniteValueGivesNoIndex() {
        double[] withNaN = new double[200];
        withNaN[130] = Double.NaN;
        double[] withInfinity = new double[200];
        withInfinity[199] = Double.NEGATIVE_INFINITY;

        assertThat(BlockExtremes.ofFinite(withNaN)).isNull();
        assertThat(BlockExtremes.ofFinite(withInfinity)).isNull();
        assertThat(BlockExtremes.ofFinite(new double[0])).isNotNull();
    }

    private static int firstMinimum(double[] values, int from, int to) {
        int best = from;
        for (int i = from + 1; i < to; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int firstMaximum(double[] values, int from, int to) {
        int best = from;
        for (int i = from + 1; i < to; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}

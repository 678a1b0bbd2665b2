package org.runbench.charts;

import java.util.Arrays;
import java.util.List;

/**
 * Finds the 1st and 99th percentile of the finite y values that lie in an x range, for fitting the y axis
 * while marking the clipped points at the edge.
 */
final class OutlierRange {

    static final double LOWER_PERCENTILE = 0.01;
    static final double UPPER_PERCENTILE = 0.99;

    /** Largest number of values sorted; above it an evenly spaced sample of the visible values is used. */
    static final int MAX_SAMPLE = 200_000;

    private OutlierRange() {
    }

    /**
     * Returns {lower, upper} percentiles of the finite y values with x in [xMin, xMax] over all lines, or
     * null when there are fewer than two such values.
     *
     * <p>NOTE: above {@link #MAX_SAMPLE} visible values the percentiles come from an evenly spaced sample,
     * so they are estimates; the clipped-point markers still use every decimated point.
     */
    static double[] percentiles(List<PlotLine> lines, double xMin, double xMax) {
        long visible = 0;
        for (PlotLine line : lines) {
            for (int i = 0; i < line.size(); i++) {
                double x = line.x(i);
                if (x >= xMin && x <= xMax && Double.isFinite(line.y[i])) {
                    visible++;
                }
            }
        }
        if (visible < 2) {
            return null;
        }
        long stride = Math.max(1, (visible + MAX_SAMPLE - 1) / MAX_SAMPLE);
        double[] sample = new double[(int) Math.min(visible, MAX_SAMPLE + 1L)];
        int count = 0;
        long seen = 0;
        for (PlotLine line : lines) {
            for (int i = 0; i < line.size() && count < sample.length; i++) {
                double x = line.x(i);
                if (x >= xMin && x <= xMax && Double.isFinite(line.y[i])) {
                    if (seen % stride == 0) {
                        sample[count++] = line.y[i];
                    }
                    seen++;
                }
            }
        }
        Arrays.sort(sample, 0, count);
        double lower = sample[(int) Math.floor(LOWER_PERCENTILE * (count - 1))];
        double upper = sample[(int) Math.ceil(UPPER_PERCENTILE * (count - 1))];
        return new double[] {lower, upper};
    }
}

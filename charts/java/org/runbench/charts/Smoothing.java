package org.runbench.charts;

/**
 * Smoothing of metric values in arrival order: TensorBoard's debiased exponential moving average and a
 * centred moving average.
 *
 * <p>Both methods return a new array of the same length and leave NaN and infinite inputs in place, so a
 * smoothed line breaks where the raw line does. The methods are static and thread-safe.
 */
public final class Smoothing {

    /** Largest EMA weight accepted; the TensorBoard slider stops at the same value. */
    public static final double MAX_EMA_WEIGHT = 0.999;

    private Smoothing() {
    }

    /**
     * Computes the debiased exponential moving average exactly as TensorBoard's scalar dashboard does.
     *
     * <p>For each finite value v, {@code last = last * weight + (1 - weight) * v} starting from
     * {@code last = 0}, and the output is {@code last / (1 - weight^count)}, where count is the number of
     * finite values so far. That division removes the bias towards the initial zero. Non-finite values are
     * copied unchanged and do not change {@code last} or count. As in TensorBoard, a series whose values
     * all equal the first one is returned unchanged, so rounding never makes a flat line wobble. Source:
     * {@code classicSmoothing} in {@code tensorboard/webapp/widgets/line_chart_v2/data_transformer.ts} of
     * the tensorflow/tensorboard repository.
     *
     * @param values values in arrival order
     * @param weight smoothing weight from 0 (no smoothing) to {@link #MAX_EMA_WEIGHT}
     * @throws IllegalArgumentException when the weight is outside that range or NaN
     */
    public static double[] ema(double[] values, double weight) {
        if (!(weight >= 0.0 && weight <= MAX_EMA_WEIGHT)) {
            throw new IllegalArgumentException("EMA weight " + weight + " is outside 0.." + MAX_EMA_WEIGHT
                    + ". Pick a weight in that range; 0 turns smoothing off.");
        }
        double[] smoothed = values.clone();
        if (isConstant(values)) {
            return smoothed;
        }

        double last = 0.0;
        int finiteCount = 0;
        for (int i = 0; i < values.length; i++) {
            double value = values[i];
            if (!Double.isFinite(value)) {
                continue;
            }
            last = last * weight + (1 - weight) * value;
            finiteCount++;
            double debiasWeight = 1 - Math.pow(weight, finiteCount);
            smoothed[i] = last / debiasWeight;
        }
        return smoothed;
    }

    /**
     * Computes a centred moving average over {@code window} points, leaving non-finite values out of
     * every average.
     *
     * <p>Point i averages the finite values at indices {@code i - (window - 1) / 2} to
     * {@code i + window / 2}, cut at the ends of the array, so an even window reaches one point further
     * right than left. A non-finite value is copied to the output unchanged.
     *
     * @param window number of points in the window, at least 1 (1 returns a copy)
     * @throws IllegalArgumentException when the window is less than 1
     */
    public static double[] movingAverage(double[] values, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("moving average window must be at least 1 point, got " + window + ".");
        }
        int n = values.length;
        double[] averaged = new double[n];
        int before = (window - 1) / 2;
        int after = window / 2;

        // Sliding sum over [i - before, i + after]: add the entering point, drop the leaving one.
        // NOTE: the running sum keeps the rounding error of values that have left the window. The error grows
        // with the series length and the largest value, and nothing here bounds it.
        double sum = 0.0;
        int count = 0;
        for (int j = 0; j < Math.min(after, n); j++) {
            if (Double.isFinite(values[j])) {
                sum += values[j];
                count++;
            }
        }
        for (int i = 0; i < n; i++) {
            int entering = i + after;
            if (entering < n && Double.isFinite(values[entering])) {
                sum += values[entering];
                count++;
            }
            int leaving = i - before - 1;
            if (leaving >= 0 && Double.isFinite(values[leaving])) {
                sum -= values[leaving];
                count--;
            }
            averaged[i] = Double.isFinite(values[i]) ? sum / count : values[i];
        }
        return averaged;
    }

    private static boolean isConstant(double[] values) {
        if (values.length == 0) {
            return true;
        }
        double firstValue = values[0];
        for (double value : values) {
            if (value != firstValue) {
                return false;
            }
        }
        return true;
    }
}

package org.runbench.charts;

/**
 * Smoothing applied to each run's values before they are drawn over the faded raw line.
 *
 * <p>Smoothing runs on the full-resolution values in arrival order, before decimation.
 */
public sealed interface LineSmoothing {

    /** Returns the smoothed values, the same length as {@code values}. */
    double[] apply(double[] values);

    /** Returns whether this draws a smoothed line at all. */
    default boolean isEnabled() {
        return true;
    }

    static LineSmoothing none() {
        return None.INSTANCE;
    }

    /** No smoothing: only the raw line is drawn, at full strength. */
    enum None implements LineSmoothing {
        INSTANCE;

        @Override
        public double[] apply(double[] values) {
            return values.clone();
        }

        @Override
        public boolean isEnabled() {
            return false;
        }
    }

    /** TensorBoard's debiased exponential moving average; see {@link Smoothing#ema}. */
    record Ema(double weight) implements LineSmoothing {
        public Ema {
            if (!(weight >= 0.0 && weight <= Smoothing.MAX_EMA_WEIGHT)) {
                throw new IllegalArgumentException("EMA weight " + weight + " is outside 0.."
                        + Smoothing.MAX_EMA_WEIGHT + ". Pick a weight in that range; 0 turns smoothing off.");
            }
        }

        @Override
        public double[] apply(double[] values) {
            return Smoothing.ema(values, weight);
        }
    }

    /** Centred moving average; see {@link Smoothing#movingAverage}. */
    record MovingAverage(int window) implements LineSmoothing {
        public MovingAverage {
            if (window < 1) {
                throw new IllegalArgumentException("moving average window must be at least 1 point, got "
                        + window + ".");
            }
        }

        @Override
        public double[] apply(double[] values) {
            return Smoothing.movingAverage(values, window);
        }
    }
}

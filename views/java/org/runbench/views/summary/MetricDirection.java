package org.runbench.views.summary;

import java.util.List;
import java.util.Locale;
import org.runbench.model.SeriesKey;

/** Guesses whether lower or higher values of a metric are better, until the user says otherwise. */
final class MetricDirection {

    /** Name parts of metrics where lower is better: losses, errors, rates of mistakes, durations. */
    private static final List<String> LOWER_IS_BETTER = List.of("loss", "error", "err", "wer", "cer", "perplexity",
            "ppl", "mse", "mae", "rmse", "runtime", "time", "latency", "regret", "distance");

    private MetricDirection() {
    }

    /** Returns true when higher values of {@code key} are probably better (accuracy, mAP, return). */
    static boolean guessHigherIsBetter(SeriesKey key) {
        String label = key.label().toLowerCase(Locale.ROOT);
        for (String part : label.split("[^a-z0-9]+")) {
            if (LOWER_IS_BETTER.contains(part)) {
                return false;
            }
        }
        return true;
    }
}

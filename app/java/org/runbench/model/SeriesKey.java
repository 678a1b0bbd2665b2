package org.runbench.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * Metric and variant of a scalar series, as ClearML titles them: the metric is the chart, the variant the line.
 */
public record SeriesKey(String metric, String variant) implements Comparable<SeriesKey> {

    private static final Comparator<SeriesKey> ORDER =
            Comparator.comparing(SeriesKey::metric).thenComparing(SeriesKey::variant);

    public SeriesKey {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(variant, "variant");
    }

    /**
     * Splits a logged name into metric and variant the way ClearML titles TensorBoard tags: the part
     * before the last {@code /} is the metric and the rest the variant; a name without {@code /} is both.
     * For example {@code train/box_loss} gives metric {@code train}, variant {@code box_loss}, and
     * {@code loss} gives metric {@code loss}, variant {@code loss}.
     */
    public static SeriesKey fromLoggedName(String name) {
        String trimmed = name.trim();
        int slash = trimmed.lastIndexOf('/');
        if (slash <= 0 || slash == trimmed.length() - 1) {
            return new SeriesKey(trimmed, trimmed);
        }
        return new SeriesKey(trimmed.substring(0, slash), trimmed.substring(slash + 1));
    }

    /**
     * Returns {@code metric/variant}, or just the metric when the variant repeats it (a name logged without
     * {@code /}); chart titles, table columns and metric filters use this label.
     */
    public String label() {
        return metric.equals(variant) ? metric : metric + "/" + variant;
    }

    @Override
    public int compareTo(SeriesKey other) {
        return ORDER.compare(this, other);
    }
}

package org.runbench.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saved comparisons and per-metric preferences, kept in the cache so they work offline. Implementations
 * are thread-safe and may block on disk: call them off the JavaFX thread.
 */
public interface ComparisonStore {

    /** Returns the names of saved comparisons, sorted. */
    List<String> savedComparisonNames();

    Optional<SavedComparison> savedComparison(String name);

    /** Saves {@code comparison}, replacing one of the same name. */
    void saveComparison(SavedComparison comparison);

    void deleteComparison(String name);

    /** Returns, for each metric/variant the user chose a direction for, whether higher values are better. */
    Map<SeriesKey, Boolean> higherIsBetter();

    /** Remembers whether higher values are better for {@code key}. */
    void setHigherIsBetter(SeriesKey key, boolean higher);
}

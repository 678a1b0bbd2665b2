package org.runbench.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.model.RunId;
import org.runbench.model.SavedComparison;
import org.runbench.model.SeriesKey;

class ComparisonStoreTest {

    @TempDir
    Path folder;

    @Test
    void savedComparisonRoundTripsAcrossReopen() {
        SavedComparison saved = new SavedComparison("seeds ✓ v2", Instant.parse("2026-01-02T03:04:05Z"),
                List.of(new SavedComparison.SavedRun(new RunId("local", "local-1"), 0x0072B2, false),
                        new SavedComparison.SavedRun(new RunId("https://api.example.test", "abc"), null, true)),
                "^train/", "RELATIVE_TIME", true, "MOVING_AVERAGE", 0.6, 25, 3);
        try (RunCache cache = RunCache.open(folder)) {
            cache.saveComparison(saved);
        }
        try (RunCache cache = RunCache.open(folder)) {
            assertThat(cache.savedComparisonNames()).containsExactly("seeds ✓ v2");
            assertThat(cache.savedComparison("seeds ✓ v2")).contains(saved);
            assertThat(cache.savedComparison("missing")).isEmpty();
        }
    }

    @Test
    void savingSameNameReplaces() {
        try (RunCache cache = RunCache.open(folder)) {
            cache.saveComparison(comparison("a", "loss"));
            cache.saveComparison(comparison("a", "acc"));
            assertThat(cache.savedComparisonNames()).containsExactly("a");
            assertThat(cache.savedComparison("a").orElseThrow().metricFilter()).isEqualTo("acc");
            cache.deleteComparison("a");
            assertThat(cache.savedComparisonNames()).isEmpty();
        }
    }

    @Test
    void metricPreferenceIsRemembered() {
        SeriesKey map = new SeriesKey("metrics", "mAP_0.5");
        try (RunCache cache = RunCache.open(folder)) {
            cache.setHigherIsBetter(map, false);
            cache.setHigherIsBetter(map, true);
            cache.setHigherIsBetter(new SeriesKey("train", "loss"), false);
        }
        try (RunCache cache = RunCache.open(folder)) {
            assertThat(cache.higherIsBetter()).containsEntry(map, true).containsEntry(new SeriesKey("train", "loss"), false)
                    .hasSize(2);
        }
    }

    private static SavedComparison comparison(String name, String filter) {
        return new SavedComparison(name, Instant.parse("2026-01-02T03:04:05Z"),
                List.of(new SavedComparison.SavedRun(new RunId("local", "x"), null, false)), filter, "ITERATION", false,
                "EMA", 0, 25, 2);
    }
}

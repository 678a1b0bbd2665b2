package org.runbench.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.Run;
import org.runbench.model.RunId;
import org.runbench.model.RunStatus;
import org.runbench.model.SeriesKey;
import org.runbench.model.SeriesOverview;

class SeriesOverviewCacheTest {

    private static final RunId RUN = new RunId("local", "run-1");
    private static final SeriesKey LOSS = new SeriesKey("train", "loss");

    @TempDir
    Path folder;

    @Test
    void mergingALongSeriesStoresItsOverviewOnCommit() {
        PointSeries points = curve(0, 100_000);
        try (RunCache cache = RunCache.open(folder)) {
            write(cache, points);
            assertThat(cache.overview(RUN, LOSS)).contains(SeriesOverview.of(points));
            assertThat(overviewRows(cache)).isEqualTo(1);
        }
    }

    @Test
    void rollbackStoresNoOverview() {
        try (RunCache cache = RunCache.open(folder)) {
            try (CacheTransaction transaction = cache.begin()) {
                transaction.upsertRun(run());
                transaction.mergeSeries(RUN, LOSS, curve(0, 100_000));
            }
            assertThat(overviewRows(cache)).isZero();
        }
    }

    @Test
    void overviewOfShortOrMissingSeries() {
        PointSeries points = curve(0, 1_000);
        try (RunCache cache = RunCache.open(folder)) {
            write(cache, points);
            assertThat(cache.overview(RUN, LOSS)).contains(points);
            assertThat(cache.overview(RUN, new SeriesKey("train", "missing"))).contains(PointSeries.empty());
            assertThat(overviewRows(cache)).isZero();
        }
    }

    @Test
    void appendMakesOverviewStaleUntilRead() {
        PointSeries first = curve(0, 50_000);
        PointSeries more = curve(50_000, 30_000);
        try (RunCache cache = RunCache.open(folder)) {
            write(cache, first);
            try (CacheTransaction transaction = cache.begin()) {
                transaction.appendPoints(RUN, LOSS, more);
                transaction.commit();
            }
            assertThat(cache.overview(RUN, LOSS)).isEmpty();

            PointSeries all = cache.points(RUN, LOSS);
            assertThat(all.size()).isEqualTo(80_000);
            assertThat(cache.overview(RUN, LOSS)).contains(SeriesOverview.of(all));
        }
    }

    @Test
    void replacedSeriesGetsNewOverview() {
        PointSeries original = curve(0, 40_000);
        PointSeriesBuilder rewritten = new PointSeriesBuilder();
        for (int i = 0; i < 40_000; i++) {
            rewritten.add(i, -original.value(i), original.timestamp(i));
        }
        PointSeries replacement = rewritten.build();
        try (RunCache cache = RunCache.open(folder)) {
            write(cache, original);
            write(cache, replacement);
            assertThat(cache.overview(RUN, LOSS)).contains(SeriesOverview.of(replacement));
        }
    }

    @Test
    void staleOverviewIsNotStored() throws Exception {
        PointSeries points = curve(0, 60_000);
        try (RunCache cache = RunCache.open(folder)) {
            write(cache, points);
            execute(cache, "DELETE FROM series_overview");
            try (Connection connection = cache.connection()) {
                SeriesOverviews.store(connection, RUN, LOSS, 59_999, 0, SeriesOverview.of(points.slice(0, 59_999)));
            }
            assertThat(overviewRows(cache)).isZero();
            assertThat(cache.overview(RUN, LOSS)).isEmpty();
        }
    }

    @Test
    void overviewOfReplacedContentIsNotStored() throws Exception {
        PointSeries original = curve(0, 40_000);
        PointSeriesBuilder rewritten = new PointSeriesBuilder();
        for (int i = 0; i < 40_000; i++) {
            rewritten.add(i, -original.value(i), original.timestamp(i));
        }
        PointSeries replacement = rewritten.build();
        try (RunCache cache = RunCache.open(folder)) {
            write(cache, original);
            int originalFirstSeq;
            try (Connection connection = cache.connection()) {
                originalFirstSeq = SeriesChunks.readVersioned(connection, RUN, LOSS).firstSeq();
            }
            write(cache, replacement);

            // A reader that read the original points before the replace stores their overview only now.
            try (Connection connection = cache.connection()) {
                SeriesOverviews.store(connection, RUN, LOSS, 40_000, originalFirstSeq, SeriesOverview.of(original));
            }

            assertThat(cache.overview(RUN, LOSS)).contains(SeriesOverview.of(replacement));
        }
    }

    @Test
    void removingTheRunRemovesItsOverviews() {
        try (RunCache cache = RunCache.open(folder)) {
            write(cache, curve(0, 70_000));
            try (CacheTransaction transaction = cache.begin()) {
                transaction.deleteRun(RUN);
                transaction.commit();
            }
            assertThat(overviewRows(cache)).isZero();
        }
    }

    @Test
    void overviewsSurviveReopening() {
        PointSeries points = curve(0, 100_000);
        try (RunCache cache = RunCache.open(folder)) {
            write(cache, points);
        }
        try (RunCache reopened = RunCache.open(folder)) {
            assertThat(reopened.overview(RUN, LOSS)).contains(SeriesOverview.of(points));
        }
    }

    private static void write(RunCache cache, PointSeries points) {
        try (CacheTransaction transaction = cache.begin()) {
            transaction.upsertRun(run());
            transaction.mergeSeries(RUN, LOSS, points);
            transaction.commit();
        }
    }

    private static Run run() {
        return new Run(RUN, "p", "run one", RunStatus.COMPLETED, "", "", List.of(), null, null, null, null, 0, null,
                null, "", null, false);
    }

    private static PointSeries curve(int first, int size) {
        PointSeriesBuilder builder = new PointSeriesBuilder(size);
        for (int i = first; i < first + size; i++) {
            builder.add(i, Math.exp(-i / 20_000.0) + Math.sin(i * 0.37) * 0.01, 1_700_000_000_000L + 100L * i);
        }
        return builder.build();
    }

    private static long overviewRows(RunCache cache) {
        try (Connection connection = cache.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM series_overview")) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void execute(RunCache cache, String sql) throws Exception {
        try (Connection connection = cache.connection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}

package org.runbench.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.model.PointSeries;
import org.runbench.model.SeriesSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills a child JVM ({@link KilledWriterChild}) that writes a run of two million points, which used to be
 * one commit of several megabytes, while it stages chunks, while it commits and right after, and checks that
 * the reopened cache shows each series whole at its previous or its new state, never a mix.
 */
class StagedCommitKillTest {

    private static final Logger LOG = LoggerFactory.getLogger(StagedCommitKillTest.class);
    private static final int NO_ROUND = -1;

    @TempDir
    Path temp;

    private final Map<Integer, PointSeries> lossByRound = new HashMap<>();
    private final Map<Integer, PointSeries> accByRound = new HashMap<>();

    @Test
    void killedWriterLeavesEachSeriesWhole() throws Exception {
        Path cache = temp.resolve("cache");
        List<Kill> plan = List.of(
                new Kill(KilledWriterChild.STAGING, 40),
                new Kill(KilledWriterChild.COMMITTING, 0),
                new Kill(KilledWriterChild.COMMITTED, 0),
                new Kill(null, 0));

        int state = NO_ROUND;
        for (int round = 0; round < plan.size(); round++) {
            Kill kill = plan.get(round);
            Outcome outcome = runAndKill(cache, round, kill);
            assertThat(outcome.killed()).as("round %d still ran when killed after '%s'", round, kill.afterMarker())
                    .isEqualTo(kill.afterMarker() != null);
            state = checkWhole(cache, state, round, outcome.reached());
        }

        assertThat(state).as("the round that ran to its end is cached").isEqualTo(plan.size() - 1);
    }

    /**
     * Runs {@code runbench.killLoop.kills} (default 30) kills at random phases and delays, or only after the marker
     * {@code runbench.killLoop.phase} when it is set; run by hand.
     */
    @Test
    @Tag("benchmark")
    void killLoopLeavesEachSeriesWhole() throws Exception {
        int kills = Integer.getInteger("runbench.killLoop.kills", 30);
        long seed = Long.getLong("runbench.killLoop.seed", System.nanoTime());
        Random random = new Random(seed);
        String[] phases = {KilledWriterChild.STAGING, KilledWriterChild.COMMITTING, KilledWriterChild.COMMITTING,
                KilledWriterChild.COMMITTED};
        Path cache = temp.resolve("cache");
        Map<String, Integer> outcomes = new TreeMap<>();

        int state = NO_ROUND;
        for (int round = 0; round < kills; round++) {
            String phase = System.getProperty("runbench.killLoop.phase", phases[random.nextInt(phases.length)]);
            int delay = phase.equals(KilledWriterChild.STAGING) ? random.nextInt(300) : random.nextInt(30);
            Outcome outcome = runAndKill(cache, round, new Kill(phase, delay));
            int before = state;
            state = checkWhole(cache, state, round, outcome.reached());
            String result = "new state";
            if (!outcome.killed()) {
                result = "ended before the kill";
            } else if (state == before) {
                result = "previous state";
            }
            outcomes.merge("killed after " + outcome.reached() + ": " + result, 1, Integer::sum);
        }
        try (RunCache opened = RunCache.open(cache)) {
            LOG.info("Kill loop with seed {}: {} rounds, every series whole; {} encoded bytes cached; outcomes {}", seed,
                    kills, opened.storageStats().encodedBytes(), outcomes);
        }
    }

    /** Where to kill the child: this long after it printed the marker, or never when the marker is null. */
    private record Kill(String afterMarker, int delayMillis) {
    }

    /** What a child did: the last marker it printed before the kill, and whether it was still running then. */
    private record Outcome(String reached, boolean killed) {
    }

    /** Runs round {@code round} and kills it as planned. */
    private Outcome runAndKill(Path cache, int round, Kill kill) throws Exception {
        Path stdout = temp.resolve("child-stdout-" + round + ".txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledWriterChild.class.getName(), cache.toString(), Integer.toString(round))
                .redirectOutput(stdout.toFile())
                .redirectError(temp.resolve("child-stderr-" + round + ".txt").toFile())
                .start();
        try {
            if (kill.afterMarker() == null) {
                assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(child.exitValue()).as(Files.readString(temp.resolve("child-stderr-" + round + ".txt"))).isZero();
                return new Outcome(lastMarker(stdout), false);
            }
            waitForMarker(stdout, kill.afterMarker(), child);
            Thread.sleep(kill.delayMillis());
            String reached = lastMarker(stdout);
            boolean killed = child.isAlive();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return new Outcome(reached, killed);
        } finally {
            child.destroyForcibly();
        }
    }

    private static void waitForMarker(Path stdout, String marker, Process child) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (markers(stdout).contains(marker) || !child.isAlive()) {
                return;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("the child printed no '" + marker + "' marker within 120 s");
    }

    private static String lastMarker(Path stdout) throws IOException {
        List<String> markers = markers(stdout);
        return markers.isEmpty() ? "none" : markers.get(markers.size() - 1);
    }

    private static List<String> markers(Path stdout) throws IOException {
        List<String> markers = new ArrayList<>();
        for (String line : Files.readAllLines(stdout)) {
            if (line.startsWith(KilledWriterChild.MARKER)) {
                markers.add(line.substring(KilledWriterChild.MARKER.length()));
            }
        }
        return markers;
    }

    /**
     * Reopens the cache and checks that both series are at round {@code previous} or both at {@code round},
     * whole, with point counts matching the decoded points and no chunk rows beyond the visible ones.
     *
     * @return the round the cache is at now
     */
    private int checkWhole(Path cache, int previous, int round, String reached) throws SQLException {
        try (RunCache opened = RunCache.open(cache)) {
            PointSeries loss = opened.points(KilledWriterChild.RUN, KilledWriterChild.LOSS);
            PointSeries acc = opened.points(KilledWriterChild.RUN, KilledWriterChild.ACC);
            Integer lossRound = matchingRound(loss, previous, round, lossByRound, KilledWriterChild::loss);
            Integer accRound = matchingRound(acc, previous, round, accByRound, KilledWriterChild::acc);

            assertThat(lossRound).as("round %d killed after '%s': loss has %d points, neither round %d nor %d",
                    round, reached, loss.size(), previous, round).isNotNull();
            assertThat(accRound).as("round %d killed after '%s': acc matches round %d", round, reached, accRound)
                    .isEqualTo(lossRound);
            for (SeriesSummary summary : opened.summaries(KilledWriterChild.RUN)) {
                PointSeries points = opened.points(KilledWriterChild.RUN, summary.key());
                assertThat(summary.points()).as("point count of %s", summary.key().label()).isEqualTo(points.size());
            }
            assertThat(chunkRows(opened)).as("chunk rows after the sweep").isEqualTo(visibleChunks(opened));
            // Only the round the cache is at can be the previous state of a later round.
            lossByRound.keySet().removeIf(cached -> !cached.equals(lossRound));
            accByRound.keySet().removeIf(cached -> !cached.equals(lossRound));
            return lossRound;
        }
    }

    /** Returns the round whose series equals {@code actual}, {@link #NO_ROUND} for an empty one, or null. */
    private static Integer matchingRound(PointSeries actual, int previous, int round, Map<Integer, PointSeries> byRound,
                                         java.util.function.IntFunction<PointSeries> series) {
        if (actual.isEmpty()) {
            return previous == NO_ROUND ? NO_ROUND : null;
        }
        for (int candidate : new int[] {round, previous}) {
            if (candidate != NO_ROUND && actual.equals(byRound.computeIfAbsent(candidate, series::apply))) {
                return candidate;
            }
        }
        return null;
    }

    private static long chunkRows(RunCache cache) throws SQLException {
        return count(cache, "SELECT COUNT(*) FROM series_chunk");
    }

    private static long visibleChunks(RunCache cache) throws SQLException {
        return count(cache, "SELECT COALESCE(SUM(chunk_count), 0) FROM series");
    }

    private static long count(RunCache cache, String sql) throws SQLException {
        try (Connection connection = cache.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

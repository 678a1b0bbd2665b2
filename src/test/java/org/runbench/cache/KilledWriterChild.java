package org.runbench.cache;

import java.nio.file.Path;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.Run;
import org.runbench.model.RunId;
import org.runbench.model.RunStatus;
import org.runbench.model.SeriesKey;

/**
 * Child process of {@link StagedCommitKillTest}: writes round N of one large run in one
 * {@link CacheTransaction} and prints a marker line before each phase, so the parent can kill it there.
 * Round N appends to {@code loss} and rewrites every value of {@code acc}.
 *
 * <p>Arguments: the cache folder and the round number.
 */
public final class KilledWriterChild {

    static final RunId RUN = new RunId("local", "killed-writer");
    static final SeriesKey LOSS = new SeriesKey("loss", "train");
    static final SeriesKey ACC = new SeriesKey("acc", "val");
    static final String MARKER = "KILLED-WRITER-CHILD ";
    static final String STAGING = "staging";
    static final String COMMITTING = "committing";
    static final String COMMITTED = "committed";
    static final String CLOSED = "closed";

    private static final int LOSS_POINTS = 1_200_000;
    private static final int LOSS_GROWTH = 100_000;
    private static final int ACC_POINTS = 800_000;

    private KilledWriterChild() {
    }

    public static void main(String[] arguments) {
        Path folder = Path.of(arguments[0]);
        int round = Integer.parseInt(arguments[1]);
        PointSeries loss = loss(round);
        PointSeries acc = acc(round);
        try (RunCache cache = RunCache.open(folder)) {
            try (CacheTransaction transaction = cache.begin()) {
                mark(STAGING);
                transaction.upsertRun(new Run(RUN, "p", "round " + round, RunStatus.IN_PROGRESS, null, null, null, null,
                        null, null, null, round, null, null, null, null, false));
                transaction.mergeSeries(RUN, LOSS, loss);
                transaction.mergeSeries(RUN, ACC, acc);
                mark(COMMITTING);
                transaction.commit();
                mark(COMMITTED);
            }
        }
        mark(CLOSED);
    }

    private static void mark(String phase) {
        System.out.println(MARKER + phase);
        System.out.flush();
    }

    /** Returns the loss series of a round, which starts with the loss series of every earlier round. */
    static PointSeries loss(int round) {
        int count = LOSS_POINTS + round * LOSS_GROWTH;
        PointSeriesBuilder builder = new PointSeriesBuilder(count);
        for (int i = 0; i < count; i++) {
            builder.add(i, Math.exp(-i / 400_000.0) + ((i * 2_654_435_761L) % 1000) * 1e-6, 1_767_225_600_000L + i * 31L);
        }
        return builder.build();
    }

    /** Returns the acc series of a round. Every value differs from other rounds, so each round replaces it. */
    static PointSeries acc(int round) {
        PointSeriesBuilder builder = new PointSeriesBuilder(ACC_POINTS);
        for (int i = 0; i < ACC_POINTS; i++) {
            builder.add(i * 10L, round + Math.sin(i * 0.37) * 0.5, 1_767_225_600_000L + i * 300L);
        }
        return builder.build();
    }
}

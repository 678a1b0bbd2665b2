package org.runbench.cache.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;

/**
 * Measures bytes per point and decode speed of {@link SeriesCodec} next to a raw 24-bytes-per-point
 * baseline, and prints one table to standard output. It asserts only that every round trip is exact,
 * never a time.
 *
 * <p>Data sets, each split into chunks of {@value #CHUNK_SIZE} points except the real logs:
 * <ul>
 *   <li>smooth float32: 1,000,000 points of {@link SyntheticSeries#smoothFloatLoss}, the float32 loss curve
 *       {@code 2.5 * exp(-i / 200000) + 0.05} with Gaussian noise of standard deviation 0.001, iteration step
 *       1, timestamps 100 ms apart with +/-3 ms jitter;</li>
 *   <li>4-decimal: 1,000,000 points of {@link SyntheticSeries#fourDecimalLoss}, values such as 0.3048,
 *       iteration step 25, no timestamps;</li>
 *   <li>random doubles: 1,000,000 points of uniformly random 64-bit patterns, the worst case;</li>
 *   <li>real logs: every series of the YOLOv5, Stable-Baselines3 and Hugging Face Trainer logs found under
 *       the folder named by the system property {@code runbench.realRunsDir} (default
 *       {@code src/test/resources/real-runs}), one chunk per series; the row is left out when the folder
 *       does not exist.</li>
 * </ul>
 * Run it with {@code ./mvnw -B -ntp -o test -Pbenchmark -Dtest=SeriesCodecBenchmark}. Speeds are the median
 * of {@value #MEASURED_ROUNDS} rounds after {@value #WARM_UP_ROUNDS} warm-up rounds on one thread.
 */
@Tag("benchmark")
class SeriesCodecBenchmark {

    private static final int CHUNK_SIZE = 65_536;
    private static final int POINTS = 1_000_000;
    private static final int WARM_UP_ROUNDS = 15;
    private static final int MEASURED_ROUNDS = 21;
    private static final int RAW_BYTES_PER_POINT = 24;

    @Test
    void printSizeAndSpeedTable() {
        List<String> rows = new ArrayList<>();
        rows.add(String.format("%-26s %10s %7s %12s %14s %14s", "data set", "points", "chunks", "bytes/point",
                "encode Mpt/s", "decode Mpt/s"));

        PointSeries smooth = SyntheticSeries.smoothFloatLoss(POINTS, 1);
        rows.add(measureCodec("smooth float32 (codec)", List.of(smooth), CHUNK_SIZE));
        rows.add(measureRaw("smooth float32 (raw)", smooth));
        rows.add(measureCodec("4-decimal (codec)", List.of(SyntheticSeries.fourDecimalLoss(POINTS, 2)), CHUNK_SIZE));
        PointSeries random = SyntheticSeries.randomDoubles(POINTS, 3);
        rows.add(measureCodec("random doubles (codec)", List.of(random), CHUNK_SIZE));
        rows.add(measureRaw("random doubles (raw)", random));

        Path realRuns = Path.of(System.getProperty("runbench.realRunsDir", "src/test/resources/real-runs"));
        if (Files.isDirectory(realRuns)) {
            List<PointSeries> logs = RealRunLogs.readAll(realRuns);
            rows.add(measureCodec("real logs, " + logs.size() + " series", logs, Integer.MAX_VALUE));
        } else {
            rows.add("real logs: skipped, no folder " + realRuns.toAbsolutePath());
        }

        System.out.println(String.format("SeriesCodecBenchmark, %d available processors, Java %s%n%s",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                String.join(System.lineSeparator(), rows)));
    }

    /** Encodes each series in chunks of {@code chunkSize}, checks the round trip, then times both ways. */
    private static String measureCodec(String name, List<PointSeries> seriesList, int chunkSize) {
        List<byte[]> chunks = new ArrayList<>();
        List<Integer> chunksPerSeries = new ArrayList<>();
        long points = 0;
        long bytes = 0;
        for (PointSeries series : seriesList) {
            int before = chunks.size();
            for (int from = 0; from < series.size(); from += chunkSize) {
                byte[] chunk = SeriesCodec.encode(series, from, (int) Math.min((long) from + chunkSize, series.size()));
                chunks.add(chunk);
                bytes += chunk.length;
            }
            chunksPerSeries.add(chunks.size() - before);
            points += series.size();
        }
        checkRoundTrip(seriesList, chunks, chunksPerSeries);

        int largest = seriesList.stream().mapToInt(PointSeries::size).max().orElse(0);
        PointSeriesBuilder target = new PointSeriesBuilder(largest);
        double decodeSeconds = medianSeconds(() -> {
            target.setSize(0);
            for (byte[] chunk : chunks) {
                SeriesCodec.decode(chunk, target);
                if (target.size() >= largest) {
                    target.setSize(0);
                }
            }
        });
        double encodeSeconds = medianSeconds(() -> {
            for (PointSeries series : seriesList) {
                for (int from = 0; from < series.size(); from += chunkSize) {
                    SeriesCodec.encode(series, from, (int) Math.min((long) from + chunkSize, series.size()));
                }
            }
        });
        return row(name, points, chunks.size(), (double) bytes / points, points / encodeSeconds / 1e6,
                points / decodeSeconds / 1e6);
    }

    /** Measures the naive baseline: three raw little-endian 8-byte numbers per point through a ByteBuffer. */
    private static String measureRaw(String name, PointSeries series) {
        List<ByteBuffer> chunks = new ArrayList<>();
        for (int from = 0; from < series.size(); from += CHUNK_SIZE) {
            chunks.add(encodeRaw(series, from, Math.min(from + CHUNK_SIZE, series.size())));
        }
        PointSeriesBuilder target = new PointSeriesBuilder(series.size());
        double decodeSeconds = medianSeconds(() -> {
            target.setSize(0);
            for (ByteBuffer chunk : chunks) {
                decodeRaw(chunk, target);
            }
        });
        assertThat(target.build()).as("raw round trip of " + name).isEqualTo(series);
        double encodeSeconds = medianSeconds(() -> {
            for (int from = 0; from < series.size(); from += CHUNK_SIZE) {
                encodeRaw(series, from, Math.min(from + CHUNK_SIZE, series.size()));
            }
        });
        return row(name, series.size(), chunks.size(), RAW_BYTES_PER_POINT, series.size() / encodeSeconds / 1e6,
                series.size() / decodeSeconds / 1e6);
    }

    private static ByteBuffer encodeRaw(PointSeries series, int from, int to) {
        ByteBuffer buffer = ByteBuffer.allocate((to - from) * RAW_BYTES_PER_POINT).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = from; i < to; i++) {
            buffer.putLong(series.iteration(i)).putDouble(series.value(i)).putLong(series.timestamp(i));
        }
        return buffer.flip();
    }

    private static void decodeRaw(ByteBuffer chunk, PointSeriesBuilder target) {
        ByteBuffer in = chunk.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int count = in.remaining() / RAW_BYTES_PER_POINT;
        int start = target.size();
        target.ensureCapacity(start + count);
        long[] iterations = target.iterationArray();
        double[] values = target.valueArray();
        long[] timestamps = target.timestampArray();
        for (int i = start; i < start + count; i++) {
            iterations[i] = in.getLong();
            values[i] = in.getDouble();
            timestamps[i] = in.getLong();
        }
        target.setSize(start + count);
    }

    private static void checkRoundTrip(List<PointSeries> seriesList, List<byte[]> chunks,
            List<Integer> chunksPerSeries) {
        int next = 0;
        for (int s = 0; s < seriesList.size(); s++) {
            PointSeriesBuilder builder = new PointSeriesBuilder();
            for (int c = 0; c < chunksPerSeries.get(s); c++) {
                SeriesCodec.decode(chunks.get(next++), builder);
            }
            assertThat(builder.build()).as("round trip of series %d", s).isEqualTo(seriesList.get(s));
        }
    }

    private static double medianSeconds(Runnable round) {
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            round.run();
        }
        double[] seconds = new double[MEASURED_ROUNDS];
        for (int i = 0; i < MEASURED_ROUNDS; i++) {
            long start = System.nanoTime();
            round.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[MEASURED_ROUNDS / 2];
    }

    private static String row(String name, long points, int chunks, double bytesPerPoint, double encodeMillions,
            double decodeMillions) {
        return String.format("%-26s %10d %7d %12.3f %14.1f %14.1f", name, points, chunks, bytesPerPoint,
                encodeMillions, decodeMillions);
    }
}

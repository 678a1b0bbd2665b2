package org.runbench.sync.clearml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.runbench.cache.CacheTransaction;
import org.runbench.cache.RunCache;
import org.runbench.cache.ServerMetric;
import org.runbench.model.RunId;
import org.runbench.model.SeriesKey;
import org.runbench.model.SeriesSummary;
import org.runbench.sync.Progress;
import org.runbench.tracking.ClearMLClient;
import org.runbench.tracking.ClearMLException;
import org.runbench.tracking.LastMetric;
import org.runbench.tracking.TaskRecord;

/**
 * Downloads one task and writes it to the cache in one transaction: fields, hyperparameters,
 * configuration, the server's metric summaries, every scalar series at full resolution and the
 * single-value metrics. A failure or cancel rolls the whole run back.
 *
 * <p>NOTE: neither ClearML event endpoint can start at an iteration, so an active run's series are read
 * whole on every sync and compared with the cache, which writes only what is new. A run killed
 * mid-download is read again from its start on the next sync.
 */
final class RunWriter {

    private final RunCache cache;
    private final ClearMLClient client;
    private final ScalarEventReader reader;
    private final Progress progress;

    RunWriter(RunCache cache, ClearMLClient client, ScalarEventReader reader, Progress progress) {
        this.cache = cache;
        this.client = client;
        this.reader = reader;
        this.progress = progress;
    }

    /**
     * Writes the task and, when {@code cursorProject} is not null, moves that project's sync cursor to the
     * task's {@code last_update} in the same transaction.
     *
     * @param label what progress messages call the run, naming its project
     * @return the number of points written
     */
    long write(TaskRecord task, String cursorProject, String label) {
        String server = client.serverKey();
        RunId id = new RunId(server, task.id());
        List<SeriesKey> keys = client.scalarSeriesKeys(task.id());
        Set<SeriesKey> cachedKeys = new LinkedHashSet<>();
        for (SeriesSummary summary : cache.summaries(id)) {
            cachedKeys.add(summary.key());
        }

        long written = 0;
        try (CacheTransaction transaction = cache.begin()) {
            transaction.upsertRun(task.toRun(server));
            transaction.replaceHyperparameters(id, task.hyperparameters());
            transaction.replaceConfiguration(id, task.configuration());
            transaction.replaceServerMetrics(id, serverMetrics(task.lastMetrics()));

            Map<SeriesKey, Double> singleValues = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                SeriesKey key = keys.get(i);
                progress.update(label + ": series " + (i + 1) + " of " + keys.size() + " (" + key.label() + ")", -1);
                ScalarEventReader.Result series = reader.read(task.id(), key);
                if (series.points().isEmpty() && series.singleValues().isEmpty()) {
                    // The metric list and the events come from the same store, so an empty response for a listed
                    // series is a server fault. Storing it would drop the series until the run changes again.
                    throw new ClearMLException("events.get_task_events on " + server + " returned no events for"
                            + " series " + key.label() + " of task " + task.id() + ", which the server lists."
                            + " The run was not updated; sync again, and report this with the server version if it"
                            + " persists.", server, "events.get_task_events", 200, 200, 0, "", null);
                }
                if (!series.singleValues().isEmpty()) {
                    singleValues.put(key, series.singleValues().get(series.singleValues().size() - 1));
                }
                if (!series.points().isEmpty()) {
                    written += transaction.mergeSeries(id, key, series.points()).pointsWritten();
                } else if (cachedKeys.contains(key)) {
                    // Only single values remain, so the series is no curve any more.
                    transaction.deleteSeries(id, key);
                }
            }
            for (SeriesKey gone : cachedKeys) {
                if (!keys.contains(gone)) {
                    // The server no longer lists the series, for example after the task was reset.
                    transaction.deleteSeries(id, gone);
                }
            }
            transaction.replaceSingleValues(id, singleValues);
            if (cursorProject != null && task.lastUpdate() != null) {
                transaction.advanceSyncCursor(server, cursorProject, task.lastUpdate());
            }
            transaction.commit();
        }
        return written;
    }

    private static List<ServerMetric> serverMetrics(List<LastMetric> lastMetrics) {
        List<ServerMetric> metrics = new ArrayList<>(lastMetrics.size());
        for (LastMetric metric : lastMetrics) {
            metrics.add(new ServerMetric(metric.key(), metric.value(), metric.minValue(), metric.maxValue(), metric.count()));
        }
        return metrics;
    }
}

package org.runbench.sync.clearml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.SeriesKey;
import org.runbench.tracking.ClearMLClient;
import org.runbench.tracking.ClearMLConnection;
import org.runbench.tracking.ClearMLPagingException;
import org.runbench.tracking.Endpoint;
import org.runbench.tracking.ScalarSeries;

/**
 * Reads one scalar series with iteration, value and timestamp from {@code events.get_task_events}, the
 * only endpoint that returns all three together, checking for cancellation between pages.
 *
 * <p>Stops with {@link ClearMLPagingException} when a page with data comes back under the scroll id that
 * was sent, when a page starts at or before the previous page's last iteration (the server restarts a
 * scroll whose resume point is iteration 0), or when more points arrive than the server announced.
 */
final class ScalarEventReader {

    /**
     * Totals at or above this are taken as capped: Elasticsearch-backed counts of the server stop at
     * 10,000, so they cannot bound a longer series.
     */
    private static final long CAPPED_TOTAL = 10_000;

    /** A series as read: its points, single values and the number of pages it took. */
    record Result(PointSeries points, List<Double> singleValues, int pages) {
    }

    private final ClearMLConnection connection;
    private final int batchSize;
    private final BooleanSupplier cancelled;

    ScalarEventReader(ClearMLConnection connection, int batchSize, BooleanSupplier cancelled) {
        this.connection = connection;
        this.batchSize = batchSize;
        this.cancelled = cancelled;
    }

    Result read(String taskId, SeriesKey key) {
        ObjectNode body = new ClearMLClient(connection).scalarEventsBody(taskId, key, batchSize);
        body.putNull("scroll_id");

        PointSeriesBuilder points = new PointSeriesBuilder(1024);
        List<Double> singleValues = new ArrayList<>();
        String sentScrollId = null;
        long total = -1;
        int pages = 0;
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new SyncCancelledException();
            }
            JsonNode data = connection.call(Endpoint.EVENTS_GET_TASK_EVENTS, body);
            if (pages == 0 && data.path("total").canConvertToLong()) {
                total = data.path("total").asLong();
            }
            int before = points.size();
            JsonNode events = data.path("events");
            if (events.isEmpty()) {
                break;
            }
            addMatching(events, key, points, singleValues);

            String where = "events.get_task_events on " + connection.settings().key() + " for task " + taskId
                    + ", series " + key.label();
            String returnedScrollId = data.path("scroll_id").isTextual() ? data.path("scroll_id").asText() : null;
            if (returnedScrollId == null || Objects.equals(returnedScrollId, sentScrollId)) {
                throw paging(where + " returned data on page " + (pages + 1) + " without a new scroll id, so the next"
                        + " page would repeat it. Runbench stopped reading this series to avoid a loop; report this"
                        + " with the server version.");
            }
            long[] iterations = points.iterationArray();
            if (pages > 0 && before > 0 && points.size() > before && iterations[before] <= iterations[before - 1]) {
                throw paging(where + " restarted at iteration " + iterations[before] + " on page " + (pages + 1)
                        + " after the previous page ended at iteration " + iterations[before - 1]
                        + ". Runbench stopped reading this series to avoid duplicates; sync the run again.");
            }
            long read = points.size() + singleValues.size();
            if (total >= 0 && total < CAPPED_TOTAL && read > total) {
                throw paging(where + " returned " + read + " points after " + (pages + 1) + " pages, more than the "
                        + total + " the server announced. Runbench stopped reading this series to avoid duplicates;"
                        + " sync the run again.");
            }
            pages++;
            sentScrollId = returnedScrollId;
            body.put("scroll_id", returnedScrollId);
        }
        return new Result(points.size() == 0 ? PointSeries.empty() : points.build(), singleValues, pages);
    }

    static void addMatching(JsonNode events, SeriesKey key, PointSeriesBuilder points, List<Double> singleValues) {
        for (JsonNode event : events) {
            if (!event.path("metric").asText().equals(key.metric()) || !event.path("variant").asText().equals(key.variant())) {
                continue;
            }
            long iteration = event.path("iter").asLong();
            double value = event.path("value").asDouble(Double.NaN);
            if (iteration == ScalarSeries.SINGLE_VALUE_ITERATION) {
                singleValues.add(value);
                continue;
            }
            JsonNode timestamp = event.path("timestamp");
            points.add(iteration, value, timestamp.canConvertToLong() ? timestamp.asLong() : PointSeries.NO_TIMESTAMP);
        }
    }

    private ClearMLPagingException paging(String message) {
        return new ClearMLPagingException(message, connection.settings().key(),
                Endpoint.EVENTS_GET_TASK_EVENTS.apiName(), 200, 200, 0, "", null);
    }
}

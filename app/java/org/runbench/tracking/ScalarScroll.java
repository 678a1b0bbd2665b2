package org.runbench.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.SeriesKey;

/**
 * Reads one scalar series page by page with a stateless scroll id and guards against scrolls that do not
 * advance.
 *
 * <p>The first request carries an explicit {@code "scroll_id": null}; each following one sends the id
 * just returned. Reading stops at the first empty page. It fails with {@link ClearMLPagingException} when
 * a page comes back with data under the same scroll id that was sent, when a page starts at or before the
 * previous page's last iteration (the server restarted the scroll, which it does when the resume point
 * is iteration 0), or when more points arrive than the server announced in {@code total}.
 */
final class ScalarScroll {

    /** Extracts the points of the requested series from one page into the builder; returns the count. */
    interface PageReader {
        int read(JsonNode data, PointSeriesBuilder points, List<Double> singleValues);
    }

    private ScalarScroll() {
    }

    static ScalarSeries read(ClearMLConnection connection, Endpoint endpoint, ObjectNode body, SeriesKey key,
                             PageReader reader) {
        String server = connection.settings().key();
        PointSeriesBuilder points = new PointSeriesBuilder(1024);
        List<Double> singleValues = new ArrayList<>();
        body.putNull("scroll_id");
        String sentScrollId = null;
        long total = -1;
        int pages = 0;

        while (true) {
            JsonNode data = connection.call(endpoint, body);
            if (pages == 0 && data.path("total").canConvertToLong()) {
                total = data.path("total").asLong();
            }
            int before = points.size();
            int count = reader.read(data, points, singleValues);
            if (count == 0) {
                break;
            }
            String returnedScrollId = data.path("scroll_id").isTextual() ? data.path("scroll_id").asText() : null;
            String where = endpoint.apiName() + " on " + server + " for task " + body.path("task").asText()
                    + ", series " + key.label();
            if (returnedScrollId == null || Objects.equals(returnedScrollId, sentScrollId)) {
                throw paging(connection, endpoint, where + " returned data on page " + (pages + 1)
                        + " without a new scroll id, so the next page would repeat it. Runbench stopped to avoid a loop; "
                        + "report this with the server version.");
            }
            if (pages > 0 && before > 0 && points.size() > before
                    && points.iterationArray()[before] <= points.iterationArray()[before - 1]) {
                throw paging(connection, endpoint, where + " restarted at iteration " + points.iterationArray()[before]
                        + " on page " + (pages + 1) + " after the previous page ended at iteration "
                        + points.iterationArray()[before - 1] + ". Runbench stopped to avoid duplicates; sync the run again.");
            }
            long read = points.size() + singleValues.size();
            if (total >= 0 && read > total) {
                throw paging(connection, endpoint, where + " returned " + read + " points after " + (pages + 1)
                        + " pages, more than the " + total + " the server announced. Runbench stopped to avoid duplicates; "
                        + "sync the run again.");
            }
            pages++;
            sentScrollId = returnedScrollId;
            body.put("scroll_id", returnedScrollId);
        }
        return new ScalarSeries(key, points.size() == 0 ? PointSeries.empty() : points.build(), singleValues, pages);
    }

    private static ClearMLPagingException paging(ClearMLConnection connection, Endpoint endpoint, String message) {
        return new ClearMLPagingException(message, connection.settings().key(), endpoint.apiName(), 200, 200, 0, "", null);
    }
}

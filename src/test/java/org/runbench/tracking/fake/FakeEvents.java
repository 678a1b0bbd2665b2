package org.runbench.tracking.fake;

import static org.runbench.tracking.fake.FakeClearMLServer.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.runbench.tracking.fake.FakeClearMLServer.ApiError;
import org.runbench.tracking.fake.FakeClearMLServer.ScalarEventView;

/** The events service of {@link FakeClearMLServer}: metric lists, raw and full scalar scrolls, console log. */
final class FakeEvents {

    private static final int MAX_EVENT_BATCH = 10_000;
    private static final int MAX_RAW_BATCH = 200_000;

    private FakeEvents() {
    }

    static JsonNode metricsAndVariants(FakeClearMLServer server, JsonNode body) {
        server.requireTask(body);
        Map<String, Set<String>> byMetric = new LinkedHashMap<>();
        for (ScalarEventView event : server.scalarsOf(body.path("task").asText())) {
            byMetric.computeIfAbsent(event.metric(), m -> new LinkedHashSet<>()).add(event.variant());
        }
        ObjectNode metrics = JSON.createObjectNode();
        byMetric.forEach((metric, variants) -> variants.forEach(metrics.withArrayProperty(metric)::add));
        return JSON.createObjectNode().set("metrics", metrics);
    }

    /**
     * {@code events.scalar_metrics_iter_raw}: one metric, optionally some variants, sorted by iteration, in
     * batches extended to every event sharing the batch's last iteration. The scroll id carries the last
     * iteration and the total; a resume point of 0 counts as none, as on the real server.
     */
    static JsonNode raw(FakeClearMLServer server, JsonNode body, boolean stuck) {
        server.requireTask(body);
        JsonNode metric = body.path("metric");
        if (!metric.hasNonNull("metric")) {
            throw new ApiError(400, 11, "Missing required fields: metric");
        }
        if (!body.has("scroll_id")) {
            throw new ApiError(400, 12, "Validation error: this fake requires an explicit scroll_id, null on the first call");
        }
        int batchSize = body.path("batch_size").asInt(10_000);
        if (batchSize < 1 || batchSize > MAX_RAW_BATCH) {
            throw new ApiError(400, 12, "Validation error (batch_size out of range): batch_size=" + batchSize);
        }
        List<ScalarEventView> events = select(server, body.path("task").asText(), List.of(metric));
        Scroll scroll = Scroll.decode(body.path("scroll_id"), body.path("count_total").asBoolean(false) ? events.size() : null);
        List<ScalarEventView> page = nextPage(events, scroll.after(), batchSize);

        ObjectNode variants = JSON.createObjectNode();
        for (ScalarEventView event : page) {
            ObjectNode variant = variants.withObjectProperty(event.variant());
            variant.withArrayProperty("iter").add(event.iteration());
            variant.withArrayProperty("y").add(event.value());
        }
        ObjectNode data = JSON.createObjectNode();
        data.set("variants", variants);
        if (scroll.total() == null) {
            data.putNull("total");
        } else {
            data.put("total", scroll.total());
        }
        data.put("returned", page.size());
        data.put("scroll_id", stuck && body.path("scroll_id").isTextual() ? body.path("scroll_id").asText()
                : scroll.advance(page).encode());
        return data;
    }

    /** {@code events.get_task_events} for scalars: whole events with iteration, value and timestamp. */
    static JsonNode taskEvents(FakeClearMLServer server, JsonNode body, boolean stuck) {
        String taskId = server.requireTask(body).id();
        int batchSize = body.path("batch_size").asInt(500);
        if (batchSize > MAX_EVENT_BATCH) {
            throw new ApiError(500, 0, "General data error (Result window is too large, from + size must be <= 10000)");
        }
        List<JsonNode> filters = new ArrayList<>();
        body.path("metrics").forEach(filters::add);
        List<ScalarEventView> events = select(server, taskId, filters);
        Scroll scroll = Scroll.decode(body.path("scroll_id"), body.path("count_total").asBoolean(true) ? events.size() : null);
        List<ScalarEventView> page = nextPage(events, scroll.after(), batchSize);

        ArrayNode list = JSON.createArrayNode();
        for (ScalarEventView event : page) {
            list.addObject().put("task", taskId).put("type", "training_stats_scalar").put("iter", event.iteration())
                    .put("metric", event.metric()).put("variant", event.variant()).put("value", event.value())
                    .put("timestamp", event.timestamp()).put("worker", "worker-1");
        }
        ObjectNode data = JSON.createObjectNode();
        data.set("events", list);
        data.put("returned", page.size());
        if (scroll.total() != null) {
            data.put("total", scroll.total());
        }
        data.put("scroll_id", stuck && body.path("scroll_id").isTextual() ? body.path("scroll_id").asText()
                : scroll.advance(page).encode());
        return data;
    }

    /**
     * {@code events.get_task_log} as of API 2.9: pages by {@code from_timestamp}, newest first unless
     * {@code navigate_earlier} is false; a batch includes every event sharing its last timestamp.
     */
    static JsonNode taskLog(FakeClearMLServer server, JsonNode body) {
        String taskId = server.requireTask(body).id();
        int batchSize = body.path("batch_size").asInt(5000);
        if (batchSize > MAX_EVENT_BATCH) {
            throw new ApiError(500, 0, "General data error (Result window is too large, from + size must be <= 10000)");
        }
        boolean earlier = body.path("navigate_earlier").asBoolean(true);
        Long from = body.hasNonNull("from_timestamp") ? body.path("from_timestamp").asLong() : null;
        List<ObjectNode> all = new ArrayList<>(server.logsOf(taskId));
        Comparator<ObjectNode> byTime = Comparator.comparingLong(e -> e.path("timestamp").asLong());
        all.sort(earlier ? byTime.reversed() : byTime);

        List<ObjectNode> page = new ArrayList<>();
        for (ObjectNode event : all) {
            long timestamp = event.path("timestamp").asLong();
            if (from != null && (earlier ? timestamp >= from : timestamp <= from)) {
                continue;
            }
            boolean full = page.size() >= batchSize;
            if (full && timestamp != page.get(page.size() - 1).path("timestamp").asLong()) {
                break;
            }
            page.add(event);
        }
        boolean descending = body.path("order").asText(earlier ? "desc" : "asc").equals("desc");
        page.sort(descending ? byTime.reversed() : byTime);
        ObjectNode data = JSON.createObjectNode();
        data.putArray("events").addAll(page);
        data.put("returned", page.size());
        data.put("total", Math.min(all.size(), MAX_EVENT_BATCH));
        return data;
    }

    private static List<ScalarEventView> select(FakeClearMLServer server, String taskId, List<JsonNode> filters) {
        return server.cachedSelection(taskId + "\n" + filters, () -> computeSelection(server, taskId, filters));
    }

    private static List<ScalarEventView> computeSelection(FakeClearMLServer server, String taskId, List<JsonNode> filters) {
        List<ScalarEventView> selected = new ArrayList<>();
        for (ScalarEventView event : server.scalarsOf(taskId)) {
            if (filters.isEmpty() || filters.stream().anyMatch(filter -> matches(filter, event))) {
                selected.add(event);
            }
        }
        selected.sort(Comparator.comparingLong(ScalarEventView::iteration).thenComparing(ScalarEventView::variant));
        return selected;
    }

    private static boolean matches(JsonNode filter, ScalarEventView event) {
        if (!filter.path("metric").asText().equals(event.metric())) {
            return false;
        }
        JsonNode variants = filter.path("variants");
        if (!variants.isArray() || variants.isEmpty()) {
            return true;
        }
        for (JsonNode variant : variants) {
            if (variant.asText().equals(event.variant())) {
                return true;
            }
        }
        return false;
    }

    private static List<ScalarEventView> nextPage(List<ScalarEventView> events, Long after, int batchSize) {
        List<ScalarEventView> page = new ArrayList<>();
        int start = after == null ? 0 : firstAfter(events, after);
        for (ScalarEventView event : events.subList(start, events.size())) {
            if (page.size() >= batchSize && event.iteration() != page.get(page.size() - 1).iteration()) {
                break;
            }
            page.add(event);
        }
        return page;
    }

    /** Returns the index of the first event with an iteration above {@code after}; events are sorted by iteration. */
    private static int firstAfter(List<ScalarEventView> events, long after) {
        int low = 0;
        int high = events.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (events.get(middle).iteration() <= after) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Stateless scroll position: the last iteration served and the total counted on the first call. */
    private record Scroll(Long after, Long total, int page) {

        static Scroll decode(JsonNode scrollId, Integer firstCallTotal) {
            if (scrollId == null || scrollId.isNull() || scrollId.isMissingNode()) {
                return new Scroll(null, firstCallTotal == null ? null : firstCallTotal.longValue(), 0);
            }
            try {
                JsonNode state = JSON.readTree(Base64.getUrlDecoder().decode(scrollId.asText()));
                // As on the server, a resume point of 0 is taken for "no resume point".
                Long after = state.path("after").isNull() || state.path("after").asLong() == 0 ? null : state.path("after").asLong();
                Long total = state.path("total").isNull() ? null : state.path("total").asLong();
                return new Scroll(after, total, state.path("page").asInt());
            } catch (Exception e) {
                throw new ApiError(400, 1104, "Invalid scroll id: " + scrollId.asText());
            }
        }

        Scroll advance(List<ScalarEventView> served) {
            Long last = served.isEmpty() ? after : Long.valueOf(served.get(served.size() - 1).iteration());
            return new Scroll(last, total, page + 1);
        }

        String encode() {
            ObjectNode state = JSON.createObjectNode();
            if (after == null) {
                state.putNull("after");
            } else {
                state.put("after", after);
            }
            if (total == null) {
                state.putNull("total");
            } else {
                state.put("total", total);
            }
            state.put("page", page);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(state.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}

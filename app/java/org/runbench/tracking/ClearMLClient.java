package org.runbench.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.Project;
import org.runbench.model.SeriesKey;

/**
 * Typed ClearML endpoints for sync and launch, on top of a {@link ClearMLConnection}.
 *
 * <p>Thread-safe; every method blocks on the network and throws {@link ClearMLException} subclasses.
 */
public final class ClearMLClient {

    /** Largest page size the server allows for {@code *.get_all*} endpoints. */
    public static final int MAX_PAGE_SIZE = 500;

    /** Largest batch {@code events.get_task_events} and {@code events.get_task_log} serve without failing. */
    public static final int MAX_EVENT_BATCH = 10_000;

    /** Largest batch the raw scalar endpoint accepts. */
    public static final int MAX_RAW_BATCH = 200_000;

    private static final DateTimeFormatter ISO_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final ClearMLConnection connection;

    public ClearMLClient(ClearMLConnection connection) {
        this.connection = connection;
    }

    /** Returns the server key of this client's server. */
    public String serverKey() {
        return connection.settings().key();
    }

    public ClearMLConnection connection() {
        return connection;
    }

    /** Reads the server's release and API level from {@code server.info} (needs a login on server 2.3). */
    public ServerInfo serverInfo() {
        JsonNode data = connection.call(Endpoint.SERVER_INFO, connection.newBody());
        return new ServerInfo(data.path("version").asText(""), data.path("build").asText(""),
                data.path("api_version").asText(""));
    }

    /** Returns one page (from 0) of projects ordered by name, including hidden ones. */
    public List<Project> projects(int page, int pageSize) {
        ObjectNode body = pagedBody(page, pageSize);
        fields(body, List.of("id", "name", "last_update"));
        body.putArray("order_by").add("name");
        body.put("search_hidden", true);
        List<Project> projects = new ArrayList<>();
        for (JsonNode project : connection.call(Endpoint.PROJECTS_GET_ALL_EX, body).path("projects")) {
            projects.add(new Project(serverKey(), project.path("id").asText(), project.path("name").asText(""), null));
        }
        return projects;
    }

    /** Returns every project, reading pages of {@link #MAX_PAGE_SIZE}. */
    public List<Project> allProjects() {
        List<Project> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Project> batch = projects(page, MAX_PAGE_SIZE);
            all.addAll(batch);
            if (batch.size() < MAX_PAGE_SIZE) {
                return all;
            }
        }
    }

    /**
     * Returns one page (from 0) of tasks ordered by {@code last_update} then id, with the fields sync caches.
     * Pages with {@code page}/{@code page_size} rather than a scroll id, so a lost page can be asked for again.
     */
    public List<TaskRecord> tasks(TaskQuery query, int page, int pageSize) {
        ObjectNode body = pagedBody(page, pageSize);
        fields(body, TaskParser.TASK_FIELDS);
        body.putArray("order_by").add("last_update");
        body.putArray("system_tags").add("-archived");
        if (!query.projectIds().isEmpty()) {
            ArrayNode projects = body.putArray("project");
            query.projectIds().forEach(projects::add);
        }
        if (query.updatedSince() != null) {
            // An ISO-8601 string in UTC with the operator inside it; an epoch number would be ignored silently.
            body.putArray("last_update").add(">=" + ISO_UTC.format(query.updatedSince()));
        }
        List<TaskRecord> tasks = new ArrayList<>();
        for (JsonNode task : connection.call(Endpoint.TASKS_GET_ALL_EX, body).path("tasks")) {
            tasks.add(TaskParser.parse(task));
        }
        return tasks;
    }

    /** Hands every matching task to {@code consumer}, page by page; returns the number of tasks. */
    public int forEachTask(TaskQuery query, Consumer<TaskRecord> consumer) {
        int count = 0;
        for (int page = 0; ; page++) {
            List<TaskRecord> batch = tasks(query, page, MAX_PAGE_SIZE);
            batch.forEach(consumer);
            count += batch.size();
            if (batch.size() < MAX_PAGE_SIZE) {
                return count;
            }
        }
    }

    /** Returns the scalar series of a task, metric by metric, in the server's order. */
    public List<SeriesKey> scalarSeriesKeys(String taskId) {
        ObjectNode body = connection.newBody();
        body.put("task", taskId);
        JsonNode metrics = connection.call(Endpoint.EVENTS_GET_SCALAR_METRICS_AND_VARIANTS, body).path("metrics");
        List<SeriesKey> keys = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> metric = it.next();
            for (JsonNode variant : metric.getValue()) {
                keys.add(new SeriesKey(metric.getKey(), variant.asText()));
            }
        }
        return keys;
    }

    /**
     * Reads every (iteration, value) point of one series with {@code events.scalar_metrics_iter_raw}, which
     * serves full precision in large batches but no timestamps: every point has
     * {@link PointSeries#NO_TIMESTAMP}. Use {@link #readScalarEvents} when timestamps matter.
     *
     * @param batchSize points per page, 1 to {@link #MAX_RAW_BATCH}
     * @throws ClearMLPagingException when the scroll does not advance
     */
    public ScalarSeries readRawScalars(String taskId, SeriesKey key, int batchSize) {
        checkBatch(batchSize, MAX_RAW_BATCH);
        ObjectNode body = connection.newBody();
        body.put("task", taskId);
        ObjectNode metric = body.putObject("metric");
        metric.put("metric", key.metric());
        metric.putArray("variants").add(key.variant());
        body.put("key", "iter");
        body.put("batch_size", batchSize);
        body.put("count_total", true);
        return ScalarScroll.read(connection, Endpoint.EVENTS_SCALAR_METRICS_ITER_RAW, body, key,
                (data, points, singles) -> {
                    JsonNode variant = data.path("variants").path(key.variant());
                    JsonNode iterations = variant.path("iter");
                    JsonNode values = variant.path("y");
                    for (int i = 0; i < iterations.size(); i++) {
                        add(points, singles, iterations.get(i).asLong(), values.path(i).asDouble(Double.NaN),
                                PointSeries.NO_TIMESTAMP);
                    }
                    return iterations.size();
                });
    }

    /**
     * Builds the {@code events.get_task_events} request for one scalar series in ascending order, with the
     * total counted. Callers that page it themselves add the scroll id.
     *
     * @param batchSize events per page, 1 to {@link #MAX_EVENT_BATCH}
     */
    public ObjectNode scalarEventsBody(String taskId, SeriesKey key, int batchSize) {
        checkBatch(batchSize, MAX_EVENT_BATCH);
        ObjectNode body = connection.newBody();
        body.put("task", taskId);
        body.put("event_type", "training_stats_scalar");
        ObjectNode metric = body.putArray("metrics").addObject();
        metric.put("metric", key.metric());
        metric.putArray("variants").add(key.variant());
        body.put("order", "asc");
        body.put("batch_size", batchSize);
        body.put("count_total", true);
        return body;
    }

    /**
     * Reads every point of one series with iteration, value and timestamp, using
     * {@code events.get_task_events} (the only endpoint that returns all three together).
     *
     * @param batchSize events per page, 1 to {@link #MAX_EVENT_BATCH}
     * @throws ClearMLPagingException when the scroll does not advance
     */
    public ScalarSeries readScalarEvents(String taskId, SeriesKey key, int batchSize) {
        ObjectNode body = scalarEventsBody(taskId, key, batchSize);
        return ScalarScroll.read(connection, Endpoint.EVENTS_GET_TASK_EVENTS, body, key, (data, points, singles) -> {
            JsonNode events = data.path("events");
            for (JsonNode event : events) {
                if (event.path("metric").asText().equals(key.metric()) && event.path("variant").asText().equals(key.variant())) {
                    add(points, singles, event.path("iter").asLong(), event.path("value").asDouble(Double.NaN),
                            event.path("timestamp").canConvertToLong() ? event.path("timestamp").asLong() : PointSeries.NO_TIMESTAMP);
                }
            }
            return events.size();
        });
    }

    /**
     * Returns one batch of a task's console log in ascending time, starting after {@code fromTimestamp}
     * (epoch ms; null for the oldest entry). Entries sharing the batch's last timestamp are all included.
     */
    public LogPage logPage(String taskId, Long fromTimestamp, int batchSize) {
        checkBatch(batchSize, MAX_EVENT_BATCH);
        ObjectNode body = connection.newBody();
        body.put("task", taskId);
        body.put("batch_size", batchSize);
        body.put("navigate_earlier", false);
        body.put("order", "asc");
        if (fromTimestamp != null) {
            body.put("from_timestamp", fromTimestamp);
        }
        JsonNode data = connection.call(Endpoint.EVENTS_GET_TASK_LOG, body);
        List<LogEvent> events = new ArrayList<>();
        for (JsonNode event : data.path("events")) {
            events.add(new LogEvent(event.path("timestamp").asLong(), event.path("level").asText(""),
                    event.path("worker").asText(""), event.path("msg").asText(""), event.path("iter").asLong(0)));
        }
        return new LogPage(events, data.path("total").asLong(events.size()));
    }

    /**
     * Reads a task's whole console log in ascending time, paging by timestamp until an empty batch.
     *
     * @throws ClearMLPagingException when a batch does not move past the previous one
     */
    public List<LogEvent> readConsoleLog(String taskId, int batchSize) {
        List<LogEvent> all = new ArrayList<>();
        Long from = null;
        while (true) {
            LogPage page = logPage(taskId, from, batchSize);
            if (page.events().isEmpty()) {
                return all;
            }
            long last = page.events().get(page.events().size() - 1).timestamp();
            if (from != null && last <= from) {
                throw new ClearMLPagingException("events.get_task_log on " + serverKey() + " for task " + taskId
                        + " returned a batch ending at timestamp " + last + ", not after the previous batch (" + from
                        + "). Runbench stopped to avoid a loop; report this with the server version.",
                        serverKey(), Endpoint.EVENTS_GET_TASK_LOG.apiName(), 200, 200, 0, "", null);
            }
            all.addAll(page.events());
            from = last;
        }
    }

    /** Returns every queue, hidden ones included, with pending task ids and listening workers. */
    public List<QueueInfo> queues() {
        ObjectNode body = connection.newBody();
        body.put("search_hidden", true);
        body.putArray("order_by").add("name");
        List<QueueInfo> queues = new ArrayList<>();
        for (JsonNode queue : connection.call(Endpoint.QUEUES_GET_ALL_EX, body).path("queues")) {
            List<String> entries = new ArrayList<>();
            for (JsonNode entry : queue.path("entries")) {
                JsonNode task = entry.path("task");
                entries.add(task.isObject() ? task.path("id").asText() : task.asText());
            }
            List<String> workers = new ArrayList<>();
            queue.path("workers").forEach(worker -> workers.add(worker.path("name").asText()));
            queues.add(new QueueInfo(queue.path("id").asText(), queue.path("name").asText(""),
                    TaskParser.strings(queue.path("tags")), entries, workers));
        }
        return queues;
    }

    /**
     * Clones a task and returns the new task's id. A write: never retried.
     *
     * @param newName new task name, or null to keep the source's
     */
    public String cloneTask(String taskId, String newName) {
        ObjectNode body = connection.newBody();
        body.put("task", taskId);
        if (newName != null) {
            body.put("new_task_name", newName);
        }
        return connection.call(Endpoint.TASKS_CLONE, body).path("id").asText();
    }

    /**
     * Enqueues a task on a queue given by id and returns whether the server queued it. A write: never retried.
     */
    public boolean enqueue(String taskId, String queueId) {
        ObjectNode body = connection.newBody();
        body.put("task", taskId);
        body.put("queue", queueId);
        return connection.call(Endpoint.TASKS_ENQUEUE, body).path("queued").asInt(0) == 1;
    }

    private static void add(PointSeriesBuilder points, List<Double> singles, long iteration, double value, long timestamp) {
        if (iteration == ScalarSeries.SINGLE_VALUE_ITERATION) {
            singles.add(value);
        } else {
            points.add(iteration, value, timestamp);
        }
    }

    private ObjectNode pagedBody(int page, int pageSize) {
        if (page < 0 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and pageSize 1 to " + MAX_PAGE_SIZE
                    + ", got page " + page + ", pageSize " + pageSize);
        }
        ObjectNode body = connection.newBody();
        body.put("page", page);
        body.put("page_size", pageSize);
        return body;
    }

    private static void fields(ObjectNode body, List<String> names) {
        ArrayNode onlyFields = body.putArray("only_fields");
        names.forEach(onlyFields::add);
    }

    private static void checkBatch(int batchSize, int max) {
        if (batchSize < 1 || batchSize > max) {
            throw new IllegalArgumentException("batchSize must be 1 to " + max + ", got " + batchSize);
        }
    }
}

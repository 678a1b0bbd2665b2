package org.runbench.tracking.fake;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.runbench.tracking.ClearMLJson;
import org.runbench.tracking.ServerSettings;

/**
 * A ClearML API server for tests: a {@link MockWebServer} on 127.0.0.1 whose dispatcher implements the
 * endpoints Runbench calls the way the open-source server does (envelope, result codes, Basic and Bearer
 * auth, page paging, stateless event scroll ids, ISO date filters), seeded from code, with fault hooks.
 *
 * <p>Not a full server: only the endpoints of {@link #ENDPOINTS} exist (others return 404/0), filters
 * other than project, archived and {@code last_update} are ignored, and scroll ids are short signed-free
 * tokens rather than JWTs. Thread-safe; seed before calling.
 */
public final class FakeClearMLServer implements AutoCloseable {

    public static final String ACCESS_KEY = "FAKEACCESSKEY0123456";
    public static final String SECRET_KEY = "fake-secret-key-do-not-log-0123456789";
    public static final String SERVER_VERSION = "2.3.0";
    public static final String API_VERSION = "2.34";

    /** Endpoints this fake implements. */
    public static final Set<String> ENDPOINTS = Set.of("auth.login", "debug.ping", "server.info",
            "projects.get_all_ex", "tasks.get_all_ex", "events.get_scalar_metrics_and_variants",
            "events.scalar_metrics_iter_raw", "events.get_task_events", "events.get_task_log", "queues.get_all_ex",
            "tasks.clone", "tasks.enqueue");

    private static final Pattern PATH = Pattern.compile("^/(?:v\\d+\\.\\d+/)?([A-Za-z_]+\\.[A-Za-z_]+)/?$");
    private static final DateTimeFormatter SERVER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    static final ObjectMapper JSON = JsonMapper.builder().disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();
    private static final ObjectMapper READER = ClearMLJson.newMapper();

    private final MockWebServer server = new MockWebServer();
    private final Map<String, String> credentials = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> projects = new LinkedHashMap<>();
    private final Map<String, FakeTask> tasks = new LinkedHashMap<>();
    private final Map<String, List<ScalarEvent>> scalars = new HashMap<>();
    private final Map<String, List<ObjectNode>> logs = new HashMap<>();
    private final Map<String, ObjectNode> queues = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> callCounts = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, MockResponse>> faults = new ConcurrentHashMap<>();
    private final Map<String, Integer> tokenExpiryAfterCall = new ConcurrentHashMap<>();
    private final Set<String> stuckScrolls = ConcurrentHashMap.newKeySet();
    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
    private final Map<String, Duration> responseDelays = new ConcurrentHashMap<>();
    private final Map<String, List<ScalarEventView>> selections = new ConcurrentHashMap<>();
    private volatile Duration tokenLifetime = Duration.ofDays(30);

    /** One scalar point as the server stores it. */
    private record ScalarEvent(String metric, String variant, long iteration, double value, long timestamp) {
    }

    /** A request as the fake saw it: endpoint, Authorization header and parsed body. */
    public record Recorded(String endpoint, String authorization, JsonNode body) {
    }

    private FakeClearMLServer() {
        // MockWebServer writes headers and body separately. Without TCP_NODELAY each response waits for the
        // client's delayed ACK, about 40 ms on Linux loopback as measured here, which dominated sync timings.
        server.setServerSocketFactory(new NoDelayServerSocketFactory());
        credentials.put(ACCESS_KEY, SECRET_KEY);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return handle(request);
            }
        });
    }

    /** Starts a plain-HTTP fake on 127.0.0.1 at a free port. */
    public static FakeClearMLServer start() throws IOException {
        FakeClearMLServer fake = new FakeClearMLServer();
        fake.server.start(InetAddress.getByName("127.0.0.1"), 0);
        return fake;
    }

    /** Starts an HTTPS fake on 127.0.0.1 that presents the certificate of {@code socketFactory}. */
    public static FakeClearMLServer startHttps(SSLSocketFactory socketFactory) throws IOException {
        FakeClearMLServer fake = new FakeClearMLServer();
        fake.server.useHttps(socketFactory);
        fake.server.start(InetAddress.getByName("127.0.0.1"), 0);
        return fake;
    }

    /** Returns the API URL, for example {@code http://127.0.0.1:41234}. */
    public String apiHost() {
        String scheme = server.url("/").scheme();
        return scheme + "://127.0.0.1:" + server.getPort();
    }

    /** Returns settings for this fake with the built-in credentials. */
    public ServerSettings settings() {
        return ServerSettings.of(apiHost(), ACCESS_KEY, SECRET_KEY);
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- seeding ----

    public synchronized String addProject(String name) {
        String id = newId();
        ObjectNode project = JSON.createObjectNode();
        project.put("id", id).put("name", name).put("basename", name.substring(name.lastIndexOf('/') + 1))
                .put("user", "user0001").put("company", "company0001").put("created", now());
        project.put("last_update", now());
        projects.put(id, project);
        return id;
    }

    /** Adds a completed task with a script, times and status; returns it for further changes. */
    public synchronized FakeTask addTask(String projectId, String name) {
        String id = newId();
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id).put("name", name).put("type", "training").put("status", "completed")
                .put("status_reason", "").put("status_message", "").put("user", "user0001").put("company", "company0001")
                .put("project", projectId).put("created", "2026-01-01T10:00:00.000000+00:00")
                .put("started", "2026-01-01T10:01:00.000000+00:00").put("completed", "2026-01-01T12:00:00.000000+00:00")
                .put("last_update", "2026-01-01T12:00:00.000000+00:00").put("last_iteration", 0);
        json.putArray("tags");
        json.putArray("system_tags");
        json.putObject("script").put("repository", "https://git.example/team/train.git").put("branch", "main")
                .put("entry_point", "train.py").put("version_num", "0123abcd");
        json.putObject("execution").put("queue", "");
        json.putObject("hyperparams");
        json.putObject("configuration");
        json.putObject("last_metrics");
        FakeTask task = new FakeTask(json);
        tasks.put(id, task);
        return task;
    }

    /** Adds scalar points; iterations may repeat (the later value overwrites, as on the server). */
    public synchronized void addScalars(String taskId, String metric, String variant, long[] iterations, double[] values,
                                        long[] timestamps) {
        List<ScalarEvent> events = scalars.computeIfAbsent(taskId, id -> new ArrayList<>());
        Map<Long, Integer> lastIndex = new HashMap<>();
        for (int i = 0; i < iterations.length; i++) {
            lastIndex.put(iterations[i], i);
        }
        events.removeIf(e -> e.metric().equals(metric) && e.variant().equals(variant) && lastIndex.containsKey(e.iteration()));
        for (int i = 0; i < iterations.length; i++) {
            if (lastIndex.get(iterations[i]) == i) {
                events.add(new ScalarEvent(metric, variant, iterations[i], values[i], timestamps[i]));
            }
        }
        selections.clear();
        long last = events.stream().filter(e -> e.iteration() != Integer.MIN_VALUE).mapToLong(ScalarEvent::iteration).max().orElse(0);
        tasks.get(taskId).json().put("last_iteration", last);
    }

    /** Adds {@code count} points at iterations 0, 1, … with value {@code i * 0.5} and timestamps 1 s apart. */
    public void addLinearScalars(String taskId, String metric, String variant, int count) {
        long[] iterations = new long[count];
        double[] values = new double[count];
        long[] timestamps = new long[count];
        for (int i = 0; i < count; i++) {
            iterations[i] = i;
            values[i] = i * 0.5;
            timestamps[i] = 1_767_225_600_000L + i * 1000L;
        }
        addScalars(taskId, metric, variant, iterations, values, timestamps);
    }

    public synchronized void addLog(String taskId, long timestamp, String level, String message) {
        ObjectNode event = JSON.createObjectNode();
        event.put("timestamp", timestamp).put("type", "log").put("task", taskId).put("level", level)
                .put("worker", "worker-1").put("msg", message).put("iter", 0);
        logs.computeIfAbsent(taskId, id -> new ArrayList<>()).add(event);
    }

    public synchronized String addQueue(String name) {
        String id = newId();
        ObjectNode queue = JSON.createObjectNode();
        queue.put("id", id).put("name", name).put("created", now());
        queue.putArray("tags");
        queue.putArray("system_tags");
        queue.putArray("entries");
        queue.putArray("workers");
        queues.put(id, queue);
        return id;
    }

    /** Deletes a task with its events, as {@code tasks.delete} does on the server. */
    public synchronized void removeTask(String taskId) {
        tasks.remove(taskId);
        scalars.remove(taskId);
        logs.remove(taskId);
        selections.clear();
    }

    /** Returns the seeded task with this id, for changes after seeding. */
    public synchronized FakeTask task(String taskId) {
        return tasks.get(taskId);
    }

    public void addCredentials(String accessKey, String secretKey) {
        credentials.put(accessKey, secretKey);
    }

    /** Sets the lifetime of tokens issued from now on. */
    public void tokenLifetime(Duration lifetime) {
        tokenLifetime = lifetime;
    }

    // ---- faults ----

    /** Replies to the {@code nth} call (from 1) of {@code endpoint} with {@code response} instead of serving it. */
    public void failOnCall(String endpoint, int nth, MockResponse response) {
        faults.computeIfAbsent(endpoint, e -> new ConcurrentHashMap<>()).put(nth, response);
    }

    /** Revokes every token issued so far just before the {@code nth} call of {@code endpoint} is served. */
    public void expireTokensBeforeCall(String endpoint, int nth) {
        tokenExpiryAfterCall.put(endpoint, nth);
    }

    /** Serves every later call of {@code endpoint} normally, but sends the headers only after {@code delay}. */
    public void delayResponses(String endpoint, Duration delay) {
        responseDelays.put(endpoint, delay);
    }

    /** Undoes {@link #stickScrollId}. */
    public void releaseScrollId(String endpoint) {
        stuckScrolls.remove(endpoint);
    }

    /** Makes {@code endpoint}'s scroll return the scroll id it received instead of a new one. */
    public void stickScrollId(String endpoint) {
        stuckScrolls.add(endpoint);
    }

    // ---- inspection ----

    public int callCount(String endpoint) {
        AtomicInteger count = callCounts.get(endpoint);
        return count == null ? 0 : count.get();
    }

    /** Returns the requests of {@code endpoint} in arrival order. */
    public List<Recorded> requests(String endpoint) {
        return recorded.stream().filter(r -> r.endpoint().equals(endpoint)).toList();
    }

    // ---- dispatching ----

    private MockResponse handle(RecordedRequest request) {
        Matcher path = PATH.matcher(request.getUrl().encodedPath());
        if (!path.matches()) {
            return envelopeResponse(400, 2, "Invalid request path " + request.getUrl().encodedPath(), null, "");
        }
        String endpoint = path.group(1);
        int call = callCounts.computeIfAbsent(endpoint, e -> new AtomicInteger()).incrementAndGet();
        String authorization = request.getHeaders().get("Authorization");
        JsonNode body;
        try {
            String text = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
            body = text.isBlank() ? JSON.createObjectNode() : READER.readTree(text);
        } catch (IOException e) {
            return envelopeResponse(400, 12, "Validation error (invalid JSON body)", null, endpoint);
        }
        recorded.add(new Recorded(endpoint, authorization, body));

        Integer expireAt = tokenExpiryAfterCall.get(endpoint);
        if (expireAt != null && expireAt == call) {
            tokens.clear();
        }
        MockResponse fault = faults.getOrDefault(endpoint, Map.of()).get(call);
        if (fault != null) {
            return fault;
        }
        if (request.getHeaders().get("Content-Encoding") != null) {
            return new MockResponse.Builder().code(415).setHeader("Content-Type", "text/plain")
                    .body("Content encoding is not supported (" + request.getHeaders().get("Content-Encoding") + ")").build();
        }
        if (!ENDPOINTS.contains(endpoint)) {
            return envelopeResponse(404, 0, "Unable to find endpoint for name " + endpoint + " and version " + API_VERSION,
                    null, endpoint);
        }
        try {
            ApiError authError = authorize(endpoint, authorization);
            if (authError != null) {
                return envelopeResponse(authError.code, authError.subcode, authError.getMessage(), null, endpoint);
            }
            JsonNode data;
            synchronized (this) {
                data = serve(endpoint, body, authorization);
            }
            MockResponse response = envelopeResponse(200, 0, "OK", data, endpoint);
            Duration delay = responseDelays.get(endpoint);
            if (delay != null) {
                response = new MockResponse.Builder(response)
                        .headersDelay(delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).build();
            }
            return response;
        } catch (ApiError e) {
            return envelopeResponse(e.code, e.subcode, e.getMessage(), null, endpoint);
        } catch (RuntimeException e) {
            // Like the real server's general_error: a bug in a handler returns 500/0 instead of hanging the client.
            return envelopeResponse(500, 0, "General error (fake handler failed): " + e, null, endpoint);
        }
    }

    private ApiError authorize(String endpoint, String authorization) {
        if (endpoint.equals("debug.ping")) {
            return null;
        }
        if (authorization == null || authorization.isBlank()) {
            return new ApiError(401, 20, "Unauthorized (missing credentials)");
        }
        if (authorization.startsWith("Basic ")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return new ApiError(401, 21, "Unauthorized (bad credentials)");
            }
            int colon = decoded.indexOf(':');
            String key = colon < 0 ? decoded : decoded.substring(0, colon);
            String secret = colon < 0 ? "" : decoded.substring(colon + 1);
            if (!secret.equals(credentials.get(key))) {
                return new ApiError(401, 22, "Unauthorized (invalid credentials)");
            }
            return null;
        }
        if (authorization.startsWith("Bearer ")) {
            Instant expiry = tokens.get(authorization.substring(7).trim());
            if (expiry == null || Instant.now().isAfter(expiry)) {
                return new ApiError(401, 30, "Unauthorized (invalid token): invalid jwt token, Signature has expired");
            }
            return null;
        }
        return new ApiError(401, 10, "Unauthorized (bad authentication header type)");
    }

    private JsonNode serve(String endpoint, JsonNode body, String authorization) {
        return switch (endpoint) {
            case "auth.login" -> login();
            case "debug.ping" -> JSON.createObjectNode().put("msg", "ClearML server");
            case "server.info" -> JSON.createObjectNode().put("version", SERVER_VERSION).put("build", "999")
                    .put("commit", "fake").put("uid", "fake-uid").put("api_version", API_VERSION);
            case "projects.get_all_ex" -> wrap("projects", page(sorted(new ArrayList<>(projects.values()), "name"), body));
            case "tasks.get_all_ex" -> listTasks(body);
            case "events.get_scalar_metrics_and_variants" -> FakeEvents.metricsAndVariants(this, body);
            case "events.scalar_metrics_iter_raw" -> FakeEvents.raw(this, body, stuckScrolls.contains(endpoint));
            case "events.get_task_events" -> FakeEvents.taskEvents(this, body, stuckScrolls.contains(endpoint));
            case "events.get_task_log" -> FakeEvents.taskLog(this, body);
            case "queues.get_all_ex" -> listQueues();
            case "tasks.clone" -> cloneTask(body);
            case "tasks.enqueue" -> enqueue(body);
            default -> throw new ApiError(404, 0, "Unable to find endpoint for name " + endpoint);
        };
    }

    private JsonNode login() {
        Instant issued = Instant.now();
        Instant expiry = issued.plus(tokenLifetime);
        ObjectNode payload = JSON.createObjectNode();
        payload.put("exp", expiry.getEpochSecond()).put("iat", issued.getEpochSecond())
                .put("session_id", UUID.randomUUID().toString()).put("api_version", API_VERSION)
                .put("server_version", SERVER_VERSION).put("feature_set", "basic");
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String token = encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        tokens.put(token, expiry);
        return JSON.createObjectNode().put("token", token);
    }

    private JsonNode listTasks(JsonNode body) {
        Set<String> projectFilter = new HashSet<>();
        body.path("project").forEach(p -> projectFilter.add(p.asText()));
        boolean excludeArchived = false;
        for (JsonNode tag : body.path("system_tags")) {
            excludeArchived |= tag.asText().equals("-archived");
        }
        Set<String> idFilter = new HashSet<>();
        body.path("id").forEach(id -> idFilter.add(id.asText()));
        List<DateCondition> dates = dateConditions(body.path("last_update"));
        List<ObjectNode> matching = new ArrayList<>();
        for (FakeTask task : tasks.values()) {
            ObjectNode json = task.json();
            if (!projectFilter.isEmpty() && !projectFilter.contains(json.path("project").asText())) {
                continue;
            }
            if (!idFilter.isEmpty() && !idFilter.contains(json.path("id").asText())) {
                continue;
            }
            if (excludeArchived && hasTag(json.path("system_tags"), "archived")) {
                continue;
            }
            Instant lastUpdate = OffsetDateTime.parse(json.path("last_update").asText()).toInstant();
            if (dates.stream().allMatch(condition -> condition.test(lastUpdate))) {
                matching.add(json);
            }
        }
        String order = body.path("order_by").path(0).asText("id");
        List<ObjectNode> page = page(sorted(matching, order.replace("-", "")), body);
        ArrayNode projected = JSON.createArrayNode();
        for (ObjectNode task : page) {
            projected.add(project(task, body.path("only_fields")));
        }
        return JSON.createObjectNode().set("tasks", projected);
    }

    /** One parsed element of a datetime filter such as {@code ">=2026-01-02T03:04:05Z"}. */
    private record DateCondition(String operator, Instant instant) {
        boolean test(Instant value) {
            int cmp = value.compareTo(instant);
            return switch (operator) {
                case ">=" -> cmp >= 0;
                case ">" -> cmp > 0;
                case "<=" -> cmp <= 0;
                case "<" -> cmp < 0;
                default -> cmp == 0;
            };
        }
    }

    /** Parses like the server: numbers fail with 400/12, unparsable strings (such as epoch seconds) are dropped. */
    private static List<DateCondition> dateConditions(JsonNode filter) {
        List<DateCondition> conditions = new ArrayList<>();
        for (JsonNode item : filter) {
            if (item.isNumber()) {
                throw new ApiError(400, 12, "Validation error (invalid datetime value): last_update=" + item);
            }
            Matcher matcher = Pattern.compile("^(>=|<=|>|<)?(.+)$").matcher(item.asText());
            if (!matcher.matches()) {
                continue;
            }
            Instant instant = parseIsoOrNull(matcher.group(2));
            if (instant != null) {
                conditions.add(new DateCondition(matcher.group(1) == null ? ">=" : matcher.group(1), instant));
            }
        }
        return conditions;
    }

    private static Instant parseIsoOrNull(String text) {
        if (!text.contains("-") || !text.contains("T")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException e) {
            try {
                return java.time.LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }

    /** Applies {@code only_fields}, turning {@code project.name} and {@code user.name} into joined objects. */
    private JsonNode project(ObjectNode task, JsonNode onlyFields) {
        if (!onlyFields.isArray() || onlyFields.isEmpty()) {
            return task.deepCopy();
        }
        ObjectNode result = JSON.createObjectNode();
        result.put("id", task.path("id").asText());
        for (JsonNode field : onlyFields) {
            String path = field.asText();
            if (path.equals("project.name")) {
                String projectId = task.path("project").asText();
                ObjectNode project = projects.get(projectId);
                result.putObject("project").put("id", projectId).put("name", project == null ? "" : project.path("name").asText());
                continue;
            }
            if (path.equals("user.name")) {
                result.putObject("user").put("id", task.path("user").asText()).put("name", "Fake User");
                continue;
            }
            String[] parts = path.split("\\.");
            JsonNode source = task;
            ObjectNode target = result;
            for (int i = 0; i < parts.length && source != null; i++) {
                source = source.get(parts[i]);
                if (source == null) {
                    break;
                }
                if (i == parts.length - 1) {
                    target.set(parts[i], source.deepCopy());
                } else {
                    target = target.withObjectProperty(parts[i]);
                }
            }
        }
        return result;
    }

    private JsonNode listQueues() {
        ArrayNode list = JSON.createArrayNode();
        for (ObjectNode queue : queues.values()) {
            ObjectNode copy = queue.deepCopy();
            ArrayNode entries = copy.putArray("entries");
            for (JsonNode entry : queue.path("entries")) {
                String taskId = entry.path("task").asText();
                entries.addObject().put("added", entry.path("added").asText()).putObject("task").put("id", taskId)
                        .put("name", tasks.containsKey(taskId) ? tasks.get(taskId).json().path("name").asText() : "");
            }
            list.add(copy);
        }
        return JSON.createObjectNode().set("queues", list);
    }

    private JsonNode cloneTask(JsonNode body) {
        FakeTask source = requireTask(body);
        ObjectNode copy = source.json().deepCopy();
        String id = newId();
        copy.put("id", id).put("status", "created").put("created", now()).put("last_update", now())
                .put("last_iteration", 0);
        copy.remove("started");
        copy.remove("completed");
        copy.putObject("last_metrics");
        copy.withObjectProperty("execution").put("queue", "");
        if (body.hasNonNull("new_task_name")) {
            copy.put("name", body.path("new_task_name").asText());
        }
        String parent = source.json().path("parent").asText("");
        copy.put("parent", parent.isEmpty() ? source.id() : parent);
        tasks.put(id, new FakeTask(copy));
        return JSON.createObjectNode().put("id", id);
    }

    private JsonNode enqueue(JsonNode body) {
        FakeTask task = requireTask(body);
        String queueId = body.path("queue").asText("");
        ObjectNode queue = queues.get(queueId);
        if (queue == null) {
            throw new ApiError(400, 701, "Invalid queue id: id=" + queueId);
        }
        String status = task.json().path("status").asText();
        if (!Set.of("created", "stopped", "failed", "queued").contains(status)) {
            throw new ApiError(400, 110, "Invalid task status (Invalid status change): current_status=" + status
                    + ", new_status=queued");
        }
        ((ArrayNode) queue.get("entries")).addObject().put("task", task.id()).put("added", now());
        task.json().put("status", "queued").put("last_update", now());
        task.json().withObjectProperty("execution").put("queue", queueId);
        ObjectNode data = JSON.createObjectNode().put("queued", 1).put("updated", 1);
        data.putObject("fields").put("status", "queued").put("execution.queue", queueId).put("enqueue_status", status);
        return data;
    }

    FakeTask requireTask(JsonNode body) {
        if (!body.hasNonNull("task")) {
            throw new ApiError(400, 11, "Missing required fields: task");
        }
        FakeTask task = tasks.get(body.path("task").asText());
        if (task == null) {
            throw new ApiError(400, 101, "Invalid task id: id=" + body.path("task").asText());
        }
        return task;
    }

    List<ScalarEventView> scalarsOf(String taskId) {
        return scalars.getOrDefault(taskId, List.of()).stream()
                .map(e -> new ScalarEventView(e.metric(), e.variant(), e.iteration(), e.value(), e.timestamp()))
                .toList();
    }

    /** Returns a selection of events computed once per task and filter until the next seeding. */
    List<ScalarEventView> cachedSelection(String key, java.util.function.Supplier<List<ScalarEventView>> compute) {
        return selections.computeIfAbsent(key, k -> compute.get());
    }

    List<ObjectNode> logsOf(String taskId) {
        return logs.getOrDefault(taskId, List.of());
    }

    /** A scalar point handed to the event handlers. */
    record ScalarEventView(String metric, String variant, long iteration, double value, long timestamp) {
    }

    private static <T extends JsonNode> List<T> page(List<T> items, JsonNode body) {
        int pageSize = body.has("page_size") ? body.path("page_size").asInt() : 500;
        int page = body.path("page").asInt(0);
        if (pageSize < 1 || page < 0) {
            throw new ApiError(400, 12, "Validation error (invalid paging): page=" + page + ", page_size=" + pageSize);
        }
        pageSize = Math.min(pageSize, 500);
        int from = Math.min(items.size(), page * pageSize);
        return items.subList(from, Math.min(items.size(), from + pageSize));
    }

    private static <T extends JsonNode> List<T> sorted(List<T> items, String field) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing((T item) -> item.path(field).asText()).thenComparing(item -> item.path("id").asText()));
        return copy;
    }

    private static JsonNode wrap(String name, List<? extends JsonNode> items) {
        ObjectNode data = JSON.createObjectNode();
        data.putArray(name).addAll(items);
        return data;
    }

    private static boolean hasTag(JsonNode tags, String tag) {
        for (JsonNode item : tags) {
            if (item.asText().equals(tag)) {
                return true;
            }
        }
        return false;
    }

    static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String now() {
        return SERVER_TIME.format(OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** Builds the envelope the server wraps every JSON response in; HTTP status equals {@code result_code}. */
    static MockResponse envelopeResponse(int code, int subcode, String message, JsonNode data, String endpoint) {
        String id = newId();
        ObjectNode envelope = JSON.createObjectNode();
        ObjectNode meta = envelope.putObject("meta");
        meta.put("id", id).put("trx", id);
        meta.putObject("endpoint").put("name", endpoint).put("requested_version", "2.31").put("actual_version", "1.0");
        meta.put("result_code", code).put("result_subcode", subcode).put("result_msg", message);
        meta.putNull("error_stack");
        meta.putObject("error_data");
        envelope.set("data", data == null ? JSON.createObjectNode() : data);
        try {
            return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                    .body(JSON.writeValueAsString(envelope)).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates server sockets whose accepted connections send small writes at once (TCP_NODELAY). */
    private static final class NoDelayServerSocketFactory extends javax.net.ServerSocketFactory {

        @Override
        public java.net.ServerSocket createServerSocket() throws IOException {
            return new java.net.ServerSocket() {
                @Override
                public java.net.Socket accept() throws IOException {
                    java.net.Socket socket = super.accept();
                    socket.setTcpNoDelay(true);
                    return socket;
                }
            };
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds an unbound socket itself");
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds an unbound socket itself");
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds an unbound socket itself");
        }
    }

    /** An error the handlers raise; becomes an error envelope. */
    static final class ApiError extends RuntimeException {
        final int code;
        final int subcode;

        ApiError(int code, int subcode, String message) {
            super(message);
            this.code = code;
            this.subcode = subcode;
        }
    }
}

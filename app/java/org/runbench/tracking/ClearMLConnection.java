package org.runbench.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends ClearML API calls to one server: JSON POSTs to {@code <api>/v<version>/<service>.<action>},
 * token login and renewal, retries of reads, and parsing of the response envelope.
 *
 * <p>Thread-safe: several threads may call at once and share one token. Calls block; never call from
 * the JavaFX thread. The token is obtained with {@code auth.login} on first use, reused until less than
 * {@link ConnectionOptions#renewBefore()} remains, and renewed once, transparently, when the server
 * rejects it with HTTP 401.
 */
public final class ClearMLConnection {

    /** API version requested in every URL: new enough for raw scalars, log paging and event filters. */
    public static final String API_VERSION = "2.31";

    private static final Logger LOG = LoggerFactory.getLogger(ClearMLConnection.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Set<Integer> RETRIED_STATUSES = Set.of(429, 502, 503, 504);
    private static final int SNIPPET_LENGTH = 100;

    private final ServerSettings settings;
    private final OkHttpClient client;
    private final OkHttpClient eventClient;
    private final ConnectionOptions options;
    private final ObjectMapper mapper = ClearMLJson.newMapper();

    private String token;
    private Instant tokenExpiry;

    /**
     * @param sharedClient the application's client from {@link ClearMLHttpClients#createShared}
     * @throws SettingsException when the server's CA bundle cannot be read
     */
    public ClearMLConnection(OkHttpClient sharedClient, ServerSettings settings, ConnectionOptions options) {
        this.settings = settings;
        this.options = options;
        this.client = ClearMLHttpClients.forServer(sharedClient, settings);
        this.eventClient = ClearMLHttpClients.withReadTimeout(client, options.eventReadTimeout());
    }

    public ServerSettings settings() {
        return settings;
    }

    /** Returns the mapper used for bodies; it accepts NaN and Infinity tokens. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** Returns an empty request body to fill. */
    public ObjectNode newBody() {
        return mapper.createObjectNode();
    }

    /**
     * Calls an endpoint and returns the envelope's {@code data}.
     *
     * @throws ClearMLException or a subclass naming the server, the endpoint and the cause
     */
    public JsonNode call(Endpoint endpoint, ObjectNode body) {
        boolean renewed = false;
        int attempt = 1;
        while (true) {
            String usedToken = endpoint == Endpoint.AUTH_LOGIN ? null : currentToken();
            String authorization = usedToken == null ? loginAuthorization() : "Bearer " + usedToken;

            Exchange exchange;
            try {
                exchange = execute(endpoint, body, authorization);
            } catch (IOException e) {
                if (mayRetry(endpoint, attempt)) {
                    waitBeforeRetry(endpoint, attempt, e.getClass().getSimpleName() + ": " + e.getMessage());
                    attempt++;
                    continue;
                }
                throw connectionFailure(endpoint, e, attempt);
            }

            if (RETRIED_STATUSES.contains(exchange.status()) && mayRetry(endpoint, attempt)) {
                waitBeforeRetry(endpoint, attempt, "HTTP " + exchange.status());
                attempt++;
                continue;
            }

            JsonNode envelope = parseEnvelope(endpoint, exchange, attempt);
            JsonNode meta = envelope.path("meta");
            int code = meta.path("result_code").asInt(exchange.status());
            if (code == 200) {
                return envelope.path("data");
            }
            if (code == 401 && usedToken != null && !renewed) {
                LOG.info("Renewing the token for {} after {} answered 401/{}", settings.key(), endpoint.apiName(),
                        meta.path("result_subcode").asInt());
                forgetToken(usedToken);
                renewed = true;
                continue;
            }
            throw ErrorMapping.toException(settings, endpoint, exchange.status(), code,
                    meta.path("result_subcode").asInt(), meta.path("result_msg").asText(""));
        }
    }

    private boolean mayRetry(Endpoint endpoint, int attempt) {
        return endpoint.isRead() && attempt < options.retry().maxAttempts();
    }

    private void waitBeforeRetry(Endpoint endpoint, int attempt, String cause) {
        Duration delay = options.retry().delayAfter(attempt);
        LOG.warn("Retrying {} on {} after {} (attempt {} of {}, waiting {} ms)", endpoint.apiName(), settings.key(),
                cause, attempt + 1, options.retry().maxAttempts(), delay.toMillis());
        try {
            options.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClearMLConnectionException("Interrupted while waiting to retry " + endpoint.apiName() + " on "
                    + settings.key() + ".", settings.key(), endpoint.apiName(), 0, 0, 0, "", e);
        }
    }

    private Exchange execute(Endpoint endpoint, ObjectNode body, String authorization) throws IOException {
        Request request = new Request.Builder()
                .url(settings.apiHost() + "/v" + API_VERSION + "/" + endpoint.apiName())
                .header("Authorization", authorization)
                .header("X-ClearML-Client", "runbench")
                .post(RequestBody.create(mapper.writeValueAsBytes(body), JSON))
                .build();
        OkHttpClient httpClient = endpoint.isEventRead() ? eventClient : client;
        try (Response response = httpClient.newCall(request).execute()) {
            ResponseBody responseBody = response.body();
            MediaType type = responseBody.contentType();
            byte[] bytes = responseBody.bytes();
            return new Exchange(response.code(), type == null ? "" : type.toString(), bytes);
        }
    }

    private JsonNode parseEnvelope(Endpoint endpoint, Exchange exchange, int attempt) {
        String what = endpoint.apiName() + " on " + settings.key();
        boolean json = exchange.contentType().toLowerCase(java.util.Locale.ROOT).contains("json");
        if (!json) {
            String arrived = "HTTP " + exchange.status() + " with " + describeType(exchange.contentType())
                    + " instead of JSON, starting with '" + exchange.snippet() + "'";
            if (RETRIED_STATUSES.contains(exchange.status()) || exchange.status() >= 500) {
                throw new ClearMLServerException(what + " failed after " + attempt + " attempt(s): " + arrived
                        + ". Try again later; if it persists, check the server or the proxy in front of it.",
                        settings.key(), endpoint.apiName(), exchange.status(), 0, 0, "", null);
            }
            throw new ClearMLResponseFormatException(what + " returned " + arrived
                    + ". Check that the API host points at the ClearML API server (port 8008 by default), "
                    + "not the web UI or a login page.", settings.key(), endpoint.apiName(), exchange.status(), 0, 0, "", null);
        }
        try {
            JsonNode envelope = mapper.readTree(exchange.body());
            if (envelope == null || !envelope.path("meta").isObject()) {
                throw new ClearMLResponseFormatException(what + " returned JSON without the 'meta' envelope (HTTP "
                        + exchange.status() + "), starting with '" + exchange.snippet()
                        + "'. Check that the API host is a ClearML API server.", settings.key(), endpoint.apiName(),
                        exchange.status(), 0, 0, "", null);
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new ClearMLResponseFormatException(what + " returned invalid or truncated JSON (HTTP "
                    + exchange.status() + ", " + exchange.body().length + " bytes), starting with '" + exchange.snippet()
                    + "'. Try again; if it persists, a proxy may be cutting responses.", settings.key(),
                    endpoint.apiName(), exchange.status(), 0, 0, "", e);
        } catch (IOException e) {
            throw connectionFailure(endpoint, e, attempt);
        }
    }

    private static String describeType(String contentType) {
        return contentType.isEmpty() ? "no content type" : "content type " + contentType;
    }

    private ClearMLConnectionException connectionFailure(Endpoint endpoint, IOException e, int attempts) {
        return new ClearMLConnectionException(endpoint.apiName() + " on " + settings.key() + " (" + settings.apiHost()
                + ") failed after " + attempts + " attempt(s): " + e.getClass().getSimpleName() + ": " + e.getMessage()
                + ". Check the network and that the server is running.", settings.key(), endpoint.apiName(), 0, 0, 0, "", e);
    }

    private String loginAuthorization() {
        if (!settings.accessKey().isEmpty() && !settings.secretKey().isEmpty()) {
            String pair = settings.accessKey() + ":" + settings.secretKey();
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        return "Bearer " + settings.authToken();
    }

    /** Returns a token that is valid for at least {@code renewBefore}, logging in when needed. */
    private synchronized String currentToken() {
        Instant now = options.clock().instant();
        if (token != null && now.plus(options.renewBefore()).isBefore(tokenExpiry)) {
            return token;
        }
        if (token == null && !settings.authToken().isEmpty() && settings.accessKey().isEmpty()) {
            token = settings.authToken();
            tokenExpiry = JwtExpiry.of(token);
            if (now.plus(options.renewBefore()).isBefore(tokenExpiry)) {
                return token;
            }
        }
        JsonNode data = call(Endpoint.AUTH_LOGIN, newBody());
        String fresh = data.path("token").asText("");
        if (fresh.isEmpty()) {
            throw new ClearMLResponseFormatException("auth.login on " + settings.key() + " returned no token. "
                    + "Check that the API host is a ClearML API server.", settings.key(), Endpoint.AUTH_LOGIN.apiName(),
                    200, 200, 0, "", null);
        }
        token = fresh;
        tokenExpiry = JwtExpiry.of(fresh);
        LOG.debug("Logged in to {} as access key {}; token valid until {}", settings.key(), settings.maskedAccessKey(), tokenExpiry);
        return token;
    }

    private synchronized void forgetToken(String rejected) {
        if (rejected.equals(token)) {
            token = null;
            tokenExpiry = null;
        }
    }

    /** One HTTP response, read completely. */
    private record Exchange(int status, String contentType, byte[] body) {
        String snippet() {
            String text = new String(body, 0, Math.min(body.length, SNIPPET_LENGTH * 4), StandardCharsets.UTF_8);
            text = text.replaceAll("\\s+", " ").strip();
            return text.length() > SNIPPET_LENGTH ? text.substring(0, SNIPPET_LENGTH) + "…" : text;
        }
    }
}

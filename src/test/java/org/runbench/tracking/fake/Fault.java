package org.runbench.tracking.fake;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/** Ready-made broken responses for {@link FakeClearMLServer#failOnCall}. */
public final class Fault {

    private Fault() {
    }

    /** Returns an error envelope with this HTTP status and result code, subcode 0. */
    public static MockResponse status(int status) {
        return FakeClearMLServer.envelopeResponse(status, 0, "Fault injected by the test", null, "fault");
    }

    /** Returns an HTML page such as a proxy or the web UI returns. */
    public static MockResponse htmlPage(int status) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "text/html; charset=utf-8")
                .body("<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
                        + "<body><h1>Bad Gateway</h1><p>nginx</p></body></html>").build();
    }

    /** Returns a JSON envelope cut off in the middle, with a matching Content-Length. */
    public static MockResponse truncatedJson() {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"meta\": {\"result_code\": 200, \"result_subcode\": 0, \"result_msg\": \"OK\"}, \"data\": {\"tasks\": [{\"id\": \"ab")
                .build();
    }

    /** Returns headers and part of the body, then the connection closes before the announced length. */
    public static MockResponse resetMidBody() {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"meta\": {\"result_code\": 200}, \"data\": {\"padding\": \"" + "x".repeat(4096) + "\"}}")
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
    }

    /** Returns a valid empty success envelope whose headers arrive only after {@code delay}. */
    public static MockResponse delayed(Duration delay) {
        return new MockResponse.Builder(FakeClearMLServer.envelopeResponse(200, 0, "OK", null, "delayed"))
                .headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS).build();
    }
}

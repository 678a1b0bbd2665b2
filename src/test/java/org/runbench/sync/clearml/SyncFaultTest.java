package org.runbench.sync.clearml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.runbench.model.SeriesKey;
import org.runbench.sync.Progress;
import org.runbench.sync.SyncService.SyncReport;
import org.runbench.tracking.fake.FakeClearMLServer;
import org.runbench.tracking.fake.FakeTask;
import org.runbench.tracking.fake.Fault;

/**
 * Each fault hits the fake while a sync pages through a project. Afterwards the cache contains exactly the
 * server's points, or the sync reported the failure, lost nothing cached, and the next sync completes.
 *
 * <p>Event calls: the small run reads pages 1-2, the big run pages 3-6 (three full pages of 10,000 and
 * an empty one), so call 4 is in the middle of the big run's series.
 */
class SyncFaultTest {

    private static final SeriesKey LOSS = new SeriesKey("loss", "train");
    private static final SeriesKey ODD = new SeriesKey("val/acc", "top.1 🚀");
    private static final String EVENTS = "events.get_task_events";
    private static final String TASKS = "tasks.get_all_ex";

    @TempDir
    Path temp;

    private SyncFixture fixture;
    private String projectId;
    private FakeTask small;
    private FakeTask big;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new SyncFixture(temp.resolve("cache"), new SyncOptions(10_000, 10_000, 1, 3));
        projectId = fixture.fake.addProject("vision");
        small = fixture.fake.addTask(projectId, "small").lastUpdate("2026-01-01T00:00:00.000000+00:00");
        big = fixture.fake.addTask(projectId, "big").lastUpdate("2026-01-02T00:00:00.000000+00:00");
        fixture.addLinear(small.id(), LOSS, 0, 10, 0);
        long[] iterations = new long[25_000];
        double[] values = new double[25_000];
        long[] timestamps = new long[25_000];
        for (int i = 0; i < iterations.length; i++) {
            iterations[i] = i * 3L + (1L << 40);
            values[i] = Math.sin(i) * 1e-3;
            if (i % 997 == 0) {
                values[i] = Double.NaN;
            } else if (i % 991 == 0) {
                values[i] = Double.NEGATIVE_INFINITY;
            }
            timestamps[i] = 1_767_225_600_000L + i;
        }
        fixture.addScalars(big.id(), ODD, iterations, values, timestamps);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    static Stream<Arguments> recoveredFaults() {
        return Stream.of(
                Arguments.of("503 mid-paging", (Consumer<FakeClearMLServer>) fake -> fake.failOnCall(EVENTS, 4, Fault.status(503))),
                Arguments.of("429 mid-paging", (Consumer<FakeClearMLServer>) fake -> fake.failOnCall(EVENTS, 4, Fault.status(429))),
                Arguments.of("HTML error page from a proxy", (Consumer<FakeClearMLServer>) fake -> fake.failOnCall(EVENTS, 4, Fault.htmlPage(502))),
                Arguments.of("connection reset mid-body", (Consumer<FakeClearMLServer>) fake -> fake.failOnCall(EVENTS, 4, Fault.resetMidBody())),
                Arguments.of("read timeout", (Consumer<FakeClearMLServer>) fake -> fake.failOnCall(EVENTS, 4, Fault.delayed(Duration.ofSeconds(3)))),
                Arguments.of("token expires between pages", (Consumer<FakeClearMLServer>) fake -> fake.expireTokensBeforeCall(EVENTS, 4)),
                Arguments.of("503 while listing tasks", (Consumer<FakeClearMLServer>) fake -> fake.failOnCall(TASKS, 2, Fault.status(503))),
                Arguments.of("token expires while listing", (Consumer<FakeClearMLServer>) fake -> fake.expireTokensBeforeCall(TASKS, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recoveredFaults")
    void retriedFaultLeavesExactCache(String name, Consumer<FakeClearMLServer> fault) {
        fault.accept(fixture.fake);

        SyncReport report = sync();

        assertThat(report.failures()).isEmpty();
        assertThat(report.pointsWritten()).isEqualTo(25_010);
        assertExact();
    }

    static Stream<Arguments> reportedFaults() {
        return Stream.of(
                Arguments.of("500 mid-paging", (Consumer<FakeClearMLServer>) fake -> fake.failOnCall(EVENTS, 4, Fault.status(500)),
                        "events.get_task_events on 127.0.0.1:PORT failed with HTTP 500"),
                Arguments.of("truncated JSON", (Consumer<FakeClearMLServer>) fake -> fake.failOnCall(EVENTS, 4, Fault.truncatedJson()),
                        "events.get_task_events on 127.0.0.1:PORT returned invalid or truncated JSON"),
                Arguments.of("empty first page", (Consumer<FakeClearMLServer>) fake -> fake.failOnCall(EVENTS, 3, Fault.delayed(Duration.ZERO)),
                        "returned no events for series val/acc/top.1 🚀 of task BIG, which the server lists"),
                Arguments.of("more points than announced", (Consumer<FakeClearMLServer>) fake -> fake.failOnCall(EVENTS, 3, overfullPage()),
                        "returned 2 points after 1 pages, more than the 1 the server announced"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reportedFaults")
    void reportedFaultKeepsCacheAndNextSyncCompletes(String name, Consumer<FakeClearMLServer> fault, String expected) {
        fault.accept(fixture.fake);

        SyncReport first = sync();

        assertThat(first.failures()).singleElement().asString()
                .startsWith("Run big (" + big.id() + ") of project vision was not synced, and its cached copy was kept: ")
                .contains(expected.replace("PORT", portOf()).replace("BIG", big.id()));
        assertThat(fixture.cached(small.id())).isEqualTo(fixture.expected(small.id()));
        assertThat(fixture.cache.run(fixture.runId(big.id()))).isEmpty();
        assertThat(fixture.cachedPoints()).isEqualTo(10);
        assertThat(fixture.cache.projects()).singleElement().satisfies(project -> assertThat(project.lastSynced()).isNull());

        SyncReport second = sync();

        assertThat(second.failures()).isEmpty();
        assertThat(second.pointsWritten()).isEqualTo(25_000);
        assertExact();
    }

    @Test
    void listingFailureReportsProjectAndNextSyncCompletes() {
        fixture.fake.failOnCall(TASKS, 2, Fault.status(500));

        SyncReport first = sync();

        assertThat(first.failures()).singleElement().asString()
                .startsWith("Sync of project vision on 127.0.0.1:" + portOf() + " failed: tasks.get_all_ex on 127.0.0.1:"
                        + portOf() + " failed with HTTP 500");
        assertThat(fixture.cache.run(fixture.runId(big.id()))).isEmpty();

        SyncReport second = sync();

        assertThat(second.failures()).isEmpty();
        assertExact();
    }

    @Test
    void scrollThatDoesNotAdvanceStopsWithoutLooping() {
        fixture.fake.stickScrollId(EVENTS);

        SyncReport first = sync();

        assertThat(first.failures()).singleElement().asString()
                .startsWith("Run big (" + big.id() + ") of project vision was not synced")
                .contains("events.get_task_events on 127.0.0.1:" + portOf() + " for task " + big.id()
                        + ", series val/acc/top.1 🚀 returned data on page 2 without a new scroll id");
        assertThat(fixture.fake.callCount(EVENTS)).isEqualTo(4);
        assertThat(fixture.cachedPoints()).isEqualTo(10);

        fixture.fake.releaseScrollId(EVENTS);
        SyncReport second = sync();

        assertThat(second.failures()).isEmpty();
        assertExact();
    }

    @Test
    void unreachableServerStopsSyncWithMessage() {
        fixture.fake.close();

        SyncReport report = sync();

        assertThat(report.failures()).singleElement().asString()
                .startsWith("Sync from 127.0.0.1:" + portOf() + " stopped: ")
                .contains("failed after 5 attempt(s)").contains("Check the network and that the server is running.");
    }

    private void assertExact() {
        assertThat(fixture.cached(small.id())).isEqualTo(fixture.expected(small.id()));
        assertThat(fixture.cached(big.id())).isEqualTo(fixture.expected(big.id()));
        assertThat(fixture.cached(big.id()).get(ODD).size()).isEqualTo(25_000);
        assertThat(fixture.cachedPoints()).isEqualTo(25_010);
    }

    private SyncReport sync() {
        return fixture.service.sync(fixture.server, List.of(projectId), null, Progress.NONE);
    }

    private String portOf() {
        return fixture.server.substring(fixture.server.indexOf(':') + 1);
    }

    /** Returns a first page that announces 1 event but carries 2. */
    private static MockResponse overfullPage() {
        String events = "[" + event(0) + "," + event(3) + "]";
        return page("{\"events\": " + events + ", \"returned\": 2, \"total\": 1, \"scroll_id\": \"s1\"}");
    }

    private static String event(long offset) {
        return "{\"task\": \"t\", \"iter\": " + ((1L << 40) + offset) + ", \"metric\": \"val/acc\", \"variant\": \"top.1 🚀\","
                + " \"value\": NaN, \"timestamp\": 1}";
    }

    private static MockResponse page(String data) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"meta\": {\"result_code\": 200, \"result_subcode\": 0, \"result_msg\": \"OK\"}, \"data\": " + data + "}")
                .build();
    }
}

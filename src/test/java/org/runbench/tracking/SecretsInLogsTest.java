package org.runbench.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.runbench.tracking.fake.FakeClearMLServer;
import org.runbench.tracking.fake.Fault;
import org.slf4j.LoggerFactory;

@Timeout(60)
class SecretsInLogsTest {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger root;
    private Logger runbench;
    private Level previousLevel;
    private Level previousRunbenchLevel;

    @BeforeEach
    void captureLogs() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previousLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        // logback-test.xml sets org.runbench to INFO, which would hide the debug lines under test.
        runbench = (Logger) LoggerFactory.getLogger("org.runbench");
        previousRunbenchLevel = runbench.getLevel();
        runbench.setLevel(Level.DEBUG);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(appender);
        root.setLevel(previousLevel);
        runbench.setLevel(previousRunbenchLevel);
    }

    @Test
    void keysAndTokensNeverReachTheLog() throws IOException {
        OkHttpClient shared = ClearMLHttpClients.createShared(ClearMLHttpClients.Timeouts.DEFAULT);
        try (FakeClearMLServer fake = FakeClearMLServer.start()) {
            ConnectionOptions options = ConnectionOptions.DEFAULT.withRetry(
                    new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), 1.0), duration -> { });
            ClearMLClient client = new ClearMLClient(new ClearMLConnection(shared, fake.settings(), options));
            client.serverInfo();
            fake.expireTokensBeforeCall("projects.get_all_ex", 1);
            fake.failOnCall("projects.get_all_ex", 2, Fault.status(503));
            client.allProjects();
            new ConnectionChecker(shared, options).check(fake.settings().withCredentials(FakeClearMLServer.ACCESS_KEY, "wrong-secret-xyz"));
            ClearMLClient wrong = new ClearMLClient(new ClearMLConnection(shared,
                    fake.settings().withCredentials(FakeClearMLServer.ACCESS_KEY, "wrong-secret-xyz"), options));
            assertThatThrownBy(wrong::serverInfo).isInstanceOf(ClearMLAuthException.class);
            List<String> tokens = fake.requests("server.info").stream()
                    .map(FakeClearMLServer.Recorded::authorization).toList();

            List<String> lines = appender.list.stream()
                    .map(event -> event.getFormattedMessage() + " " + (event.getThrowableProxy() == null ? ""
                            : event.getThrowableProxy().getMessage()))
                    .toList();

            assertThat(lines).anyMatch(line -> line.contains("Retrying projects.get_all_ex"));
            assertThat(lines).anyMatch(line -> line.contains("POST http://127.0.0.1:"));
            for (String line : lines) {
                assertThat(line).doesNotContain(FakeClearMLServer.SECRET_KEY).doesNotContain("wrong-secret-xyz")
                        .doesNotContain(FakeClearMLServer.ACCESS_KEY).doesNotContain("Basic ").doesNotContain("Bearer ");
                for (String authorization : tokens) {
                    assertThat(line).doesNotContain(authorization.substring("Bearer ".length()));
                }
            }
        }
    }
}

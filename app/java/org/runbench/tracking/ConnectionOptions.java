package org.runbench.tracking;

import java.time.Clock;
import java.time.Duration;

/**
 * Tuning of a {@link ClearMLConnection}.
 *
 * @param retry            backoff for read calls
 * @param sleeper          waits between retries
 * @param clock            decides when a token is about to expire
 * @param eventReadTimeout read timeout of event endpoints, which can take minutes on huge tasks
 * @param renewBefore      a token is renewed when less than this remains before its expiry; the SDK uses 360 s
 */
public record ConnectionOptions(RetryPolicy retry, Sleeper sleeper, Clock clock, Duration eventReadTimeout,
                                Duration renewBefore) {

    /** Default retries, real sleeping, the system clock, 5 minutes for event reads, renewal 6 minutes early. */
    public static final ConnectionOptions DEFAULT = new ConnectionOptions(RetryPolicy.DEFAULT, Sleeper.THREAD_SLEEP,
            Clock.systemUTC(), ClearMLHttpClients.Timeouts.DEFAULT.eventRead(), Duration.ofSeconds(360));

    /** Returns a copy with another retry policy and sleeper. */
    public ConnectionOptions withRetry(RetryPolicy newRetry, Sleeper newSleeper) {
        return new ConnectionOptions(newRetry, newSleeper, clock, eventReadTimeout, renewBefore);
    }

    /** Returns a copy with another event read timeout. */
    public ConnectionOptions withEventReadTimeout(Duration timeout) {
        return new ConnectionOptions(retry, sleeper, clock, timeout, renewBefore);
    }
}

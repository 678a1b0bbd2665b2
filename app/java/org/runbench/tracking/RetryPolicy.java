package org.runbench.tracking;

import java.time.Duration;

/**
 * Bounded exponential backoff for read calls: attempt n (from 1) waits
 * {@code min(maxDelay, initialDelay * multiplier^(n-1))} before attempt n + 1.
 *
 * @param maxAttempts total attempts including the first, at least 1
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier) {

    /** Five attempts, waiting 0.5, 1, 2 and 4 seconds; about 7.5 seconds in all. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), 2.0);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be at least 1.0, got " + multiplier);
        }
    }

    /** Returns the wait after the failed attempt {@code attempt} (counting from 1). */
    public Duration delayAfter(int attempt) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
        return Duration.ofMillis((long) Math.min(maxDelay.toMillis(), millis));
    }
}

package dev.schedex;

import java.time.Duration;
import java.util.Objects;

/**
 * How a failed run is tried again: up to {@code maxAttempts} attempts in all for one occurrence,
 * waiting {@code initialBackoff}, then that times {@code multiplier} after each further failure, never
 * more than {@code maxBackoff}. A retry never goes past the schedule's next regular occurrence: if
 * it would, the occurrence is given up and the schedule moves on.
 *
 * @param maxAttempts    attempts per occurrence, the first included; 1 means no retries
 * @param initialBackoff the wait before the first retry
 * @param multiplier     how the wait grows, at least 1
 * @param maxBackoff     the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    /** Checks the components. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || !(multiplier >= 1)) {
            throw new IllegalArgumentException("backoff must be non-negative, grow (multiplier >= 1) and be capped "
                    + "at or above its start: " + initialBackoff + " x" + multiplier + " up to " + maxBackoff);
        }
    }

    /** @return no retries: a failed occurrence stays failed */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO);
    }

    /**
     * @param maxAttempts    attempts per occurrence, the first included
     * @param initialBackoff the wait before the first retry; it doubles after each failure, up to an hour
     * @return the policy
     */
    public static RetryPolicy exponential(int maxAttempts, Duration initialBackoff) {
        return new RetryPolicy(
                maxAttempts,
                initialBackoff,
                2,
                initialBackoff.compareTo(Duration.ofHours(1)) > 0 ? initialBackoff : Duration.ofHours(1));
    }

    /**
     * @param failedAttempt the attempt that just failed, from 1
     * @return the wait before the next attempt
     */
    public Duration backoffAfter(int failedAttempt) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, failedAttempt - 1);
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }
}

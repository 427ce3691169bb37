package dev.schedex.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * What a run's failure says about trying its occurrence again: whether the retry policy applies (a
 * temporary failure) or not (a permanent one), and the least wait a server asked for.
 *
 * @param allowed   true if the retry policy applies
 * @param notSooner the least wait before the next attempt, beside the policy's backoff
 */
public record Retry(boolean allowed, Duration notSooner) {

    /** The policy applies as it stands: a temporary failure, or a run that did not fail. */
    public static final Retry BY_POLICY = new Retry(true, Duration.ZERO);

    /** A permanent failure: the occurrence is not tried again. */
    public static final Retry NEVER = new Retry(false, Duration.ZERO);

    /** Checks the wait. */
    public Retry {
        Objects.requireNonNull(notSooner, "notSooner");
    }

    /** @param wait the least wait before the next attempt @return a temporary failure's retry */
    public static Retry notSooner(Duration wait) {
        return wait.isZero() ? BY_POLICY : new Retry(true, wait);
    }
}

package dev.schedex.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An export that failed, with a message for the person who owns the schedule: a PNG of a document
 * without a drawing, a destination that refuses the file. The run fails with this message.
 *
 * <p>A failure is <em>permanent</em> unless made with {@link #temporary(String, Duration, Throwable)}:
 * the same export would fail the same way (bad credentials, a missing bucket, a document a format
 * cannot render), so the occurrence is not retried; the schedule goes on with its next occurrence,
 * and enough failures in a row pause it. A temporary failure (throttling, a server error, a timeout)
 * is retried under the service's {@link dev.schedex.RetryPolicy}, not sooner than its {@link
 * #retryAfter()}. Any other exception a format or destination throws counts as temporary.
 */
public class ExportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean temporary;
    private final @Nullable Duration retryAfter;

    /**
     * A permanent failure.
     *
     * @param message what went wrong, for a person
     */
    public ExportException(String message) {
        this(message, null, false, null);
    }

    /**
     * A permanent failure.
     *
     * @param message what went wrong, for a person
     * @param cause   the underlying problem
     */
    public ExportException(String message, Throwable cause) {
        this(message, Objects.requireNonNull(cause, "cause"), false, null);
    }

    private ExportException(
            String message, @Nullable Throwable cause, boolean temporary, @Nullable Duration retryAfter) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.temporary = temporary;
        this.retryAfter = retryAfter;
    }

    /**
     * A failure that may pass: the run's retry policy applies.
     *
     * @param message    what went wrong, for a person
     * @param retryAfter the least wait before trying again (a server's {@code Retry-After}), or zero
     *                   for the policy's own backoff
     * @param cause      the underlying problem
     * @return the exception, to throw
     */
    public static ExportException temporary(String message, Duration retryAfter, Throwable cause) {
        return new ExportException(message, Objects.requireNonNull(cause, "cause"), true, wait(retryAfter));
    }

    /**
     * A failure that may pass, without an exception behind it (a server's answer, say): the run's
     * retry policy applies.
     *
     * @param message    what went wrong, for a person
     * @param retryAfter the least wait before trying again, or zero for the policy's own backoff
     * @return the exception, to throw
     */
    public static ExportException temporary(String message, Duration retryAfter) {
        return new ExportException(message, null, true, wait(retryAfter));
    }

    private static Duration wait(Duration retryAfter) {
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
        }
        return retryAfter;
    }

    /** @return true if the failure may pass, and the occurrence is retried under the retry policy */
    public boolean isTemporary() {
        return temporary;
    }

    /** @return for a temporary failure, the least wait before the next attempt; empty for a permanent one */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

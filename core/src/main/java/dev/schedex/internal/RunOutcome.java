package dev.schedex.internal;

import dev.schedex.ExportRun;
import dev.schedex.RunStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * How the work of one run ended, before it is recorded.
 *
 * @param status          succeeded, failed or skipped
 * @param documentVersion the version of the document exported, if it was loaded
 * @param size            the export's size in bytes
 * @param checksum        the export's SHA-256, lower-case hex
 * @param location        where the destination put it
 * @param message         the error, why it was skipped, or its warnings
 * @param renderTime      how long rendering took
 * @param deliveryTime    how long delivery took
 * @param retry           for a failure, whether and when its occurrence may be tried again
 */
public record RunOutcome(
        RunStatus status,
        Optional<String> documentVersion,
        Optional<Long> size,
        Optional<String> checksum,
        Optional<String> location,
        Optional<String> message,
        Optional<Duration> renderTime,
        Optional<Duration> deliveryTime,
        Retry retry) {

    /** @param message the error, for the owner @return a failed outcome whose occurrence is not retried */
    public static RunOutcome failed(String message) {
        return failed(message, Retry.NEVER);
    }

    /**
     * @param message the error, for the owner
     * @param retry   whether and when its occurrence may be tried again
     * @return a failed outcome
     */
    public static RunOutcome failed(String message, Retry retry) {
        return new RunOutcome(
                RunStatus.FAILED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(message),
                Optional.empty(),
                Optional.empty(),
                retry);
    }

    /**
     * @param documentVersion the document version, if it was loaded
     * @param message         why nothing was exported
     * @return a skipped outcome
     */
    public static RunOutcome skipped(Optional<String> documentVersion, String message) {
        return new RunOutcome(
                RunStatus.SKIPPED,
                documentVersion,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(message),
                Optional.empty(),
                Optional.empty(),
                Retry.BY_POLICY);
    }

    /**
     * @param run        the started run
     * @param finishedAt when the work ended
     * @return the run as this outcome finishes it
     */
    public ExportRun applyTo(ExportRun run, java.time.Instant finishedAt) {
        return new ExportRun(
                run.id(),
                run.scheduleId(),
                run.occurrence(),
                status,
                run.attempt(),
                run.host(),
                run.startedAt(),
                Optional.of(finishedAt),
                run.formatId(),
                documentVersion,
                size,
                checksum,
                location,
                message,
                renderTime,
                deliveryTime);
    }
}

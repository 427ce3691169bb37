package dev.schedex;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One run of a schedule: the export for one occurrence. There is at most one run per schedule and
 * occurrence; a retry or a take-over after a host died raises {@link #attempt()} on the same run.
 *
 * @param id              the run's id
 * @param scheduleId      the schedule it belongs to
 * @param occurrence      the instant it is for
 * @param status          how it ended, or {@link RunStatus#RUNNING}
 * @param attempt         1 for the first attempt, more for retries and take-overs
 * @param host            the lease owner that ran the last attempt
 * @param startedAt       when the last attempt started
 * @param finishedAt      when it ended
 * @param formatId        the format it exported to
 * @param documentVersion the version of the document it exported
 * @param size            the size of the export in bytes
 * @param checksum        the SHA-256 of the export, in lower-case hex
 * @param location        where the export went
 * @param message         the error of a failed run, why a run was skipped, or the warnings of a run
 *                        that succeeded with something left out ({@link dev.schedex.spi.ExportContext#warn})
 * @param renderTime      how long rendering took
 * @param deliveryTime    how long delivery took
 */
public record ExportRun(
        UUID id,
        UUID scheduleId,
        Instant occurrence,
        RunStatus status,
        int attempt,
        String host,
        Instant startedAt,
        Optional<Instant> finishedAt,
        String formatId,
        Optional<String> documentVersion,
        Optional<Long> size,
        Optional<String> checksum,
        Optional<String> location,
        Optional<String> message,
        Optional<Duration> renderTime,
        Optional<Duration> deliveryTime) {

    /** Checks that no component is null. */
    public ExportRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(occurrence, "occurrence");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(formatId, "formatId");
        Objects.requireNonNull(documentVersion, "documentVersion");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(renderTime, "renderTime");
        Objects.requireNonNull(deliveryTime, "deliveryTime");
    }

    /**
     * A run that has just started.
     *
     * @param scheduleId the schedule
     * @param occurrence the occurrence it is for
     * @param host       the lease owner running it
     * @param startedAt  when it started
     * @param formatId   the format it exports to
     * @return the run, attempt 1
     */
    public static ExportRun started(
            UUID scheduleId, Instant occurrence, String host, Instant startedAt, String formatId) {
        return new ExportRun(
                UUID.randomUUID(),
                scheduleId,
                occurrence,
                RunStatus.RUNNING,
                1,
                host,
                startedAt,
                Optional.empty(),
                formatId,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * The next attempt of this run, started again by a retry or by a host taking it over.
     *
     * @param attempt the run as the new attempt starts it: its host, start time and format are kept
     * @return this run (its id, occurrence) {@link RunStatus#RUNNING} again, its attempt raised by one
     *         and the last attempt's results cleared
     */
    public ExportRun takenOver(ExportRun attempt) {
        return new ExportRun(
                id,
                scheduleId,
                occurrence,
                RunStatus.RUNNING,
                this.attempt + 1,
                attempt.host(),
                attempt.startedAt(),
                Optional.empty(),
                attempt.formatId(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * The message of a run whose host stopped while it ran, and which the claim that took over the
     * schedule does not run again (see {@link dev.schedex.spi.store.ScheduleStore#claimDue}).
     */
    public static final String ABANDONED =
            "abandoned: the host running it stopped before it finished" + " (its lease expired)";

    /**
     * @param at when the run was found abandoned
     * @return this run {@link RunStatus#FAILED} with the {@link #ABANDONED} message
     */
    public ExportRun abandoned(Instant at) {
        return new ExportRun(
                id,
                scheduleId,
                occurrence,
                RunStatus.FAILED,
                attempt,
                host,
                startedAt,
                Optional.of(at),
                formatId,
                documentVersion,
                size,
                checksum,
                location,
                Optional.of(ABANDONED),
                renderTime,
                deliveryTime);
    }

    /**
     * @return true unless the run is still {@link RunStatus#RUNNING}
     */
    public boolean isFinished() {
        return status != RunStatus.RUNNING;
    }
}

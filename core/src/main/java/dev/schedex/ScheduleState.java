package dev.schedex;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a schedule stands: whether it runs, when it runs next, and how its runs went. The service
 * keeps these fields; hosts read them.
 *
 * @param active              false while paused (by its owner, or by the service after repeated failures)
 * @param pausedReason        why it was paused, when it was paused by the service or with a reason
 * @param nextRunAt           when the next run becomes due; empty when there is none (paused, or
 *                            past the schedule's end)
 * @param nextOccurrence      the occurrence the next run is for: the same as {@code nextRunAt}, except
 *                            while a failed run waits for its retry
 * @param lastRunAt           when the last run started
 * @param lastStatus          how the last run ended
 * @param lastExportedVersion the document version of the last successful export
 * @param runCount            runs started so far, retries included
 * @param errorCount          runs failed so far
 * @param consecutiveFailures runs failed since the last success
 */
public record ScheduleState(
        boolean active,
        Optional<String> pausedReason,
        Optional<Instant> nextRunAt,
        Optional<Instant> nextOccurrence,
        Optional<Instant> lastRunAt,
        Optional<RunStatus> lastStatus,
        Optional<String> lastExportedVersion,
        long runCount,
        long errorCount,
        int consecutiveFailures) {

    /** Checks that no component is null. */
    public ScheduleState {
        Objects.requireNonNull(pausedReason, "pausedReason");
        Objects.requireNonNull(nextRunAt, "nextRunAt");
        Objects.requireNonNull(nextOccurrence, "nextOccurrence");
        Objects.requireNonNull(lastRunAt, "lastRunAt");
        Objects.requireNonNull(lastStatus, "lastStatus");
        Objects.requireNonNull(lastExportedVersion, "lastExportedVersion");
    }

    /**
     * The state of a schedule that has never run.
     *
     * @param active  whether it starts active
     * @param nextRun its first occurrence, if any
     * @return the state
     */
    public static ScheduleState initial(boolean active, Optional<Instant> nextRun) {
        return new ScheduleState(
                active,
                Optional.empty(),
                active ? nextRun : Optional.empty(),
                active ? nextRun : Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0,
                0,
                0);
    }

    /**
     * @param next the next occurrence, if any
     * @return this state with the next run due at that occurrence
     */
    public ScheduleState withNextRun(Optional<Instant> next) {
        return new ScheduleState(
                active,
                pausedReason,
                next,
                next,
                lastRunAt,
                lastStatus,
                lastExportedVersion,
                runCount,
                errorCount,
                consecutiveFailures);
    }

    /**
     * @param reason why, if given
     * @return this state paused, with no next run
     */
    public ScheduleState paused(Optional<String> reason) {
        return new ScheduleState(
                false,
                reason,
                Optional.empty(),
                Optional.empty(),
                lastRunAt,
                lastStatus,
                lastExportedVersion,
                runCount,
                errorCount,
                consecutiveFailures);
    }

    /**
     * @param next the next occurrence, if any
     * @return this state active again, due at that occurrence, with the failure streak forgotten
     */
    public ScheduleState resumed(Optional<Instant> next) {
        return new ScheduleState(
                true,
                Optional.empty(),
                next,
                next,
                lastRunAt,
                lastStatus,
                lastExportedVersion,
                runCount,
                errorCount,
                0);
    }
}

package dev.schedex.internal;

import dev.schedex.ExportRun;
import dev.schedex.RetryPolicy;
import dev.schedex.ScheduleState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a schedule stands after a claim: a pure function of its state, the run, and the retry and
 * auto-pause policies. A failed run is retried for the same occurrence after the backoff (or the
 * longer wait its failure asked for) unless the failure was permanent, its attempts are used up or
 * the retry would come after the next regular occurrence; enough failures
 * in a row pause the schedule. A run-now claim keeps the regular timing, and is not retried.
 */
public final class ScheduleTransitions {

    private final RetryPolicy retryPolicy;
    private final int pauseAfterFailures;

    /**
     * @param retryPolicy        how failed runs are retried
     * @param pauseAfterFailures pause after this many failures in a row; 0 never
     */
    public ScheduleTransitions(RetryPolicy retryPolicy, int pauseAfterFailures) {
        this.retryPolicy = retryPolicy;
        this.pauseAfterFailures = pauseAfterFailures;
    }

    /**
     * @param state       the schedule's state before the claim
     * @param finished    the finished run, or empty when the claim ran nothing
     * @param retry       for a failed run, whether and when its occurrence may be tried again
     * @param manual      true for a run-now claim
     * @param regularNext the next regular occurrence after the claim's
     * @return the state after the claim
     */
    public ScheduleState after(
            ScheduleState state,
            Optional<ExportRun> finished,
            Retry retry,
            boolean manual,
            Optional<Instant> regularNext) {
        Optional<Instant> nextRunAt = manual ? state.nextRunAt() : regularNext;
        Optional<Instant> nextOccurrence = manual ? state.nextOccurrence() : regularNext;
        if (finished.isEmpty()) {
            return new ScheduleState(
                    state.active(),
                    state.pausedReason(),
                    state.active() ? nextRunAt : Optional.empty(),
                    state.active() ? nextOccurrence : Optional.empty(),
                    state.lastRunAt(),
                    state.lastStatus(),
                    state.lastExportedVersion(),
                    state.runCount(),
                    state.errorCount(),
                    state.consecutiveFailures());
        }
        ExportRun run = finished.get();
        long errors = state.errorCount();
        int failures = state.consecutiveFailures();
        Optional<String> exported = state.lastExportedVersion();
        boolean active = state.active();
        Optional<String> pausedReason = state.pausedReason();
        switch (run.status()) {
            case SUCCEEDED:
                failures = 0;
                exported = run.documentVersion();
                break;
            case FAILED:
                errors++;
                failures++;
                if (!manual && retry.allowed() && run.attempt() < retryPolicy.maxAttempts()) {
                    Duration backoff = retryPolicy.backoffAfter(run.attempt());
                    Instant retryAt = run.startedAt()
                            .plus(backoff.compareTo(retry.notSooner()) >= 0 ? backoff : retry.notSooner());
                    if (regularNext.isEmpty() || retryAt.isBefore(regularNext.get())) {
                        nextRunAt = Optional.of(retryAt);
                        nextOccurrence = Optional.of(run.occurrence());
                    }
                }
                if (active && pauseAfterFailures > 0 && failures >= pauseAfterFailures) {
                    active = false;
                    pausedReason = Optional.of("paused after " + failures + " consecutive failures; the last: "
                            + run.message().orElse("unknown error"));
                }
                break;
            case SKIPPED:
                break;
            case RUNNING:
                throw new IllegalArgumentException("run " + run.id() + " has not finished");
            default:
                throw new IllegalStateException("unknown run status " + run.status());
        }
        if (!active) {
            nextRunAt = Optional.empty();
            nextOccurrence = Optional.empty();
        }
        return new ScheduleState(
                active,
                pausedReason,
                nextRunAt,
                nextOccurrence,
                Optional.of(run.startedAt()),
                Optional.of(run.status()),
                exported,
                state.runCount() + 1,
                errors,
                failures);
    }
}

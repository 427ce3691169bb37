package dev.schedex.internal;

import dev.schedex.spi.store.Claim;
import java.time.Instant;
import java.util.Optional;

/**
 * What one claim is for, as {@link MisfirePlanner} decided it.
 *
 * @param claim       the claim
 * @param occurrence  the occurrence to run, or to record as skipped
 * @param manual      true for a run-now call: the occurrence is now, and the regular timing is kept
 * @param skipped     set when the claim records missed occurrences as skipped instead of running: why
 * @param regularNext the schedule's next regular occurrence after this claim, if any
 * @param cannotRun   set when the schedule's timing cannot be computed on this host (its business
 *                    calendar is missing): why; the run fails with it and the schedule is paused
 */
public record Plan(
        Claim claim,
        Instant occurrence,
        boolean manual,
        Optional<String> skipped,
        Optional<Instant> regularNext,
        Optional<String> cannotRun) {

    /**
     * A plan for a schedule whose timing can be computed.
     *
     * @param claim       the claim
     * @param occurrence  the occurrence to run, or to record as skipped
     * @param manual      true for a run-now call
     * @param skipped     why the claim records missed occurrences as skipped, if it does
     * @param regularNext the next regular occurrence after this claim, if any
     */
    public Plan(
            Claim claim, Instant occurrence, boolean manual, Optional<String> skipped, Optional<Instant> regularNext) {
        this(claim, occurrence, manual, skipped, regularNext, Optional.empty());
    }
}

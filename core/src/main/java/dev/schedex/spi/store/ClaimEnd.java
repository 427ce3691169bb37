package dev.schedex.spi.store;

import dev.schedex.ExportRun;
import dev.schedex.ExportSchedule;
import java.util.Objects;
import java.util.Optional;

/**
 * The end of a claim to record; see {@link ScheduleStore#finishAll}.
 *
 * @param run             the finished run, or empty when the claim ends without one
 * @param schedule         the schedule's new state; its revision must be {@code expectedRevision + 1}
 * @param expectedRevision the revision the new state was based on
 * @param lease           the lease the caller holds
 */
public record ClaimEnd(Optional<ExportRun> run, ExportSchedule schedule, long expectedRevision, Lease lease) {

    /** Checks that no component is null. */
    public ClaimEnd {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(lease, "lease");
    }
}

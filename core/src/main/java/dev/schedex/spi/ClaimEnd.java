package dev.schedex.spi;

import dev.schedex.ExportRun;
import dev.schedex.ExportSchedule;

import java.util.Objects;
import java.util.Optional;

/**
 * The end of a claim to record; see {@link ScheduleStore#finishAll}.
 *
 * @param run             the finished run, or empty when the claim ends without one
 * @param schedule        the schedule's new content; its version must be {@code expectedVersion + 1}
 * @param expectedVersion the version the new content was based on
 * @param lease           the lease the caller holds
 */
public record ClaimEnd(Optional<ExportRun> run, ExportSchedule schedule, long expectedVersion, Lease lease) {

    /** Checks that no component is null. */
    public ClaimEnd {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(lease, "lease");
    }
}

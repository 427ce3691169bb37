package dev.schedex.spi.store;

import dev.schedex.ExportRun;
import java.util.Objects;

/**
 * A run to start, with the lease its schedule is held under; see {@link ScheduleStore#startRuns}.
 *
 * @param run   the run, {@link dev.schedex.RunStatus#RUNNING}, attempt 1
 * @param lease the lease the caller holds on the run's schedule
 */
public record RunStart(ExportRun run, Lease lease) {

    /** Checks that no component is null. */
    public RunStart {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(lease, "lease");
    }
}

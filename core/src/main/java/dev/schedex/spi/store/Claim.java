package dev.schedex.spi.store;

import dev.schedex.ExportSchedule;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A schedule a host has claimed, with the lease it holds on it.
 *
 * @param schedule  the schedule as it was when claimed
 * @param lease     the lease
 * @param takenOver set when this claim takes over an expired lease (its host stopped, or lost it):
 *                  the occurrence that host was running, or, if its run was never started, the
 *                  schedule's next occurrence. The service runs it again (the next attempt of the
 *                  same run), never treats it as missed; see {@code docs/service.md}
 */
public record Claim(ExportSchedule schedule, Lease lease, Optional<Instant> takenOver) {

    /** Checks that no component is null. */
    public Claim {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(takenOver, "takenOver");
    }

    /**
     * A claim that takes nothing over.
     *
     * @param schedule the schedule as it was when claimed
     * @param lease    the lease
     */
    public Claim(ExportSchedule schedule, Lease lease) {
        this(schedule, lease, Optional.empty());
    }

    /** @return true if this claim takes over an expired lease's occurrence */
    public boolean takesOver() {
        return takenOver.isPresent();
    }
}

package dev.schedex.spi;

import dev.schedex.ExportSchedule;

import java.util.Objects;

/**
 * A schedule a host has claimed, with the lease it holds on it.
 *
 * @param schedule the schedule as it was when claimed
 * @param lease    the lease
 */
public record Claim(ExportSchedule schedule, Lease lease) {

    /** Checks that no component is null. */
    public Claim {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(lease, "lease");
    }
}

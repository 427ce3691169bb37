package dev.schedex.spi.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A host's claim on a schedule while it runs it. Only the holder of the lease's token may record
 * the run; once {@code until} passes, any host may release the lease and take the schedule over.
 *
 * @param owner a name for the host holding the lease, for run records and logs
 * @param token unique to this claim; every write after the claim is fenced by it
 * @param until when the lease expires
 */
public record Lease(String owner, UUID token, Instant until) {

    /** Checks that no component is null. */
    public Lease {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(until, "until");
    }
}

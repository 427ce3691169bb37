package dev.schedex.schedule;

import dev.schedex.ValidationException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The period in which a schedule may run: no occurrence before {@code startAt}, none after
 * {@code endAt}. Both ends are inclusive and both are optional.
 *
 * @param startAt the first instant an occurrence may have, if any
 * @param endAt   the last instant an occurrence may have, if any
 */
public record Bounds(Optional<Instant> startAt, Optional<Instant> endAt) {

    private static final Bounds UNBOUNDED = new Bounds(Optional.empty(), Optional.empty());

    /**
     * Checks the ends.
     *
     * @throws ValidationException with field {@code endAt} and code {@code before_start} if the end
     *                             comes before the start
     */
    public Bounds {
        Objects.requireNonNull(startAt, "startAt");
        Objects.requireNonNull(endAt, "endAt");
        if (startAt.isPresent() && endAt.isPresent() && endAt.get().isBefore(startAt.get())) {
            throw ValidationException.of(
                    "endAt", "before_start", "end " + endAt.get() + " is before start " + startAt.get());
        }
    }

    /** @return bounds that allow every instant */
    public static Bounds unbounded() {
        return UNBOUNDED;
    }

    /**
     * @param startAt the first instant an occurrence may have
     * @return bounds with a start and no end
     */
    public static Bounds startingAt(Instant startAt) {
        return new Bounds(Optional.of(startAt), Optional.empty());
    }

    /**
     * @param endAt the last instant an occurrence may have
     * @return bounds with an end and no start
     */
    public static Bounds endingAt(Instant endAt) {
        return new Bounds(Optional.empty(), Optional.of(endAt));
    }

    /**
     * @param startAt the first instant an occurrence may have
     * @param endAt   the last instant an occurrence may have, not before {@code startAt}
     * @return bounds with both ends
     */
    public static Bounds between(Instant startAt, Instant endAt) {
        return new Bounds(Optional.of(startAt), Optional.of(endAt));
    }
}

package dev.schedex;

/**
 * What a tick does with occurrences that were missed because no host ticked in time (the hosts were
 * down, or ticked too rarely). An occurrence counts as missed when the tick comes later than the
 * service's misfire grace period after it.
 */
public enum MisfirePolicy {
    /** Run once now, for the latest missed occurrence, then carry on with the schedule. The default. */
    RUN_ONCE,
    /** Run none of them; record one skipped run that says how many were missed, and go to the next future occurrence. */
    SKIP,
    /** Run each missed occurrence in order, up to the service's catch-up limit (the latest ones are kept). */
    RUN_ALL
}

package dev.schedex.spi.store;

/** What {@link ScheduleStore#finishAll} did with one claim's end. */
public enum FinishResult {
    /** The run and the schedule were written and the lease released. */
    FINISHED,
    /**
     * Nothing was written: the schedule's revision changed since it was read (its owner edited,
     * paused or resumed it). Read it again, recompute, and finish again.
     */
    VERSION_CHANGED,
    /** Nothing was written: the lease expired and was released or taken by another host, or the schedule is gone. */
    LEASE_LOST
}

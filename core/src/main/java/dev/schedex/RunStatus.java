package dev.schedex;

/** How a run ended, or that it has not ended yet. */
public enum RunStatus {
    /** Claimed and in progress. */
    RUNNING,
    /** Rendered and delivered. */
    SUCCEEDED,
    /** Failed; the run's error says why. It may be retried by the schedule's retry policy. */
    FAILED,
    /**
     * Deliberately not exported: the document had not changed since the last successful export, or
     * the occurrence was missed while no host was ticking and the misfire policy said to skip it.
     */
    SKIPPED
}

package dev.schedex;

/**
 * Hears about runs as they happen, for logging, metrics or notifications. Every method has an empty
 * default, so implement only what you need. A run's start is heard on the ticking thread, its end on
 * the thread that records it (the ticking thread, or a thread of the render executor); listeners
 * must be quick and thread-safe. An exception a listener throws is logged and otherwise ignored.
 */
public interface ExportListener {

    /** @param run a run that has just started */
    default void runStarted(ExportRun run) {}

    /** @param run a run that has succeeded */
    default void runSucceeded(ExportRun run) {}

    /** @param run a run that has failed; {@link ExportRun#message()} says why */
    default void runFailed(ExportRun run) {}

    /** @param run a run that was skipped; {@link ExportRun#message()} says why */
    default void runSkipped(ExportRun run) {}

    /**
     * Hears every finished run, whatever its status, after the status's own method, with its
     * schedule as recorded: for metrics by format or destination ({@link ExportSchedule#formatId()},
     * {@link ExportSchedule#destination()}).
     *
     * @param schedule the schedule, with the state the run left it in
     * @param run      the finished run
     */
    default void runFinished(ExportSchedule schedule, ExportRun run) {}

    /**
     * Hears the end of every tick, on the ticking thread (not of a {@link
     * ExportScheduleService#runNow run-now}).
     *
     * @param report what the tick did
     */
    default void tickFinished(TickReport report) {}

    /**
     * @param schedule a schedule the service has just paused after repeated failures
     * @param reason   why, as stored in {@link ScheduleState#pausedReason()}
     */
    default void schedulePaused(ExportSchedule schedule, String reason) {}
}

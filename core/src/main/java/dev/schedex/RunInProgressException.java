package dev.schedex;

import java.util.UUID;

/**
 * Thrown by {@link ExportScheduleService#runNow} while a run of the schedule is in progress on some
 * host (HTTP 409): try again when it has finished.
 */
public final class RunInProgressException extends SchedexException {

    private static final long serialVersionUID = 1L;

    RunInProgressException(UUID scheduleId) {
        super("a run of schedule " + scheduleId + " is in progress; try again when it has finished");
    }
}

package dev.schedex;

import java.util.UUID;

/**
 * Thrown by every service method that names a schedule when there is no such schedule for the
 * owner given: it does not exist, was deleted, or belongs to another owner, and these cannot be
 * told apart (HTTP 404).
 */
public final class ScheduleNotFoundException extends SchedexException {

    private static final long serialVersionUID = 1L;

    private final UUID scheduleId;

    ScheduleNotFoundException(String ownerId, UUID scheduleId) {
        super("no schedule " + scheduleId + " for owner '" + ownerId + "'");
        this.scheduleId = scheduleId;
    }

    /** @return the id that was asked for */
    public UUID scheduleId() {
        return scheduleId;
    }
}

package dev.schedex;

/**
 * Thrown when a change names the owner's version it was based on ({@link
 * ScheduleUpdate.Builder#expectedVersion}) and another change by the owner came first (HTTP 409,
 * or 412 for an {@code If-Match} header). Runs never make a change stale.
 */
public final class StaleVersionException extends SchedexException {

    private static final long serialVersionUID = 1L;

    private final long currentVersion;
    private final long expectedVersion;

    StaleVersionException(long currentVersion, long expectedVersion) {
        super("the schedule has changed: it is at version " + currentVersion + ", the change was made for version "
                + expectedVersion);
        this.currentVersion = currentVersion;
        this.expectedVersion = expectedVersion;
    }

    /** @return the schedule's version now */
    public long currentVersion() {
        return currentVersion;
    }

    /** @return the version the change was made for */
    public long expectedVersion() {
        return expectedVersion;
    }
}

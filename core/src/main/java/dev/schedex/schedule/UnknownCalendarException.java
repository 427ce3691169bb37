package dev.schedex.schedule;

/**
 * A schedule names a business calendar that the {@link NextRunCalculator} (and so the service) was
 * not given: its next run cannot be computed. The service fails that schedule's run with this
 * message and pauses it; every other schedule keeps running.
 */
public final class UnknownCalendarException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The calendar's name. */
    private final String calendar;

    /** @param calendar the name the schedule gives */
    public UnknownCalendarException(String calendar) {
        super("the business calendar '" + calendar + "' is not registered on this host; its schedules cannot "
                + "compute their runs until the host registers it again");
        this.calendar = calendar;
    }

    /** @return the name of the calendar that is missing */
    public String calendar() {
        return calendar;
    }
}

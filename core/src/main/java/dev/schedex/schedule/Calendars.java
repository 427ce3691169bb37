package dev.schedex.schedule;

import dev.schedex.calendar.BusinessCalendar;

/** The business calendars a {@link NextRunCalculator} was given, by name, for the kinds that name one. */
@FunctionalInterface
interface Calendars {

    /** None: a schedule that names a calendar cannot be computed. */
    Calendars NONE = name -> {
        throw new UnknownCalendarException(name);
    };

    /**
     * @param name a calendar's name, as a schedule gives it
     * @return the calendar
     * @throws UnknownCalendarException if there is none by that name
     */
    BusinessCalendar get(String name);
}

/**
 * Business calendars: which local dates are business days. {@link dev.schedex.calendar.BusinessCalendar}
 * is what a host implements or picks from the built-ins (weekends, fixed holidays, an iCalendar file
 * of holidays read by {@link dev.schedex.calendar.IcsHolidays}), and registers under a name on the
 * service; a schedule names the calendar, and {@link dev.schedex.schedule.NextRunCalculator} asks it.
 *
 * <p>The rules of {@link dev.schedex} hold: no nulls in or out, immutable values. A calendar judges a
 * local date only; the schedule's zone decides which date an occurrence has.
 */
package dev.schedex.calendar;

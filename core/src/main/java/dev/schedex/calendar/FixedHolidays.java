package dev.schedex.calendar;

import java.time.LocalDate;
import java.util.Set;

/**
 * Fixed dates off; every other date is a business day.
 *
 * @param dates the dates off
 */
record FixedHolidays(Set<LocalDate> dates) implements BusinessCalendar {

    FixedHolidays {
        dates = Set.copyOf(dates);
    }

    @Override
    public boolean isBusinessDay(LocalDate date) {
        return !dates.contains(date);
    }
}

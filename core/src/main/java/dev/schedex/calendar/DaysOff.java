package dev.schedex.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A weekly calendar: the given days of the week are off, the rest are business days.
 *
 * @param weekend the days off, never all seven
 */
record DaysOff(Set<DayOfWeek> weekend) implements BusinessCalendar {

    static final DaysOff SATURDAY_AND_SUNDAY = new DaysOff(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));

    DaysOff {
        weekend = Collections.unmodifiableSet(
                weekend.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekend));
        if (weekend.size() == 7) {
            throw new IllegalArgumentException("a weekend of all seven days leaves no business day");
        }
    }

    @Override
    public boolean isBusinessDay(LocalDate date) {
        return !weekend.contains(date.getDayOfWeek());
    }
}

package dev.schedex.calendar;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which local dates are business days. A host registers calendars under names
 * ({@code ExportScheduleService.builder().calendar("de-holidays", calendar)}); a schedule names one,
 * and says what its occurrences on other days do ({@link dev.schedex.schedule.NonBusinessDay}), or
 * counts business days ({@link dev.schedex.schedule.Schedule#monthlyOnBusinessDay}).
 *
 * <pre>{@code
 * BusinessCalendar.weekendsOff()                                  // Saturday and Sunday off
 * BusinessCalendar.weekendsOff(EnumSet.of(FRIDAY, SATURDAY))      // another weekend
 * BusinessCalendar.holidays(List.of(LocalDate.of(2026, 12, 25)))  // these dates and weekends off
 * BusinessCalendar.ics(Path.of("de-holidays.ics"))               // an iCalendar file's holidays, and weekends
 * BusinessCalendar.weekendsOff().and(host::isOpen)               // both must say yes
 * }</pre>
 *
 * <p>An implementation must be thread-safe, fast (it is asked once per date a search looks at,
 * about a month of dates per next run) and deterministic: the same date always gets the same answer
 * while the host runs, or a schedule's runs may move after they were planned. It must not block on
 * the network; load what it needs before registering it.
 */
@FunctionalInterface
public interface BusinessCalendar {

    /**
     * @param date a local date, in the schedule's zone
     * @return true if it is a business day
     */
    boolean isBusinessDay(LocalDate date);

    /**
     * @param other another calendar
     * @return a calendar in which a date is a business day only if it is one in both
     */
    default BusinessCalendar and(BusinessCalendar other) {
        Objects.requireNonNull(other, "other");
        return date -> isBusinessDay(date) && other.isBusinessDay(date);
    }

    /** @return Monday to Friday are business days, Saturday and Sunday not */
    static BusinessCalendar weekendsOff() {
        return DaysOff.SATURDAY_AND_SUNDAY;
    }

    /**
     * @param weekend the days of the week that are never business days; may be empty, not all seven
     * @return every other day of the week is a business day
     * @throws IllegalArgumentException if the weekend is all seven days
     */
    static BusinessCalendar weekendsOff(Set<DayOfWeek> weekend) {
        return new DaysOff(weekend);
    }

    /**
     * @param holidays dates that are not business days
     * @return a calendar with those dates and Saturday and Sunday off
     */
    static BusinessCalendar holidays(Collection<LocalDate> holidays) {
        return holidays(holidays, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }

    /**
     * @param holidays dates that are not business days
     * @param weekend  the days of the week that are not business days either; may be empty
     * @return the calendar
     */
    static BusinessCalendar holidays(Collection<LocalDate> holidays, Set<DayOfWeek> weekend) {
        return new DaysOff(weekend).and(new FixedHolidays(Set.copyOf(holidays)));
    }

    /**
     * An iCalendar file of holidays, with Saturday and Sunday off too; see {@link IcsHolidays} for
     * what it reads, and {@link IcsHolidays#read(Path)} with {@link #and} for another weekend.
     *
     * @param file a {@code .ics} file of at most {@value IcsHolidays#MAX_BYTES} bytes
     * @return the calendar
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if it is not such a file, naming the line
     */
    static BusinessCalendar ics(Path file) throws IOException {
        return weekendsOff().and(IcsHolidays.read(file));
    }
}

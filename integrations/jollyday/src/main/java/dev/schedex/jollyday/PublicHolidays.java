package dev.schedex.jollyday;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import dev.schedex.calendar.BusinessCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A {@link BusinessCalendar} of a country's public holidays, and of a region's where it has its own,
 * from Jollyday's holiday files (in its jar: nothing is fetched), with Saturday and Sunday off unless
 * another weekend is given:
 *
 * <pre>{@code
 * ExportScheduleService.builder()
 *         .calendar("de-by", PublicHolidays.of("de", "by"))   // Germany, Bavaria
 *         .calendar("us", PublicHolidays.of("us"))
 * }</pre>
 *
 * <p>Only public holidays count ({@code HolidayType.PUBLIC_HOLIDAY}), not bank holidays or
 * observances. Each year's holidays are computed once, on first use, and kept: the calendar is fast
 * and gives the same answer for a date while the host runs, as {@link BusinessCalendar} asks. A
 * country Jollyday does not know fails when the calendar is made, not when a schedule runs.
 */
public final class PublicHolidays implements BusinessCalendar {

    private final HolidayManager holidays;
    private final String[] region;
    private final Set<DayOfWeek> weekend;
    private final ConcurrentHashMap<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    private PublicHolidays(HolidayManager holidays, String[] region, Set<DayOfWeek> weekend) {
        this.holidays = holidays;
        this.region = region;
        this.weekend = weekend;
    }

    /**
     * @param country the country's ISO 3166 code, such as {@code de} or {@code us}
     * @param region  the region within it, and further down, as Jollyday names them (such as {@code
     *                by} for Bavaria, or {@code ny} for New York); none for the country's own
     * @return the calendar, with Saturday and Sunday off
     * @throws IllegalArgumentException if Jollyday has no holidays for the country
     */
    public static PublicHolidays of(String country, String... region) {
        return of(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), country, region);
    }

    /**
     * @param weekend the days that are off every week
     * @param country the country's ISO 3166 code
     * @param region  the region within it, as Jollyday names them
     * @return the calendar
     * @throws IllegalArgumentException if Jollyday has no holidays for the country
     */
    public static PublicHolidays of(Set<DayOfWeek> weekend, String country, String... region) {
        Objects.requireNonNull(country, "country");
        for (String part : region) {
            Objects.requireNonNull(part, "region");
        }
        HolidayManager manager;
        try {
            manager = HolidayManager.getInstance(ManagerParameters.create(country));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Jollyday has no public holidays for country '" + country + "'", e);
        }
        return new PublicHolidays(manager, region.clone(), Set.copyOf(weekend));
    }

    @Override
    public boolean isBusinessDay(LocalDate date) {
        return !weekend.contains(date.getDayOfWeek())
                && !holidaysOf(date.getYear()).contains(date);
    }

    private Set<LocalDate> holidaysOf(int year) {
        return byYear.computeIfAbsent(
                year,
                y -> holidays.getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY, region).stream()
                        .map(Holiday::getActualDate)
                        .collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public String toString() {
        return "PublicHolidays[" + holidays.getCalendarHierarchy().getId() + (region.length == 0 ? "" : "/")
                + String.join("/", region) + "]";
    }
}

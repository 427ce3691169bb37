package dev.schedex.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BusinessCalendarTest {

    /** Monday 7 December 2026. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    private static List<Boolean> week(BusinessCalendar calendar) {
        List<Boolean> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            days.add(calendar.isBusinessDay(MONDAY.plusDays(i)));
        }
        return days;
    }

    @Test
    void weekendsOffAreSaturdayAndSunday() {
        assertEquals(List.of(true, true, true, true, true, false, false), week(BusinessCalendar.weekendsOff()));
    }

    @Test
    void theWeekendDaysAreConfigurable() {
        assertEquals(
                List.of(true, true, true, true, false, false, true),
                week(BusinessCalendar.weekendsOff(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY))));
        assertEquals(List.of(true, true, true, true, true, true, true), week(BusinessCalendar.weekendsOff(Set.of())));
        assertThrows(
                IllegalArgumentException.class,
                () -> BusinessCalendar.weekendsOff(EnumSet.allOf(DayOfWeek.class)),
                "a calendar without business days would leave every schedule on it without runs");
    }

    @Test
    void fixedHolidaysAreOffAsAreWeekends() {
        BusinessCalendar calendar = BusinessCalendar.holidays(List.of(MONDAY.plusDays(1)));
        assertEquals(List.of(true, false, true, true, true, false, false), week(calendar));
        BusinessCalendar noWeekend = BusinessCalendar.holidays(List.of(MONDAY.plusDays(1)), Set.of());
        assertEquals(List.of(true, false, true, true, true, true, true), week(noWeekend));
    }

    @Test
    void andIsABusinessDayOnlyInBoth() {
        BusinessCalendar calendar = BusinessCalendar.weekendsOff().and(date -> !date.equals(MONDAY.plusDays(2)));
        assertEquals(List.of(true, true, false, true, true, false, false), week(calendar));
    }

    @Test
    void anIcsFileGivesItsHolidaysAndWeekends(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("holidays.ics");
        Files.writeString(
                file,
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261208\r\nSUMMARY:Feast\r\nEND:VEVENT\r\n"
                        + "END:VCALENDAR\r\n");
        assertEquals(List.of(true, false, true, true, true, false, false), week(BusinessCalendar.ics(file)));
        assertFalse(IcsHolidays.read(file).isBusinessDay(MONDAY.plusDays(1)));
        assertTrue(IcsHolidays.read(file).isBusinessDay(MONDAY.plusDays(5)), "the file alone has no weekend");
    }
}

package dev.schedex.jollyday;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.schedule.NextRunCalculator;
import dev.schedex.schedule.Schedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicHolidaysTest {

    private static final PublicHolidays GERMANY = PublicHolidays.of("de");
    private static final PublicHolidays BAVARIA = PublicHolidays.of("de", "by");

    @Test
    void aCountrysPublicHolidaysAndWeekendsAreNoBusinessDays() {
        assertFalse(GERMANY.isBusinessDay(LocalDate.of(2026, 12, 25)), "Christmas Day, a Friday");
        assertFalse(GERMANY.isBusinessDay(LocalDate.of(2026, 5, 25)), "Whit Monday");
        assertFalse(GERMANY.isBusinessDay(LocalDate.of(2026, 12, 5)), "a Saturday");
        assertTrue(GERMANY.isBusinessDay(LocalDate.of(2026, 12, 24)), "Christmas Eve is no public holiday");
        assertTrue(GERMANY.isBusinessDay(LocalDate.of(2026, 12, 7)), "a plain Monday");
    }

    @Test
    void aRegionAddsItsOwnHolidays() {
        LocalDate epiphany = LocalDate.of(2026, 1, 6);
        assertFalse(BAVARIA.isBusinessDay(epiphany), "Epiphany is a holiday in Bavaria");
        assertTrue(GERMANY.isBusinessDay(epiphany), "but not in the whole country");
        assertTrue(PublicHolidays.of("de", "be").isBusinessDay(epiphany), "nor in Berlin");
    }

    @Test
    void anotherWeekendCanBeGiven() {
        PublicHolidays sundayOnly = PublicHolidays.of(EnumSet.of(DayOfWeek.SUNDAY), "de");
        assertTrue(sundayOnly.isBusinessDay(LocalDate.of(2026, 12, 5)), "Saturday works");
        assertFalse(sundayOnly.isBusinessDay(LocalDate.of(2026, 12, 6)));
    }

    @Test
    void aScheduleOnTheFirstBusinessDaySkipsNewYearsDayAndTheWeekend() {
        NextRunCalculator calculator = NextRunCalculator.create(Map.of("de", GERMANY));
        Schedule first = Schedule.monthlyOnBusinessDay(1, "de", LocalTime.of(9, 0));
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        List<Instant> runs = calculator.upcoming(first, berlin, Instant.parse("2026-12-15T00:00:00Z"), 2);
        assertEquals(
                List.of(
                        LocalDate.of(2027, 1, 4).atTime(9, 0).atZone(berlin).toInstant(),
                        LocalDate.of(2027, 2, 1).atTime(9, 0).atZone(berlin).toInstant()),
                runs,
                "1 January 2027 is a Friday and a holiday, then a weekend");
    }

    @Test
    void aCountryJollydayDoesNotKnowIsRefusedWhenTheCalendarIsMade() {
        assertThrows(IllegalArgumentException.class, () -> PublicHolidays.of("zz-nowhere"));
    }
}

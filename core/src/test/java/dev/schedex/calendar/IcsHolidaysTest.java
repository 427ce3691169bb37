package dev.schedex.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IcsHolidaysTest {

    private static String calendar(String... events) {
        StringBuilder text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
        for (String event : events) {
            text.append("BEGIN:VEVENT\r\n").append(event).append("END:VEVENT\r\n");
        }
        return text.append("END:VCALENDAR\r\n").toString();
    }

    /** The holidays between two dates, inclusive. */
    private static List<LocalDate> holidays(IcsHolidays holidays, String from, String to) {
        List<LocalDate> found = new ArrayList<>();
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            if (!holidays.isBusinessDay(d)) {
                found.add(d);
            }
        }
        return found;
    }

    private static List<LocalDate> dates(String... dates) {
        return java.util.Arrays.stream(dates).map(LocalDate::parse).toList();
    }

    @Test
    void anAllDayEventIsOneHolidayWithOrWithoutValueDate() {
        IcsHolidays holidays = IcsHolidays.parse(
                calendar("DTSTART;VALUE=DATE:20261225\r\nSUMMARY:Christmas\r\n", "DTSTART:20261226\r\n"));
        assertEquals(dates("2026-12-25", "2026-12-26"), holidays(holidays, "2026-12-01", "2027-01-31"));
    }

    @Test
    void dtendIsExclusiveAndDurationCountsDaysOrWeeks() {
        IcsHolidays holidays = IcsHolidays.parse(calendar(
                "DTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261227\r\n",
                "DTSTART;VALUE=DATE:20270301\r\nDURATION:P2D\r\n",
                "DTSTART;VALUE=DATE:20270401\r\nDURATION:P1W\r\n"));
        assertEquals(
                dates(
                        "2026-12-24",
                        "2026-12-25",
                        "2026-12-26",
                        "2027-03-01",
                        "2027-03-02",
                        "2027-04-01",
                        "2027-04-02",
                        "2027-04-03",
                        "2027-04-04",
                        "2027-04-05",
                        "2027-04-06",
                        "2027-04-07"),
                holidays(holidays, "2026-12-01", "2027-04-30"));
    }

    @Test
    void aYearlyRuleRepeatsOnItsDateFromItsStart() {
        IcsHolidays holidays = IcsHolidays.parse(calendar("DTSTART;VALUE=DATE:20250501\r\nRRULE:FREQ=YEARLY\r\n"));
        assertEquals(dates("2025-05-01"), holidays(holidays, "2025-01-01", "2025-12-31"));
        assertEquals(dates("2461-05-01"), holidays(holidays, "2461-01-01", "2461-12-31"), "for ever");
        assertEquals(List.of(), holidays(holidays, "2024-01-01", "2024-12-31"), "not before its start");
    }

    @Test
    void yearlyRulesTakeIntervalCountUntilByMonthByDayAndExdate() {
        IcsHolidays holidays = IcsHolidays.parse(calendar(
                // Thanksgiving: the fourth Thursday of November
                "DTSTART;VALUE=DATE:20261126\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH\r\n",
                // the last Monday of May, three times
                "DTSTART;VALUE=DATE:20260525\r\nRRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO;COUNT=3\r\n",
                // every other year until 2030, but not 2028
                "DTSTART;VALUE=DATE:20260615\r\nRRULE:FREQ=YEARLY;INTERVAL=2;UNTIL=20301231\r\n"
                        + "EXDATE;VALUE=DATE:20280615\r\n"));
        assertEquals(dates("2027-05-31", "2027-11-25"), holidays(holidays, "2027-01-01", "2027-12-31"));
        assertEquals(dates("2028-05-29", "2028-11-23"), holidays(holidays, "2028-01-01", "2028-12-31"));
        assertEquals(dates("2029-11-22"), holidays(holidays, "2029-01-01", "2029-12-31"), "COUNT=3 ended");
        assertEquals(dates("2030-06-15", "2030-11-28"), holidays(holidays, "2030-01-01", "2030-12-31"));
        assertEquals(dates("2031-11-27"), holidays(holidays, "2031-01-01", "2031-12-31"), "past UNTIL");
    }

    @Test
    void aYearlyRuleOnTheTwentyNinthOfFebruarySkipsOtherYears() {
        IcsHolidays holidays = IcsHolidays.parse(calendar("DTSTART;VALUE=DATE:20240229\r\nRRULE:FREQ=YEARLY\r\n"));
        assertEquals(dates("2028-02-29"), holidays(holidays, "2025-01-01", "2028-12-31"));
    }

    @Test
    void foldedLinesRdatesCancelledEventsAndAlarmsAreRead() {
        IcsHolidays holidays = IcsHolidays.parse(calendar(
                "DTSTART;VALUE=DATE:2026\r\n 1231\r\nRDATE;VALUE=DATE:20270102,20270103\r\n",
                "DTSTART;VALUE=DATE:20270105\r\nSTATUS:CANCELLED\r\n",
                "DTSTART;VALUE=DATE:20270106\r\nBEGIN:VALARM\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\n"));
        assertEquals(
                dates("2026-12-31", "2027-01-02", "2027-01-03", "2027-01-06"),
                holidays(holidays, "2026-12-01", "2027-01-31"));
    }

    @Test
    void whatItDoesNotReadIsRefusedWithItsLine() {
        IllegalArgumentException timed = assertThrows(
                IllegalArgumentException.class, () -> IcsHolidays.parse(calendar("DTSTART:20261225T090000Z\r\n")));
        assertEquals(
                "line 5: DTSTART: '20261225T090000Z' has a time of day; a holiday is an all-day event"
                        + " (DTSTART;VALUE=DATE:20261225)",
                timed.getMessage());
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> IcsHolidays.parse(calendar("DTSTART;VALUE=DATE:20261225\r\nRRULE:FREQ=WEEKLY\r\n")))
                .getMessage()
                .contains("only yearly rules"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> IcsHolidays.parse(
                                calendar("DTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20270201\r\n")))
                .getMessage()
                .contains("1 to 31 days"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IcsHolidays.parse("Subject: hello\r\n"))
                .getMessage()
                .contains("BEGIN:VCALENDAR"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IcsHolidays.parse(calendar("SUMMARY:x\r\n")))
                .getMessage()
                .contains("no DTSTART"));
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeItIsParsed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.ics");
        Files.write(file, new byte[IcsHolidays.MAX_BYTES + 1]);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IcsHolidays.read(file))
                .getMessage()
                .contains("larger than"));
    }

    @Test
    void tooManyEventsAreRefused() {
        StringBuilder events = new StringBuilder("BEGIN:VCALENDAR\n");
        for (int i = 0; i <= IcsHolidays.MAX_EVENTS; i++) {
            events.append("BEGIN:VEVENT\nDTSTART:20260101\nEND:VEVENT\n");
        }
        events.append("END:VCALENDAR\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IcsHolidays.parse(events.toString()))
                .getMessage()
                .contains("more than " + IcsHolidays.MAX_EVENTS + " events"));
    }
}

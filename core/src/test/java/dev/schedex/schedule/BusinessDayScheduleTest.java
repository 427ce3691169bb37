package dev.schedex.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.schedex.ValidationException;
import dev.schedex.Violation;
import dev.schedex.calendar.BusinessCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The business-day kind and schedules on business days: dates, merging, DST, text, fields, bounds. */
class BusinessDayScheduleTest {

    /** Weekends, Christmas Eve to Boxing Day 2026 (Thursday to Saturday) and New Year's Day 2027 (a Friday). */
    private static final BusinessCalendar DE = BusinessCalendar.holidays(List.of(
            LocalDate.of(2026, 12, 24),
            LocalDate.of(2026, 12, 25),
            LocalDate.of(2026, 12, 26),
            LocalDate.of(2027, 1, 1)));

    private static final NextRunCalculator CALCULATOR = NextRunCalculator.create(Map.of(
            "de-holidays",
            DE,
            "saturdays-off",
            BusinessCalendar.weekendsOff(EnumSet.of(DayOfWeek.SATURDAY)),
            "never",
            date -> false,
            "closed-jan-feb",
            date -> date.isBefore(LocalDate.of(2027, 1, 1)) || date.isAfter(LocalDate.of(2027, 2, 28))));

    private static final Duration AT_ONCE = Duration.ofSeconds(3);

    private static List<Instant> upcoming(Schedule schedule, String zone, String after, int count) {
        return CALCULATOR.upcoming(schedule, ZoneId.of(zone), Instant.parse(after), count);
    }

    private static List<Instant> instants(String... instants) {
        return Arrays.stream(instants).map(Instant::parse).toList();
    }

    private static Schedule weekly(DayOfWeek day, String time) {
        return Schedule.weekly(EnumSet.of(day), LocalTime.parse(time));
    }

    @Test
    void theFirstBusinessDayPassesHolidaysAndWeekends() {
        assertEquals(
                instants("2027-01-04T09:00:00Z", "2027-02-01T09:00:00Z", "2027-03-01T09:00:00Z"),
                upcoming(
                        Schedule.monthlyOnBusinessDay(1, "de-holidays", LocalTime.of(9, 0)),
                        "UTC",
                        "2026-12-15T00:00:00Z",
                        3));
    }

    @Test
    void theLastAndTheThirdBusinessDayAreCountedInTheCalendar() {
        assertEquals(
                instants("2026-12-31T18:00:00Z", "2027-01-29T18:00:00Z"),
                upcoming(
                        Schedule.monthlyOnBusinessDay(-1, "de-holidays", LocalTime.of(18, 0)),
                        "UTC",
                        "2026-12-15T00:00:00Z",
                        2));
        assertEquals(
                instants("2027-01-06T09:00:00Z", "2027-02-03T09:00:00Z"),
                upcoming(
                        Schedule.monthlyOnBusinessDay(3, "de-holidays", LocalTime.of(9, 0)),
                        "UTC",
                        "2026-12-15T00:00:00Z",
                        2));
    }

    @Test
    void nextMovesAnOccurrenceToTheFirstBusinessDayAfterIt() {
        assertEquals(
                instants("2026-12-28T09:00:00Z", "2026-12-31T09:00:00Z", "2027-01-07T09:00:00Z"),
                upcoming(
                        weekly(DayOfWeek.THURSDAY, "09:00").onBusinessDaysOf("de-holidays", NonBusinessDay.NEXT),
                        "UTC",
                        "2026-12-20T00:00:00Z",
                        3));
    }

    @Test
    void previousMovesItToTheLastBusinessDayBefore() {
        assertEquals(
                instants("2026-12-23T09:00:00Z", "2026-12-31T09:00:00Z", "2027-01-08T09:00:00Z"),
                upcoming(
                        weekly(DayOfWeek.FRIDAY, "09:00").onBusinessDaysOf("de-holidays", NonBusinessDay.PREVIOUS),
                        "UTC",
                        "2026-12-20T00:00:00Z",
                        3));
    }

    @Test
    void skipLeavesItOut() {
        assertEquals(
                instants("2027-01-08T09:00:00Z", "2027-01-15T09:00:00Z"),
                upcoming(
                        weekly(DayOfWeek.FRIDAY, "09:00").onBusinessDaysOf("de-holidays", NonBusinessDay.SKIP),
                        "UTC",
                        "2026-12-20T00:00:00Z",
                        2));
    }

    @Test
    void dayMovedOntoABusinessDayThatRunsAlreadyRunsOnce() {
        Schedule daily = Schedule.daily(LocalTime.of(9, 0)).onBusinessDaysOf("de-holidays", NonBusinessDay.NEXT);
        assertEquals(
                instants("2026-12-28T09:00:00Z", "2026-12-29T09:00:00Z", "2026-12-30T09:00:00Z"),
                upcoming(daily, "UTC", "2026-12-23T10:00:00Z", 3),
                "24 to 27 December all move to Monday the 28th, which runs once");
        Schedule twice = Schedule.daily(LocalTime.of(9, 0), LocalTime.of(17, 0))
                .onBusinessDaysOf("de-holidays", NonBusinessDay.PREVIOUS);
        assertEquals(
                instants("2026-12-23T09:00:00Z", "2026-12-23T17:00:00Z", "2026-12-28T09:00:00Z"),
                upcoming(twice, "UTC", "2026-12-23T00:00:00Z", 3),
                "the 23rd keeps its own two runs; the four days after it add none");
        assertEquals(
                instants("2026-12-23T17:00:00Z", "2026-12-28T09:00:00Z"),
                upcoming(twice, "UTC", "2026-12-23T12:00:00Z", 2),
                "a search from the middle of the day agrees");
    }

    @Test
    void aShiftLooksAtMostAMonthAwayAndTheFirstDateToArriveKeepsTheDay() {
        // every Monday of January and February is closed: those within 31 days of 1 March move there, once
        assertEquals(
                instants("2027-03-01T09:00:00Z", "2027-03-08T09:00:00Z"),
                upcoming(
                        weekly(DayOfWeek.MONDAY, "09:00").onBusinessDaysOf("closed-jan-feb", NonBusinessDay.NEXT),
                        "UTC",
                        "2026-12-31T00:00:00Z",
                        2));
    }

    @Test
    void aMovedWallTimeFollowsTheDaylightSavingRules() {
        Schedule saturday = weekly(DayOfWeek.SATURDAY, "02:30").onBusinessDaysOf("saturdays-off", NonBusinessDay.NEXT);
        assertEquals(
                instants("2027-03-28T01:30:00Z"),
                upcoming(saturday, "Europe/Berlin", "2027-03-21T12:00:00Z", 1),
                "moved onto the spring-forward Sunday, 02:30 does not exist and runs at 03:30 CEST");
        assertEquals(
                instants("2027-10-31T00:30:00Z", "2027-11-07T01:30:00Z"),
                upcoming(saturday, "Europe/Berlin", "2027-10-24T12:00:00Z", 2),
                "moved onto the fall-back Sunday, 02:30 happens twice and runs once, at the first");
    }

    @Test
    void aCalendarWithoutBusinessDaysAnswersEmptyAtOnce() {
        for (Schedule schedule : List.of(
                Schedule.monthlyOnBusinessDay(1, "never", LocalTime.of(9, 0)),
                Schedule.daily(LocalTime.of(9, 0)).onBusinessDaysOf("never", NonBusinessDay.NEXT),
                Schedule.cron("*/5 * * * *").onBusinessDaysOf("never", NonBusinessDay.SKIP))) {
            assertEquals(
                    Optional.empty(),
                    assertTimeoutPreemptively(
                            AT_ONCE,
                            () -> CALCULATOR.next(schedule, ZoneOffset.UTC, Instant.parse("2026-12-01T00:00:00Z"))),
                    schedule::toString);
        }
    }

    @Test
    void aCalculatorWithoutTheCalendarSaysWhichIsMissing() {
        UnknownCalendarException missing = assertThrows(
                UnknownCalendarException.class,
                () -> NextRunCalculator.create()
                        .next(
                                weekly(DayOfWeek.MONDAY, "09:00").onBusinessDaysOf("de-holidays", NonBusinessDay.NEXT),
                                ZoneOffset.UTC,
                                Instant.EPOCH));
        assertEquals("de-holidays", missing.calendar());
    }

    @Test
    void textAndDescriptionSayTheCalendar() {
        Schedule next = weekly(DayOfWeek.MONDAY, "09:00").onBusinessDaysOf("de-holidays", NonBusinessDay.NEXT);
        assertEquals("weekly on MON at 09:00 on business days of de-holidays, else next", next.toString());
        assertEquals("Every Monday at 09:00, moved to the next business day (calendar 'de-holidays')", next.describe());
        assertEquals(
                "Every day at 02:00, skipped on non-business days (calendar 'x')",
                Schedule.daily(LocalTime.of(2, 0))
                        .onBusinessDaysOf("x", NonBusinessDay.SKIP)
                        .describe());
        Schedule third = Schedule.monthlyOnBusinessDay(3, "de-holidays", LocalTime.of(9, 0));
        assertEquals("monthly on 3rd business day of de-holidays at 09:00", third.toString());
        assertEquals("On the third business day of every month at 09:00 (calendar 'de-holidays')", third.describe());
        assertEquals(
                "On the 22nd business day of every month at 09:00 (calendar 'x'; months with fewer business days"
                        + " are skipped)",
                Schedule.monthlyOnBusinessDay(22, "x", LocalTime.of(9, 0)).describe());
        assertEquals(
                "monthly on last business day of de-holidays at 18:00",
                Schedule.monthlyOnBusinessDay(-1, "de-holidays", LocalTime.of(18, 0))
                        .toString());
        for (Schedule s :
                List.of(next, third, Schedule.cron("0 9 * * *").onBusinessDaysOf("a", NonBusinessDay.PREVIOUS))) {
            assertEquals(s, Schedule.parse(s.toString()));
        }
        assertEquals(
                Set.of("businessDay:invalid_ordinal"),
                codes(() -> Schedule.parse("monthly on 3th business day of de-holidays at 09:00")));
    }

    @Test
    void aRequestGivesTheRulesKindWithTheCalendarFields() {
        List<Violation> violations = new ArrayList<>();
        assertEquals(
                Optional.of(weekly(DayOfWeek.MONDAY, "09:00").onBusinessDaysOf("de-holidays", NonBusinessDay.NEXT)),
                ScheduleInput.of(
                                "weekly",
                                Map.of(
                                        "days",
                                        "MON",
                                        "time",
                                        "09:00",
                                        "calendar",
                                        "de-holidays",
                                        "nonBusinessDay",
                                        "Next"))
                        .toSchedule(violations));
        assertEquals(List.of(), violations);
        assertEquals(
                Set.of("schedule.calendar:invalid_name", "schedule.nonBusinessDay:unknown_value"),
                problems(
                        "weekly",
                        Map.of("days", "MON", "time", "09:00", "calendar", "two words", "nonBusinessDay", "later")));
        assertEquals(
                Set.of("schedule.nonBusinessDay:required"),
                problems("daily", Map.of("times", "09:00", "calendar", "de-holidays")));
        assertEquals(
                Set.of("schedule.times:out_of_range", "schedule.calendar:required"),
                problems("daily", Map.of("times", "25:00", "nonBusinessDay", "skip")),
                "the rule's problems and the calendar's at once");
        assertEquals(
                Set.of("schedule.nonBusinessDay:unknown_field"),
                problems(
                        "business-day",
                        Map.of("businessDay", "1", "calendar", "de", "time", "09:00", "nonBusinessDay", "next")),
                "a business day needs no shift");
        assertEquals(
                Set.of("schedule.businessDay:out_of_range"),
                problems("business-day", Map.of("businessDay", "32", "calendar", "de", "time", "09:00")));
        assertEquals(
                Set.of("rule:unsupported"),
                codes(() -> Schedule.monthlyOnBusinessDay(1, "de", LocalTime.NOON)
                        .onBusinessDaysOf("de", NonBusinessDay.NEXT)));
    }

    private static Set<String> problems(String kind, Map<String, String> fields) {
        List<Violation> violations = new ArrayList<>();
        assertEquals(Optional.empty(), ScheduleInput.of(kind, fields).toSchedule(violations));
        return violations.stream().map(v -> v.field() + ":" + v.code()).collect(Collectors.toSet());
    }

    private static Set<String> codes(Runnable action) {
        return assertThrows(ValidationException.class, action::run).violations().stream()
                .map(v -> v.field() + ":" + v.code())
                .collect(Collectors.toSet());
    }
}

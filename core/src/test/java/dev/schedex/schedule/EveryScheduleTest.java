package dev.schedex.schedule;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.temporal.ChronoUnit.DAYS;
import static java.time.temporal.ChronoUnit.MONTHS;
import static java.time.temporal.ChronoUnit.WEEKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.schedex.ValidationException;
import dev.schedex.Violation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Interval schedules ({@link Schedule.Every}): worked examples, with expected instants in UTC and
 * the local time they stand for in the comment; text forms, descriptions, fields and validation.
 */
class EveryScheduleTest {

    private static final NextRunCalculator CALCULATOR = NextRunCalculator.create();
    private static final String BERLIN = "Europe/Berlin";
    private static final String NEW_YORK = "America/New_York";

    private static List<Instant> upcoming(Schedule schedule, String zone, String after, int count) {
        return CALCULATOR.upcoming(schedule, ZoneId.of(zone), Instant.parse(after), count);
    }

    private static List<Instant> instants(String... instants) {
        return Arrays.stream(instants).map(Instant::parse).toList();
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    private static LocalTime time(String text) {
        return LocalTime.parse(text);
    }

    private static Schedule.Every biweekly(String from) {
        return Schedule.every(2, WEEKS, date(from), Schedule.weekly(EnumSet.of(MONDAY, THURSDAY), time("09:00")));
    }

    @Test
    void everyOtherWeekRunsOnTheDaysOfTheWeekOfTheAnchorAndOfEverySecondWeekAfter() {
        // Monday 7 December 2026 09:00 CET is 08:00Z
        assertEquals(
                instants(
                        "2026-12-07T08:00:00Z",
                        "2026-12-10T08:00:00Z",
                        "2026-12-21T08:00:00Z",
                        "2026-12-24T08:00:00Z",
                        "2027-01-04T08:00:00Z",
                        "2027-01-07T08:00:00Z"),
                upcoming(biweekly("2026-12-07"), BERLIN, "2026-11-01T00:00:00Z", 6));
    }

    @Test
    void anAnchorInTheMiddleOfAWeekCountsThatWeekAndLeavesOutItsDaysBeforeTheAnchor() {
        // Wednesday 9 December: the week of 7 December is counted, its Monday lies before the anchor
        assertEquals(
                instants("2026-12-10T08:00:00Z", "2026-12-21T08:00:00Z", "2026-12-24T08:00:00Z"),
                upcoming(biweekly("2026-12-09"), BERLIN, "2026-11-01T00:00:00Z", 3));
        // a Sunday anchor: its week began on the Monday before, so the next counted week is two on
        assertEquals(
                instants("2026-12-13T08:00:00Z", "2026-12-21T08:00:00Z"),
                upcoming(
                        Schedule.every(
                                2,
                                WEEKS,
                                date("2026-12-13"),
                                Schedule.weekly(EnumSet.of(MONDAY, SUNDAY), time("09:00"))),
                        BERLIN,
                        "2026-11-01T00:00:00Z",
                        2));
    }

    @Test
    void theNextRunAfterAnInstantInsideTheSeriesIsCountedFromTheAnchorNotFromThatInstant() {
        // after Friday 11 December 2026 (a counted week), the next is Monday 21 December
        assertEquals(
                instants("2026-12-21T08:00:00Z"), upcoming(biweekly("2026-12-07"), BERLIN, "2026-12-11T12:00:00Z", 1));
        // after Thursday 10 December at 09:00 itself, likewise
        assertEquals(
                instants("2026-12-21T08:00:00Z"), upcoming(biweekly("2026-12-07"), BERLIN, "2026-12-10T08:00:00Z", 1));
        // far on: week 2 x 1000 from the anchor is counted
        assertEquals(
                instants("2065-04-06T07:00:00Z"), upcoming(biweekly("2026-12-07"), BERLIN, "2065-04-05T00:00:00Z", 1));
    }

    @Test
    void everyThreeDaysRunsAtEachTimeOnTheCountedDates() {
        Schedule every = Schedule.every(3, DAYS, date("2026-12-07"), Schedule.daily(time("14:30"), time("02:00")));
        // 02:00 and 14:30 CET on 7 and 10 December
        assertEquals(
                instants(
                        "2026-12-07T01:00:00Z", "2026-12-07T13:30:00Z", "2026-12-10T01:00:00Z", "2026-12-10T13:30:00Z"),
                upcoming(every, BERLIN, "2026-12-01T00:00:00Z", 4));
        assertEquals(instants("2026-12-10T13:30:00Z"), upcoming(every, BERLIN, "2026-12-10T01:00:00Z", 1));
        assertEquals(instants("2026-12-13T01:00:00Z"), upcoming(every, BERLIN, "2026-12-10T13:30:00Z", 1));
    }

    @Test
    void aMonthIntervalOnTheLastDayRunsOnEachCountedMonthsLastDay() {
        Schedule every = Schedule.every(3, MONTHS, date("2027-01-31"), Schedule.monthlyOnLastDay(time("18:00")));
        // 18:00 CET or CEST
        assertEquals(
                instants(
                        "2027-01-31T17:00:00Z",
                        "2027-04-30T16:00:00Z",
                        "2027-07-31T16:00:00Z",
                        "2027-10-31T17:00:00Z",
                        "2028-01-31T17:00:00Z"),
                upcoming(every, BERLIN, "2026-06-01T00:00:00Z", 5));
    }

    @Test
    void aMonthIntervalOnDay31SkipsCountedMonthsWithoutIt() {
        Schedule quarterly = Schedule.every(3, MONTHS, date("2027-01-31"), Schedule.monthly(31, time("18:00")));
        // April has no 31st: January, July, October, January
        assertEquals(
                instants(
                        "2027-01-31T17:00:00Z", "2027-07-31T16:00:00Z", "2027-10-31T17:00:00Z", "2028-01-31T17:00:00Z"),
                upcoming(quarterly, BERLIN, "2026-06-01T00:00:00Z", 4));
        // every other month from December: February, April and June are skipped; 31 October 2027 is
        // the day Berlin falls back, and 02:00 runs once, at 02:00 CEST
        Schedule bimonthly = Schedule.every(2, MONTHS, date("2026-12-15"), Schedule.monthly(31, time("02:00")));
        assertEquals(
                instants("2026-12-31T01:00:00Z", "2027-08-31T00:00:00Z", "2027-10-31T00:00:00Z"),
                upcoming(bimonthly, BERLIN, "2026-06-01T00:00:00Z", 3));
    }

    @Test
    void aMonthIntervalOnAnNthWeekdayCountsMonthsFromTheAnchorsMonth() {
        // the second Monday: 14 December 2026 is before the anchor, so February, April...
        Schedule every = Schedule.every(2, MONTHS, date("2026-12-15"), Schedule.monthlyOn(2, MONDAY, time("09:00")));
        assertEquals(
                instants("2027-02-08T08:00:00Z", "2027-04-12T07:00:00Z"),
                upcoming(every, BERLIN, "2026-06-01T00:00:00Z", 2));
        // the last Friday of every 4th month from January 2027
        Schedule last = Schedule.every(4, MONTHS, date("2027-01-01"), Schedule.monthlyOn(-1, FRIDAY, time("17:00")));
        assertEquals(
                instants("2027-01-29T16:00:00Z", "2027-05-28T15:00:00Z", "2027-09-24T15:00:00Z"),
                upcoming(last, BERLIN, "2026-06-01T00:00:00Z", 3));
    }

    @Test
    void noOccurrenceLiesBeforeTheAnchorDate() {
        Schedule every = Schedule.every(5, DAYS, date("2026-12-07"), Schedule.daily(time("00:00")));
        assertEquals(instants("2026-12-07T00:00:00Z"), upcoming(every, "UTC", "1990-01-01T00:00:00Z", 1));
        assertEquals(instants("2026-12-07T00:00:00Z"), upcoming(every, "UTC", "2026-12-06T23:59:59Z", 1));
    }

    @Test
    void aCountedDayInTheSpringGapRunsShiftedByTheGapAndTheNextIsCountedOnWallDates() {
        // New York, 10 March 2024: 02:00 EST -> 03:00 EDT. Every 3 days from 4 March: the 4th, 7th, 10th, 13th
        Schedule every = Schedule.every(3, DAYS, date("2024-03-04"), Schedule.daily(time("02:30")));
        // 7th 02:30 EST; 10th 02:30 does not exist and runs at 03:30 EDT; 13th 02:30 EDT
        assertEquals(
                instants("2024-03-07T07:30:00Z", "2024-03-10T07:30:00Z", "2024-03-13T06:30:00Z"),
                upcoming(every, NEW_YORK, "2024-03-06T00:00:00Z", 3));
    }

    @Test
    void aCountedDayInTheFallOverlapRunsOnceAtTheFirstInstant() {
        // New York, 3 November 2024: 02:00 EDT -> 01:00 EST. 01:30 runs at 01:30 EDT only
        Schedule every = Schedule.every(2, DAYS, date("2024-11-01"), Schedule.daily(time("01:30")));
        assertEquals(
                instants("2024-11-01T05:30:00Z", "2024-11-03T05:30:00Z", "2024-11-05T06:30:00Z"),
                upcoming(every, NEW_YORK, "2024-10-31T00:00:00Z", 3));
        // asked between the two passes, the next is two days on
        assertEquals(instants("2024-11-05T06:30:00Z"), upcoming(every, NEW_YORK, "2024-11-03T06:00:00Z", 1));
    }

    @Test
    void aCountedWeekInBerlinFollowsTheTransitionRules() {
        // 31 March 2024: 02:00 CET -> 03:00 CEST; every other Sunday from 17 March at 02:30
        Schedule spring =
                Schedule.every(2, WEEKS, date("2024-03-17"), Schedule.weekly(EnumSet.of(SUNDAY), time("02:30")));
        // 17th 02:30 CET (01:30Z); 31st 02:30 does not exist: 03:30 CEST (01:30Z); 14 April 02:30 CEST (00:30Z)
        assertEquals(
                instants("2024-03-17T01:30:00Z", "2024-03-31T01:30:00Z", "2024-04-14T00:30:00Z"),
                upcoming(spring, BERLIN, "2024-03-01T00:00:00Z", 3));
        // 27 October 2024: 03:00 CEST -> 02:00 CET; every 4th Sunday from 29 September at 02:30
        Schedule fall =
                Schedule.every(4, WEEKS, date("2024-09-29"), Schedule.weekly(EnumSet.of(SUNDAY), time("02:30")));
        // 27 October 02:30 CEST (00:30Z) once, then 24 November 02:30 CET (01:30Z)
        assertEquals(
                instants("2024-09-29T00:30:00Z", "2024-10-27T00:30:00Z", "2024-11-24T01:30:00Z"),
                upcoming(fall, BERLIN, "2024-09-01T00:00:00Z", 3));
    }

    @Test
    void aCountedMonthsLastDayInTheBerlinGapRunsShifted() {
        // 31 March 2024 is the last day and the day of the gap: 02:30 runs at 03:30 CEST (01:30Z)
        Schedule every = Schedule.every(3, MONTHS, date("2023-12-31"), Schedule.monthlyOnLastDay(time("02:30")));
        assertEquals(
                instants("2024-03-31T01:30:00Z", "2024-06-30T00:30:00Z"),
                upcoming(every, BERLIN, "2024-01-01T00:00:00Z", 2));
    }

    @Test
    void canonicalTextsAndDescriptionsLookLikeThis() {
        Map<Schedule, List<String>> expected = Map.of(
                biweekly("2026-12-07"),
                List.of(
                        "every 2 weeks on MON,THU at 09:00 from 2026-12-07",
                        "Every 2 weeks on Monday and Thursday at 09:00, from 7 December 2026"),
                Schedule.every(3, MONTHS, date("2027-01-31"), Schedule.monthlyOnLastDay(time("18:00"))),
                List.of(
                        "every 3 months on the last day at 18:00 from 2027-01-31",
                        "Every 3 months on the last day at 18:00, from 31 January 2027"),
                Schedule.every(1, DAYS, date("2026-12-07"), Schedule.daily(time("14:30"), time("02:00:05"))),
                List.of(
                        "every day at 02:00:05, 14:30 from 2026-12-07",
                        "Every day at 02:00:05 and 14:30, from 7 December 2026"),
                Schedule.every(2, MONTHS, date("2026-12-15"), Schedule.monthly(31, time("02:00"))),
                List.of(
                        "every 2 months on day 31 at 02:00 from 2026-12-15",
                        "Every 2 months on day 31 at 02:00, from 15 December 2026 (months without day 31 are skipped)"),
                Schedule.every(1, MONTHS, date("2026-12-15"), Schedule.monthlyOn(-1, FRIDAY, time("17:00"))),
                List.of(
                        "every month on the last FRI at 17:00 from 2026-12-15",
                        "Every month on the last Friday at 17:00, from 15 December 2026"),
                Schedule.every(6, MONTHS, date("2026-12-15"), Schedule.monthlyOn(2, MONDAY, time("09:00"))),
                List.of(
                        "every 6 months on the 2nd MON at 09:00 from 2026-12-15",
                        "Every 6 months on the second Monday at 09:00, from 15 December 2026"),
                Schedule.every(1, WEEKS, date("2026-12-15"), Schedule.weekly(EnumSet.of(SUNDAY), time("09:00"))),
                List.of(
                        "every week on SUN at 09:00 from 2026-12-15",
                        "Every week on Sunday at 09:00, from 15 December 2026"));
        expected.forEach((schedule, texts) -> {
            assertEquals(texts.get(0), schedule.toString());
            assertEquals(texts.get(1), schedule.describe());
            assertEquals(schedule, Schedule.parse(texts.get(0)));
        });
    }

    @Test
    void requestFieldsNameTheIntervalTheUnitTheAnchorAndTheRulesOwnFields() {
        assertEquals(
                Map.of("interval", "2", "unit", "weeks", "from", "2026-12-07", "days", "MON,THU", "time", "09:00"),
                ScheduleInput.of(biweekly("2026-12-07")).fields());
        assertEquals(
                Map.of("interval", "3", "unit", "months", "from", "2027-01-31", "dayOfMonth", "last", "time", "18:00"),
                ScheduleInput.of(
                                Schedule.every(3, MONTHS, date("2027-01-31"), Schedule.monthlyOnLastDay(time("18:00"))))
                        .fields());
        assertEquals("interval", ScheduleInput.of(biweekly("2026-12-07")).kind());
        assertEquals(
                Optional.of(
                        Schedule.every(3, MONTHS, date("2027-01-31"), Schedule.monthlyOn(5, MONDAY, time("09:00")))),
                read(
                        Map.of(
                                "interval",
                                "3",
                                "unit",
                                "MONTHS",
                                "from",
                                "2027-01-31",
                                "ordinal",
                                "5",
                                "dayOfWeek",
                                "Monday",
                                "time",
                                "09:00"),
                        new ArrayList<>()));
    }

    @Test
    void requestFieldsWithProblemsNameEachOne() {
        assertEquals(
                Set.of("schedule.interval:out_of_range", "schedule.from:invalid_date", "schedule.time:required"),
                problems(Map.of("interval", "0", "unit", "weeks", "from", "2027-02-30", "days", "MON")));
        assertEquals(
                Set.of("schedule.unit:unknown_unit"),
                problems(Map.of("interval", "2", "unit", "hours", "from", "2027-01-01", "times", "09:00")));
        // a field of another unit's rule
        assertEquals(
                Set.of("schedule.days:unknown_field"),
                problems(Map.of(
                        "interval", "2", "unit", "days", "from", "2027-01-01", "times", "09:00", "days", "MON")));
        assertEquals(
                Set.of("schedule.rule:never_runs"),
                problems(Map.of(
                        "interval",
                        "12",
                        "unit",
                        "months",
                        "from",
                        "2027-04-01",
                        "dayOfMonth",
                        "31",
                        "time",
                        "09:00")));
    }

    private static Optional<Schedule> read(Map<String, String> fields, List<Violation> violations) {
        return ScheduleInput.of("interval", fields).toSchedule(violations);
    }

    private static Set<String> problems(Map<String, String> fields) {
        List<Violation> violations = new ArrayList<>();
        assertEquals(Optional.empty(), read(fields, violations));
        return violations.stream().map(v -> v.field() + ":" + v.code()).collect(Collectors.toSet());
    }

    @Test
    void invalidArgumentsAreRefusedWithTheFieldNamed() {
        Schedule daily = Schedule.daily(time("09:00"));
        assertEquals("interval:out_of_range", problem(() -> Schedule.every(0, DAYS, date("2026-12-07"), daily)));
        assertEquals("interval:out_of_range", problem(() -> Schedule.every(1000, DAYS, date("2026-12-07"), daily)));
        assertEquals("unit:unsupported", problem(() -> Schedule.every(2, ChronoUnit.HOURS, date("2026-12-07"), daily)));
        assertEquals("rule:mismatch", problem(() -> Schedule.every(2, WEEKS, date("2026-12-07"), daily)));
        assertEquals(
                "rule:mismatch",
                problem(() -> Schedule.every(2, DAYS, date("2026-12-07"), Schedule.monthlyOnLastDay(time("09:00")))));
        assertEquals(
                "rule:unsupported",
                problem(() -> Schedule.every(2, DAYS, date("2026-12-07"), Schedule.cron("0 9 * * *"))));
        assertEquals(
                "rule:unsupported",
                problem(() -> Schedule.every(
                        2, DAYS, date("2026-12-07"), Schedule.every(2, DAYS, date("2026-12-07"), daily))));
        assertEquals("from:out_of_range", problem(() -> Schedule.every(2, DAYS, LocalDate.of(10_000, 1, 1), daily)));
        assertEquals("from:required", problem(() -> new Schedule.Every(2, DAYS, nullDate(), daily)));
    }

    @SuppressWarnings("NullAway") // the constructor's refusal of null is what is tested
    private static LocalDate nullDate() {
        return null;
    }

    @Test
    void aMonthIntervalThatNoCountedMonthCanHoldIsRefused() {
        // every 12 months from April: always April, which has no 31st
        assertEquals(
                "rule:never_runs",
                problem(() -> Schedule.every(12, MONTHS, date("2027-04-01"), Schedule.monthly(31, time("09:00")))));
        // every 24 months from February 2025: odd years only, never a 29 February
        assertEquals(
                "rule:never_runs",
                problem(() -> Schedule.every(24, MONTHS, date("2025-02-01"), Schedule.monthly(29, time("09:00")))));
        // every 48 months from February 2024 has one: 2024, 2028...
        assertEquals(
                instants("2028-02-29T09:00:00Z"),
                upcoming(
                        Schedule.every(48, MONTHS, date("2024-02-01"), Schedule.monthly(29, time("09:00"))),
                        "UTC",
                        "2024-03-01T00:00:00Z",
                        1));
        // every 12 months from February on the fifth Monday: the next February with five is 2044's
        assertEquals(
                instants("2044-02-29T09:00:00Z"),
                upcoming(
                        Schedule.every(12, MONTHS, date("2017-02-01"), Schedule.monthlyOn(5, MONDAY, time("09:00"))),
                        "UTC",
                        "2017-01-01T00:00:00Z",
                        1));
    }

    private static String problem(Runnable make) {
        ValidationException e = assertThrows(ValidationException.class, make::run);
        return e.violations().get(0).field() + ":" + e.violations().get(0).code();
    }

    @Test
    void theTextFormRefusesWhatIsNotAnIntervalSchedule() {
        for (String text : List.of(
                "every 2 weeks at 09:00 from 2026-12-07",
                "every 2 days on MON at 09:00 from 2026-12-07",
                "every 2 weeks on MON at 09:00",
                "every 2 months on day 15 at 09:00 from 26-12-07")) {
            assertEquals("schedule:unknown_kind", problem(() -> Schedule.parse(text)), text);
        }
        assertEquals("from:invalid_date", problem(() -> Schedule.parse("every 2 days at 09:00 from 2026-13-07")));
        assertEquals("interval:out_of_range", problem(() -> Schedule.parse("every 0 days at 09:00 from 2026-12-07")));
    }
}

package dev.schedex.schedule;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Examples on real daylight-saving transitions and calendar edges. Expected instants are written in
 * UTC, with the local time they stand for in the comment.
 */
class NextRunCalculatorTest {

    private static final NextRunCalculator CALCULATOR = NextRunCalculator.create();

    private static List<Instant> upcoming(Schedule schedule, String zone, String after, int count) {
        return CALCULATOR.upcoming(schedule, ZoneId.of(zone), Instant.parse(after), count);
    }

    private static List<Instant> instants(String... instants) {
        return java.util.Arrays.stream(instants).map(Instant::parse).toList();
    }

    private static LocalTime time(String text) {
        return LocalTime.parse(text);
    }

    @Nested
    class NewYork {
        private static final String ZONE = "America/New_York";

        @Test
        void aWallTimeInTheSpringGapRunsShiftedByTheGap() {
            // 2024-03-10 02:00 EST -> 03:00 EDT; 02:30 does not exist and runs at 03:30 EDT
            assertEquals(
                    instants("2024-03-10T07:30:00Z", "2024-03-11T06:30:00Z"),
                    upcoming(Schedule.daily(time("02:30")), ZONE, "2024-03-09T12:00:00Z", 2));
            assertEquals(
                    instants("2024-03-10T07:30:00Z"),
                    upcoming(Schedule.cron("30 2 * * *"), ZONE, "2024-03-09T12:00:00Z", 1));
            assertEquals(
                    instants("2024-03-10T07:30:00Z"),
                    upcoming(Schedule.weekly(EnumSet.of(SUNDAY), time("02:30")), ZONE, "2024-03-09T12:00:00Z", 1));
        }

        @Test
        void theStartOfTheGapRunsAtItsEnd() {
            assertEquals(
                    instants("2024-03-10T07:00:00Z"),
                    upcoming(Schedule.daily(time("02:00")), ZONE, "2024-03-09T12:00:00Z", 1));
        }

        @Test
        void aWallTimeInTheFallOverlapRunsOnceAtTheFirstPass() {
            // 2024-11-03 02:00 EDT -> 01:00 EST; 01:30 happens at 05:30Z (EDT) and 06:30Z (EST)
            assertEquals(
                    instants("2024-11-03T05:30:00Z", "2024-11-04T06:30:00Z"),
                    upcoming(Schedule.daily(time("01:30")), ZONE, "2024-11-02T12:00:00Z", 2));
            assertEquals(
                    instants("2024-11-03T05:30:00Z", "2024-11-04T06:30:00Z"),
                    upcoming(Schedule.cron("30 1 * * *"), ZONE, "2024-11-02T12:00:00Z", 2));
        }

        @Test
        void asking_betweenTheTwoPasses_givesTheNextDay() {
            assertEquals(
                    Optional.of(Instant.parse("2024-11-04T06:30:00Z")),
                    CALCULATOR.next(
                            Schedule.daily(time("01:30")), ZoneId.of(ZONE), Instant.parse("2024-11-03T05:40:00Z")));
        }

        @Test
        void steppedMinutesRunInBothPassesOfTheOverlap() {
            assertEquals(
                    instants(
                            "2024-11-03T05:00:00Z",
                            "2024-11-03T05:30:00Z",
                            "2024-11-03T06:00:00Z",
                            "2024-11-03T06:30:00Z",
                            "2024-11-03T07:00:00Z"),
                    upcoming(Schedule.cron("*/30 * * * *"), ZONE, "2024-11-03T04:50:00Z", 5));
        }

        @Test
        void steppedMinutesSkipTheMissingTimesOfTheGap() {
            // 01:00, 01:30 EST, then straight to 03:00 EDT
            assertEquals(
                    instants(
                            "2024-03-10T06:00:00Z",
                            "2024-03-10T06:30:00Z",
                            "2024-03-10T07:00:00Z",
                            "2024-03-10T07:30:00Z"),
                    upcoming(Schedule.cron("*/30 * * * *"), ZONE, "2024-03-10T05:50:00Z", 4));
            assertEquals(
                    instants("2024-03-10T06:00:00Z", "2024-03-10T07:00:00Z"),
                    upcoming(Schedule.cron("@hourly"), ZONE, "2024-03-10T05:50:00Z", 2));
        }

        @Test
        void aWildcardHourWithAFixedMinuteCountsAsReal() {
            // "30 * * * *": 02:30 does not exist on the spring day, so it is not run
            assertEquals(
                    instants("2024-03-10T06:30:00Z", "2024-03-10T07:30:00Z"),
                    upcoming(Schedule.cron("30 * * * *"), ZONE, "2024-03-10T06:00:00Z", 2));
        }
    }

    @Nested
    class Berlin {
        private static final String ZONE = "Europe/Berlin";

        @Test
        void gapAndOverlap() {
            // 2024-03-31 02:00 CET -> 03:00 CEST; 2024-10-27 03:00 CEST -> 02:00 CET
            assertEquals(
                    instants("2024-03-31T01:30:00Z", "2024-04-01T00:30:00Z"),
                    upcoming(Schedule.daily(time("02:30")), ZONE, "2024-03-30T12:00:00Z", 2));
            assertEquals(
                    instants("2024-10-27T00:30:00Z", "2024-10-28T01:30:00Z"),
                    upcoming(Schedule.daily(time("02:30")), ZONE, "2024-10-26T12:00:00Z", 2));
            assertEquals(
                    instants("2024-10-27T00:15:00Z", "2024-10-27T01:15:00Z", "2024-10-27T02:15:00Z"),
                    upcoming(Schedule.cron("15 * * * *"), ZONE, "2024-10-27T00:00:00Z", 3));
        }

        @Test
        void theLastDayOfMonthCrossesTheSpringChange() {
            assertEquals(
                    instants("2024-03-31T01:30:00Z", "2024-04-30T00:30:00Z"),
                    upcoming(Schedule.monthlyOnLastDay(time("02:30")), ZONE, "2024-03-01T00:00:00Z", 2));
        }

        @Test
        void rulesStillApplyPastTheYear2100() {
            // 2100-03-28 is the last Sunday of March (gap); 2500-10-31 the last Sunday of October (overlap)
            assertEquals(
                    instants("2100-03-28T01:30:00Z"),
                    upcoming(Schedule.daily(time("02:30")), ZONE, "2100-03-27T12:00:00Z", 1));
            assertEquals(
                    instants("2500-10-31T00:30:00Z"),
                    upcoming(Schedule.monthlyOn(-1, SUNDAY, time("02:30")), ZONE, "2500-10-01T00:00:00Z", 1));
        }
    }

    @Nested
    class LordHowe {
        private static final String ZONE = "Australia/Lord_Howe";

        @Test
        void aThirtyMinuteGapShiftsByThirtyMinutes() {
            // 2024-10-06 02:00 +10:30 -> 02:30 +11:00; 02:15 runs at 02:45 +11:00
            assertEquals(
                    instants("2024-10-05T15:45:00Z"),
                    upcoming(Schedule.daily(time("02:15")), ZONE, "2024-10-05T00:00:00Z", 1));
        }

        @Test
        void aThirtyMinuteOverlapRunsOnce() {
            // 2024-04-07 02:00 +11:00 -> 01:30 +10:30; 01:45 happens at 14:45Z and 15:15Z
            assertEquals(
                    instants("2024-04-06T14:45:00Z", "2024-04-07T15:15:00Z"),
                    upcoming(Schedule.daily(time("01:45")), ZONE, "2024-04-06T00:00:00Z", 2));
            assertEquals(
                    instants(
                            "2024-04-06T14:30:00Z",
                            "2024-04-06T14:45:00Z",
                            "2024-04-06T15:00:00Z",
                            "2024-04-06T15:15:00Z",
                            "2024-04-06T15:30:00Z"),
                    upcoming(Schedule.cron("*/15 1-2 * * *"), ZONE, "2024-04-06T14:29:00Z", 5));
        }
    }

    @Nested
    class Cairo {
        private static final String ZONE = "Africa/Cairo";

        @Test
        void theGapAtMidnightShiftsMidnightRuns() {
            // 2023-04-28 00:00 EET -> 01:00 EEST
            assertEquals(
                    instants("2023-04-27T22:00:00Z", "2023-04-28T21:00:00Z"),
                    upcoming(Schedule.daily(time("00:00")), ZONE, "2023-04-27T12:00:00Z", 2));
            assertEquals(
                    instants("2023-04-27T22:30:00Z"),
                    upcoming(Schedule.daily(time("00:30")), ZONE, "2023-04-27T12:00:00Z", 1));
            assertEquals(
                    instants("2023-04-27T22:00:00Z"),
                    upcoming(Schedule.monthly(28, time("00:00")), ZONE, "2023-04-01T00:00:00Z", 1));
        }

        @Test
        void theOverlapBeforeMidnightRunsOnce() {
            // 2023-10-27 00:00 EEST -> 2023-10-26 23:00 EET; 23:30 happens at 20:30Z and 21:30Z
            assertEquals(
                    instants("2023-10-26T20:30:00Z", "2023-10-27T21:30:00Z"),
                    upcoming(Schedule.daily(time("23:30")), ZONE, "2023-10-26T12:00:00Z", 2));
        }
    }

    @Nested
    class Santiago {
        private static final String ZONE = "America/Santiago";

        @Test
        void midnightInTheGapRunsAtOne() {
            // 2024-09-08 00:00 -04 -> 01:00 -03
            assertEquals(
                    instants("2024-09-08T04:00:00Z", "2024-09-09T03:00:00Z"),
                    upcoming(Schedule.daily(time("00:00")), ZONE, "2024-09-07T12:00:00Z", 2));
            assertEquals(
                    instants("2024-09-08T04:00:00Z"),
                    upcoming(Schedule.weekly(EnumSet.of(SUNDAY), time("00:00")), ZONE, "2024-09-07T12:00:00Z", 1));
            assertEquals(
                    instants("2024-09-08T03:00:00Z", "2024-09-08T04:00:00Z"),
                    upcoming(Schedule.cron("0 * * * *"), ZONE, "2024-09-08T02:30:00Z", 2));
        }

        @Test
        void theOverlapBeforeMidnightRunsOnce() {
            // 2024-04-07 00:00 -03 -> 2024-04-06 23:00 -04
            assertEquals(
                    instants("2024-04-07T02:30:00Z", "2024-04-08T03:30:00Z"),
                    upcoming(Schedule.daily(time("23:30")), ZONE, "2024-04-06T12:00:00Z", 2));
        }
    }

    @Test
    void aSkippedDayRunsItsTimeOnceOnTheNextDay() {
        // Pacific/Apia skipped 2011-12-30 entirely: 10:00 that day shifts by 24 hours onto 31 December
        // 10:00, which is also 31 December's own 10:00: one run, not two
        assertEquals(
                instants("2011-12-29T20:00:00Z", "2011-12-30T20:00:00Z", "2011-12-31T20:00:00Z"),
                upcoming(Schedule.daily(time("10:00")), "Pacific/Apia", "2011-12-29T00:00:00Z", 3));
    }

    @Test
    void twoWallTimesThatResolveToOneInstantRunOnce() {
        // 02:30 is shifted to 03:30, which the schedule also names
        assertEquals(
                instants("2024-03-10T07:30:00Z", "2024-03-11T06:30:00Z"),
                upcoming(Schedule.daily(time("02:30"), time("03:30")), "America/New_York", "2024-03-10T00:00:00Z", 2));
        // 02:30 shifted to 03:30 comes after 03:15, which exists
        assertEquals(
                instants("2024-03-10T07:15:00Z", "2024-03-10T07:30:00Z"),
                upcoming(Schedule.daily(time("02:30"), time("03:15")), "America/New_York", "2024-03-10T00:00:00Z", 2));
    }

    @Nested
    class Calendar {
        @Test
        void dayTwentyNineSkipsFebruaryExceptInLeapYears() {
            Schedule day29 = Schedule.monthly(29, time("12:00"));
            assertEquals(
                    instants("2024-01-29T12:00:00Z", "2024-02-29T12:00:00Z", "2024-03-29T12:00:00Z"),
                    upcoming(day29, "UTC", "2024-01-01T00:00:00Z", 3));
            assertEquals(
                    instants("2100-01-29T12:00:00Z", "2100-03-29T12:00:00Z"),
                    upcoming(day29, "UTC", "2100-01-01T00:00:00Z", 2));
            assertEquals(instants("2400-02-29T12:00:00Z"), upcoming(day29, "UTC", "2400-02-01T00:00:00Z", 1));
        }

        @Test
        void dayThirtyOneRunsOnlyInLongMonths() {
            assertEquals(
                    instants(
                            "2024-01-31T00:00:00Z",
                            "2024-03-31T00:00:00Z",
                            "2024-05-31T00:00:00Z",
                            "2024-07-31T00:00:00Z",
                            "2024-08-31T00:00:00Z"),
                    upcoming(Schedule.monthly(31, LocalTime.MIDNIGHT), "UTC", "2024-01-01T00:00:00Z", 5));
        }

        @Test
        void theLastDayFollowsTheMonthLength() {
            assertEquals(
                    instants("2023-02-28T23:00:00Z", "2023-03-31T23:00:00Z"),
                    upcoming(Schedule.monthlyOnLastDay(time("23:00")), "UTC", "2023-02-01T00:00:00Z", 2));
            assertEquals(
                    instants("2100-02-28T23:00:00Z"),
                    upcoming(Schedule.monthlyOnLastDay(time("23:00")), "UTC", "2100-02-01T00:00:00Z", 1));
        }

        @Test
        void theYearEndRollsOver() {
            assertEquals(
                    instants("2024-12-31T23:30:00Z", "2025-01-01T23:30:00Z"),
                    upcoming(Schedule.daily(time("23:30")), "UTC", "2024-12-31T12:00:00Z", 2));
            assertEquals(
                    instants("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
                    upcoming(Schedule.cron("@yearly"), "UTC", "2024-12-31T23:59:59Z", 2));
            assertEquals(
                    instants("2024-12-27T17:00:00Z", "2025-01-31T17:00:00Z"),
                    upcoming(Schedule.monthlyOn(-1, FRIDAY, time("17:00")), "UTC", "2024-12-01T00:00:00Z", 2));
            assertEquals(
                    instants("2024-12-31T00:00:00Z", "2025-01-31T00:00:00Z"),
                    upcoming(Schedule.cron("0 0 L * *"), "UTC", "2024-12-30T12:00:00Z", 2));
        }

        @Test
        void aFifthWeekdayRunsOnlyInMonthsThatHaveOne() {
            // fifth Fridays in 2024: March 29, May 31, August 30, November 29
            assertEquals(
                    instants(
                            "2024-03-29T09:00:00Z",
                            "2024-05-31T09:00:00Z",
                            "2024-08-30T09:00:00Z",
                            "2024-11-29T09:00:00Z"),
                    upcoming(Schedule.monthlyOn(5, FRIDAY, time("09:00")), "UTC", "2024-01-01T00:00:00Z", 4));
        }

        @Test
        void aFifthWeekdayIsFoundFromEveryMonthOfTheGregorianCycle() {
            // the look-ahead of LocalRule.MONTHS_FOR_FIFTH_WEEKDAY must cut none off: it would throw
            for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
                Schedule fifth = Schedule.monthlyOn(5, day, time("09:00"));
                for (java.time.YearMonth month = java.time.YearMonth.of(2000, 1);
                        month.getYear() < 2400;
                        month = month.plusMonths(1)) {
                    Instant after = month.atEndOfMonth().atTime(23, 0).toInstant(ZoneOffset.UTC);
                    assertEquals(
                            1,
                            CALCULATOR.upcoming(fifth, ZoneOffset.UTC, after, 1).size(),
                            () -> fifth + " after " + after);
                }
            }
        }

        @Test
        void farFutureDatesWork() {
            assertEquals(
                    instants("9999-12-31T00:00:00Z"),
                    upcoming(Schedule.monthlyOnLastDay(LocalTime.MIDNIGHT), "UTC", "9999-12-30T00:00:00Z", 1));
            assertEquals(List.of(), upcoming(Schedule.daily(LocalTime.NOON), "UTC", "+999999999-12-31T12:00:00Z", 1));
        }
    }

    @Nested
    class Bounds_ {
        private final Schedule daily = Schedule.daily(time("02:00"));

        @Test
        void bothEndsAreInclusive() {
            Bounds bounds =
                    Bounds.between(Instant.parse("2024-01-02T02:00:00Z"), Instant.parse("2024-01-04T02:00:00Z"));
            assertEquals(
                    instants("2024-01-02T02:00:00Z", "2024-01-03T02:00:00Z", "2024-01-04T02:00:00Z"),
                    CALCULATOR.upcoming(daily, ZoneOffset.UTC, bounds, Instant.parse("2024-01-01T00:00:00Z"), 10));
        }

        @Test
        void thereIsNoNextRunPastTheEnd() {
            assertEquals(
                    Optional.empty(),
                    CALCULATOR.next(
                            daily,
                            ZoneOffset.UTC,
                            Bounds.endingAt(Instant.parse("2024-01-01T01:59:59Z")),
                            Instant.parse("2024-01-01T00:00:00Z")));
        }

        @Test
        void aStartBetweenSecondsStillExcludesTheEarlierSecond() {
            Bounds bounds = Bounds.startingAt(Instant.parse("2024-01-01T02:00:00.5Z"));
            assertEquals(
                    Optional.of(Instant.parse("2024-01-02T02:00:00Z")),
                    CALCULATOR.next(daily, ZoneOffset.UTC, bounds, Instant.parse("2024-01-01T00:00:00Z")));
        }

        @Test
        void anEndBeforeTheStartIsRejected() {
            assertThrows(
                    dev.schedex.ValidationException.class,
                    () -> Bounds.between(Instant.parse("2024-01-02T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z")));
        }
    }

    @Test
    void nextIsStrictlyAfterEvenWithinTheSameSecond() {
        Schedule daily = Schedule.daily(time("02:00"));
        assertEquals(
                Optional.of(Instant.parse("2024-01-02T02:00:00Z")),
                CALCULATOR.next(daily, ZoneOffset.UTC, Instant.parse("2024-01-01T02:00:00Z")));
        assertEquals(
                Optional.of(Instant.parse("2024-01-02T02:00:00Z")),
                CALCULATOR.next(daily, ZoneOffset.UTC, Instant.parse("2024-01-01T02:00:00.000000001Z")));
        assertEquals(
                Optional.of(Instant.parse("2024-01-01T02:00:00Z")),
                CALCULATOR.next(daily, ZoneOffset.UTC, Instant.parse("2024-01-01T01:59:59.999Z")));
    }

    @Test
    void aScheduleThatCanNeverRunHasNoNextRun() {
        assertEquals(
                Optional.empty(),
                CALCULATOR.next(
                        Schedule.cron("0 0 30 2 *"),
                        ZoneId.of("Europe/Berlin"),
                        Instant.parse("2024-01-01T00:00:00Z")));
        assertEquals(List.of(), upcoming(Schedule.cron("0 0 31 4 *"), "UTC", "2024-01-01T00:00:00Z", 3));
    }

    @Test
    void aRareButPossibleCronDateIsFound() {
        // 29 February that is a Monday, via the day-of-week: the OR rule makes every Monday in February match;
        // with a star day-of-week only the leap day itself: the next is 2028
        assertEquals(
                instants("2028-02-29T00:00:00Z"),
                upcoming(Schedule.cron("0 0 29 2 *"), "UTC", "2024-03-01T00:00:00Z", 1));
        // a fifth Thursday in February: 2024, then 2052
        assertEquals(
                instants("2052-02-29T00:00:00Z"),
                upcoming(Schedule.cron("0 0 * 2 THU#5"), "UTC", "2024-03-01T00:00:00Z", 1));
    }

    /**
     * Real-instant cron schedules whose every match falls in a spring-forward gap have no run; the
     * calculator must say so at once rather than walk towards the end of time.
     */
    @Nested
    class EveryMatchInAGap {
        /** Far more than the bounded search needs (a few milliseconds), far less than a hang. */
        private static final Duration AT_ONCE = Duration.ofSeconds(5);

        private Optional<Instant> next(String cron, String zone, Bounds bounds, String after) {
            return assertTimeoutPreemptively(
                    AT_ONCE, () -> CALCULATOR.next(Schedule.cron(cron), ZoneId.of(zone), bounds, Instant.parse(after)));
        }

        private Optional<Instant> next(String cron, String zone, String after) {
            return next(cron, zone, Bounds.unbounded(), after);
        }

        @Test
        void theSecondSundayOfMarchAtTwoInNewYorkHasNoRun() {
            // since 2007 the clocks go from 02:00 to 03:00 EST->EDT on that very Sunday
            assertEquals(Optional.empty(), next("*/30 2 * 3 0#2", "America/New_York", "2024-06-01T00:00:00Z"));
        }

        @Test
        void theLastSundayOfMarchAtTwoTwentyNineInBerlinHasNoRun() {
            assertEquals(Optional.empty(), next("0 29/47 2 ? 3 7L", "Europe/Berlin", "2024-06-01T00:00:00Z"));
        }

        @Test
        void upcomingIsEmptyAtOnce() {
            assertEquals(
                    List.of(),
                    assertTimeoutPreemptively(
                            AT_ONCE,
                            () -> upcoming(
                                    Schedule.cron("*/30 2 * 3 0#2"), "America/New_York", "2024-06-01T00:00:00Z", 5)));
        }

        @Test
        void boundsWithAStartOrAFarEndStillEndAtOnce() {
            assertEquals(
                    Optional.empty(),
                    next(
                            "*/30 2 * 3 0#2",
                            "America/New_York",
                            Bounds.startingAt(Instant.parse("2030-01-01T00:00:00Z")),
                            "2024-06-01T00:00:00Z"));
            assertEquals(
                    Optional.empty(),
                    next(
                            "0 29/47 2 ? 3 7L",
                            "Europe/Berlin",
                            Bounds.endingAt(Instant.parse("+999999999-01-01T00:00:00Z")),
                            "2024-06-01T00:00:00Z"));
        }

        @Test
        void theRunsBeforeTheRulesChangedAreStillFound() {
            // until 2006 New York changed clocks on the first Sunday of April, so 02:00 and 02:30 EST on
            // the second Sunday of March existed; 2006's is the last
            assertEquals(
                    Optional.of(Instant.parse("2006-03-12T07:00:00Z")),
                    next("*/30 2 * 3 0#2", "America/New_York", "2006-01-01T00:00:00Z"));
            assertEquals(Optional.empty(), next("*/30 2 * 3 0#2", "America/New_York", "2006-03-12T07:30:00Z"));
        }

        @Test
        void aRealRunFortyYearsAwayIsStillFound() {
            // February has a fifth Thursday in 2080, then (2100 is no leap year) in 2120 only: the bound
            // must not stop a search across many transitions short of it
            assertEquals(
                    Optional.of(Instant.parse("2120-02-29T05:00:00Z")),
                    next("*/30 0 * 2 THU#5", "America/New_York", "2080-03-01T00:00:00Z"));
        }
    }

    @Test
    void upcomingRejectsANegativeCount() {
        assertThrows(
                IllegalArgumentException.class,
                () -> upcoming(Schedule.daily(LocalTime.NOON), "UTC", "2024-01-01T00:00:00Z", -1));
    }
}

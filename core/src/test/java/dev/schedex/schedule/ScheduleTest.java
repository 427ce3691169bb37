package dev.schedex.schedule;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.schedex.ValidationException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleTest {

    private static final LocalTime TWO = LocalTime.of(2, 0);

    private static final List<Schedule> EVERY_KIND = List.of(
            Schedule.daily(LocalTime.of(14, 30), TWO),
            Schedule.daily(LocalTime.of(6, 0, 15)),
            Schedule.weekly(EnumSet.of(FRIDAY, MONDAY), TWO),
            Schedule.monthly(15, TWO),
            Schedule.monthlyOnLastDay(LocalTime.of(23, 0)),
            Schedule.monthlyOn(2, MONDAY, LocalTime.of(9, 0)),
            Schedule.monthlyOn(-1, FRIDAY, LocalTime.of(17, 0)),
            Schedule.cron("0 9-17 * * MON-FRI"),
            Schedule.cron("@weekly"));

    @Test
    void canonicalTextReadsBackToAnEqualSchedule() {
        for (Schedule schedule : EVERY_KIND) {
            Schedule parsed = Schedule.parse(schedule.toString());
            assertEquals(schedule, parsed, schedule.toString());
            assertEquals(schedule.hashCode(), parsed.hashCode());
            assertEquals(schedule.toString(), parsed.toString());
        }
    }

    @Test
    void canonicalTextLooksLikeThis() {
        assertEquals(
                List.of(
                        "daily at 02:00, 14:30",
                        "daily at 06:00:15",
                        "weekly on MON,FRI at 02:00",
                        "monthly on day 15 at 02:00",
                        "monthly on last day at 23:00",
                        "monthly on 2nd MON at 09:00",
                        "monthly on last FRI at 17:00",
                        "cron 0 9-17 * * MON-FRI",
                        "cron @weekly"),
                EVERY_KIND.stream().map(Schedule::toString).toList());
    }

    @Test
    void describesItselfInWords() {
        assertEquals(
                List.of(
                        "Every day at 02:00 and 14:30",
                        "Every day at 06:00:15",
                        "Every Monday and Friday at 02:00",
                        "On day 15 of every month at 02:00",
                        "On the last day of every month at 23:00",
                        "On the second Monday of every month at 09:00",
                        "On the last Friday of every month at 17:00",
                        "At minute 0 past every hour from 9 through 17 on Monday through Friday",
                        "At 00:00 on Sunday"),
                EVERY_KIND.stream().map(Schedule::describe).toList());
        assertEquals(
                "On day 31 of every month at 02:00 (months without day 31 are skipped)",
                Schedule.monthly(31, TWO).describe());
        assertEquals(
                "Every Monday, Wednesday and Friday at 02:00",
                Schedule.weekly(EnumSet.of(WEDNESDAY, FRIDAY, MONDAY), TWO).describe());
        assertEquals(
                "Every day at 02:00",
                Schedule.weekly(EnumSet.allOf(DayOfWeek.class), TWO).describe());
    }

    @Test
    void equalityIsByValueWhateverTheOrderGiven() {
        assertEquals(Schedule.daily(TWO, LocalTime.NOON), Schedule.daily(LocalTime.NOON, TWO, TWO));
        assertEquals(Schedule.weekly(Set.of(FRIDAY, MONDAY), TWO), Schedule.weekly(EnumSet.of(MONDAY, FRIDAY), TWO));
        assertNotEquals(Schedule.monthly(1, TWO), Schedule.monthly(2, TWO));
        assertEquals(
                List.of(TWO, LocalTime.NOON),
                Schedule.daily(LocalTime.NOON, TWO).times());
    }

    @Test
    void theSetsAndListsItHoldsCannotBeChanged() {
        Schedule.Weekly weekly = Schedule.weekly(EnumSet.of(MONDAY), TWO);
        assertThrows(UnsupportedOperationException.class, () -> weekly.days().add(FRIDAY));
        assertThrows(
                UnsupportedOperationException.class,
                () -> Schedule.daily(TWO).times().add(TWO));
    }

    @Test
    void rejectsInvalidArgumentsNamingTheField() {
        assertViolation("times", "required", () -> Schedule.daily());
        assertViolation("days", "required", () -> Schedule.weekly(Set.of(), TWO));
        assertViolation("dayOfMonth", "out_of_range", () -> Schedule.monthly(0, TWO));
        assertViolation("dayOfMonth", "out_of_range", () -> Schedule.monthly(32, TWO));
        assertViolation("ordinal", "out_of_range", () -> Schedule.monthlyOn(6, MONDAY, TWO));
        assertViolation("ordinal", "out_of_range", () -> Schedule.monthlyOn(0, MONDAY, TWO));
        assertViolation("ordinal", "out_of_range", () -> Schedule.monthlyOn(-2, MONDAY, TWO));
        assertViolation("time", "invalid_time", () -> Schedule.monthlyOnLastDay(LocalTime.of(1, 2, 3, 4)));
        assertViolation("time", "required", () -> Schedule.monthlyOnLastDay(null));
        assertViolation("cron", "cron.out_of_range", () -> Schedule.cron("0 24 * * *"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "hourly at 02:00",
                "daily at 2:00",
                "daily at 24:00",
                "daily at 02:60",
                "daily at",
                "weekly on MON,XYZ at 02:00",
                "monthly on day 15",
                "monthly on 6th MON at 02:00",
                "DAILY AT 02:00",
                ""
            })
    void parseRejectsTextThatIsNotASchedule(String text) {
        assertThrows(ValidationException.class, () -> Schedule.parse(text));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "daily at 24:00            | times",
                "weekly on MON at 7:00     | schedule",
                "weekly on MON,XYZ at 02:00 | days",
                "monthly on day 32 at 02:00 | dayOfMonth",
                "cron 0 0 * *              | cron",
            })
    void parseNamesTheFieldAtFault(String text, String field) {
        ValidationException error = assertThrows(ValidationException.class, () -> Schedule.parse(text));
        assertEquals(field, error.violations().get(0).field(), error.getMessage());
    }

    private static void assertViolation(String field, String code, Runnable action) {
        ValidationException error = assertThrows(ValidationException.class, action::run);
        assertEquals(field, error.violations().get(0).field(), error.getMessage());
        assertEquals(code, error.violations().get(0).code(), error.getMessage());
    }
}

package dev.schedex.schedule;

import dev.schedex.Violation;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind has one home, and each round-trips through its text form and its request fields. */
class ScheduleKindsTest {

    /** Two schedules of each kind, one with seconds or odd values, so that a lossy form shows. */
    private static final List<Schedule> SAMPLES = List.of(
            Schedule.daily(LocalTime.of(2, 0)), Schedule.daily(LocalTime.of(23, 59, 59), LocalTime.of(0, 0, 1)),
            Schedule.weekly(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(6, 30)),
            Schedule.weekly(EnumSet.allOf(DayOfWeek.class), LocalTime.of(0, 0, 30)),
            Schedule.monthly(1, LocalTime.of(2, 0)), Schedule.monthly(31, LocalTime.of(12, 0, 5)),
            Schedule.monthlyOnLastDay(LocalTime.of(23, 0)), Schedule.monthlyOnLastDay(LocalTime.of(0, 0, 59)),
            Schedule.monthlyOn(2, DayOfWeek.MONDAY, LocalTime.of(9, 0)),
            Schedule.monthlyOn(-1, DayOfWeek.SUNDAY, LocalTime.of(1, 2, 3)),
            Schedule.cron("0 9-17 * * MON-FRI"), Schedule.cron("*/30 2 L * ?"));

    @Test
    void everyKindOfTheSealedSetHasItsHomeAndASample() {
        Set<Class<?>> permitted = Arrays.stream(Schedule.class.getPermittedSubclasses()).collect(Collectors.toSet());
        assertEquals(permitted, SAMPLES.stream().map(Object::getClass).collect(Collectors.toSet()),
                "a sample of every kind");
        assertEquals(permitted.size(), ScheduleKinds.ALL.size(), "one home per kind");
        assertEquals(permitted.size(), ScheduleKinds.ALL.stream().map(ScheduleKind::name).distinct().count(), "names are unique");
        for (Schedule schedule : SAMPLES) {
            assertTrue(ScheduleKinds.ALL.contains(ScheduleKinds.of(schedule).kind()), schedule + " is bound to a listed home");
        }
    }

    @Test
    void everyKindRoundTripsThroughItsTextAndItsFields() {
        for (Schedule schedule : SAMPLES) {
            assertEquals(schedule, Schedule.parse(schedule.toString()), "text of " + schedule);
            ScheduleInput input = ScheduleInput.of(schedule);
            List<Violation> violations = new ArrayList<>();
            assertEquals(Optional.of(schedule), input.toSchedule(violations), "fields of " + schedule);
            assertEquals(List.of(), violations);
            assertEquals(ScheduleKinds.of(schedule).kind().fields(), input.fields().keySet(), "the fields it names");
        }
    }

    @Test
    void aKindsFieldsAreReadWithEveryProblemNamed() {
        List<Violation> violations = new ArrayList<>();
        assertEquals(Optional.empty(), ScheduleInput.of("monthly-weekday",
                Map.of("ordinal", "6", "dayOfWeek", "Caturday", "time", "25:00")).toSchedule(violations));
        assertEquals(Set.of("schedule.ordinal:out_of_range", "schedule.dayOfWeek:unknown_day",
                "schedule.time:out_of_range"), violations.stream().map(v -> v.field() + ":" + v.code())
                .collect(Collectors.toSet()));
    }
}

package dev.schedex.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.Violation;
import dev.schedex.testing.SampleSchedules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every kind has one home, and each round-trips through its text form and its request fields. */
class ScheduleKindsTest {

    private static final List<Schedule> SAMPLES = SampleSchedules.ofEveryKind();

    @Test
    void everyKindOfTheSealedSetHasItsHomeAndASample() {
        Set<Class<?>> permitted =
                Arrays.stream(Schedule.class.getPermittedSubclasses()).collect(Collectors.toSet());
        assertEquals(
                permitted,
                SAMPLES.stream().map(Object::getClass).collect(Collectors.toSet()),
                "a sample of every kind");
        assertEquals(permitted.size(), ScheduleKinds.ALL.size(), "one home per kind");
        assertEquals(
                permitted.size(),
                ScheduleKinds.ALL.stream().map(ScheduleKind::name).distinct().count(),
                "names are unique");
        for (Schedule schedule : SAMPLES) {
            assertTrue(
                    ScheduleKinds.ALL.contains(ScheduleKinds.of(schedule).kind()),
                    schedule + " is bound to a listed home");
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
            // an interval schedule names the fields of its rule only, of all the rules it takes
            assertTrue(
                    ScheduleKinds.of(schedule)
                            .kind()
                            .fields()
                            .containsAll(input.fields().keySet()),
                    "the fields it names: " + input.fields().keySet());
        }
    }

    @Test
    void aKindsFieldsAreReadWithEveryProblemNamed() {
        List<Violation> violations = new ArrayList<>();
        assertEquals(
                Optional.empty(),
                ScheduleInput.of("monthly-weekday", Map.of("ordinal", "6", "dayOfWeek", "Caturday", "time", "25:00"))
                        .toSchedule(violations));
        assertEquals(
                Set.of("schedule.ordinal:out_of_range", "schedule.dayOfWeek:unknown_day", "schedule.time:out_of_range"),
                violations.stream().map(v -> v.field() + ":" + v.code()).collect(Collectors.toSet()));
    }
}

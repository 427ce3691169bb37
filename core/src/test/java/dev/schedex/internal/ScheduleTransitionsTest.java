package dev.schedex.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.schedex.ExportRun;
import dev.schedex.RetryPolicy;
import dev.schedex.RunStatus;
import dev.schedex.ScheduleState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The retry, backoff and auto-pause rules, one row each: the state before, the run, the state after. */
class ScheduleTransitionsTest {

    private static final Instant OCCURRENCE = Instant.parse("2024-03-01T02:00:00Z");
    private static final Instant STARTED = OCCURRENCE.plusSeconds(5);
    private static final Instant NEXT = Instant.parse("2024-03-02T02:00:00Z");
    private static final ScheduleTransitions RULES =
            new ScheduleTransitions(RetryPolicy.exponential(3, Duration.ofMinutes(1)), 4);

    private static ScheduleState due(int failures) {
        Optional<Instant> at = Optional.of(OCCURRENCE);
        return new ScheduleState(
                true, Optional.empty(), at, at, Optional.empty(), Optional.empty(), Optional.of("v1"), 7, 2, failures);
    }

    private static Optional<ExportRun> run(RunStatus status, int attempt) {
        return Optional.of(new ExportRun(
                UUID.randomUUID(),
                UUID.randomUUID(),
                OCCURRENCE,
                status,
                attempt,
                "host",
                STARTED,
                Optional.of(STARTED.plusSeconds(1)),
                "txt",
                Optional.of("v2"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("boom"),
                Optional.empty(),
                Optional.empty()));
    }

    /** {@code nextRunAt, nextOccurrence, active, consecutiveFailures, runCount, lastExportedVersion} after. */
    private record After(
            Optional<Instant> nextRunAt,
            Optional<Instant> nextOccurrence,
            boolean active,
            int failures,
            long runs,
            Optional<String> exported) {
        static After of(ScheduleState s) {
            return new After(
                    s.nextRunAt(),
                    s.nextOccurrence(),
                    s.active(),
                    s.consecutiveFailures(),
                    s.runCount(),
                    s.lastExportedVersion());
        }
    }

    static Stream<Arguments> rows() {
        Optional<Instant> next = Optional.of(NEXT);
        Optional<Instant> occurrence = Optional.of(OCCURRENCE);
        return Stream.of(
                Arguments.of(
                        "a success resets the streak and records the version",
                        due(2),
                        run(RunStatus.SUCCEEDED, 1),
                        false,
                        next,
                        new After(next, next, true, 0, 8, Optional.of("v2"))),
                Arguments.of(
                        "a first failure is retried a minute after it started, for the same occurrence",
                        due(0),
                        run(RunStatus.FAILED, 1),
                        false,
                        next,
                        new After(Optional.of(STARTED.plusSeconds(60)), occurrence, true, 1, 8, Optional.of("v1"))),
                Arguments.of(
                        "the second failure waits twice as long",
                        due(1),
                        run(RunStatus.FAILED, 2),
                        false,
                        next,
                        new After(Optional.of(STARTED.plusSeconds(120)), occurrence, true, 2, 8, Optional.of("v1"))),
                Arguments.of(
                        "the last attempt's failure gives the occurrence up",
                        due(2),
                        run(RunStatus.FAILED, 3),
                        false,
                        next,
                        new After(next, next, true, 3, 8, Optional.of("v1"))),
                Arguments.of(
                        "a retry never goes past the next regular occurrence",
                        due(0),
                        run(RunStatus.FAILED, 1),
                        false,
                        Optional.of(STARTED.plusSeconds(30)),
                        new After(
                                Optional.of(STARTED.plusSeconds(30)),
                                Optional.of(STARTED.plusSeconds(30)),
                                true,
                                1,
                                8,
                                Optional.of("v1"))),
                Arguments.of(
                        "enough failures in a row pause the schedule",
                        due(3),
                        run(RunStatus.FAILED, 1),
                        false,
                        next,
                        new After(Optional.empty(), Optional.empty(), false, 4, 8, Optional.of("v1"))),
                Arguments.of(
                        "a run-now failure is not retried and keeps the regular timing",
                        due(0),
                        run(RunStatus.FAILED, 1),
                        true,
                        Optional.empty(),
                        new After(occurrence, occurrence, true, 1, 8, Optional.of("v1"))),
                Arguments.of(
                        "a skipped run keeps the streak",
                        due(2),
                        run(RunStatus.SKIPPED, 1),
                        false,
                        next,
                        new After(next, next, true, 2, 8, Optional.of("v1"))),
                Arguments.of(
                        "a claim that ran nothing moves on and counts no run",
                        due(2),
                        Optional.empty(),
                        false,
                        next,
                        new After(next, next, true, 2, 7, Optional.of("v1"))),
                Arguments.of(
                        "a schedule past its end has no next run",
                        due(0),
                        run(RunStatus.SUCCEEDED, 1),
                        false,
                        Optional.empty(),
                        new After(Optional.empty(), Optional.empty(), true, 0, 8, Optional.of("v2"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void aClaimLeavesTheScheduleAsTheRulesSay(
            String rule,
            ScheduleState before,
            Optional<ExportRun> finished,
            boolean manual,
            Optional<Instant> regularNext,
            After expected) {
        assertEquals(expected, After.of(RULES.after(before, finished, Retry.BY_POLICY, manual, regularNext)));
    }
}

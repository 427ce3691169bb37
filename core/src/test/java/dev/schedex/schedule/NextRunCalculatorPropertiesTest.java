package dev.schedex.schedule;

import dev.schedex.schedule.ReferenceSchedules.Case;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of {@link NextRunCalculator} over random schedules of every kind, zones with and
 * without daylight saving, and instants biased towards transitions; checked against the slow
 * reference in {@link ReferenceSchedules}.
 */
class NextRunCalculatorPropertiesTest {

    private static final NextRunCalculator CALCULATOR = NextRunCalculator.create();

    /** 45 days: every generated schedule that is not rare fires within it. */
    private static final long HORIZON_MINUTES = 45L * 24 * 60;

    @Provide
    Arbitrary<Case> cases() {
        return ReferenceSchedules.cases();
    }

    @Property(tries = 2000)
    void nextIsStrictlyAfterItsInput(@ForAll("cases") Case c) {
        CALCULATOR.next(c.spec().schedule(), c.zone(), c.after())
                .ifPresent(next -> assertTrue(next.isAfter(c.after()), () -> next + " for " + c));
    }

    @Property(tries = 1000)
    void upcomingIsStrictlyIncreasingAndEachMatchesTheRule(@ForAll("cases") Case c) {
        List<Instant> upcoming = CALCULATOR.upcoming(c.spec().schedule(), c.zone(), c.after(), 12);
        Instant previous = c.after();
        for (Instant next : upcoming) {
            assertTrue(next.isAfter(previous), () -> upcoming + " for " + c);
            assertTrue(ReferenceSchedules.isOccurrence(c.spec(), c.zone(), next),
                    () -> next + " (" + next.atZone(c.zone()) + ") is not an occurrence of " + c);
            previous = next;
        }
    }

    @Property(tries = 400)
    void agreesWithAMinuteByMinuteWalk(@ForAll("cases") Case c) {
        Instant expected = ReferenceSchedules.bruteForceNext(c.spec(), c.zone(), c.after(), HORIZON_MINUTES);
        Optional<Instant> actual = CALCULATOR.next(c.spec().schedule(), c.zone(), c.after());
        if (expected != null) {
            assertEquals(Optional.of(expected), actual, () -> "for " + c);
        } else {
            Instant horizon = c.after().plusSeconds(HORIZON_MINUTES * 60);
            assertTrue(actual.isEmpty() || actual.get().isAfter(horizon), () -> actual + " for " + c);
        }
    }
}

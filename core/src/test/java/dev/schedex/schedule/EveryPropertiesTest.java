package dev.schedex.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.schedule.ReferenceSchedules.EveryCase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of interval schedules over random rules, zones and instants (half of them just before
 * a transition), against the slow references in {@link ReferenceSchedules}: a walk over local dates
 * for the local rule, and the minute-by-minute walk for the instants. Every call to the calculator
 * has a time limit, so a search that does not end fails its case.
 */
class EveryPropertiesTest {

    private static final NextRunCalculator CALCULATOR = NextRunCalculator.create();

    /** 45 days of minutes: most generated schedules run within it. */
    private static final long HORIZON_MINUTES = 45L * 24 * 60;

    /** 20 years of dates: every generated schedule runs within it (a fifth weekday every 6 months included). */
    private static final int HORIZON_DAYS = 20 * 366;

    /** Far above what one search takes (microseconds); far below a hang. */
    private static final Duration AT_ONCE = Duration.ofSeconds(3);

    @Provide
    Arbitrary<EveryCase> cases() {
        return ReferenceSchedules.everyCases();
    }

    @Property(tries = 1000)
    void theLocalRuleAgreesWithAWalkOverLocalDates(@ForAll("cases") EveryCase c) {
        LocalDateTime after = LocalDateTime.ofInstant(c.after(), c.zone()).withNano(0);
        LocalDateTime expected = walk(c, after);
        LocalDateTime actual = assertTimeoutPreemptively(
                AT_ONCE,
                () -> ScheduleKinds.of(c.every().spec().schedule())
                        .rule(Calendars.NONE)
                        .nextLocal(after),
                c::toString);
        assertEquals(expected, actual, () -> "after " + after + " for " + c);
    }

    /** The first local date-time after {@code after} on a date of the rule at one of its times, or null. */
    private static LocalDateTime walk(EveryCase c, LocalDateTime after) {
        LocalDate date = after.toLocalDate();
        for (int i = 0; i < HORIZON_DAYS; i++, date = date.plusDays(1)) {
            if (c.every().onDate().test(date)) {
                for (LocalTime time : c.every().times()) {
                    if (date.atTime(time).isAfter(after)) {
                        return date.atTime(time);
                    }
                }
            }
        }
        return null;
    }

    @Property(tries = 1000)
    void theNextRunIsAfterItsInputAndNotBeforeTheAnchorDate(@ForAll("cases") EveryCase c) {
        Schedule.Every every = (Schedule.Every) c.every().spec().schedule();
        next(c).ifPresent(next -> {
            assertTrue(next.isAfter(c.after()), () -> next + " for " + c);
            assertFalse(next.atZone(c.zone()).toLocalDate().isBefore(every.from()), () -> next + " for " + c);
        });
    }

    @Property(tries = 500)
    void upcomingIsStrictlyIncreasingAndEachIsAnOccurrence(@ForAll("cases") EveryCase c) {
        List<Instant> upcoming = assertTimeoutPreemptively(
                AT_ONCE, () -> CALCULATOR.upcoming(c.every().spec().schedule(), c.zone(), c.after(), 12), c::toString);
        Instant previous = c.after();
        for (Instant next : upcoming) {
            assertTrue(next.isAfter(previous), () -> upcoming + " for " + c);
            assertTrue(
                    ReferenceSchedules.isOccurrence(c.every().spec(), c.zone(), next),
                    () -> next + " (" + next.atZone(c.zone()) + ") is not an occurrence of " + c);
            previous = next;
        }
    }

    @Property(tries = 300)
    void agreesWithAMinuteByMinuteWalk(@ForAll("cases") EveryCase c) {
        Instant expected = ReferenceSchedules.bruteForceNext(c.every().spec(), c.zone(), c.after(), HORIZON_MINUTES);
        Optional<Instant> actual = next(c);
        if (expected != null) {
            assertEquals(Optional.of(expected), actual, () -> "for " + c);
        } else {
            Instant horizon = c.after().plusSeconds(HORIZON_MINUTES * 60);
            assertTrue(actual.isEmpty() || actual.get().isAfter(horizon), () -> actual + " for " + c);
        }
    }

    private static Optional<Instant> next(EveryCase c) {
        return assertTimeoutPreemptively(
                AT_ONCE,
                () -> CALCULATOR.next(c.every().spec().schedule(), c.zone(), c.after()),
                () -> "no answer at once for " + c);
    }
}

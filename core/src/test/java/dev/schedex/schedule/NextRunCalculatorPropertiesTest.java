package dev.schedex.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.schedule.ReferenceSchedules.Case;
import dev.schedex.schedule.ReferenceSchedules.GapCase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of {@link NextRunCalculator} over random schedules of every kind, zones with and
 * without daylight saving, and instants biased towards transitions; checked against the slow
 * reference in {@link ReferenceSchedules}. Every call to the calculator has a time limit: a search
 * that does not end is a failure of the case, not a stuck build.
 */
class NextRunCalculatorPropertiesTest {

    private static final NextRunCalculator CALCULATOR = NextRunCalculator.create();

    /** 45 days: every generated schedule that is not rare fires within it. */
    private static final long HORIZON_MINUTES = 45L * 24 * 60;

    /** The 400-year Gregorian cycle, which the calculator's search bound rests on. */
    private static final long CYCLE_SECONDS = 146_097L * 86_400;

    /** Far above what one search takes, bounded or not yet bounded (milliseconds); far below a hang. */
    private static final Duration AT_ONCE = Duration.ofSeconds(3);

    @Provide
    Arbitrary<Case> cases() {
        return ReferenceSchedules.cases();
    }

    @Provide
    Arbitrary<GapCase> gapCases() {
        return ReferenceSchedules.gapCases();
    }

    private static Optional<Instant> next(Schedule schedule, ZoneId zone, Instant after) {
        return assertTimeoutPreemptively(
                AT_ONCE,
                () -> CALCULATOR.next(schedule, zone, after),
                () -> "no answer at once for " + schedule + " in " + zone + " after " + after);
    }

    @Property(tries = 2000)
    void nextIsStrictlyAfterItsInput(@ForAll("cases") Case c) {
        next(c.spec().schedule(), c.zone(), c.after())
                .ifPresent(next -> assertTrue(next.isAfter(c.after()), () -> next + " for " + c));
    }

    @Property(tries = 1000)
    void upcomingIsStrictlyIncreasingAndEachMatchesTheRule(@ForAll("cases") Case c) {
        List<Instant> upcoming = assertTimeoutPreemptively(
                AT_ONCE, () -> CALCULATOR.upcoming(c.spec().schedule(), c.zone(), c.after(), 12), c::toString);
        Instant previous = c.after();
        for (Instant next : upcoming) {
            assertTrue(next.isAfter(previous), () -> upcoming + " for " + c);
            assertTrue(
                    ReferenceSchedules.isOccurrence(c.spec(), c.zone(), next),
                    () -> next + " (" + next.atZone(c.zone()) + ") is not an occurrence of " + c);
            previous = next;
        }
    }

    @Property(tries = 400)
    void agreesWithAMinuteByMinuteWalk(@ForAll("cases") Case c) {
        Instant expected = ReferenceSchedules.bruteForceNext(c.spec(), c.zone(), c.after(), HORIZON_MINUTES);
        Optional<Instant> actual = next(c.spec().schedule(), c.zone(), c.after());
        if (expected != null) {
            assertEquals(Optional.of(expected), actual, () -> "for " + c);
        } else {
            Instant horizon = c.after().plusSeconds(HORIZON_MINUTES * 60);
            assertTrue(actual.isEmpty() || actual.get().isAfter(horizon), () -> actual + " for " + c);
        }
    }

    @Property(tries = 400)
    void aScheduleAimedAtAGapAnswersAtOnceAsAYearByYearWalkDoes(@ForAll("gapCases") GapCase c) {
        Instant expected = ReferenceSchedules.firstRealMatch(c);
        assertEquals(Optional.ofNullable(expected), next(c.cron(), c.zone(), c.after()), c::toString);
    }

    @Property(tries = 200)
    void withBoundsAScheduleAimedAtAGapAnswersAtOnceAsTheWalkDoes(
            @ForAll("gapCases") GapCase c,
            @ForAll("boundOffsets") long startOffset,
            @ForAll("boundOffsets") long length) {
        Instant start = c.after().plusSeconds(startOffset);
        Instant end = start.plusSeconds(length);
        // bounds are inclusive and runs are whole seconds: a run at or after `start` is one after the second before
        GapCase fromStart =
                new GapCase(c.cron(), c.zone(), start.minusSeconds(1), c.month(), c.hour(), c.minutes(), c.day());
        Optional<Instant> expected = Optional.ofNullable(ReferenceSchedules.firstRealMatch(fromStart))
                .filter(match -> !match.isAfter(end));
        Optional<Instant> actual = assertTimeoutPreemptively(
                AT_ONCE, () -> CALCULATOR.next(c.cron(), c.zone(), Bounds.between(start, end), c.after()), c::toString);
        assertEquals(expected, actual, () -> c + " between " + start + " and " + end);
    }

    @Provide
    Arbitrary<Long> boundOffsets() {
        return Arbitraries.longs().between(0, 40L * 365 * 86_400);
    }

    @Property(tries = 100)
    void upcomingOfAScheduleAimedAtAGapEndsAtOnceWithTheRealRuns(@ForAll("gapCases") GapCase c) {
        List<Instant> expected = new ArrayList<>();
        for (GapCase from = c; expected.size() < 3; ) {
            Instant match = ReferenceSchedules.firstRealMatch(from);
            if (match == null) {
                break;
            }
            expected.add(match);
            from = new GapCase(c.cron(), c.zone(), match, c.month(), c.hour(), c.minutes(), c.day());
        }
        assertEquals(
                expected,
                assertTimeoutPreemptively(
                        AT_ONCE, () -> CALCULATOR.upcoming(c.cron(), c.zone(), c.after(), 3), c::toString),
                c::toString);
    }

    /**
     * The premise of the search bound: past its last listed transition a zone's offsets repeat every
     * 400 years, to the second, and so do its transitions.
     */
    @Property(tries = 400)
    void aZoneRepeatsEveryFourHundredYearsPastItsLastListedTransition(
            @ForAll("zones") ZoneId zone, @ForAll("offsetsIntoTheCycle") long intoTheCycle) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffsetTransition> listed = rules.getTransitions();
        long lastListed = listed.isEmpty() ? 0 : listed.get(listed.size() - 1).toEpochSecond();
        Instant t = Instant.ofEpochSecond(lastListed + 1 + intoTheCycle);
        Instant later = t.plusSeconds(CYCLE_SECONDS);
        assertEquals(rules.getOffset(t), rules.getOffset(later), () -> zone + " at " + t);
        ZoneOffsetTransition next = rules.nextTransition(t);
        ZoneOffsetTransition nextLater = rules.nextTransition(later);
        assertEquals(
                next == null ? null : next.toEpochSecond() + CYCLE_SECONDS,
                nextLater == null ? null : nextLater.toEpochSecond(),
                () -> zone + " after " + t);
    }

    /** What the bound concludes from it: past the last listed transition, next runs repeat every 400 years. */
    @Property(tries = 400)
    void pastTheLastListedTransitionTheNextRunRepeatsEveryFourHundredYears(@ForAll("cases") Case c) {
        List<ZoneOffsetTransition> listed = c.zone().getRules().getTransitions();
        Instant after = listed.isEmpty()
                        || c.after().isAfter(listed.get(listed.size() - 1).getInstant())
                ? c.after()
                : listed.get(listed.size() - 1)
                        .getInstant()
                        .plusSeconds(c.after().getEpochSecond() % CYCLE_SECONDS);
        Optional<Instant> expected = next(c.spec().schedule(), c.zone(), after).map(n -> n.plusSeconds(CYCLE_SECONDS));
        assertEquals(expected, next(c.spec().schedule(), c.zone(), after.plusSeconds(CYCLE_SECONDS)), c::toString);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ReferenceSchedules.ZONES).map(ZoneId::of);
    }

    @Provide
    Arbitrary<Long> offsetsIntoTheCycle() {
        return Arbitraries.longs().between(0, CYCLE_SECONDS);
    }
}

package dev.schedex.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.schedex.ValidationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Recur;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * Compares interval schedules with two RFC 5545 recurrence engines, lib-recur and ical4j, over
 * random rules: the schedule and the RRULE it stands for ({@code FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=MO,TH;BYHOUR=9;
 * BYMINUTE=0;BYSECOND=0} with {@code DTSTART} at the anchor's midnight) must give the same first
 * runs. In UTC, where both compute on the calendar alone: the daylight-saving rules are the
 * calculator's, tested elsewhere, and are RFC 5545's too (a time in a gap shifted by the gap, one in
 * an overlap at its first instant). docs/schedules.md lists where RFC 5545 and schedex part.
 */
class EveryDifferentialTest {

    private static final NextRunCalculator CALCULATOR = NextRunCalculator.create();
    private static final int RUNS = 25;
    private static final Duration AT_ONCE = Duration.ofSeconds(5);
    private static final List<String> RFC_DAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

    /** A schedule and the RRULE that says the same. */
    record Pair(Schedule.Every schedule, String rrule) {
        @Override
        public String toString() {
            return schedule + " / " + rrule;
        }
    }

    @Provide
    Arbitrary<Pair> pairs() {
        Arbitrary<LocalDate> anchors = Arbitraries.longs()
                .between(
                        LocalDate.of(1990, 1, 1).toEpochDay(),
                        LocalDate.of(2100, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
        Arbitrary<LocalTime> times = Combinators.combine(
                        Arbitraries.integers().between(0, 23),
                        Arbitraries.integers().between(0, 59),
                        Arbitraries.of(0, 0, 0, 30))
                .as(LocalTime::of);
        Arbitrary<Pair> days = Combinators.combine(Arbitraries.integers().between(1, 30), anchors, times)
                .as((n, from, time) -> new Pair(
                        Schedule.every(n, ChronoUnit.DAYS, from, Schedule.daily(time)),
                        "FREQ=DAILY;INTERVAL=" + n + at(time)));
        Arbitrary<Pair> weeks = Combinators.combine(
                        Arbitraries.integers().between(1, 10),
                        anchors,
                        Arbitraries.of(DayOfWeek.class).set().ofMinSize(1),
                        times)
                .as((n, from, weekdays, time) -> new Pair(
                        Schedule.every(n, ChronoUnit.WEEKS, from, Schedule.weekly(EnumSet.copyOf(weekdays), time)),
                        "FREQ=WEEKLY;INTERVAL=" + n + ";WKST=MO;BYDAY="
                                + EnumSet.copyOf(weekdays).stream()
                                        .map(d -> RFC_DAYS.get(d.getValue() - 1))
                                        .collect(Collectors.joining(","))
                                + at(time)));
        Arbitrary<Pair> months = Combinators.combine(
                        Arbitraries.integers().between(1, 25),
                        anchors,
                        Arbitraries.integers().between(-1, 31).filter(d -> d != 0),
                        Arbitraries.of(1, 2, 3, 4, 5, -1),
                        Arbitraries.of(DayOfWeek.class),
                        Arbitraries.of(true, false),
                        times)
                .as((n, from, day, ordinal, weekday, byWeekday, time) -> monthly(
                        n,
                        from,
                        byWeekday
                                ? Schedule.monthlyOn(ordinal, weekday, time)
                                : day == -1 ? Schedule.monthlyOnLastDay(time) : Schedule.monthly(day, time),
                        byWeekday ? ordinal + RFC_DAYS.get(weekday.getValue() - 1) : Integer.toString(day),
                        byWeekday,
                        time))
                .filter(Optional::isPresent)
                .map(Optional::get);
        return Arbitraries.oneOf(days, weeks, months);
    }

    /** Empty for a month interval that never runs, which schedex refuses and an RRULE cannot say. */
    private static Optional<Pair> monthly(
            int n, LocalDate from, Schedule rule, String by, boolean byWeekday, LocalTime time) {
        try {
            return Optional.of(new Pair(
                    Schedule.every(n, ChronoUnit.MONTHS, from, rule),
                    "FREQ=MONTHLY;INTERVAL=" + n + (byWeekday ? ";BYDAY=" : ";BYMONTHDAY=") + by + at(time)));
        } catch (ValidationException neverRuns) {
            return Optional.empty();
        }
    }

    private static String at(LocalTime time) {
        return ";BYHOUR=" + time.getHour() + ";BYMINUTE=" + time.getMinute() + ";BYSECOND=" + time.getSecond();
    }

    @Property(tries = 1000)
    void theFirstRunsAreThoseOfTheRfc5545Rule(@ForAll("pairs") Pair pair) throws InvalidRecurrenceRuleException {
        LocalDate from = pair.schedule().from();
        Instant midnight = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Instant> ours = assertTimeoutPreemptively(
                AT_ONCE,
                () -> CALCULATOR.upcoming(pair.schedule(), ZoneOffset.UTC, midnight.minusSeconds(1), RUNS),
                pair::toString);
        RecurrenceRuleIterator theirs = new RecurrenceRule(pair.rrule())
                .iterator(new DateTime(
                        DateTime.UTC, from.getYear(), from.getMonthValue() - 1, from.getDayOfMonth(), 0, 0, 0));
        List<Instant> expected = new ArrayList<>();
        while (expected.size() < RUNS && theirs.hasNext()) {
            expected.add(Instant.ofEpochMilli(theirs.nextMillis()));
        }
        assertEquals(expected, ours, pair::toString);
    }

    @Property(tries = 300)
    void theFirstRunsAreThoseIcal4jComputesForTheRule(@ForAll("pairs") Pair pair) {
        LocalDate from = pair.schedule().from();
        Instant midnight = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Instant> ours = CALCULATOR.upcoming(pair.schedule(), ZoneOffset.UTC, midnight.minusSeconds(1), RUNS);
        LocalDateTime seed = from.atStartOfDay();
        // ical4j wants an end: a day past schedex's last run (if ical4j has the same runs, all are before
        // it; if it has others before it, they show)
        LocalDateTime until = LocalDateTime.ofInstant(ours.get(ours.size() - 1), ZoneOffset.UTC)
                .plusDays(1);
        List<Instant> theirs = new Recur<LocalDateTime>(pair.rrule())
                .getDates(seed, seed, until, RUNS).stream()
                        .map(t -> t.toInstant(ZoneOffset.UTC))
                        .sorted()
                        .limit(RUNS)
                        .toList();
        assertEquals(theirs, ours, pair::toString);
    }

    @Property(tries = 300)
    void fromAnyInstantTheNextRunIsTheRfc5545RulesNext(@ForAll("pairs") Pair pair, @ForAll("daysOn") int daysOn)
            throws InvalidRecurrenceRuleException {
        LocalDate from = pair.schedule().from();
        Instant after = from.atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .plus(daysOn, ChronoUnit.DAYS)
                .plusSeconds(daysOn);
        RecurrenceRuleIterator theirs = new RecurrenceRule(pair.rrule())
                .iterator(new DateTime(
                        DateTime.UTC, from.getYear(), from.getMonthValue() - 1, from.getDayOfMonth(), 0, 0, 0));
        // walked rather than fastForward(), which still returns the start instance when it lies before
        // its argument; at most one instance a day for 3000 days
        Optional<Instant> expected = Optional.empty();
        while (expected.isEmpty() && theirs.hasNext()) {
            expected = Optional.of(Instant.ofEpochMilli(theirs.nextMillis())).filter(next -> next.isAfter(after));
        }
        assertEquals(
                expected,
                assertTimeoutPreemptively(
                        AT_ONCE, () -> CALCULATOR.next(pair.schedule(), ZoneOffset.UTC, after), pair::toString),
                () -> pair + " after " + after);
    }

    @Provide
    Arbitrary<Integer> daysOn() {
        return Arbitraries.integers().between(0, 3000);
    }
}

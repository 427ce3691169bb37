package dev.schedex.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.calendar.BusinessCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of schedules on business days over random calendars (weekends, scattered holidays and
 * closures of weeks), rules, shifts, zones, instants and end bounds: the runs strictly increase,
 * each lies on a business day of the zone's calendar and within the bounds, and the local rule
 * agrees with a plain walk over the rule's occurrences that maps each date and keeps the first
 * date to reach a business day.
 */
class BusinessDayPropertiesTest {

    private static final Duration AT_ONCE = Duration.ofSeconds(3);
    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);
    private static final List<String> ZONES =
            List.of("UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "America/Sao_Paulo");

    /** A calendar built from its parts, so that a failing case prints them. */
    record Calendar(Set<DayOfWeek> weekend, Set<LocalDate> holidays) implements BusinessCalendar {
        @Override
        public boolean isBusinessDay(LocalDate date) {
            return !weekend.contains(date.getDayOfWeek()) && !holidays.contains(date);
        }
    }

    record Case(Schedule schedule, Calendar calendar, ZoneId zone, Instant after, Instant end) {
        NextRunCalculator calculator() {
            return NextRunCalculator.create(Map.of("cal", calendar));
        }

        @Override
        public String toString() {
            return schedule + " in " + zone + " after " + after + " until " + end + " with " + calendar;
        }
    }

    @Provide
    Arbitrary<Calendar> calendars() {
        Arbitrary<Set<DayOfWeek>> weekend =
                Arbitraries.of(DayOfWeek.class).set().ofMaxSize(3);
        Arbitrary<Set<LocalDate>> scattered = Arbitraries.integers()
                .between(0, 3 * 366)
                .map(FIRST::plusDays)
                .set()
                .ofMaxSize(150);
        Arbitrary<List<LocalDate>> closures = Arbitraries.integers()
                .between(0, 3 * 366)
                .map(FIRST::plusDays)
                .list()
                .ofMaxSize(4);
        Arbitrary<Integer> closureDays = Arbitraries.integers().between(3, 45);
        return Combinators.combine(weekend, scattered, closures, closureDays).as((w, s, c, length) -> {
            Set<LocalDate> holidays = new java.util.HashSet<>(s);
            for (LocalDate start : c) {
                for (int i = 0; i < length; i++) {
                    holidays.add(start.plusDays(i));
                }
            }
            return new Calendar(w, Set.copyOf(holidays));
        });
    }

    @Provide
    Arbitrary<Schedule> rules() {
        Arbitrary<LocalTime> time = Arbitraries.integers()
                .between(0, 24 * 4 - 1)
                .map(quarter -> LocalTime.of(quarter / 4, quarter % 4 * 15));
        Arbitrary<Schedule> daily =
                time.list().ofMinSize(1).ofMaxSize(3).map(times -> Schedule.daily(times.toArray(LocalTime[]::new)));
        Arbitrary<Schedule> weekly = Combinators.combine(
                        Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(4), time)
                .as(Schedule::weekly);
        Arbitrary<Schedule> monthly =
                Combinators.combine(Arbitraries.integers().between(1, 31), time).as(Schedule::monthly);
        Arbitrary<Schedule> lastDay = time.map(Schedule::monthlyOnLastDay);
        Arbitrary<Schedule> weekday = Combinators.combine(
                        Arbitraries.of(1, 2, 3, 4, -1), Arbitraries.of(DayOfWeek.class), time)
                .as(Schedule::monthlyOn);
        Arbitrary<Schedule> every = Combinators.combine(
                        Arbitraries.integers().between(1, 5),
                        Arbitraries.integers().between(0, 400),
                        weekly)
                .as((n, from, rule) -> Schedule.every(n, ChronoUnit.WEEKS, FIRST.plusDays(from), rule));
        Arbitrary<Schedule> rule = Arbitraries.oneOf(daily, weekly, monthly, lastDay, weekday, every);
        Arbitrary<Schedule> shifted = Combinators.combine(rule, Arbitraries.of(NonBusinessDay.class))
                .as((r, shift) -> r.onBusinessDaysOf("cal", shift));
        Arbitrary<Schedule> counted = Combinators.combine(
                        Arbitraries.oneOf(Arbitraries.integers().between(1, 23), Arbitraries.just(-1)), time)
                .as((n, t) -> Schedule.monthlyOnBusinessDay(n, "cal", t));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, shifted), net.jqwik.api.Tuple.of(1, counted));
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<ZoneId> zone = Arbitraries.of(ZONES).map(ZoneId::of);
        Arbitrary<Instant> after = Arbitraries.longs()
                .between(0, 2L * 366 * 86_400)
                .map(s ->
                        FIRST.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plusSeconds(s));
        Arbitrary<Integer> days = Arbitraries.integers().between(0, 500);
        return Combinators.combine(rules(), calendars(), zone, after, days)
                .as((s, c, z, a, d) -> new Case(s, c, z, a, a.plus(d, ChronoUnit.DAYS)));
    }

    @Property(tries = 400)
    void runsStrictlyIncreaseFallOnBusinessDaysAndStayWithinTheBounds(@ForAll("cases") Case c) {
        List<Instant> runs = assertTimeoutPreemptively(
                AT_ONCE,
                () -> c.calculator().upcoming(c.schedule(), c.zone(), Bounds.endingAt(c.end()), c.after(), 12),
                c::toString);
        Instant previous = c.after();
        for (Instant run : runs) {
            assertTrue(run.isAfter(previous), () -> runs + " for " + c);
            assertTrue(!run.isAfter(c.end()), () -> run + " past the end for " + c);
            LocalDate date = LocalDateTime.ofInstant(run, c.zone()).toLocalDate();
            assertTrue(c.calendar().isBusinessDay(date), () -> date + " is no business day: " + runs + " for " + c);
            previous = run;
        }
    }

    @Property(tries = 1000)
    void theLocalRuleAgreesWithAPlainWalk(@ForAll("cases") Case c) {
        LocalDateTime after = LocalDateTime.ofInstant(c.after(), c.zone());
        Calendars calendars = name -> c.calendar();
        LocalDateTime actual = assertTimeoutPreemptively(
                AT_ONCE, () -> ScheduleKinds.of(c.schedule()).rule(calendars).nextLocal(after), c::toString);
        assertEquals(walk(c, after), actual, () -> "after " + after + " for " + c);
    }

    /** The first occurrence after {@code after} by the rule of {@link Schedule.OnBusinessDays}, or of the n-th business day. */
    private static LocalDateTime walk(Case c, LocalDateTime after) {
        Calendar calendar = c.calendar();
        if (c.schedule() instanceof Schedule.MonthlyOnBusinessDay counted) {
            for (LocalDate month = after.toLocalDate().withDayOfMonth(1);
                    month.isBefore(after.toLocalDate().plusYears(100));
                    month = month.plusMonths(1)) {
                List<LocalDate> business = new ArrayList<>();
                for (LocalDate d = month; d.getMonth() == month.getMonth(); d = d.plusDays(1)) {
                    if (calendar.isBusinessDay(d)) {
                        business.add(d);
                    }
                }
                int n = counted.businessDay();
                if (business.size() >= Math.max(n, 1)) {
                    LocalDateTime run = LocalDateTime.of(
                            n == -1 ? business.get(business.size() - 1) : business.get(n - 1), counted.time());
                    if (run.isAfter(after)) {
                        return run;
                    }
                }
            }
            return null;
        }
        Schedule.OnBusinessDays shifted = (Schedule.OnBusinessDays) c.schedule();
        LocalRule rule = ScheduleKinds.of(shifted.rule()).rule(Calendars.NONE);
        LocalDateTime cursor = after.toLocalDate().minusDays(40).atStartOfDay();
        LocalDate lastTarget = null;
        LocalDate lastSource = null;
        LocalDate horizon = after.toLocalDate().plusYears(30);
        while (true) {
            LocalDateTime occurrence = rule.nextLocal(cursor);
            if (occurrence == null || occurrence.toLocalDate().isAfter(horizon)) {
                return null;
            }
            cursor = occurrence;
            LocalDate source = occurrence.toLocalDate();
            LocalDate target = target(calendar, shifted.nonBusinessDay(), source);
            if (target == null || (!source.equals(lastSource) && target.equals(lastTarget))) {
                continue;
            }
            lastTarget = target;
            lastSource = source;
            LocalDateTime run = LocalDateTime.of(target, occurrence.toLocalTime());
            if (run.isAfter(after)) {
                return run;
            }
        }
    }

    private static LocalDate target(Calendar calendar, NonBusinessDay shift, LocalDate date) {
        int step = shift == NonBusinessDay.NEXT ? 1 : -1;
        int reach = shift == NonBusinessDay.SKIP ? 0 : 31;
        for (int i = 0; i <= reach; i++) {
            LocalDate day = date.plusDays((long) i * step);
            if (calendar.isBusinessDay(day)) {
                return day;
            }
        }
        return null;
    }
}

package dev.schedex.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random schedules, each with a slow, independent statement of what it means: a predicate on local
 * date-times written with java.time's own calendar operations, sharing no code with the calculator.
 * Times are whole minutes so that a minute-by-minute walk finds every occurrence.
 */
final class ReferenceSchedules {

    /** Zones with gaps and overlaps of every kind, and some without daylight saving. */
    static final List<String> ZONES = List.of(
            "America/New_York",
            "Europe/Berlin",
            "Australia/Lord_Howe",
            "Africa/Cairo",
            "America/Santiago",
            "Pacific/Chatham",
            "America/St_Johns",
            "Europe/Dublin",
            "America/Sao_Paulo",
            "Asia/Tehran",
            "Pacific/Apia",
            "Europe/London",
            "UTC",
            "Asia/Kolkata",
            "Asia/Tokyo");

    private static final String[] DAY_NAMES = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    private static final String[] MONTH_NAMES = {
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"
    };

    private ReferenceSchedules() {}

    /** A schedule and what it means. */
    record Spec(Schedule schedule, Predicate<LocalDateTime> matches, boolean fixedTimes) {
        @Override
        public String toString() {
            return schedule.toString();
        }
    }

    /** A schedule, a zone and an instant to search after. */
    record Case(Spec spec, ZoneId zone, Instant after) {
        @Override
        public String toString() {
            return spec + " in " + zone + " after " + after + " ("
                    + after.atZone(zone).toLocalDateTime() + ")";
        }
    }

    static Arbitrary<Case> cases() {
        Arbitrary<ZoneId> zones = Arbitraries.of(ZONES).map(ZoneId::of);
        return Combinators.combine(
                        specs(),
                        zones,
                        Arbitraries.longs().between(0, Long.MAX_VALUE),
                        Arbitraries.integers().between(0, 3 * 86_400 * 2))
                .as((spec, zone, seed, beforeTransition) -> new Case(spec, zone, after(zone, seed, beforeTransition)));
    }

    /** Half the time just before one of the zone's transitions, otherwise anywhere from 1990 to 2200. */
    private static Instant after(ZoneId zone, long seed, int beforeTransition) {
        long from = Instant.parse("1990-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
        Instant anywhere = Instant.ofEpochSecond(from + (seed >>> 1) % (to - from), (seed % 3 == 0) ? 500_000_000 : 0);
        if ((seed & 1) == 0) {
            return anywhere;
        }
        ZoneOffsetTransition transition = zone.getRules().nextTransition(anywhere);
        return transition == null ? anywhere : transition.getInstant().minusSeconds(beforeTransition);
    }

    static Arbitrary<Spec> specs() {
        return Arbitraries.oneOf(daily(), weekly(), monthlyOnDay(), monthlyOnLastDay(), monthlyOnWeekday(), cron());
    }

    private static Arbitrary<LocalTime> times() {
        // bias towards the small hours, where transitions are
        Arbitrary<Integer> hours = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 3)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 23)));
        return Combinators.combine(hours, Arbitraries.of(0, 15, 30, 45, 7, 59))
                .as((hour, minute) -> LocalTime.of(hour, minute));
    }

    private static Arbitrary<Spec> daily() {
        return times().list().ofMinSize(1).ofMaxSize(3).map(list -> {
            Set<LocalTime> times = new TreeSet<>(list);
            return new Spec(
                    Schedule.daily(list.toArray(LocalTime[]::new)), local -> times.contains(local.toLocalTime()), true);
        });
    }

    private static Arbitrary<Spec> weekly() {
        return Combinators.combine(Arbitraries.of(DayOfWeek.class).set().ofMinSize(1), times())
                .as((days, time) -> new Spec(
                        Schedule.weekly(EnumSet.copyOf(days), time),
                        local -> days.contains(local.getDayOfWeek())
                                && local.toLocalTime().equals(time),
                        true));
    }

    private static Arbitrary<Spec> monthlyOnDay() {
        return Combinators.combine(Arbitraries.integers().between(1, 31), times())
                .as((day, time) -> new Spec(
                        Schedule.monthly(day, time),
                        local -> local.getDayOfMonth() == day
                                && local.toLocalTime().equals(time),
                        true));
    }

    private static Arbitrary<Spec> monthlyOnLastDay() {
        return times().map(time -> new Spec(
                Schedule.monthlyOnLastDay(time),
                local -> local.toLocalDate().equals(local.toLocalDate().with(TemporalAdjusters.lastDayOfMonth()))
                        && local.toLocalTime().equals(time),
                true));
    }

    private static Arbitrary<Spec> monthlyOnWeekday() {
        return Combinators.combine(Arbitraries.of(1, 2, 3, 4, 5, -1), Arbitraries.of(DayOfWeek.class), times())
                .as((ordinal, day, time) -> new Spec(
                        Schedule.monthlyOn(ordinal, day, time),
                        local -> isNthWeekday(local.toLocalDate(), ordinal, day)
                                && local.toLocalTime().equals(time),
                        true));
    }

    /**
     * An interval schedule with its meaning twice: per local date-time (for the instant rules), and
     * as the dates it runs on and its times (for a walk over local dates).
     */
    record EverySpec(Spec spec, Predicate<LocalDate> onDate, List<LocalTime> times) {}

    /** An interval schedule, a zone and an instant to search after, the anchor near that instant. */
    record EveryCase(EverySpec every, ZoneId zone, Instant after) {
        @Override
        public String toString() {
            return every.spec() + " in " + zone + " after " + after + " ("
                    + after.atZone(zone).toLocalDateTime() + ")";
        }
    }

    /**
     * Interval schedules whose anchor lies from about a year before the instant searched after to a
     * month after it, so that both the first counted period and later ones are met; intervals small
     * enough that a walk finds runs. Each rule's meaning is stated with java.time's own calendar
     * units ({@code ChronoUnit.WEEKS.between} of the Mondays, {@code MONTHS.between} of the months).
     */
    static Arbitrary<EveryCase> everyCases() {
        Arbitrary<ZoneId> zones = Arbitraries.of(ZONES).map(ZoneId::of);
        return Combinators.combine(
                        Arbitraries.oneOf(everyDays(), everyWeeks(), everyMonths()),
                        zones,
                        Arbitraries.longs().between(0, Long.MAX_VALUE),
                        Arbitraries.integers().between(0, 3 * 86_400 * 2),
                        Arbitraries.integers().between(-400, 30))
                .as((rule, zone, seed, beforeTransition, anchorDays) -> {
                    Instant after = after(zone, seed, beforeTransition);
                    return new EveryCase(
                            rule.apply(LocalDateTime.ofInstant(after, zone)
                                    .toLocalDate()
                                    .plusDays(anchorDays)),
                            zone,
                            after);
                });
    }

    private static EverySpec everySpec(Schedule schedule, Predicate<LocalDate> onDate, List<LocalTime> times) {
        return new EverySpec(
                new Spec(
                        schedule,
                        local -> onDate.test(local.toLocalDate()) && times.contains(local.toLocalTime()),
                        true),
                onDate,
                times);
    }

    private static Arbitrary<Function<LocalDate, EverySpec>> everyDays() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 10),
                        times().list().ofMinSize(1).ofMaxSize(3))
                .as((n, list) -> from -> {
                    List<LocalTime> times = List.copyOf(new TreeSet<>(list));
                    return everySpec(
                            Schedule.every(n, ChronoUnit.DAYS, from, Schedule.daily(list.toArray(LocalTime[]::new))),
                            date -> !date.isBefore(from) && ChronoUnit.DAYS.between(from, date) % n == 0,
                            times);
                });
    }

    private static Arbitrary<Function<LocalDate, EverySpec>> everyWeeks() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 5),
                        Arbitraries.of(DayOfWeek.class).set().ofMinSize(1),
                        times())
                .as((n, days, time) -> from -> {
                    LocalDate firstMonday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    return everySpec(
                            Schedule.every(n, ChronoUnit.WEEKS, from, Schedule.weekly(EnumSet.copyOf(days), time)),
                            date -> !date.isBefore(from)
                                    && days.contains(date.getDayOfWeek())
                                    && ChronoUnit.WEEKS.between(
                                                            firstMonday,
                                                            date.with(
                                                                    TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
                                                    % n
                                            == 0,
                            List.of(time));
                });
    }

    /** Intervals of months that no day of month or weekday rule can make never run (only multiples of 12 can). */
    private static Arbitrary<Function<LocalDate, EverySpec>> everyMonths() {
        Arbitrary<Integer> intervals = Arbitraries.of(1, 2, 3, 4, 6);
        Arbitrary<Function<LocalTime, Schedule>> rules = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 31).map(day -> time -> Schedule.monthly(day, time)),
                Arbitraries.just(Schedule::monthlyOnLastDay),
                Combinators.combine(Arbitraries.of(1, 2, 3, 4, 5, -1), Arbitraries.of(DayOfWeek.class))
                        .as((ordinal, day) -> time -> Schedule.monthlyOn(ordinal, day, time)));
        return Combinators.combine(intervals, rules, times()).as((n, rule, time) -> from -> {
            Schedule monthly = rule.apply(time);
            Predicate<LocalDate> inMonth = monthly instanceof Schedule.MonthlyOnDay onDay
                    ? date -> date.getDayOfMonth() == onDay.dayOfMonth()
                    : monthly instanceof Schedule.MonthlyOnWeekday weekday
                            ? date -> isNthWeekday(date, weekday.ordinal(), weekday.dayOfWeek())
                            : date -> date.equals(date.with(TemporalAdjusters.lastDayOfMonth()));
            return everySpec(
                    Schedule.every(n, ChronoUnit.MONTHS, from, monthly),
                    date -> !date.isBefore(from)
                            && ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(date)) % n == 0
                            && inMonth.test(date),
                    List.of(time));
        });
    }

    private static boolean isNthWeekday(LocalDate date, int ordinal, DayOfWeek day) {
        LocalDate nth = date.with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day));
        return nth.equals(date) && nth.getMonth() == date.getMonth();
    }

    /** A field: its text and the plain values it allows. */
    private record Field(String text, Set<Integer> values) {}

    private static Arbitrary<Field> numericField(int min, int max, String[] names) {
        return numericField(min, max, max, names);
    }

    /** A field of range min..max whose explicit values are drawn from min..valueMax. */
    private static Arbitrary<Field> numericField(int min, int max, int valueMax, String[] names) {
        Arbitrary<Integer> value = Arbitraries.integers().between(min, valueMax);
        Arbitrary<Integer> step = Arbitraries.integers().between(1, Math.min(12, max - min + 1));
        return Arbitraries.oneOf(
                Arbitraries.just(new Field("*", range(min, max, 1))),
                step.map(s -> new Field("*/" + s, range(min, max, s))),
                value.map(v -> new Field(name(v, min, names), Set.of(v))),
                Combinators.combine(value, value)
                        .as((a, b) -> new Field(
                                name(Math.min(a, b), min, names) + "-" + name(Math.max(a, b), min, names),
                                range(Math.min(a, b), Math.max(a, b), 1))),
                Combinators.combine(value, value, step)
                        .as((a, b, s) -> new Field(
                                Math.min(a, b) + "-" + Math.max(a, b) + "/" + s,
                                range(Math.min(a, b), Math.max(a, b), s))),
                Combinators.combine(value, step).as((a, s) -> new Field(a + "/" + s, range(a, max, s))),
                Combinators.combine(value, value).as((a, b) -> {
                    Set<Integer> both = new TreeSet<>(List.of(a, b));
                    return new Field(name(a, min, names) + "," + name(b, min, names), both);
                }));
    }

    /** Every third value by its name, to mix names and numbers; month names start at 1, day names at 0. */
    private static String name(int value, int min, String[] names) {
        int index = names == MONTH_NAMES ? value - 1 : value;
        return names != null && value % 3 == 0 && index < names.length ? names[index] : Integer.toString(value);
    }

    private static Set<Integer> range(int from, int to, int step) {
        Set<Integer> values = new TreeSet<>();
        for (int v = from; v <= to; v += step) {
            values.add(v);
        }
        return values;
    }

    /**
     * Five-field cron texts in the subset that Spring and cron-utils read the same way as we do: plain
     * values, names, ranges, lists and steps, with at most one day field restricted. The day-of-week
     * has no step (Spring steps over 1-7 starting on Monday, Vixie cron over 0-7 starting on Sunday)
     * and no Sunday (both peers read SUN as 7 in ranges: Spring matched a Monday for SUN-SUN, and
     * cron-utils rejects SUN-1).
     */
    static Arbitrary<String> plainCron() {
        Arbitrary<Field> dayOfWeek = numericField(1, 6, 6, DAY_NAMES)
                .filter(field -> !field.text().contains("*") && !field.text().contains("/"));
        return Combinators.combine(
                        numericField(0, 59, null),
                        numericField(0, 23, null),
                        numericField(1, 31, null),
                        numericField(1, 12, MONTH_NAMES),
                        dayOfWeek,
                        Arbitraries.of(true, false))
                .as((minute, hour, dom, month, dow, byWeek) -> minute.text() + " " + hour.text() + " "
                        + (byWeek ? "*" : dom.text()) + " " + month.text() + " " + (byWeek ? dow.text() : "*"));
    }

    private static Arbitrary<Spec> cron() {
        Arbitrary<Field> minutes = numericField(0, 59, null);
        Arbitrary<Field> hours = Arbitraries.oneOf(numericField(0, 23, null), numericField(0, 23, 3, null));
        Arbitrary<Field> months = numericField(1, 12, MONTH_NAMES);
        Arbitrary<Integer> monthDay = Arbitraries.integers().between(1, 31);
        Arbitrary<Field> daysOfMonth = Arbitraries.oneOf(
                numericField(1, 31, null),
                Arbitraries.of("L", "LW", "?").map(special -> new Field(special, Set.of())),
                monthDay.map(d -> new Field(d + "W", Set.of())));
        Arbitrary<Integer> weekDay = Arbitraries.integers().between(0, 6);
        Arbitrary<Field> daysOfWeek = Arbitraries.oneOf(
                numericField(0, 7, DAY_NAMES),
                weekDay.map(d -> new Field(d + "L", Set.of())),
                Combinators.combine(weekDay, Arbitraries.integers().between(1, 5))
                        .as((d, n) -> new Field(DAY_NAMES[d] + "#" + n, Set.of())));
        return Combinators.combine(minutes, hours, daysOfMonth, months, daysOfWeek)
                .as((mi, h, dom, mo, dow) -> {
                    String text = mi.text() + " " + h.text() + " " + dom.text() + " " + mo.text() + " " + dow.text();
                    boolean fixed = !mi.text().contains("*")
                            && !mi.text().contains("/")
                            && !h.text().contains("*")
                            && !h.text().contains("/");
                    Predicate<LocalDateTime> matches = local -> mi.values().contains(local.getMinute())
                            && h.values().contains(local.getHour())
                            && mo.values().contains(local.getMonthValue())
                            && daysMatch(dom, dow, local.toLocalDate());
                    return new Spec(Schedule.cron(text), matches, fixed);
                });
    }

    private static boolean daysMatch(Field dom, Field dow, LocalDate date) {
        boolean byMonth = dayOfMonthMatches(dom.text(), dom.values(), date);
        boolean byWeek = dayOfWeekMatches(dow.text(), dow.values(), date);
        boolean eitherStarred = dom.text().startsWith("*")
                || dom.text().startsWith("?")
                || dow.text().startsWith("*")
                || dow.text().startsWith("?");
        return eitherStarred ? byMonth && byWeek : byMonth || byWeek;
    }

    private static boolean dayOfMonthMatches(String text, Set<Integer> values, LocalDate date) {
        LocalDate last = date.with(TemporalAdjusters.lastDayOfMonth());
        if (text.equals("?")) {
            return true;
        }
        if (text.equals("L")) {
            return date.equals(last);
        }
        if (text.equals("LW")) {
            LocalDate weekday = last;
            while (weekday.getDayOfWeek() == DayOfWeek.SATURDAY || weekday.getDayOfWeek() == DayOfWeek.SUNDAY) {
                weekday = weekday.minusDays(1);
            }
            return date.equals(weekday);
        }
        if (text.endsWith("W")) {
            int day = Integer.parseInt(text.substring(0, text.length() - 1));
            if (day > last.getDayOfMonth()) {
                return false;
            }
            LocalDate target = date.withDayOfMonth(day);
            if (target.getDayOfWeek() == DayOfWeek.SATURDAY) {
                target = day == 1 ? target.plusDays(2) : target.minusDays(1);
            } else if (target.getDayOfWeek() == DayOfWeek.SUNDAY) {
                target = target.equals(last) ? target.minusDays(2) : target.plusDays(1);
            }
            return date.equals(target);
        }
        return values.contains(date.getDayOfMonth());
    }

    private static boolean dayOfWeekMatches(String text, Set<Integer> values, LocalDate date) {
        if (text.equals("?")) {
            return true;
        }
        if (text.endsWith("L")) {
            DayOfWeek day = DayOfWeek.of(((Integer.parseInt(text.substring(0, text.length() - 1)) + 6) % 7) + 1);
            return date.equals(date.with(TemporalAdjusters.lastInMonth(day)));
        }
        if (text.contains("#")) {
            String[] parts = text.split("#");
            int index = List.of(DAY_NAMES).indexOf(parts[0]);
            DayOfWeek day = DayOfWeek.of(((index + 6) % 7) + 1);
            return isNthWeekday(date, Integer.parseInt(parts[1]), day);
        }
        int sundayZero = date.getDayOfWeek().getValue() % 7;
        return values.contains(sundayZero) || sundayZero == 0 && values.contains(7);
    }

    /**
     * The rule of {@code docs/schedules.md}, stated per instant: is this instant an occurrence? For a
     * fixed wall time: the instant shows a matching wall time and is its first instant, or it lies in
     * the stretch just after a gap and the wall time the clock skipped over matches. Otherwise: the
     * instant shows a matching wall time.
     */
    static boolean isOccurrence(Spec spec, ZoneId zone, Instant instant) {
        ZoneRules rules = zone.getRules();
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        if (!spec.fixedTimes()) {
            return spec.matches().test(local);
        }
        if (spec.matches().test(local)) {
            long first = Long.MAX_VALUE;
            for (ZoneOffset offset : rules.getValidOffsets(local)) {
                first = Math.min(first, local.toEpochSecond(offset));
            }
            if (first == instant.getEpochSecond()) {
                return true;
            }
        }
        ZoneOffsetTransition previous = rules.previousTransition(instant.plusNanos(1));
        if (previous != null
                && previous.isGap()
                && instant.getEpochSecond()
                        < previous.toEpochSecond() + previous.getDuration().getSeconds()) {
            LocalDateTime skippedWallTime =
                    LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, previous.getOffsetBefore());
            return spec.matches().test(skippedWallTime);
        }
        return false;
    }

    /** The first occurrence after an instant, found by trying every minute up to a horizon; null if none. */
    static Instant bruteForceNext(Spec spec, ZoneId zone, Instant after, long horizonMinutes) {
        long minute = Math.floorDiv(after.getEpochSecond(), 60) + 1;
        for (long i = 0; i < horizonMinutes; i++, minute++) {
            Instant candidate = Instant.ofEpochSecond(minute * 60);
            if (isOccurrence(spec, zone, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * A real-instant cron schedule aimed at a spring-forward gap: its month and hour are a gap's, its
     * minutes a step over (part of) the gap's minutes, its day field names the gap's day in one of
     * the ways below. In the years whose gap falls on that day every match is missing; in others,
     * and when the hour is moved off the gap, the matches are real.
     *
     * @param cron    the expression
     * @param zone    its zone
     * @param after   the instant to search after
     * @param month   the month it matches
     * @param hour    the hour it matches
     * @param minutes the minutes it matches
     * @param day     the days of the month it matches, stated with java.time's adjusters
     */
    record GapCase(
            Schedule cron,
            ZoneId zone,
            Instant after,
            Month month,
            int hour,
            Set<Integer> minutes,
            Predicate<LocalDate> day) {
        @Override
        public String toString() {
            return cron + " in " + zone + " after " + after + " ("
                    + after.atZone(zone).toLocalDateTime() + ")";
        }
    }

    static Arbitrary<GapCase> gapCases() {
        // mostly zones that still change their clocks, so that many cases have no run at all
        Arbitrary<ZoneId> zones = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(
                        3,
                        Arbitraries.of(ZONES)
                                .map(ZoneId::of)
                                .filter(zone ->
                                        !zone.getRules().getTransitionRules().isEmpty())),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(ZONES).map(ZoneId::of)));
        // mostly the forms that name the gap's day in every year
        Arbitrary<Integer> dayForms = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(0, 1, 6)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(2, 3, 4, 5)));
        return Combinators.combine(
                        zones,
                        Arbitraries.integers().between(1970, 2060),
                        dayForms,
                        Arbitraries.integers().between(1, 30),
                        Arbitraries.longs().between(0, Long.MAX_VALUE))
                .as(ReferenceSchedules::gapCase);
    }

    private static GapCase gapCase(ZoneId zone, int modelYear, int dayForm, int step, long seed) {
        ZoneRules rules = zone.getRules();
        // the first gap from the model year on, or a made-up one where the zone has none
        LocalDateTime gapStart =
                LocalDateTime.of(modelYear, 3, 31, 2, 0).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
        int gapMinutes = 60;
        ZoneOffsetTransition transition = rules.nextTransition(
                LocalDate.of(modelYear, 1, 1).atStartOfDay(zone).toInstant());
        for (int i = 0; i < 6 && transition != null; i++, transition = rules.nextTransition(transition.getInstant())) {
            if (transition.isGap()) {
                gapStart = transition.getDateTimeBefore();
                gapMinutes = (int) transition.getDuration().toMinutes();
                break;
            }
        }
        LocalDate date = gapStart.toLocalDate();
        int hour = seed % 5 == 0 ? (gapStart.getHour() + 1) % 24 : gapStart.getHour();
        int from = gapStart.getMinute();
        int to = Math.min(59, from + gapMinutes - 1);
        String minuteText = from == 0 && to == 59 ? "*/" + step : from + "-" + to + "/" + step;
        Set<Integer> minutes = range(from, to, step);

        DayOfWeek weekday = date.getDayOfWeek();
        String dayName = DAY_NAMES[weekday.getValue() % 7];
        int nth = (date.getDayOfMonth() - 1) / 7 + 1;
        boolean lastSuchWeekday = date.plusDays(7).getMonth() != date.getMonth();
        int dayOfMonth = date.getDayOfMonth();
        String days;
        Predicate<LocalDate> day;
        switch (lastSuchWeekday && dayForm == 0 ? 1 : dayForm) {
            case 0 -> {
                days = "? " + dayName + "#" + nth;
                day = d -> d.equals(d.with(TemporalAdjusters.dayOfWeekInMonth(nth, weekday)));
            }
            case 1 -> {
                days = "* " + weekday.getValue() % 7 + "L";
                day = d -> d.equals(d.with(TemporalAdjusters.lastInMonth(weekday)));
            }
            case 2 -> {
                days = dayOfMonth + " ?";
                day = d -> d.getDayOfMonth() == dayOfMonth;
            }
            case 3 -> {
                days = dayOfMonth + "W ?";
                day = d -> dayOfMonthMatches(dayOfMonth + "W", Set.of(), d);
            }
            case 4 -> {
                days = "LW *";
                day = d -> dayOfMonthMatches("LW", Set.of(), d);
            }
            case 5 -> {
                days = "L ?";
                day = d -> d.equals(d.with(TemporalAdjusters.lastDayOfMonth()));
            }
            default -> {
                // the week of the month that holds the day, and on Sundays a stepped day of week
                // (*/7 is 0 and 7, Sunday): the n-th Sunday written as a range
                int first = 7 * nth - 6;
                int last = Math.min(31, 7 * nth);
                boolean sunday = weekday == DayOfWeek.SUNDAY;
                days = first + "-" + last + " " + (sunday ? "*/7" : "*");
                day = d -> d.getDayOfMonth() >= first
                        && d.getDayOfMonth() <= last
                        && (!sunday || d.getDayOfWeek() == DayOfWeek.SUNDAY);
            }
        }
        String[] dayParts = days.split(" ");
        String monthText =
                seed % 3 == 0 ? MONTH_NAMES[date.getMonthValue() - 1] : Integer.toString(date.getMonthValue());
        String text = (seed % 2 == 0 ? "0 " : "") + minuteText + " " + hour + " " + dayParts[0] + " " + monthText + " "
                + dayParts[1];
        // half the time within a year or so of the model gap, otherwise from decades before it (other
        // rules, or none) to decades after
        long spread = (seed & 4) == 0 ? 3L * 365 * 86_400 : 80L * 365 * 86_400;
        Instant after = gapStart.atZone(zone).toInstant().plusSeconds((seed >>> 8) % spread - spread / 2);
        return new GapCase(Schedule.cron(text), zone, after, date.getMonth(), hour, minutes, day);
    }

    /**
     * The first real instant after {@code c.after()} whose local time matches, found by trying each
     * matching minute of each matching day, year by year, up to 401 years past the later of the
     * instant and the zone's last listed transition; null if there is none so far.
     */
    static Instant firstRealMatch(GapCase c) {
        ZoneRules rules = c.zone().getRules();
        List<ZoneOffsetTransition> listed = rules.getTransitions();
        int fromYear = LocalDateTime.ofInstant(c.after(), c.zone()).getYear() - 1;
        int lastListedYear = listed.isEmpty()
                ? fromYear
                : listed.get(listed.size() - 1).getDateTimeAfter().getYear();
        int toYear = Math.max(fromYear, lastListedYear) + 401;
        List<Integer> minutes = c.minutes().stream().sorted().collect(Collectors.toList());
        long after = c.after().getEpochSecond();
        for (int year = fromYear; year <= toYear; year++) {
            long best = Long.MAX_VALUE;
            LocalDate first = LocalDate.of(year, c.month(), 1);
            for (LocalDate d = first; d.getMonth() == c.month(); d = d.plusDays(1)) {
                if (!c.day().test(d)) {
                    continue;
                }
                for (int minute : minutes) {
                    LocalDateTime local = d.atTime(c.hour(), minute);
                    for (ZoneOffset offset : rules.getValidOffsets(local)) {
                        long instant = local.toEpochSecond(offset);
                        if (instant > after) {
                            best = Math.min(best, instant);
                        }
                    }
                }
            }
            if (best != Long.MAX_VALUE) {
                return Instant.ofEpochSecond(best);
            }
        }
        return null;
    }
}

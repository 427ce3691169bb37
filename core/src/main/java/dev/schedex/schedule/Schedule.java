package dev.schedex.schedule;

import dev.schedex.ValidationException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a schedule fires, as a rule on the local calendar and clock. A schedule has no time zone of
 * its own: {@link NextRunCalculator} applies it in the zone it is given.
 *
 * <p>The kinds form a closed set: {@link Daily}, {@link Weekly}, {@link MonthlyOnDay},
 * {@link MonthlyOnLastDay}, {@link MonthlyOnWeekday}, {@link Cron}, {@link Every} (one of the
 * first five on every n-th day, week or month from a date), {@link MonthlyOnBusinessDay} (the n-th
 * business day of a business calendar) and {@link OnBusinessDays} (any of the others but the
 * business-day kind on a business calendar, moving or skipping its occurrences on other days). Each is an immutable
 * value, equal to another by value, with a canonical text form that {@link #parse(String)} reads
 * back exactly ({@code Schedule.parse(s.toString()).equals(s)}), and a sentence for people
 * ({@link #describe()}).
 *
 * <pre>{@code
 * Schedule.daily(LocalTime.of(2, 0))                            // daily at 02:00
 * Schedule.weekly(EnumSet.of(MONDAY, FRIDAY), LocalTime.of(2, 0)) // weekly on MON,FRI at 02:00
 * Schedule.monthly(15, LocalTime.of(2, 0))                      // monthly on day 15 at 02:00
 * Schedule.monthlyOnLastDay(LocalTime.of(23, 0))                // monthly on last day at 23:00
 * Schedule.monthlyOn(2, MONDAY, LocalTime.of(9, 0))             // monthly on 2nd MON at 09:00
 * Schedule.cron("0 9-17 * * MON-FRI")                           // cron 0 9-17 * * MON-FRI
 * Schedule.every(2, WEEKS, LocalDate.of(2026, 12, 7),
 *         Schedule.weekly(EnumSet.of(MONDAY, THURSDAY), LocalTime.of(9, 0)))
 *                                    // every 2 weeks on MON,THU at 09:00 from 2026-12-07
 * Schedule.monthlyOnBusinessDay(1, "de-holidays", LocalTime.of(9, 0))
 *                                    // monthly on 1st business day of de-holidays at 09:00
 * Schedule.weekly(EnumSet.of(MONDAY), LocalTime.of(9, 0)).onBusinessDaysOf("de-holidays", NonBusinessDay.NEXT)
 *                                    // weekly on MON at 09:00 on business days of de-holidays, else next
 * }</pre>
 *
 * <p>Invalid arguments raise a {@link ValidationException} naming the field ({@code times},
 * {@code time}, {@code days}, {@code dayOfMonth}, {@code ordinal}, {@code cron}, {@code interval},
 * {@code unit}, {@code from}, {@code rule}, {@code businessDay}, {@code calendar}, {@code schedule}).
 */
public sealed interface Schedule {

    /**
     * Every day at one or more times.
     *
     * @param times the times of day; at least one, whole seconds; duplicates are dropped and the
     *              rest sorted, so the order given does not matter
     * @return the schedule
     */
    static Daily daily(LocalTime... times) {
        return new Daily(Arrays.asList(Objects.requireNonNull(times, "times")));
    }

    /**
     * Every given day of the week at one time.
     *
     * @param days at least one day
     * @param time the time of day, whole seconds
     * @return the schedule
     */
    static Weekly weekly(Set<DayOfWeek> days, LocalTime time) {
        return new Weekly(days, time);
    }

    /**
     * On one day of every month. Months that have no such day (the 31st in April, the 30th in
     * February) are skipped, as in cron; use {@link #monthlyOnLastDay(LocalTime)} for month ends.
     *
     * @param dayOfMonth 1 to 31
     * @param time       the time of day, whole seconds
     * @return the schedule
     */
    static MonthlyOnDay monthly(int dayOfMonth, LocalTime time) {
        return new MonthlyOnDay(dayOfMonth, time);
    }

    /**
     * On the last day of every month.
     *
     * @param time the time of day, whole seconds
     * @return the schedule
     */
    static MonthlyOnLastDay monthlyOnLastDay(LocalTime time) {
        return new MonthlyOnLastDay(time);
    }

    /**
     * On the n-th given weekday of every month: {@code monthlyOn(2, MONDAY, t)} is the second Monday,
     * {@code monthlyOn(-1, FRIDAY, t)} the last Friday. Months without a fifth such weekday are skipped.
     *
     * @param ordinal   1 to 5, or -1 for the last
     * @param dayOfWeek the weekday
     * @param time      the time of day, whole seconds
     * @return the schedule
     */
    static MonthlyOnWeekday monthlyOn(int ordinal, DayOfWeek dayOfWeek, LocalTime time) {
        return new MonthlyOnWeekday(ordinal, dayOfWeek, time);
    }

    /**
     * A cron expression; see {@link CronExpression} for the dialect.
     *
     * @param expression five or six fields, or a macro such as {@code @daily}
     * @return the schedule
     */
    static Cron cron(String expression) {
        return new Cron(CronExpression.parse(expression));
    }

    /**
     * A rule of days, weeks or months on every n-th of them only, counted in local dates from a date
     * in the schedule's zone, as RFC 5545's {@code INTERVAL} counts: {@code every(2, WEEKS, from,
     * weekly(MON, THU at 09:00))} runs on the Monday and Thursday of the week of {@code from}, of the
     * week two weeks later, and so on. Weeks start on Monday (RFC 5545's default {@code WKST=MO}),
     * so the week of {@code from} is the Monday to Sunday that holds it. No occurrence lies before
     * {@code from}: in the first day, week or month, occurrences on earlier dates are left out.
     *
     * @param interval 1 to {@value Every#MAX_INTERVAL}: 1 is every day (week, month), 2 every other
     * @param unit     {@link ChronoUnit#DAYS}, {@link ChronoUnit#WEEKS} or {@link ChronoUnit#MONTHS}
     * @param from     the first date that may have an occurrence, and the one counting starts from;
     *                 years 1 to 9999
     * @param rule     what runs on a counted day, week or month: a {@link Daily} for days, a
     *                 {@link Weekly} for weeks, a {@link MonthlyOnDay}, {@link MonthlyOnLastDay} or
     *                 {@link MonthlyOnWeekday} for months (months without its day are skipped, as
     *                 the monthly kinds skip them)
     * @return the schedule
     * @throws ValidationException if an argument is out of range, the rule does not fit the unit
     *                             ({@code rule}/{@code mismatch}), or the schedule can never run
     *                             ({@code rule}/{@code never_runs}: every 12 months on day 31 from a
     *                             date in April)
     */
    static Every every(int interval, ChronoUnit unit, LocalDate from, Schedule rule) {
        return new Every(interval, unit, from, rule);
    }

    /**
     * On the n-th business day of every month, or its last, counted in a business calendar that
     * the host registers under {@code calendar}: {@code monthlyOnBusinessDay(1, "de-holidays", t)}
     * is the first business day. Months with fewer business days are skipped.
     *
     * @param businessDay 1 to 31, or -1 for the last
     * @param calendar    the calendar's name: 1 to 50 letters, digits, {@code .}, {@code -} or
     *                    {@code _}, starting with a letter or digit
     * @param time        the time of day, whole seconds
     * @return the schedule
     */
    static MonthlyOnBusinessDay monthlyOnBusinessDay(int businessDay, String calendar, LocalTime time) {
        return new MonthlyOnBusinessDay(businessDay, time, calendar);
    }

    /**
     * This schedule on the business days of a calendar: an occurrence on another day is skipped, or
     * moves to the next or the previous business day, at its wall time. See {@link OnBusinessDays}.
     *
     * @param calendar       the calendar's name, as {@link #monthlyOnBusinessDay} takes it
     * @param nonBusinessDay what an occurrence on a date that is not a business day does
     * @return the schedule
     * @throws ValidationException {@code rule}/{@code unsupported} if this schedule is on a business
     *                             calendar already
     */
    default OnBusinessDays onBusinessDaysOf(String calendar, NonBusinessDay nonBusinessDay) {
        return new OnBusinessDays(this, calendar, nonBusinessDay);
    }

    /** @return the business calendar this schedule names, if any: the host must have one by that name */
    default Optional<String> calendarName() {
        if (this instanceof OnBusinessDays shifted) {
            return Optional.of(shifted.calendar());
        }
        return this instanceof MonthlyOnBusinessDay counted ? Optional.of(counted.calendar()) : Optional.empty();
    }

    /**
     * Reads a schedule back from its canonical text ({@link #toString()}).
     *
     * @param text for example {@code "weekly on MON,FRI at 02:00"} or {@code "cron 0 2 * * *"}
     * @return the schedule
     * @throws ValidationException if the text is not a schedule
     */
    static Schedule parse(String text) {
        return ScheduleKinds.fromText(Objects.requireNonNull(text, "text"));
    }

    /**
     * Calls the method of {@code cases} for this schedule's kind: a switch over the kinds that the
     * compiler checks, since a new kind adds a method to {@link Cases} that every implementation must
     * then have.
     *
     * @param cases what to do for each kind
     * @param <R>   what the cases return
     * @return what the case for this kind returned
     */
    <R> R match(Cases<R> cases);

    /**
     * One method per kind of schedule, for {@link #match(Cases)}.
     *
     * @param <R> what the cases return
     */
    interface Cases<R> {
        /** @param schedule a daily schedule @return the result */
        R daily(Daily schedule);

        /** @param schedule a weekly schedule @return the result */
        R weekly(Weekly schedule);

        /** @param schedule a monthly schedule on a day @return the result */
        R monthlyOnDay(MonthlyOnDay schedule);

        /** @param schedule a schedule on the last day of each month @return the result */
        R monthlyOnLastDay(MonthlyOnLastDay schedule);

        /** @param schedule a schedule on the n-th weekday of each month @return the result */
        R monthlyOnWeekday(MonthlyOnWeekday schedule);

        /** @param schedule a cron schedule @return the result */
        R cron(Cron schedule);

        /** @param schedule a rule on every n-th day, week or month @return the result */
        R every(Every schedule);

        /** @param schedule a schedule on the n-th business day of each month @return the result */
        R monthlyOnBusinessDay(MonthlyOnBusinessDay schedule);

        /** @param schedule a schedule on the business days of a calendar @return the result */
        R onBusinessDays(OnBusinessDays schedule);
    }

    /** @return a sentence for people, such as "Every Monday and Friday at 02:00" */
    String describe();

    /** @return the canonical text form, which {@link #parse(String)} reads back to an equal schedule */
    @Override
    String toString();

    /**
     * Every day at one or more times.
     *
     * @param times the times of day, ascending, without duplicates, never empty
     */
    record Daily(List<LocalTime> times) implements Schedule {
        /** Checks, sorts and de-duplicates the times. */
        public Daily {
            Objects.requireNonNull(times, "times");
            if (times.isEmpty()) {
                throw ValidationException.of("times", "required", "a daily schedule needs at least one time");
            }
            TreeSet<LocalTime> sorted = new TreeSet<>();
            for (LocalTime time : times) {
                sorted.add(ScheduleText.checkTime("times", time));
            }
            times = List.copyOf(sorted);
        }

        @Override
        public String describe() {
            return DailyKind.INSTANCE.describe(this);
        }

        @Override
        public String toString() {
            return DailyKind.INSTANCE.toText(this);
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.daily(this);
        }
    }

    /**
     * Every given day of the week at one time.
     *
     * @param days the days, iterated Monday first; never empty
     * @param time the time of day
     */
    record Weekly(Set<DayOfWeek> days, LocalTime time) implements Schedule {
        /** Checks the arguments and keeps the days in week order. */
        public Weekly {
            Objects.requireNonNull(days, "days");
            if (days.isEmpty()) {
                throw ValidationException.of("days", "required", "a weekly schedule needs at least one day");
            }
            days = Collections.unmodifiableSet(EnumSet.copyOf(days));
            ScheduleText.checkTime("time", time);
        }

        @Override
        public String describe() {
            return WeeklyKind.INSTANCE.describe(this);
        }

        @Override
        public String toString() {
            return WeeklyKind.INSTANCE.toText(this);
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.weekly(this);
        }
    }

    /**
     * On one day of every month; months without that day are skipped.
     *
     * @param dayOfMonth 1 to 31
     * @param time       the time of day
     */
    record MonthlyOnDay(int dayOfMonth, LocalTime time) implements Schedule {
        /** Checks the arguments. */
        public MonthlyOnDay {
            if (dayOfMonth < 1 || dayOfMonth > 31) {
                throw ValidationException.of(
                        "dayOfMonth", "out_of_range", "day of month must be 1 to 31, was " + dayOfMonth);
            }
            ScheduleText.checkTime("time", time);
        }

        @Override
        public String describe() {
            return MonthlyOnDayKind.INSTANCE.describe(this);
        }

        @Override
        public String toString() {
            return MonthlyOnDayKind.INSTANCE.toText(this);
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.monthlyOnDay(this);
        }
    }

    /**
     * On the last day of every month.
     *
     * @param time the time of day
     */
    record MonthlyOnLastDay(LocalTime time) implements Schedule {
        /** Checks the time. */
        public MonthlyOnLastDay {
            ScheduleText.checkTime("time", time);
        }

        @Override
        public String describe() {
            return MonthlyOnLastDayKind.INSTANCE.describe(this);
        }

        @Override
        public String toString() {
            return MonthlyOnLastDayKind.INSTANCE.toText(this);
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.monthlyOnLastDay(this);
        }
    }

    /**
     * On the n-th (or last) given weekday of every month.
     *
     * @param ordinal   1 to 5, or -1 for the last
     * @param dayOfWeek the weekday
     * @param time      the time of day
     */
    record MonthlyOnWeekday(int ordinal, DayOfWeek dayOfWeek, LocalTime time) implements Schedule {
        /** Checks the arguments. */
        public MonthlyOnWeekday {
            if (ordinal != -1 && (ordinal < 1 || ordinal > 5)) {
                throw ValidationException.of(
                        "ordinal",
                        "out_of_range",
                        "the weekday's ordinal must be 1 to 5, or -1 for the last, was " + ordinal);
            }
            Objects.requireNonNull(dayOfWeek, "dayOfWeek");
            ScheduleText.checkTime("time", time);
        }

        @Override
        public String describe() {
            return MonthlyOnWeekdayKind.INSTANCE.describe(this);
        }

        @Override
        public String toString() {
            return MonthlyOnWeekdayKind.INSTANCE.toText(this);
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.monthlyOnWeekday(this);
        }
    }

    /**
     * A cron expression.
     *
     * @param expression the parsed expression
     */
    record Cron(CronExpression expression) implements Schedule {
        /** Checks that the expression is present. */
        public Cron {
            Objects.requireNonNull(expression, "expression");
        }

        @Override
        public String describe() {
            return CronKind.INSTANCE.describe(this);
        }

        @Override
        public String toString() {
            return CronKind.INSTANCE.toText(this);
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.cron(this);
        }
    }

    /**
     * A rule on every n-th day, week or month, counted from a date; see
     * {@link Schedule#every(int, ChronoUnit, LocalDate, Schedule)}.
     *
     * @param interval 1 to {@link #MAX_INTERVAL}
     * @param unit     days, weeks or months
     * @param from     the first date that may have an occurrence, the one counting starts from
     * @param rule     a daily rule for days, weekly for weeks, one of the monthly kinds for months
     */
    record Every(int interval, ChronoUnit unit, LocalDate from, Schedule rule) implements Schedule {

        /**
         * The largest interval: every 999 days is about 2.7 years, every 999 months 83 years; more
         * is a mistake rather than a schedule, and three digits keep the text and the column small.
         */
        public static final int MAX_INTERVAL = 999;

        /** Checks the arguments, and that the schedule can run at all. */
        public Every {
            if (interval < 1 || interval > MAX_INTERVAL) {
                throw ValidationException.of(
                        "interval", "out_of_range", "the interval must be 1 to " + MAX_INTERVAL + ", was " + interval);
            }
            Objects.requireNonNull(unit, "unit");
            if (from == null) {
                throw ValidationException.of("from", "required", "an interval schedule needs the date it counts from");
            }
            if (from.getYear() < 1 || from.getYear() > 9999) {
                throw ValidationException.of(
                        "from",
                        "out_of_range",
                        "the date to count from must be in the years" + " 1 to 9999, was " + from);
            }
            Objects.requireNonNull(rule, "rule");
            EveryKind.check(unit, from, interval, rule);
        }

        @Override
        public String describe() {
            return EveryKind.INSTANCE.describe(this);
        }

        @Override
        public String toString() {
            return EveryKind.INSTANCE.toText(this);
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.every(this);
        }
    }

    /**
     * On the n-th (or last) business day of every month, in a business calendar; see
     * {@link Schedule#monthlyOnBusinessDay(int, String, LocalTime)}.
     *
     * @param businessDay 1 to {@link #MAX_BUSINESS_DAY}, or -1 for the last
     * @param time        the time of day
     * @param calendar    the calendar's name
     */
    record MonthlyOnBusinessDay(int businessDay, LocalTime time, String calendar) implements Schedule {

        /** The largest n: a month has at most 31 days, whichever of them a calendar counts. */
        public static final int MAX_BUSINESS_DAY = 31;

        /** Checks the arguments. */
        public MonthlyOnBusinessDay {
            if (businessDay != -1 && (businessDay < 1 || businessDay > MAX_BUSINESS_DAY)) {
                throw ValidationException.of(
                        "businessDay",
                        "out_of_range",
                        "the business day must be 1 to " + MAX_BUSINESS_DAY + ", or -1 for the last, was "
                                + businessDay);
            }
            ScheduleText.checkTime("time", time);
            ScheduleText.checkCalendar("calendar", calendar);
        }

        @Override
        public String describe() {
            return MonthlyOnBusinessDayKind.INSTANCE.describe(this);
        }

        @Override
        public String toString() {
            return MonthlyOnBusinessDayKind.INSTANCE.toText(this);
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.monthlyOnBusinessDay(this);
        }
    }

    /**
     * A schedule on the business days of a calendar; see {@link Schedule#onBusinessDaysOf}.
     *
     * <p>The rule, once: each date {@code d} the inner rule runs on is mapped to a business day,
     * {@code d} itself if it is one, else by {@code nonBusinessDay}: none ({@link NonBusinessDay#SKIP}),
     * the first business day after it ({@link NonBusinessDay#NEXT}) or the last before it
     * ({@link NonBusinessDay#PREVIOUS}), looking at most {@value OnBusinessDaysKind#MAX_SHIFT_DAYS}
     * days away (further, the occurrence is skipped). On the business day it maps to, a date's
     * occurrences run at their wall times. When several dates map to one business day, only the
     * first of them (in date order) runs there: a shift never gives a date two sets of runs. The
     * mapping never decreases, so occurrences stay in order and strictly increase; the
     * daylight-saving rules of {@link NextRunCalculator} apply to the moved wall times as to any.
     *
     * @param rule           any kind but the business-day kinds
     * @param calendar       the calendar's name
     * @param nonBusinessDay what an occurrence on another day does
     */
    record OnBusinessDays(Schedule rule, String calendar, NonBusinessDay nonBusinessDay) implements Schedule {

        /** Checks the arguments. */
        public OnBusinessDays {
            Objects.requireNonNull(rule, "rule");
            if (rule instanceof OnBusinessDays || rule instanceof MonthlyOnBusinessDay) {
                throw ValidationException.of(
                        "rule",
                        "unsupported",
                        "'" + rule + "' is on a business calendar already; name one calendar per schedule");
            }
            ScheduleText.checkCalendar("calendar", calendar);
            if (nonBusinessDay == null) {
                throw ValidationException.of(
                        "nonBusinessDay", "required", "say what a non-business day does: skip, next or previous");
            }
        }

        @Override
        public String describe() {
            return OnBusinessDaysKind.INSTANCE.describe(this);
        }

        @Override
        public String toString() {
            return OnBusinessDaysKind.INSTANCE.toText(this);
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.onBusinessDays(this);
        }
    }
}

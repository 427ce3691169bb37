package dev.schedex.schedule;

import dev.schedex.ValidationException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@link Schedule.Every}: a daily, weekly or monthly rule on every n-th day, week or month from a date.
 *
 * <p>Text: {@code every 3 days at 02:00, 14:30 from 2026-12-07}, {@code every 2 weeks on MON,THU at
 * 09:00 from 2026-12-07}, {@code every 3 months on day 15 | the last day | the 2nd MON | the last FRI
 * at 18:00 from 2027-01-31}; an interval of 1 is written {@code every day}, {@code every week},
 * {@code every month}.
 *
 * <p>Fields (kind {@code interval}): {@code interval} (1 to 999), {@code unit} ({@code days},
 * {@code weeks} or {@code months}), {@code from} ({@code yyyy-MM-dd}), and the rule's fields as its
 * own kind takes them: {@code times} for days; {@code days} and {@code time} for weeks;
 * {@code dayOfMonth} (1 to 31, or {@code last}) and {@code time}, or {@code ordinal},
 * {@code dayOfWeek} and {@code time}, for months.
 */
final class EveryKind implements ScheduleKind<Schedule.Every> {

    static final EveryKind INSTANCE = new EveryKind();

    /**
     * The Gregorian cycle in months: 400 years are 146,097 days, a whole number of weeks, so month
     * {@code m} and month {@code m + 4800} have the same length and start on the same weekday.
     */
    private static final int CYCLE_MONTHS = 4800;

    private static final String TIME = "\\d{2}:\\d{2}(?::\\d{2})?";
    private static final String DAY = "[A-Z]{3}";
    private static final Pattern TEXT = Pattern.compile("every (?:(?<n>\\d{1,3}) )?(?:"
            + "days? at (?<times>" + TIME + "(?:, " + TIME + ")*)"
            + "|weeks? on (?<days>" + DAY + "(?:," + DAY + ")*) at (?<weekTime>" + TIME + ")"
            + "|months? on (?:day (?<dayOfMonth>\\d{1,2})|the (?<lastDay>last) day"
            + "|the (?<ordinal>1st|2nd|3rd|4th|5th|last) (?<dayOfWeek>" + DAY + ")) at (?<monthTime>" + TIME + ")"
            + ") from (?<from>\\d{4}-\\d{2}-\\d{2})");
    private static final DateTimeFormatter DESCRIBED_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final Set<String> OWN_FIELDS = Set.of("interval", "unit", "from");

    private EveryKind() {}

    /**
     * The checks of {@link Schedule.Every}'s constructor beyond ranges: the rule fits the unit, and
     * the schedule runs at least once.
     */
    static void check(ChronoUnit unit, LocalDate from, int interval, Schedule rule) {
        if (unit != ChronoUnit.DAYS && unit != ChronoUnit.WEEKS && unit != ChronoUnit.MONTHS) {
            throw ValidationException.of("unit", "unsupported", "the unit must be DAYS, WEEKS or MONTHS, was " + unit);
        }
        ChronoUnit fits = rule instanceof Schedule.Daily
                ? ChronoUnit.DAYS
                : rule instanceof Schedule.Weekly
                        ? ChronoUnit.WEEKS
                        : rule instanceof Schedule.MonthlyOnDay
                                        || rule instanceof Schedule.MonthlyOnLastDay
                                        || rule instanceof Schedule.MonthlyOnWeekday
                                ? ChronoUnit.MONTHS
                                : null;
        if (fits == null) {
            throw ValidationException.of(
                    "rule",
                    "unsupported",
                    "an interval schedule counts a daily, weekly or" + " monthly rule, not '" + rule + "'");
        }
        if (fits != unit) {
            throw ValidationException.of(
                    "rule",
                    "mismatch",
                    "every n " + word(unit) + "s takes a "
                            + (unit == ChronoUnit.DAYS ? "daily" : unit == ChronoUnit.WEEKS ? "weekly" : "monthly")
                            + " rule, not '" + rule + "'");
        }
        if (unit == ChronoUnit.MONTHS && !runsInSomeMonth(from, interval, dayInMonth(rule))) {
            throw ValidationException.of(
                    "rule",
                    "never_runs",
                    "every " + interval + " months from " + from + ", '" + rule
                            + "' never runs: none of the months counted has that day");
        }
    }

    /**
     * Whether some counted month has the rule's day. The counted months' lengths and first weekdays
     * repeat after {@link #period} of them (the Gregorian cycle), so trying that many decides it.
     */
    private static boolean runsInSomeMonth(LocalDate from, int interval, DayInMonth day) {
        LocalDate month = from.withDayOfMonth(1);
        for (int i = 0; i < period(interval); i++, month = month.plusMonths(interval)) {
            if (day.in(month) > 0) {
                return true;
            }
        }
        return false;
    }

    /** @return after how many counted months the month shapes repeat: 4800 / gcd(interval, 4800) */
    private static int period(int interval) {
        int a = CYCLE_MONTHS;
        int b = interval;
        // Euclid's algorithm: b falls strictly each round and stays at least 0, so it ends
        while (b != 0) {
            int r = a % b;
            a = b;
            b = r;
        }
        return CYCLE_MONTHS / a;
    }

    @Override
    public String name() {
        return "interval";
    }

    @Override
    public Set<String> fields() {
        return Set.of("interval", "unit", "from", "times", "days", "time", "dayOfMonth", "ordinal", "dayOfWeek");
    }

    @Override
    public Schedule.@Nullable Every fromFields(Fields fields) {
        Optional<Integer> interval = fields.number("interval", 1, Schedule.Every.MAX_INTERVAL, false);
        Optional<LocalDate> from = fields.date("from");
        Optional<ChronoUnit> unit = fields.required("unit").flatMap(text -> unit(fields, text.strip()));
        if (unit.isEmpty()) {
            return null;
        }
        // the rule is read by its own kind; a month's last day is the one rule that needs a word here
        boolean lastDay = unit.get() == ChronoUnit.MONTHS && fields.holds("dayOfMonth", "last");
        ScheduleKind<?> ruleKind = unit.get() == ChronoUnit.DAYS
                ? DailyKind.INSTANCE
                : unit.get() == ChronoUnit.WEEKS
                        ? WeeklyKind.INSTANCE
                        : lastDay
                                ? MonthlyOnLastDayKind.INSTANCE
                                : fields.keys().contains("ordinal")
                                        ? MonthlyOnWeekdayKind.INSTANCE
                                        : MonthlyOnDayKind.INSTANCE;
        Set<String> takes = new TreeSet<>(OWN_FIELDS);
        takes.addAll(ruleKind.fields());
        if (lastDay) {
            takes.add("dayOfMonth");
        }
        for (String key : fields.keys()) {
            if (!takes.contains(key)) {
                fields.refuse(
                        key,
                        "unknown_field",
                        "an interval schedule in " + word(unit.get()) + "s has no field '" + key + "'; it takes "
                                + String.join(", ", takes));
            }
        }
        Schedule rule = ruleKind.fromFields(fields);
        if (rule == null || !fields.valid()) {
            return null;
        }
        return fields.collect(() -> Schedule.every(interval.orElseThrow(), unit.get(), from.orElseThrow(), rule))
                .orElse(null);
    }

    private static Optional<ChronoUnit> unit(Fields fields, String text) {
        for (ChronoUnit unit : List.of(ChronoUnit.DAYS, ChronoUnit.WEEKS, ChronoUnit.MONTHS)) {
            if (unit.name().equalsIgnoreCase(text)) {
                return Optional.of(unit);
            }
        }
        fields.refuse("unit", "unknown_unit", "unit must be days, weeks or months, was '" + text + "'");
        return Optional.empty();
    }

    @Override
    public Map<String, String> toFields(Schedule.Every schedule) {
        Map<String, String> fields =
                new HashMap<>(ScheduleKinds.of(schedule.rule()).fields());
        if (schedule.rule() instanceof Schedule.MonthlyOnLastDay) {
            fields.put("dayOfMonth", "last");
        }
        fields.put("interval", Integer.toString(schedule.interval()));
        fields.put("unit", schedule.unit().name().toLowerCase(Locale.ROOT));
        fields.put("from", schedule.from().toString());
        return Map.copyOf(fields);
    }

    @Override
    public Pattern text() {
        return TEXT;
    }

    @Override
    public Schedule.Every fromText(Matcher match) {
        int interval = match.group("n") == null ? 1 : Integer.parseInt(match.group("n"));
        LocalDate from = ScheduleText.parseDate("from", match.group("from"));
        if (match.group("times") != null) {
            return Schedule.every(interval, ChronoUnit.DAYS, from, Schedule.parse("daily at " + match.group("times")));
        }
        if (match.group("days") != null) {
            return Schedule.every(
                    interval,
                    ChronoUnit.WEEKS,
                    from,
                    Schedule.parse("weekly on " + match.group("days") + " at " + match.group("weekTime")));
        }
        String at = " at " + match.group("monthTime");
        Schedule rule = match.group("dayOfMonth") != null
                ? Schedule.parse("monthly on day " + match.group("dayOfMonth") + at)
                : match.group("lastDay") != null
                        ? Schedule.parse("monthly on last day" + at)
                        : Schedule.parse("monthly on " + match.group("ordinal") + " " + match.group("dayOfWeek") + at);
        return Schedule.every(interval, ChronoUnit.MONTHS, from, rule);
    }

    @Override
    public String toText(Schedule.Every schedule) {
        // the rule's own text after its kind's word: "weekly on MON at 09:00" gives "on MON at 09:00"
        String rule = schedule.rule().toString();
        String rest = rule.substring(rule.indexOf(' ') + 1);
        if (schedule.rule() instanceof Schedule.MonthlyOnLastDay
                || schedule.rule() instanceof Schedule.MonthlyOnWeekday) {
            rest = "on the " + rest.substring("on ".length());
        }
        return "every " + (schedule.interval() == 1 ? "" : schedule.interval() + " ") + word(schedule.unit())
                + (schedule.interval() == 1 ? "" : "s") + " " + rest + " from " + schedule.from();
    }

    @Override
    public String describe(Schedule.Every schedule) {
        String every = "Every " + (schedule.interval() == 1 ? "" : schedule.interval() + " ") + word(schedule.unit())
                + (schedule.interval() == 1 ? "" : "s");
        String from = ", from " + DESCRIBED_DATE.format(schedule.from());
        Schedule rule = schedule.rule();
        if (rule instanceof Schedule.Daily daily) {
            return every + " at "
                    + CronDescriber.join(
                            daily.times().stream().map(ScheduleText::formatTime).toList()) + from;
        }
        if (rule instanceof Schedule.Weekly weekly) {
            List<String> names = new ArrayList<>();
            weekly.days().forEach(day -> names.add(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)));
            return every + " on " + CronDescriber.join(names) + " at " + ScheduleText.formatTime(weekly.time()) + from;
        }
        if (rule instanceof Schedule.MonthlyOnDay onDay) {
            int day = onDay.dayOfMonth();
            return every + " on day " + day + " at " + ScheduleText.formatTime(onDay.time()) + from
                    + (day > 28 ? " (months without day " + day + " are skipped)" : "");
        }
        if (rule instanceof Schedule.MonthlyOnLastDay lastDay) {
            return every + " on the last day at " + ScheduleText.formatTime(lastDay.time()) + from;
        }
        Schedule.MonthlyOnWeekday weekday = (Schedule.MonthlyOnWeekday) rule;
        return every + " on the "
                + (weekday.ordinal() == -1 ? "last" : ScheduleText.ORDINAL_WORDS.get(weekday.ordinal()))
                + " " + weekday.dayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " at "
                + ScheduleText.formatTime(weekday.time()) + from
                + (weekday.ordinal() == 5 ? " (months without a fifth one are skipped)" : "");
    }

    private static String word(ChronoUnit unit) {
        return unit == ChronoUnit.DAYS ? "day" : unit == ChronoUnit.WEEKS ? "week" : "month";
    }

    @Override
    public LocalRule rule(Schedule.Every schedule, Calendars calendars) {
        int interval = schedule.interval();
        LocalDate from = schedule.from();
        Schedule rule = schedule.rule();
        if (rule instanceof Schedule.Daily daily) {
            return days(interval, from, daily.times());
        }
        if (rule instanceof Schedule.Weekly weekly) {
            return weeks(interval, from, weekly.days(), weekly.time());
        }
        return months(interval, from, dayInMonth(rule), monthlyTime(rule));
    }

    /**
     * The dates {@code from}, {@code from + n}, {@code from + 2n}... at each of the times. In epoch
     * days, so that a call makes no date but its answer: these rules run once per next run.
     */
    private static LocalRule days(int interval, LocalDate from, List<LocalTime> times) {
        long fromDay = from.toEpochDay();
        LocalTime first = times.get(0);
        return after -> {
            long afterDay = after.toLocalDate().toEpochDay();
            long day = fromDay + roundUp(Math.max(afterDay - fromDay, 0), interval);
            if (day == afterDay) {
                for (LocalTime time : times) {
                    if (time.isAfter(after.toLocalTime())) {
                        return LocalDateTime.of(after.toLocalDate(), time);
                    }
                }
                day += interval;
            }
            return LocalDateTime.of(LocalDate.ofEpochDay(day), first);
        };
    }

    /**
     * The rule's weekdays in the week of {@code from} (Monday to Sunday), that week + n, + 2n...; in
     * epoch days, as {@link #days}.
     */
    private static LocalRule weeks(int interval, LocalDate from, Set<DayOfWeek> days, LocalTime time) {
        long fromDay = from.toEpochDay();
        long firstMonday = fromDay - (from.getDayOfWeek().getValue() - 1);
        int dayBits = 0;
        for (DayOfWeek day : days) {
            dayBits |= 1 << (day.getValue() - 1);
        }
        int mondayFirstBits = dayBits;
        return after -> {
            long afterDay = after.toLocalDate().toEpochDay();
            long start = Math.max(afterDay, fromDay);
            long weeks = (start - firstMonday) / 7;
            long counted = roundUp(weeks, interval);
            long day = counted == weeks ? start : firstMonday + 7 * counted;
            // at most 14 days: the rest of a counted week from `start`, then the next counted week in
            // full, which holds every weekday of the rule (at least one; the record refuses none),
            // each after `start` and so after `after`
            for (int i = 0; i < 14; i++) {
                int fromMonday = (int) ((day - firstMonday) % 7); // day is not before firstMonday, a Monday
                if ((mondayFirstBits & (1 << fromMonday)) != 0
                        && (day > afterDay || time.isAfter(after.toLocalTime()))) {
                    return LocalDateTime.of(LocalDate.ofEpochDay(day), time);
                }
                day += fromMonday == 6 ? 1 + 7L * (interval - 1) : 1;
            }
            throw new IllegalStateException("no day of " + days + " within two counted weeks of " + after);
        };
    }

    /** The rule's day in the month of {@code from}, that month + n, + 2n..., from {@code from} on. */
    private static LocalRule months(int interval, LocalDate from, DayInMonth day, LocalTime time) {
        LocalDate firstMonth = from.withDayOfMonth(1);
        int period = period(interval);
        return after -> {
            LocalDate start = after.toLocalDate().isBefore(from) ? from : after.toLocalDate();
            LocalDate month = firstMonth.plusMonths(
                    roundUp(ChronoUnit.MONTHS.between(firstMonth, start.withDayOfMonth(1)), interval));
            // at most period + 1 months: only the first, the month of `start`, can hold a date before
            // `from` or not after `after`; the counted months' shapes repeat every `period` of them,
            // and the constructor checked that one in each such run has the day
            for (int i = 0; i <= period; i++, month = month.plusMonths(interval)) {
                int dayOfMonth = day.in(month);
                if (dayOfMonth > 0) {
                    LocalDate date = month.withDayOfMonth(dayOfMonth);
                    LocalDateTime candidate = date.atTime(time);
                    if (!date.isBefore(from) && candidate.isAfter(after)) {
                        return candidate;
                    }
                }
            }
            throw new IllegalStateException("no run within " + (period + 1) + " counted months of " + after);
        };
    }

    /** @return the least multiple of {@code interval} not below {@code value}, which is not negative */
    private static long roundUp(long value, int interval) {
        long rest = value % interval;
        return rest == 0 ? value : value + interval - rest;
    }

    /** A monthly rule's day in a month. */
    @FunctionalInterface
    private interface DayInMonth {
        /** @param firstOfMonth the first of a month @return the rule's day in it, or 0 if it has none */
        int in(LocalDate firstOfMonth);
    }

    private static DayInMonth dayInMonth(Schedule rule) {
        if (rule instanceof Schedule.MonthlyOnDay onDay) {
            int day = onDay.dayOfMonth();
            return month -> day <= month.lengthOfMonth() ? day : 0;
        }
        if (rule instanceof Schedule.MonthlyOnLastDay) {
            return LocalDate::lengthOfMonth;
        }
        Schedule.MonthlyOnWeekday weekday = (Schedule.MonthlyOnWeekday) rule;
        return month -> MonthlyOnWeekdayKind.dayIn(weekday, month);
    }

    private static LocalTime monthlyTime(Schedule rule) {
        return rule instanceof Schedule.MonthlyOnDay onDay
                ? onDay.time()
                : rule instanceof Schedule.MonthlyOnLastDay lastDay
                        ? lastDay.time()
                        : ((Schedule.MonthlyOnWeekday) rule).time();
    }
}

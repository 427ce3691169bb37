package dev.schedex.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@link Schedule.MonthlyOnWeekday}: {@code monthly on 2nd MON at 09:00}; fields {@code ordinal}
 * (1 to 5 or {@code last}), {@code dayOfWeek}, {@code time}.
 */
final class MonthlyOnWeekdayKind implements ScheduleKind<Schedule.MonthlyOnWeekday> {

    static final MonthlyOnWeekdayKind INSTANCE = new MonthlyOnWeekdayKind();

    /**
     * Months to look ahead before deciding that an n-th weekday rule has no further occurrence. Every
     * month has a first to fourth and a last of each weekday; a fifth one comes at most four months
     * after the previous (NextRunCalculatorTest tries every month of the 400-year cycle), so 14 can
     * never cut one off.
     */
    static final int MONTHS_FOR_FIFTH_WEEKDAY = 14;

    private static final Map<Integer, String> ORDINAL_TEXT =
            Map.of(1, "1st", 2, "2nd", 3, "3rd", 4, "4th", 5, "5th", -1, "last");
    private static final Pattern TEXT =
            Pattern.compile("monthly on (1st|2nd|3rd|4th|5th|last) ([A-Z]{3}) at " + ScheduleText.TIME);

    private MonthlyOnWeekdayKind() {}

    @Override
    public String name() {
        return "monthly-weekday";
    }

    @Override
    public Set<String> fields() {
        return Set.of("ordinal", "dayOfWeek", "time");
    }

    @Override
    public Schedule.@Nullable MonthlyOnWeekday fromFields(Fields fields) {
        Optional<Integer> ordinal = fields.number("ordinal", 1, 5, true);
        Optional<DayOfWeek> day = fields.day("dayOfWeek");
        Optional<LocalTime> time = fields.time("time");
        return fields.valid() ? Schedule.monthlyOn(ordinal.orElseThrow(), day.orElseThrow(), time.orElseThrow()) : null;
    }

    @Override
    public Map<String, String> toFields(Schedule.MonthlyOnWeekday schedule) {
        return Map.of(
                "ordinal",
                schedule.ordinal() == -1 ? "last" : Integer.toString(schedule.ordinal()),
                "dayOfWeek",
                ScheduleText.abbreviation(schedule.dayOfWeek()),
                "time",
                ScheduleText.formatTime(schedule.time()));
    }

    @Override
    public Pattern text() {
        return TEXT;
    }

    @Override
    public Schedule.MonthlyOnWeekday fromText(Matcher match) {
        int ordinal = ORDINAL_TEXT.entrySet().stream()
                .filter(e -> e.getValue().equals(match.group(1)))
                .findFirst()
                .orElseThrow()
                .getKey();
        return Schedule.monthlyOn(
                ordinal,
                ScheduleText.parseDay("dayOfWeek", match.group(2)),
                ScheduleText.parseTime("time", match.group(3)));
    }

    @Override
    public String toText(Schedule.MonthlyOnWeekday schedule) {
        return "monthly on " + ORDINAL_TEXT.get(schedule.ordinal()) + " "
                + ScheduleText.abbreviation(schedule.dayOfWeek()) + " at " + ScheduleText.formatTime(schedule.time());
    }

    @Override
    public String describe(Schedule.MonthlyOnWeekday schedule) {
        return "On the " + (schedule.ordinal() == -1 ? "last" : ScheduleText.ORDINAL_WORDS.get(schedule.ordinal()))
                + " " + schedule.dayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " of every month at "
                + ScheduleText.formatTime(schedule.time());
    }

    @Override
    public LocalRule rule(Schedule.MonthlyOnWeekday schedule, Calendars calendars) {
        return after -> next(schedule, after);
    }

    private static LocalDateTime next(Schedule.MonthlyOnWeekday rule, LocalDateTime after) {
        LocalDate month = after.toLocalDate().withDayOfMonth(1);
        for (int i = 0; i < MONTHS_FOR_FIFTH_WEEKDAY; i++, month = month.plusMonths(1)) {
            int day = dayIn(rule, month);
            if (day == 0) {
                continue;
            }
            LocalDateTime candidate = month.withDayOfMonth(day).atTime(rule.time());
            if (candidate.isAfter(after)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + rule + " within " + MONTHS_FOR_FIFTH_WEEKDAY + " months of " + after);
    }

    /**
     * @param rule         an n-th weekday rule
     * @param firstOfMonth the first day of a month
     * @return the day of that month the rule names, or 0 if the month has none (no fifth Monday)
     */
    static int dayIn(Schedule.MonthlyOnWeekday rule, LocalDate firstOfMonth) {
        int firstSuch = Math.floorMod(
                        rule.dayOfWeek().getValue()
                                - firstOfMonth.getDayOfWeek().getValue(),
                        7)
                + 1;
        int length = firstOfMonth.lengthOfMonth();
        int day =
                rule.ordinal() == -1 ? firstSuch + (length - firstSuch) / 7 * 7 : firstSuch + 7 * (rule.ordinal() - 1);
        return day > length ? 0 : day;
    }
}

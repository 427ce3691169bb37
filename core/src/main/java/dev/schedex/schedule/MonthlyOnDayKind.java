package dev.schedex.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** {@link Schedule.MonthlyOnDay}: {@code monthly on day 15 at 02:00}; fields {@code dayOfMonth}, {@code time}. */
final class MonthlyOnDayKind implements ScheduleKind<Schedule.MonthlyOnDay> {

    static final MonthlyOnDayKind INSTANCE = new MonthlyOnDayKind();

    private static final Pattern TEXT = Pattern.compile("monthly on day (\\d{1,2}) at " + ScheduleText.TIME);

    private MonthlyOnDayKind() {}

    @Override
    public String name() {
        return "monthly";
    }

    @Override
    public Set<String> fields() {
        return Set.of("dayOfMonth", "time");
    }

    @Override
    public Schedule.@Nullable MonthlyOnDay fromFields(Fields fields) {
        Optional<Integer> day = fields.number("dayOfMonth", 1, 31, false);
        Optional<LocalTime> time = fields.time("time");
        return fields.valid() ? Schedule.monthly(day.orElseThrow(), time.orElseThrow()) : null;
    }

    @Override
    public Map<String, String> toFields(Schedule.MonthlyOnDay schedule) {
        return Map.of(
                "dayOfMonth",
                Integer.toString(schedule.dayOfMonth()),
                "time",
                ScheduleText.formatTime(schedule.time()));
    }

    @Override
    public Pattern text() {
        return TEXT;
    }

    @Override
    public Schedule.MonthlyOnDay fromText(Matcher match) {
        return Schedule.monthly(Integer.parseInt(match.group(1)), ScheduleText.parseTime("time", match.group(2)));
    }

    @Override
    public String toText(Schedule.MonthlyOnDay schedule) {
        return "monthly on day " + schedule.dayOfMonth() + " at " + ScheduleText.formatTime(schedule.time());
    }

    @Override
    public String describe(Schedule.MonthlyOnDay schedule) {
        int day = schedule.dayOfMonth();
        String skipped = day > 28 ? " (months without day " + day + " are skipped)" : "";
        return "On day " + day + " of every month at " + ScheduleText.formatTime(schedule.time()) + skipped;
    }

    @Override
    public LocalRule rule(Schedule.MonthlyOnDay schedule, Calendars calendars) {
        int dayOfMonth = schedule.dayOfMonth();
        LocalTime time = schedule.time();
        return after -> {
            LocalDate date = after.toLocalDate();
            boolean thisMonth = date.getDayOfMonth() < dayOfMonth
                    || date.getDayOfMonth() == dayOfMonth && time.isAfter(after.toLocalTime());
            LocalDate month = date.withDayOfMonth(1);
            if (!thisMonth) {
                month = month.plusMonths(1);
            }
            // at most one step: the day is 1 to 31 (the record refuses others), and every month shorter
            // than 31 days is followed by one of 31
            while (month.lengthOfMonth() < dayOfMonth) {
                month = month.plusMonths(1);
            }
            return month.withDayOfMonth(dayOfMonth).atTime(time);
        };
    }
}

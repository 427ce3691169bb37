package dev.schedex.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** {@link Schedule.MonthlyOnLastDay}: {@code monthly on last day at 23:00}; field {@code time}. */
final class MonthlyOnLastDayKind implements ScheduleKind<Schedule.MonthlyOnLastDay> {

    static final MonthlyOnLastDayKind INSTANCE = new MonthlyOnLastDayKind();

    private static final Pattern TEXT = Pattern.compile("monthly on last day at " + ScheduleText.TIME);

    private MonthlyOnLastDayKind() {}

    @Override
    public String name() {
        return "monthly-last-day";
    }

    @Override
    public Set<String> fields() {
        return Set.of("time");
    }

    @Override
    public Schedule.@Nullable MonthlyOnLastDay fromFields(Fields fields) {
        Optional<LocalTime> time = fields.time("time");
        return fields.valid() ? Schedule.monthlyOnLastDay(time.orElseThrow()) : null;
    }

    @Override
    public Map<String, String> toFields(Schedule.MonthlyOnLastDay schedule) {
        return Map.of("time", ScheduleText.formatTime(schedule.time()));
    }

    @Override
    public Pattern text() {
        return TEXT;
    }

    @Override
    public Schedule.MonthlyOnLastDay fromText(Matcher match) {
        return Schedule.monthlyOnLastDay(ScheduleText.parseTime("time", match.group(1)));
    }

    @Override
    public String toText(Schedule.MonthlyOnLastDay schedule) {
        return "monthly on last day at " + ScheduleText.formatTime(schedule.time());
    }

    @Override
    public String describe(Schedule.MonthlyOnLastDay schedule) {
        return "On the last day of every month at " + ScheduleText.formatTime(schedule.time());
    }

    @Override
    public LocalRule rule(Schedule.MonthlyOnLastDay schedule, Calendars calendars) {
        LocalTime time = schedule.time();
        return after -> {
            LocalDate date = after.toLocalDate();
            int length = date.lengthOfMonth();
            if (date.getDayOfMonth() < length || time.isAfter(after.toLocalTime())) {
                return LocalDateTime.of(LocalDate.of(date.getYear(), date.getMonthValue(), length), time);
            }
            LocalDate next = date.plusDays(1); // the first of the next month
            return LocalDateTime.of(next.withDayOfMonth(next.lengthOfMonth()), time);
        };
    }
}

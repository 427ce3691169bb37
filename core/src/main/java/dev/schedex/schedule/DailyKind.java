package dev.schedex.schedule;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** {@link Schedule.Daily}: {@code daily at 02:00, 14:30}; fields {@code times}. */
final class DailyKind implements ScheduleKind<Schedule.Daily> {

    static final DailyKind INSTANCE = new DailyKind();

    private static final Pattern TEXT =
            Pattern.compile("daily at (" + ScheduleText.TIME + "(?:, " + ScheduleText.TIME + ")*)");

    private DailyKind() {}

    @Override
    public String name() {
        return "daily";
    }

    @Override
    public Set<String> fields() {
        return Set.of("times");
    }

    @Override
    public Schedule.@Nullable Daily fromFields(Fields fields) {
        List<LocalTime> times = fields.times("times");
        return fields.valid() ? Schedule.daily(times.toArray(LocalTime[]::new)) : null;
    }

    @Override
    public Map<String, String> toFields(Schedule.Daily schedule) {
        return Map.of(
                "times", schedule.times().stream().map(ScheduleText::formatTime).collect(Collectors.joining(",")));
    }

    @Override
    public Pattern text() {
        return TEXT;
    }

    @Override
    public Schedule.Daily fromText(Matcher match) {
        return Schedule.daily(Arrays.stream(match.group(1).split(", "))
                .map(t -> ScheduleText.parseTime("times", t))
                .toArray(LocalTime[]::new));
    }

    @Override
    public String toText(Schedule.Daily schedule) {
        return "daily at "
                + schedule.times().stream().map(ScheduleText::formatTime).collect(Collectors.joining(", "));
    }

    @Override
    public String describe(Schedule.Daily schedule) {
        return "Every day at "
                + CronDescriber.join(
                        schedule.times().stream().map(ScheduleText::formatTime).toList());
    }

    @Override
    public LocalRule rule(Schedule.Daily schedule, Calendars calendars) {
        List<LocalTime> times = schedule.times();
        LocalTime first = times.get(0);
        return after -> {
            LocalTime now = after.toLocalTime();
            for (LocalTime time : times) {
                if (time.isAfter(now)) {
                    return after.toLocalDate().atTime(time);
                }
            }
            return after.toLocalDate().plusDays(1).atTime(first);
        };
    }
}

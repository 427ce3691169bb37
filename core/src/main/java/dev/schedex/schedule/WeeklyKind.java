package dev.schedex.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** {@link Schedule.Weekly}: {@code weekly on MON,FRI at 02:00}; fields {@code days}, {@code time}. */
final class WeeklyKind implements ScheduleKind<Schedule.Weekly> {

    static final WeeklyKind INSTANCE = new WeeklyKind();

    private static final Pattern TEXT = Pattern.compile("weekly on ([A-Z]{3}(?:,[A-Z]{3})*) at " + ScheduleText.TIME);

    private WeeklyKind() {}

    @Override
    public String name() {
        return "weekly";
    }

    @Override
    public Set<String> fields() {
        return Set.of("days", "time");
    }

    @Override
    public Schedule.@Nullable Weekly fromFields(Fields fields) {
        Set<DayOfWeek> days = fields.days("days");
        Optional<LocalTime> time = fields.time("time");
        return fields.valid() ? Schedule.weekly(days, time.orElseThrow()) : null;
    }

    @Override
    public Map<String, String> toFields(Schedule.Weekly schedule) {
        return Map.of("days", days(schedule), "time", ScheduleText.formatTime(schedule.time()));
    }

    @Override
    public Pattern text() {
        return TEXT;
    }

    @Override
    public Schedule.Weekly fromText(Matcher match) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : match.group(1).split(",")) {
            days.add(ScheduleText.parseDay("days", day));
        }
        return Schedule.weekly(days, ScheduleText.parseTime("time", match.group(2)));
    }

    @Override
    public String toText(Schedule.Weekly schedule) {
        return "weekly on " + days(schedule) + " at " + ScheduleText.formatTime(schedule.time());
    }

    private static String days(Schedule.Weekly schedule) {
        return schedule.days().stream().map(ScheduleText::abbreviation).collect(Collectors.joining(","));
    }

    @Override
    public String describe(Schedule.Weekly schedule) {
        if (schedule.days().size() == 7) {
            return "Every day at " + ScheduleText.formatTime(schedule.time());
        }
        List<String> names = new ArrayList<>();
        schedule.days().forEach(day -> names.add(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)));
        return "Every " + CronDescriber.join(names) + " at " + ScheduleText.formatTime(schedule.time());
    }

    @Override
    public LocalRule rule(Schedule.Weekly schedule, Calendars calendars) {
        int days = 0;
        for (DayOfWeek day : schedule.days()) {
            days |= 1 << day.getValue();
        }
        int dayBits = days;
        LocalTime time = schedule.time();
        return after -> {
            LocalDate date = after.toLocalDate();
            int start = time.isAfter(after.toLocalTime()) ? 0 : 1;
            int today = date.getDayOfWeek().getValue();
            // ends within seven days: a weekly schedule has at least one day (the record refuses none)
            for (int plus = start; ; plus++) {
                int dayOfWeek = (today + plus - 1) % 7 + 1;
                if ((dayBits & (1 << dayOfWeek)) != 0) {
                    return date.plusDays(plus).atTime(time);
                }
            }
        };
    }
}

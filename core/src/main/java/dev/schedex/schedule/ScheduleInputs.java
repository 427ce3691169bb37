package dev.schedex.schedule;

import dev.schedex.ValidationException;
import dev.schedex.Violation;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns a {@link ScheduleInput} into a {@link Schedule}, collecting every problem. */
final class ScheduleInputs {

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "daily", Set.of("times"),
            "weekly", Set.of("days", "time"),
            "monthly", Set.of("dayOfMonth", "time"),
            "monthly-last-day", Set.of("time"),
            "monthly-weekday", Set.of("ordinal", "dayOfWeek", "time"),
            "cron", Set.of("cron"));

    private ScheduleInputs() {
    }

    /**
     * @param input      the input
     * @param violations where problems go, with fields under {@code schedule.}
     * @return the schedule, or empty if there were problems
     */
    static Optional<Schedule> toSchedule(ScheduleInput input, List<Violation> violations) {
        String kind = input.kind().strip();
        if (kind.isEmpty()) {
            violations.add(new Violation("schedule.kind", "required", "a schedule kind is required; one of "
                    + String.join(", ", FIELDS.keySet().stream().sorted().toList())));
            return Optional.empty();
        }
        Set<String> known = FIELDS.get(kind);
        if (known == null) {
            violations.add(new Violation("schedule.kind", "unknown_kind", "unknown schedule kind '" + kind
                    + "'; expected one of " + String.join(", ", FIELDS.keySet().stream().sorted().toList())));
            return Optional.empty();
        }
        int before = violations.size();
        for (String key : input.fields().keySet()) {
            if (!known.contains(key)) {
                violations.add(new Violation("schedule." + key, "unknown_field", "a " + kind
                        + " schedule has no field '" + key + "'; it takes " + String.join(", ", known)));
            }
        }
        Map<String, String> fields = input.fields();
        Schedule schedule = null;
        switch (kind) {
            case "daily": {
                List<LocalTime> times = new ArrayList<>();
                String text = required(fields, "times", violations);
                if (text != null) {
                    for (String part : text.split(",")) {
                        time("times", part.strip(), violations).ifPresent(times::add);
                    }
                }
                if (violations.size() == before) {
                    schedule = Schedule.daily(times.toArray(LocalTime[]::new));
                }
                break;
            }
            case "weekly": {
                Set<DayOfWeek> days = days(fields, violations);
                Optional<LocalTime> time = time(fields, violations);
                if (violations.size() == before) {
                    schedule = Schedule.weekly(days, time.orElseThrow());
                }
                break;
            }
            case "monthly": {
                Optional<Integer> day = number(fields, "dayOfMonth", 1, 31, violations);
                Optional<LocalTime> time = time(fields, violations);
                if (violations.size() == before) {
                    schedule = Schedule.monthly(day.orElseThrow(), time.orElseThrow());
                }
                break;
            }
            case "monthly-last-day": {
                Optional<LocalTime> time = time(fields, violations);
                if (violations.size() == before) {
                    schedule = Schedule.monthlyOnLastDay(time.orElseThrow());
                }
                break;
            }
            case "monthly-weekday": {
                Optional<Integer> ordinal = "last".equalsIgnoreCase(fields.getOrDefault("ordinal", "").strip())
                        ? Optional.of(-1) : number(fields, "ordinal", 1, 5, violations);
                Optional<DayOfWeek> day = Optional.ofNullable(required(fields, "dayOfWeek", violations))
                        .flatMap(text -> day("dayOfWeek", text, violations));
                Optional<LocalTime> time = time(fields, violations);
                if (violations.size() == before) {
                    schedule = Schedule.monthlyOn(ordinal.orElseThrow(), day.orElseThrow(), time.orElseThrow());
                }
                break;
            }
            default: {
                String text = required(fields, "cron", violations);
                if (text != null) {
                    schedule = collect(() -> Schedule.cron(text), violations).orElse(null);
                    violations.replaceAll(v -> v.field().equals("cron") ? v.under("schedule") : v);
                }
                break;
            }
        }
        return violations.size() == before ? Optional.ofNullable(schedule) : Optional.empty();
    }

    private static String required(Map<String, String> fields, String key, List<Violation> violations) {
        String value = fields.get(key);
        if (value == null || value.isBlank()) {
            violations.add(new Violation("schedule." + key, "required", key + " is required"));
            return null;
        }
        return value;
    }

    private static Optional<LocalTime> time(Map<String, String> fields, List<Violation> violations) {
        String text = required(fields, "time", violations);
        return text == null ? Optional.empty() : time("time", text.strip(), violations);
    }

    private static Optional<LocalTime> time(String key, String text, List<Violation> violations) {
        return collect(() -> ScheduleText.parseTime("schedule." + key, text), violations);
    }

    /** Runs a parse that throws, moving its violations into the list. */
    private static <T> Optional<T> collect(java.util.function.Supplier<T> parse, List<Violation> violations) {
        try {
            return Optional.of(parse.get());
        } catch (ValidationException e) {
            violations.addAll(e.violations());
            return Optional.empty();
        }
    }

    private static Optional<Integer> number(Map<String, String> fields, String key, int min, int max,
                                            List<Violation> violations) {
        String text = required(fields, key, violations);
        if (text == null) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            violations.add(new Violation("schedule." + key, "invalid_number", key + " must be a whole number from "
                    + min + " to " + max + (key.equals("ordinal") ? " or 'last'" : "") + ", was '" + text + "'"));
            return Optional.empty();
        }
        violations.add(new Violation("schedule." + key, "out_of_range", key + " must be " + min + " to " + max
                + (key.equals("ordinal") ? " or 'last'" : "") + ", was " + text.strip()));
        return Optional.empty();
    }

    private static Set<DayOfWeek> days(Map<String, String> fields, List<Violation> violations) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        String text = fields.get("days");
        if (text == null || text.isBlank()) {
            violations.add(new Violation("schedule.days", "required", "a weekly schedule needs at least one day"));
            return days;
        }
        for (String part : text.split(",")) {
            day("days", part.strip(), violations).ifPresent(days::add);
        }
        return days;
    }

    private static Optional<DayOfWeek> day(String key, String text, List<Violation> violations) {
        return collect(() -> ScheduleText.parseDay("schedule." + key, text), violations);
    }
}

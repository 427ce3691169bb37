package dev.schedex.schedule;

import dev.schedex.ValidationException;
import dev.schedex.Violation;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A request's schedule fields, read by a {@link Kind}: each reader returns the value, or empty and a
 * violation named {@code schedule.<key>}, so that every problem of a request is reported at once.
 */
final class Fields {

    private final String kind;
    private final Map<String, String> values;
    private final List<Violation> violations;
    private final int before;

    Fields(String kind, Map<String, String> values, List<Violation> violations) {
        this.kind = kind;
        this.values = values;
        this.violations = violations;
        this.before = violations.size();
    }

    /** @return true if no field had a problem so far */
    boolean valid() {
        return violations.size() == before;
    }

    /** @param key a field @return its text, or empty (and a violation) if it is missing or blank */
    Optional<String> required(String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            violations.add(new Violation("schedule." + key, "required", key + " is required"));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** @return the keys the request gave */
    Set<String> keys() {
        return values.keySet();
    }

    /** @param key a field @param word a word @return true if the field holds that word, in any case */
    boolean holds(String key, String word) {
        String value = values.get(key);
        return value != null && value.strip().equalsIgnoreCase(word);
    }

    /**
     * Reports a problem with a field that the reader found itself.
     *
     * @param key     the field
     * @param code    the violation's code
     * @param message the violation's message
     */
    void refuse(String key, String code, String message) {
        violations.add(new Violation("schedule." + key, code, message));
    }

    /** @param key a field holding {@code yyyy-MM-dd} @return the date */
    Optional<LocalDate> date(String key) {
        return required(key).flatMap(text -> collect(() -> ScheduleText.parseDate("schedule." + key, text.strip())));
    }

    /** @param key a field holding {@code HH:mm} or {@code HH:mm:ss} @return the time */
    Optional<LocalTime> time(String key) {
        return required(key).flatMap(text -> collect(() -> ScheduleText.parseTime("schedule." + key, text.strip())));
    }

    /** @param key a field holding times separated by commas @return the times that could be read */
    List<LocalTime> times(String key) {
        List<LocalTime> times = new ArrayList<>();
        required(key).ifPresent(text -> {
            for (String part : text.split(",")) {
                collect(() -> ScheduleText.parseTime("schedule." + key, part.strip()))
                        .ifPresent(times::add);
            }
        });
        return times;
    }

    /**
     * @param key      a field holding a whole number
     * @param min      the least allowed
     * @param max      the most allowed
     * @param orLast   true if the word {@code last} is allowed too, as -1
     * @return the number
     */
    Optional<Integer> number(String key, int min, int max, boolean orLast) {
        Optional<String> text = required(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get().strip();
        if (orLast && value.equalsIgnoreCase("last")) {
            return Optional.of(-1);
        }
        String allowed = min + " to " + max + (orLast ? " or 'last'" : "");
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return Optional.of(number);
            }
            violations.add(
                    new Violation("schedule." + key, "out_of_range", key + " must be " + allowed + ", was " + value));
        } catch (NumberFormatException e) {
            violations.add(new Violation(
                    "schedule." + key,
                    "invalid_number",
                    key + " must be a whole number from " + allowed + ", was '" + text.get() + "'"));
        }
        return Optional.empty();
    }

    /** @param key a field holding one day of the week @return the day */
    Optional<DayOfWeek> day(String key) {
        return required(key).flatMap(text -> collect(() -> ScheduleText.parseDay("schedule." + key, text.strip())));
    }

    /** @param key a field holding days of the week separated by commas @return the days that could be read */
    Set<DayOfWeek> days(String key) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        String text = values.get(key);
        if (text == null || text.isBlank()) {
            violations.add(new Violation("schedule." + key, "required", "a weekly schedule needs at least one day"));
            return days;
        }
        for (String part : text.split(",")) {
            collect(() -> ScheduleText.parseDay("schedule." + key, part.strip()))
                    .ifPresent(days::add);
        }
        return days;
    }

    /** @param key a field holding a business calendar's name @return the name */
    Optional<String> calendar(String key) {
        return required(key)
                .flatMap(text -> collect(() -> ScheduleText.checkCalendar("schedule." + key, text.strip())));
    }

    /** @param key a field holding {@code skip}, {@code next} or {@code previous}, in any case @return its value */
    Optional<NonBusinessDay> nonBusinessDay(String key) {
        Optional<String> text = required(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (NonBusinessDay value : NonBusinessDay.values()) {
            if (value.name().equalsIgnoreCase(text.get().strip())) {
                return Optional.of(value);
            }
        }
        violations.add(new Violation(
                "schedule." + key, "unknown_value", key + " must be skip, next or previous, was '" + text.get() + "'"));
        return Optional.empty();
    }

    /**
     * Reads the schedule that the other fields give, of the same kind, with its problems reported here:
     * for a kind that wraps another and has fields of its own.
     *
     * @param own the wrapping kind's fields, left out
     * @return the schedule, or empty
     */
    Optional<Schedule> withoutFields(Set<String> own) {
        Map<String, String> rest = new java.util.HashMap<>(values);
        rest.keySet().removeAll(own);
        return ScheduleKinds.fromInput(new ScheduleInput(kind, rest), violations);
    }

    /**
     * Runs a construction that throws {@link ValidationException}, moving its violations here.
     *
     * @param make the construction
     * @param <T>  what it makes
     * @return what it made, or empty
     */
    <T> Optional<T> collect(Supplier<T> make) {
        try {
            return Optional.of(make.get());
        } catch (ValidationException e) {
            // a record's own check names its component ("cron"); a request names it under "schedule"
            e.violations().forEach(v -> violations.add(v.field().startsWith("schedule") ? v : v.under("schedule")));
            return Optional.empty();
        }
    }
}

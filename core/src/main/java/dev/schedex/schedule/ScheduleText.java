package dev.schedex.schedule;

import dev.schedex.RegisteredNames;
import dev.schedex.ValidationException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pieces the kinds' text forms are made of: times and days, written and read. */
final class ScheduleText {

    /** Ordinal words for descriptions: index 1 is "first". */
    static final List<String> ORDINAL_WORDS = List.of("", "first", "second", "third", "fourth", "fifth");

    /** A time of day in canonical text, as a regex group. */
    static final String TIME = "(\\d{2}:\\d{2}(?::\\d{2})?)";

    /** A business calendar's name, as a regex group: the rule of the service's names, 1 to 50 characters. */
    static final String CALENDAR = "(" + RegisteredNames.REGEX + ")";

    private static final Pattern CALENDAR_NAME = Pattern.compile(CALENDAR);

    private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

    private ScheduleText() {}

    /**
     * Reads a time of day written {@code HH:mm} or {@code HH:mm:ss} (a one-digit hour is accepted).
     *
     * @param field the field to name in the violation
     * @param text  the text
     * @return the time
     * @throws ValidationException with code {@code invalid_time} if the text is not such a time, or
     *                             {@code out_of_range} if it is one that does not exist (24:00, 12:60)
     */
    static LocalTime parseTime(String field, String text) {
        Matcher m = TIME_OF_DAY.matcher(text);
        if (!m.matches()) {
            throw ValidationException.of(field, "invalid_time", "time must be HH:mm, was '" + text + "'");
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (hour > 23 || minute > 59 || second > 59) {
            throw ValidationException.of(
                    field, "out_of_range", "time '" + text + "' does not exist; use 00:00 to 23:59");
        }
        return LocalTime.of(hour, minute, second);
    }

    static LocalTime checkTime(String field, LocalTime time) {
        if (time == null) {
            throw ValidationException.of(field, "required", "a time of day is required");
        }
        if (time.getNano() != 0) {
            throw ValidationException.of(field, "invalid_time", "time must be whole seconds, was " + time);
        }
        return time;
    }

    /**
     * @param field the field to name in the violation
     * @param name  a business calendar's name
     * @return the name
     * @throws ValidationException {@code required} or {@code invalid_name}
     */
    static String checkCalendar(String field, String name) {
        if (name == null || name.isEmpty()) {
            throw ValidationException.of(field, "required", "a business calendar's name is required");
        }
        if (!CALENDAR_NAME.matcher(name).matches()) {
            throw ValidationException.of(
                    field,
                    "invalid_name",
                    "a calendar's name is 1 to 50 letters, digits, '.', '-' or '_', starting with a letter or digit;"
                            + " was '" + name + "'");
        }
        return name;
    }

    /** @param n a positive number @return it as an English ordinal: 1st, 2nd, 3rd, 4th, 11th, 21st */
    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13
                ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    static String formatTime(LocalTime time) {
        return time.getSecond() == 0
                ? String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute())
                : String.format(Locale.ROOT, "%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
    }

    static String abbreviation(DayOfWeek day) {
        return day.name().substring(0, 3);
    }

    /**
     * Reads a day of the week: {@code MON} or {@code Monday}, in any case.
     *
     * @param field the field to name in the violation
     * @param text  the text
     * @return the day
     * @throws ValidationException with code {@code unknown_day} if it is not a day
     */
    static DayOfWeek parseDay(String field, String text) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (abbreviation(day).equalsIgnoreCase(text) || day.name().equalsIgnoreCase(text)) {
                return day;
            }
        }
        throw ValidationException.of(
                field,
                "unknown_day",
                "unknown day '" + text + "'; use MON, TUE, WED, THU, FRI, SAT, SUN or the full English names");
    }

    /**
     * Reads a date written {@code yyyy-MM-dd}.
     *
     * @param field the field to name in the violation
     * @param text  the text
     * @return the date
     * @throws ValidationException with code {@code invalid_date} if it is not such a date, or one
     *                             that does not exist (2027-02-30)
     */
    static LocalDate parseDate(String field, String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // reported below, with the text as given
        }
        throw ValidationException.of(field, "invalid_date", "date must be yyyy-MM-dd and exist, was '" + text + "'");
    }
}

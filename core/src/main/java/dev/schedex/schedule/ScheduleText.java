package dev.schedex.schedule;

import dev.schedex.ValidationException;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The canonical text form of schedules: formatting helpers and the parser behind {@link Schedule#parse}. */
final class ScheduleText {

    /** Ordinal words for descriptions: index 1 is "first". */
    static final List<String> ORDINAL_WORDS = List.of("", "first", "second", "third", "fourth", "fifth");

    static final Map<Integer, String> ORDINAL_TEXT = Map.of(1, "1st", 2, "2nd", 3, "3rd", 4, "4th", 5, "5th", -1, "last");

    private static final String TIME = "(\\d{2}:\\d{2}(?::\\d{2})?)";
    private static final Pattern DAILY = Pattern.compile("daily at (" + TIME + "(?:, " + TIME + ")*)");
    private static final Pattern WEEKLY = Pattern.compile("weekly on ([A-Z]{3}(?:,[A-Z]{3})*) at " + TIME);
    private static final Pattern MONTHLY_DAY = Pattern.compile("monthly on day (\\d{1,2}) at " + TIME);
    private static final Pattern MONTHLY_LAST = Pattern.compile("monthly on last day at " + TIME);
    private static final Pattern MONTHLY_WEEKDAY = Pattern.compile("monthly on (1st|2nd|3rd|4th|5th|last) ([A-Z]{3}) at "
            + TIME);
    private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

    private ScheduleText() {
    }

    static Schedule parse(String text) {
        if (text.startsWith("cron ")) {
            return Schedule.cron(text.substring(5));
        }
        Matcher m;
        if ((m = DAILY.matcher(text)).matches()) {
            return Schedule.daily(Arrays.stream(m.group(1).split(", ")).map(t -> parseTime("times", t))
                    .toArray(LocalTime[]::new));
        }
        if ((m = WEEKLY.matcher(text)).matches()) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String day : m.group(1).split(",")) {
                days.add(parseDay("days", day));
            }
            return Schedule.weekly(days, parseTime("time", m.group(2)));
        }
        if ((m = MONTHLY_DAY.matcher(text)).matches()) {
            return Schedule.monthly(Integer.parseInt(m.group(1)), parseTime("time", m.group(2)));
        }
        if ((m = MONTHLY_LAST.matcher(text)).matches()) {
            return Schedule.monthlyOnLastDay(parseTime("time", m.group(1)));
        }
        if ((m = MONTHLY_WEEKDAY.matcher(text)).matches()) {
            String ordinalText = m.group(1);
            int ordinal = ORDINAL_TEXT.entrySet().stream().filter(e -> e.getValue().equals(ordinalText))
                    .findFirst().orElseThrow().getKey();
            return Schedule.monthlyOn(ordinal, parseDay("dayOfWeek", m.group(2)), parseTime("time", m.group(3)));
        }
        throw ValidationException.of("schedule", "unknown_kind", "'" + text + "' is not a schedule; expected one of "
                + "'daily at 02:00', 'weekly on MON,FRI at 02:00', 'monthly on day 15 at 02:00', "
                + "'monthly on last day at 23:00', 'monthly on 2nd MON at 09:00', 'cron 0 2 * * *'");
    }

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
            throw ValidationException.of(field, "out_of_range", "time '" + text + "' does not exist; use 00:00 to 23:59");
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

    static String formatTime(LocalTime time) {
        return time.getSecond() == 0 ? String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute())
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
        throw ValidationException.of(field, "unknown_day", "unknown day '" + text
                + "'; use MON, TUE, WED, THU, FRI, SAT, SUN or the full English names");
    }
}

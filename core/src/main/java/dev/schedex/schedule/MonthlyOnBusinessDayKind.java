package dev.schedex.schedule;

import dev.schedex.ValidationException;
import dev.schedex.calendar.BusinessCalendar;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@link Schedule.MonthlyOnBusinessDay}: {@code monthly on 3rd business day of de-holidays at 09:00},
 * {@code monthly on last business day of de-holidays at 18:00}; fields {@code businessDay} (1 to 31,
 * or {@code last}), {@code calendar}, {@code time}.
 */
final class MonthlyOnBusinessDayKind implements ScheduleKind<Schedule.MonthlyOnBusinessDay> {

    static final MonthlyOnBusinessDayKind INSTANCE = new MonthlyOnBusinessDayKind();

    /** The kind's name in requests and rows. */
    static final String NAME = "business-day";

    /**
     * How many months a search looks at, from the one it starts in: a calendar in which a hundred
     * years of months in a row have too few business days is taken to have none after.
     */
    static final int MAX_MONTHS = 1_200;

    private static final Pattern TEXT = Pattern.compile("monthly on (\\d{1,2}(?:st|nd|rd|th)|last) business day of "
            + ScheduleText.CALENDAR + " at " + ScheduleText.TIME);

    private MonthlyOnBusinessDayKind() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> fields() {
        return Set.of("businessDay", "calendar", "time");
    }

    @Override
    public Schedule.@Nullable MonthlyOnBusinessDay fromFields(Fields fields) {
        Optional<Integer> businessDay =
                fields.number("businessDay", 1, Schedule.MonthlyOnBusinessDay.MAX_BUSINESS_DAY, true);
        Optional<String> calendar = fields.calendar("calendar");
        Optional<LocalTime> time = fields.time("time");
        return fields.valid()
                ? Schedule.monthlyOnBusinessDay(businessDay.orElseThrow(), calendar.orElseThrow(), time.orElseThrow())
                : null;
    }

    @Override
    public Map<String, String> toFields(Schedule.MonthlyOnBusinessDay schedule) {
        return Map.of(
                "businessDay",
                schedule.businessDay() == -1 ? "last" : Integer.toString(schedule.businessDay()),
                "calendar",
                schedule.calendar(),
                "time",
                ScheduleText.formatTime(schedule.time()));
    }

    @Override
    public Pattern text() {
        return TEXT;
    }

    @Override
    public Schedule.MonthlyOnBusinessDay fromText(Matcher match) {
        String ordinal = match.group(1);
        int businessDay = -1;
        if (!ordinal.equals("last")) {
            businessDay = Integer.parseInt(ordinal.substring(0, ordinal.length() - 2));
            if (businessDay == 0 || !ScheduleText.ordinal(businessDay).equals(ordinal)) {
                throw ValidationException.of(
                        "businessDay",
                        "invalid_ordinal",
                        "'" + ordinal + "' is not an ordinal such as 1st, 2nd or 23rd");
            }
        }
        return Schedule.monthlyOnBusinessDay(
                businessDay, match.group(2), ScheduleText.parseTime("time", match.group(3)));
    }

    @Override
    public String toText(Schedule.MonthlyOnBusinessDay schedule) {
        return "monthly on " + (schedule.businessDay() == -1 ? "last" : ScheduleText.ordinal(schedule.businessDay()))
                + " business day of " + schedule.calendar() + " at " + ScheduleText.formatTime(schedule.time());
    }

    @Override
    public String describe(Schedule.MonthlyOnBusinessDay schedule) {
        int n = schedule.businessDay();
        String which = n == -1
                ? "last"
                : n < ScheduleText.ORDINAL_WORDS.size() ? ScheduleText.ORDINAL_WORDS.get(n) : ScheduleText.ordinal(n);
        // every month has at least 20 weekdays: beyond, a month of a weekends-only calendar may lack the day
        return "On the " + which + " business day of every month at " + ScheduleText.formatTime(schedule.time())
                + " (calendar '" + schedule.calendar() + "'"
                + (n > 20 ? "; months with fewer business days are skipped" : "") + ")";
    }

    @Override
    public LocalRule rule(Schedule.MonthlyOnBusinessDay schedule, Calendars calendars) {
        BusinessCalendar calendar = calendars.get(schedule.calendar());
        int n = schedule.businessDay();
        LocalTime time = schedule.time();
        return after -> {
            LocalDate month = after.toLocalDate().withDayOfMonth(1);
            for (int i = 0; i < MAX_MONTHS; i++, month = month.plusMonths(1)) {
                LocalDate day = businessDay(calendar, month, n);
                if (day != null) {
                    LocalDateTime candidate = LocalDateTime.of(day, time);
                    if (candidate.isAfter(after)) {
                        return candidate;
                    }
                }
            }
            return null;
        };
    }

    /** @return the n-th business day of the month (the last for -1), or null if it has fewer */
    private static @Nullable LocalDate businessDay(BusinessCalendar calendar, LocalDate firstOfMonth, int n) {
        int length = firstOfMonth.lengthOfMonth();
        if (n == -1) {
            for (int day = length; day >= 1; day--) {
                LocalDate date = firstOfMonth.withDayOfMonth(day);
                if (calendar.isBusinessDay(date)) {
                    return date;
                }
            }
            return null;
        }
        int seen = 0;
        for (int day = 1; day <= length; day++) {
            LocalDate date = firstOfMonth.withDayOfMonth(day);
            if (calendar.isBusinessDay(date) && ++seen == n) {
                return date;
            }
        }
        return null;
    }
}

package dev.schedex.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * A schedule seen on the local calendar alone: the first matching local date-time after another.
 * {@link NextRunCalculator} maps these onto instants in a zone.
 */
interface LocalRule {

    /**
     * Months to look ahead before deciding that an n-th weekday rule has no further occurrence. Every
     * month has a first to fourth and a last of each weekday; a fifth one comes at most four months
     * after the previous (NextRunCalculatorTest tries every month of the 400-year cycle), so 14 can
     * never cut one off.
     */
    int MONTHS_FOR_FIFTH_WEEKDAY = 14;

    /**
     * @param after a local date-time with whole seconds
     * @return the first matching local date-time strictly after it, or null if there is none
     */
    LocalDateTime nextLocal(LocalDateTime after);

    /**
     * The local rule of a schedule.
     *
     * @param schedule any schedule
     * @return its rule
     */
    static LocalRule of(Schedule schedule) {
        if (schedule instanceof Schedule.Daily) {
            return daily(((Schedule.Daily) schedule).times());
        }
        if (schedule instanceof Schedule.Weekly) {
            return weekly((Schedule.Weekly) schedule);
        }
        if (schedule instanceof Schedule.MonthlyOnDay) {
            Schedule.MonthlyOnDay monthly = (Schedule.MonthlyOnDay) schedule;
            return after -> monthlyOnDay(monthly.dayOfMonth(), monthly.time(), after);
        }
        if (schedule instanceof Schedule.MonthlyOnLastDay) {
            LocalTime time = ((Schedule.MonthlyOnLastDay) schedule).time();
            return after -> monthlyOnLastDay(time, after);
        }
        if (schedule instanceof Schedule.MonthlyOnWeekday) {
            Schedule.MonthlyOnWeekday monthly = (Schedule.MonthlyOnWeekday) schedule;
            return after -> monthlyOnWeekday(monthly, after);
        }
        return ((Schedule.Cron) schedule).expression()::nextLocal;
    }

    /**
     * Tells whether a schedule names fixed wall-clock times, which follow the gap and overlap rules
     * for wall times, rather than matching every real instant.
     *
     * @param schedule any schedule
     * @return true for every kind but a cron expression with {@code *} or a step in its time fields
     */
    static boolean hasFixedTimes(Schedule schedule) {
        return !(schedule instanceof Schedule.Cron) || ((Schedule.Cron) schedule).expression().hasFixedTimes();
    }

    private static LocalRule daily(List<LocalTime> times) {
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

    private static LocalRule weekly(Schedule.Weekly weekly) {
        int days = 0;
        for (DayOfWeek day : weekly.days()) {
            days |= 1 << day.getValue();
        }
        int dayBits = days;
        LocalTime time = weekly.time();
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

    private static LocalDateTime monthlyOnDay(int dayOfMonth, LocalTime time, LocalDateTime after) {
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
    }

    private static LocalDateTime monthlyOnLastDay(LocalTime time, LocalDateTime after) {
        LocalDate date = after.toLocalDate();
        int length = date.lengthOfMonth();
        if (date.getDayOfMonth() < length || time.isAfter(after.toLocalTime())) {
            return LocalDateTime.of(LocalDate.of(date.getYear(), date.getMonthValue(), length), time);
        }
        LocalDate next = date.plusDays(1); // the first of the next month
        return LocalDateTime.of(next.withDayOfMonth(next.lengthOfMonth()), time);
    }

    private static LocalDateTime monthlyOnWeekday(Schedule.MonthlyOnWeekday rule, LocalDateTime after) {
        LocalDate month = after.toLocalDate().withDayOfMonth(1);
        for (int i = 0; i < MONTHS_FOR_FIFTH_WEEKDAY; i++, month = month.plusMonths(1)) {
            int firstSuch = Math.floorMod(rule.dayOfWeek().getValue() - month.getDayOfWeek().getValue(), 7) + 1;
            int length = month.lengthOfMonth();
            int day = rule.ordinal() == -1 ? firstSuch + (length - firstSuch) / 7 * 7
                    : firstSuch + 7 * (rule.ordinal() - 1);
            if (day > length) {
                continue;
            }
            LocalDateTime candidate = month.withDayOfMonth(day).atTime(rule.time());
            if (candidate.isAfter(after)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + rule + " within " + MONTHS_FOR_FIFTH_WEEKDAY + " months of " + after);
    }
}

package dev.schedex.testing;

import dev.schedex.schedule.Schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

/** Schedules of every kind, for tests that must cover each: a store's row, a text form, a request's fields. */
public final class SampleSchedules {

    private SampleSchedules() {
    }

    /**
     * @return two schedules of each kind, one of them with seconds or edge values, so that a form that
     *         loses something shows it
     */
    public static List<Schedule> ofEveryKind() {
        return List.of(
                Schedule.daily(LocalTime.of(2, 0)), Schedule.daily(LocalTime.of(23, 59, 59), LocalTime.of(0, 0, 1)),
                Schedule.weekly(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(6, 30)),
                Schedule.weekly(EnumSet.allOf(DayOfWeek.class), LocalTime.of(0, 0, 30)),
                Schedule.monthly(1, LocalTime.of(2, 0)), Schedule.monthly(31, LocalTime.of(12, 0, 5)),
                Schedule.monthlyOnLastDay(LocalTime.of(23, 0)), Schedule.monthlyOnLastDay(LocalTime.of(0, 0, 59)),
                Schedule.monthlyOn(2, DayOfWeek.MONDAY, LocalTime.of(9, 0)),
                Schedule.monthlyOn(-1, DayOfWeek.SUNDAY, LocalTime.of(1, 2, 3)),
                Schedule.cron("0 9-17 * * MON-FRI"), Schedule.cron("*/30 2 L * ?"));
    }
}

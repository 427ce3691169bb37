package dev.schedex.testing;

import dev.schedex.schedule.NonBusinessDay;
import dev.schedex.schedule.Schedule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;

/** Schedules of every kind, for tests that must cover each: a store's row, a text form, a request's fields. */
public final class SampleSchedules {

    private SampleSchedules() {}

    /**
     * @return two schedules of each kind, one of them with seconds or edge values, so that a form that
     *         loses something shows it; intervals with each rule they take; the business-day kind with
     *         a first, a last and the largest n; and schedules on business days with each
     *         {@link NonBusinessDay}, over several kinds of rule
     */
    public static List<Schedule> ofEveryKind() {
        return List.of(
                Schedule.daily(LocalTime.of(2, 0)),
                Schedule.daily(LocalTime.of(23, 59, 59), LocalTime.of(0, 0, 1)),
                Schedule.weekly(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(6, 30)),
                Schedule.weekly(EnumSet.allOf(DayOfWeek.class), LocalTime.of(0, 0, 30)),
                Schedule.monthly(1, LocalTime.of(2, 0)),
                Schedule.monthly(31, LocalTime.of(12, 0, 5)),
                Schedule.monthlyOnLastDay(LocalTime.of(23, 0)),
                Schedule.monthlyOnLastDay(LocalTime.of(0, 0, 59)),
                Schedule.monthlyOn(2, DayOfWeek.MONDAY, LocalTime.of(9, 0)),
                Schedule.monthlyOn(-1, DayOfWeek.SUNDAY, LocalTime.of(1, 2, 3)),
                Schedule.cron("0 9-17 * * MON-FRI"),
                Schedule.cron("*/30 2 L * ?"),
                Schedule.every(
                        3,
                        ChronoUnit.DAYS,
                        LocalDate.of(2026, 12, 7),
                        Schedule.daily(LocalTime.of(2, 0), LocalTime.of(14, 30, 15))),
                Schedule.every(
                        2,
                        ChronoUnit.WEEKS,
                        LocalDate.of(2026, 12, 10),
                        Schedule.weekly(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), LocalTime.of(9, 0))),
                Schedule.every(
                        1, ChronoUnit.MONTHS, LocalDate.of(1, 1, 1), Schedule.monthly(31, LocalTime.of(0, 0, 1))),
                Schedule.every(
                        3,
                        ChronoUnit.MONTHS,
                        LocalDate.of(2027, 1, 31),
                        Schedule.monthlyOnLastDay(LocalTime.of(18, 0))),
                Schedule.every(
                        999,
                        ChronoUnit.MONTHS,
                        LocalDate.of(9999, 12, 31),
                        Schedule.monthlyOn(-1, DayOfWeek.FRIDAY, LocalTime.of(23, 59, 59))),
                Schedule.every(
                        12,
                        ChronoUnit.MONTHS,
                        LocalDate.of(2026, 2, 1),
                        Schedule.monthlyOn(5, DayOfWeek.MONDAY, LocalTime.of(9, 0))),
                Schedule.monthlyOnBusinessDay(1, "de-holidays", LocalTime.of(9, 0)),
                Schedule.monthlyOnBusinessDay(-1, "weekends", LocalTime.of(18, 0, 30)),
                Schedule.monthlyOnBusinessDay(31, "A.b_c-9", LocalTime.of(0, 0)),
                Schedule.weekly(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(9, 0))
                        .onBusinessDaysOf("de-holidays", NonBusinessDay.NEXT),
                Schedule.daily(LocalTime.of(2, 0), LocalTime.of(14, 30, 15))
                        .onBusinessDaysOf("weekends", NonBusinessDay.PREVIOUS),
                Schedule.monthlyOnLastDay(LocalTime.of(23, 0)).onBusinessDaysOf("weekends", NonBusinessDay.SKIP),
                Schedule.cron("*/30 2 L * ?").onBusinessDaysOf("de-holidays", NonBusinessDay.NEXT),
                Schedule.every(
                                2,
                                ChronoUnit.WEEKS,
                                LocalDate.of(2026, 12, 10),
                                Schedule.weekly(EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(9, 0)))
                        .onBusinessDaysOf("de-holidays", NonBusinessDay.PREVIOUS),
                Schedule.every(
                                3,
                                ChronoUnit.MONTHS,
                                LocalDate.of(2027, 1, 31),
                                Schedule.monthlyOnLastDay(LocalTime.of(18, 0)))
                        .onBusinessDaysOf("weekends", NonBusinessDay.SKIP));
    }
}

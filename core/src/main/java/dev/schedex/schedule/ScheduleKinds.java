package dev.schedex.schedule;

import dev.schedex.ValidationException;
import dev.schedex.Violation;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * The table of schedule kinds, and the two ways into it: from a schedule (through
 * {@link Schedule.Cases}, so that a new kind does not compile until it is bound here) and from a
 * name or a text (through the table).
 */
final class ScheduleKinds {

    /** Every kind; the one that wraps the others is tried first, since its text ends in any other's. */
    static final List<ScheduleKind<?>> ALL = List.of(
            OnBusinessDaysKind.INSTANCE,
            DailyKind.INSTANCE,
            WeeklyKind.INSTANCE,
            MonthlyOnDayKind.INSTANCE,
            MonthlyOnLastDayKind.INSTANCE,
            MonthlyOnWeekdayKind.INSTANCE,
            CronKind.INSTANCE,
            EveryKind.INSTANCE,
            MonthlyOnBusinessDayKind.INSTANCE);

    /** The kinds a request names by their names: all but the wrapper, which is given by its fields. */
    private static final List<ScheduleKind<?>> NAMED =
            ALL.stream().filter(kind -> kind != OnBusinessDaysKind.INSTANCE).toList();

    private static final Schedule.Cases<ScheduleKind.Bound<?>> BIND = new Schedule.Cases<>() {
        @Override
        public ScheduleKind.Bound<?> daily(Schedule.Daily schedule) {
            return new ScheduleKind.Bound<>(DailyKind.INSTANCE, schedule);
        }

        @Override
        public ScheduleKind.Bound<?> weekly(Schedule.Weekly schedule) {
            return new ScheduleKind.Bound<>(WeeklyKind.INSTANCE, schedule);
        }

        @Override
        public ScheduleKind.Bound<?> monthlyOnDay(Schedule.MonthlyOnDay schedule) {
            return new ScheduleKind.Bound<>(MonthlyOnDayKind.INSTANCE, schedule);
        }

        @Override
        public ScheduleKind.Bound<?> monthlyOnLastDay(Schedule.MonthlyOnLastDay schedule) {
            return new ScheduleKind.Bound<>(MonthlyOnLastDayKind.INSTANCE, schedule);
        }

        @Override
        public ScheduleKind.Bound<?> monthlyOnWeekday(Schedule.MonthlyOnWeekday schedule) {
            return new ScheduleKind.Bound<>(MonthlyOnWeekdayKind.INSTANCE, schedule);
        }

        @Override
        public ScheduleKind.Bound<?> cron(Schedule.Cron schedule) {
            return new ScheduleKind.Bound<>(CronKind.INSTANCE, schedule);
        }

        @Override
        public ScheduleKind.Bound<?> every(Schedule.Every schedule) {
            return new ScheduleKind.Bound<>(EveryKind.INSTANCE, schedule);
        }

        @Override
        public ScheduleKind.Bound<?> monthlyOnBusinessDay(Schedule.MonthlyOnBusinessDay schedule) {
            return new ScheduleKind.Bound<>(MonthlyOnBusinessDayKind.INSTANCE, schedule);
        }

        @Override
        public ScheduleKind.Bound<?> onBusinessDays(Schedule.OnBusinessDays schedule) {
            return new ScheduleKind.Bound<>(OnBusinessDaysKind.INSTANCE, schedule);
        }
    };

    private ScheduleKinds() {}

    /** @param schedule any schedule @return it with its kind */
    static ScheduleKind.Bound<?> of(Schedule schedule) {
        return schedule.match(BIND);
    }

    /** @return the kinds' names, sorted, for messages */
    static String names() {
        return NAMED.stream().map(ScheduleKind::name).sorted().collect(Collectors.joining(", "));
    }

    /**
     * @param input      a schedule as a request carries it
     * @param violations where every problem goes, with fields named {@code schedule.<key>}
     * @return the schedule, or empty if there were problems
     */
    static Optional<Schedule> fromInput(ScheduleInput input, List<Violation> violations) {
        String name = input.kind();
        if (name.isBlank()) {
            violations.add(
                    new Violation("schedule.kind", "required", "a schedule kind is required; one of " + names()));
            return Optional.empty();
        }
        if (OnBusinessDaysKind.wraps(name, input.fields().keySet())) {
            // the rule's own kind reads the other fields, and reports the unknown ones
            Fields fields = new Fields(name, input.fields(), violations);
            int before = violations.size();
            Schedule schedule = OnBusinessDaysKind.INSTANCE.fromFields(fields);
            return violations.size() == before ? Optional.ofNullable(schedule) : Optional.empty();
        }
        Optional<ScheduleKind<?>> kind =
                NAMED.stream().filter(k -> k.name().equals(name)).findFirst();
        if (kind.isEmpty()) {
            violations.add(new Violation(
                    "schedule.kind",
                    "unknown_kind",
                    "unknown schedule kind '" + name + "'; expected one of " + names()));
            return Optional.empty();
        }
        Set<String> known = kind.get().fields();
        int before = violations.size();
        for (String key : input.fields().keySet()) {
            if (!known.contains(key)) {
                violations.add(new Violation(
                        "schedule." + key,
                        "unknown_field",
                        "a " + name + " schedule has no field '" + key + "'; it takes "
                                + String.join(", ", new TreeSet<>(known))));
            }
        }
        Fields fields = new Fields(name, input.fields(), violations);
        Schedule schedule = kind.get().fromFields(fields);
        return violations.size() == before ? Optional.ofNullable(schedule) : Optional.empty();
    }

    /**
     * @param text a schedule's canonical text
     * @return the schedule
     * @throws ValidationException if no kind's text form matches it
     */
    static Schedule fromText(String text) {
        for (ScheduleKind<?> kind : ALL) {
            Matcher match = kind.text().matcher(text);
            if (match.matches()) {
                return kind.fromText(match);
            }
        }
        throw ValidationException.of(
                "schedule",
                "unknown_kind",
                "'" + text + "' is not a schedule; expected one of "
                        + "'daily at 02:00', 'weekly on MON,FRI at 02:00', 'monthly on day 15 at 02:00', "
                        + "'monthly on last day at 23:00', 'monthly on 2nd MON at 09:00', 'cron 0 2 * * *', "
                        + "'every 2 weeks on MON,THU at 09:00 from 2026-12-07', "
                        + "'monthly on 1st business day of de-holidays at 09:00', "
                        + "'weekly on MON at 09:00 on business days of de-holidays, else next'");
    }
}

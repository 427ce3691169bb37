package dev.schedex.schedule;

import dev.schedex.Violation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A schedule as a request carries it: a kind and text fields, as they arrive from a form or JSON.
 * {@link #toSchedule(List)} turns it into a {@link Schedule}, reporting every problem at once with
 * fields named {@code schedule.<key>}.
 *
 * <table>
 *   <caption>ScheduleKinds and their fields</caption>
 *   <tr><th>kind</th><th>fields</th><th>example</th></tr>
 *   <tr><td>{@code daily}</td><td>{@code times}</td><td>{@code times=02:00,14:30}</td></tr>
 *   <tr><td>{@code weekly}</td><td>{@code days}, {@code time}</td><td>{@code days=MON,FRI time=02:00}</td></tr>
 *   <tr><td>{@code monthly}</td><td>{@code dayOfMonth}, {@code time}</td><td>{@code dayOfMonth=15 time=02:00}</td></tr>
 *   <tr><td>{@code monthly-last-day}</td><td>{@code time}</td><td>{@code time=23:00}</td></tr>
 *   <tr><td>{@code monthly-weekday}</td><td>{@code ordinal}, {@code dayOfWeek}, {@code time}</td>
 *       <td>{@code ordinal=2 dayOfWeek=MON time=09:00}; ordinal 1 to 5 or {@code last}</td></tr>
 *   <tr><td>{@code cron}</td><td>{@code cron}</td><td>{@code cron=0 9-17 * * MON-FRI}</td></tr>
 *   <tr><td>{@code interval}</td><td>{@code interval}, {@code unit}, {@code from}, and the rule's fields:
 *       {@code times} (days); {@code days}, {@code time} (weeks); {@code dayOfMonth} (1 to 31 or
 *       {@code last}), {@code time}, or {@code ordinal}, {@code dayOfWeek}, {@code time} (months)</td>
 *       <td>{@code interval=2 unit=weeks from=2026-12-07 days=MON,THU time=09:00}</td></tr>
 *   <tr><td>{@code business-day}</td><td>{@code businessDay} (1 to 31 or {@code last}), {@code calendar},
 *       {@code time}</td><td>{@code businessDay=1 calendar=de-holidays time=09:00}</td></tr>
 *   <tr><td>any other kind, on business days</td><td>its own fields, and {@code calendar} and
 *       {@code nonBusinessDay} ({@code skip}, {@code next} or {@code previous})</td>
 *       <td>{@code kind=weekly days=MON time=09:00 calendar=de-holidays nonBusinessDay=next}</td></tr>
 * </table>
 * Times are {@code HH:mm} (or {@code HH:mm:ss}); days are {@code MON}..{@code SUN} or full English names.
 *
 * @param kind   one of the kinds above
 * @param fields the kind's fields
 */
public record ScheduleInput(String kind, Map<String, String> fields) {

    /** Checks the components and copies the fields. */
    public ScheduleInput {
        Objects.requireNonNull(kind, "kind");
        fields = java.util.Collections.unmodifiableMap(new TreeMap<>(Map.copyOf(fields)));
    }

    /**
     * @param kind   the kind
     * @param fields its fields
     * @return the input
     */
    public static ScheduleInput of(String kind, Map<String, String> fields) {
        return new ScheduleInput(kind, fields);
    }

    /**
     * Reads the schedule this input describes.
     *
     * @param violations where every problem goes, with fields named {@code schedule.<key>}
     * @return the schedule, or empty if there were problems
     */
    public Optional<Schedule> toSchedule(List<Violation> violations) {
        return ScheduleKinds.fromInput(this, violations);
    }

    /**
     * The input that stands for a schedule built in code.
     *
     * @param schedule the schedule
     * @return the input
     */
    public static ScheduleInput of(Schedule schedule) {
        ScheduleKind.Bound<?> kind = ScheduleKinds.of(schedule);
        return of(kind.name(), kind.fields());
    }
}

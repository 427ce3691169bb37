package dev.schedex.schedule;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Everything about one kind of schedule in one place: its name and fields as a request carries them,
 * its canonical text form, its description, and its rule on the local calendar. Each kind has one
 * implementation, listed in {@link ScheduleKinds}; the compiler checks through {@link Schedule.Cases} that
 * every kind is bound to its home, and {@code ScheduleKindsTest} that each round-trips through text and fields.
 *
 * @param <S> the kind's record
 */
interface ScheduleKind<S extends Schedule> {

    /** @return the kind's name in requests and rows, such as {@code monthly-weekday} */
    String name();

    /**
     * @param schedule a schedule of this kind
     * @return the kind a request or row gives for it: {@link #name()}, but for a kind that wraps
     *         another and is given as that kind with fields of its own
     */
    default String name(S schedule) {
        return name();
    }

    /**
     * @return the names of the fields it takes in requests, such as {@code ordinal}, {@code dayOfWeek},
     *         {@code time}; a schedule names all of them, or for an interval those of its rule
     */
    Set<String> fields();

    /**
     * @param fields the request's fields, checked against {@link #fields()} already
     * @return the schedule, or null if a field has a problem (the problems are in {@code fields})
     */
    @Nullable
    S fromFields(Fields fields);

    /** @param schedule a schedule of this kind @return its fields, which {@link #fromFields} reads back */
    Map<String, String> toFields(S schedule);

    /** @return the pattern of its canonical text, the whole text matched */
    Pattern text();

    /** @param match a match of {@link #text()} @return the schedule it says */
    S fromText(Matcher match);

    /** @param schedule a schedule of this kind @return its canonical text, which {@link #text()} matches */
    String toText(S schedule);

    /** @param schedule a schedule of this kind @return a sentence for people */
    String describe(S schedule);

    /**
     * @param schedule  a schedule of this kind
     * @param calendars the business calendars, for a kind that names one
     * @return its rule on the local calendar
     * @throws UnknownCalendarException if it names a calendar that {@code calendars} does not have
     */
    LocalRule rule(S schedule, Calendars calendars);

    /**
     * @param schedule a schedule of this kind
     * @return true if it names wall-clock times (the gap and overlap rules apply), false if it
     *         matches every real instant of its fields (a cron expression with {@code *} or a step in
     *         a time field)
     */
    default boolean hasFixedTimes(S schedule) {
        return true;
    }

    /**
     * A schedule with its kind, so that the kind's operations can be called on a schedule seen only as
     * a {@link Schedule}.
     *
     * @param kind     the kind
     * @param schedule a schedule of that kind
     * @param <S>      the kind's record
     */
    record Bound<S extends Schedule>(ScheduleKind<S> kind, S schedule) {

        String name() {
            return kind.name(schedule);
        }

        Map<String, String> fields() {
            return kind.toFields(schedule);
        }

        LocalRule rule(Calendars calendars) {
            return kind.rule(schedule, calendars);
        }

        boolean hasFixedTimes() {
            return kind.hasFixedTimes(schedule);
        }
    }
}

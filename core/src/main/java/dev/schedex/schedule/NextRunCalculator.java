package dev.schedex.schedule;

import dev.schedex.calendar.BusinessCalendar;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes when a {@link Schedule} runs in a time zone.
 *
 * <p>Occurrences are whole seconds. Daylight-saving transitions follow these rules (see
 * {@code docs/schedules.md} for worked examples):
 * <ul>
 *   <li>A fixed wall time that does not exist on a day (it falls in a spring-forward gap) runs
 *       shifted forward by the length of the gap: 02:30 in New York on the second Sunday of March
 *       runs at 03:30 EDT. A run comes late, never not at all.</li>
 *   <li>A fixed wall time that happens twice (a fall-back overlap) runs once, at the first of the
 *       two instants.</li>
 *   <li>A cron expression with {@code *} or a step in its second, minute or hour field runs at each
 *       real instant whose local time matches: in an overlap in both passes, in a gap at none of the
 *       missing times; one whose every match is missing has no run, and the answer is empty at
 *       once.</li>
 *   <li>No instant is ever returned twice, even where two wall times resolve to the same instant.</li>
 * </ul>
 * The zone is always given; the JVM's default zone is never used. A schedule on a business calendar
 * ({@link Schedule#calendarName()}) needs a calculator that has it ({@link #create(Map)}); its
 * occurrences are moved on the local calendar first ({@link Schedule.OnBusinessDays}), and these
 * rules then apply to the moved wall times. Instances are immutable and thread-safe;
 * {@link #create()} returns a shared one, without calendars.
 */
public final class NextRunCalculator {

    private static final NextRunCalculator INSTANCE = new NextRunCalculator(Map.of());

    /** Marks "no occurrence" in the epoch-second arithmetic below. */
    private static final long NONE = Long.MIN_VALUE;

    /**
     * How far before {@code after} a transition can still matter for a fixed wall time: a time on
     * the previous day shifted by a gap of up to a day (Pacific/Apia skipped 30 December 2011).
     */
    private static final long LOOK_BACK_SECONDS = 2 * 86_400;

    /** Days after the first candidate that a later one could still resolve to an earlier instant. */
    private static final int SETTLE_DAYS = 3;

    /**
     * The Gregorian cycle: 400 years are exactly 146,097 days, which is 20,871 weeks, so every date
     * of a year 400 years on has the same month, day, weekday and month length.
     */
    private static final long GREGORIAN_CYCLE_SECONDS = 146_097L * 86_400;

    private final Calendars calendars;

    private NextRunCalculator(Map<String, BusinessCalendar> calendars) {
        Map<String, BusinessCalendar> byName = Map.copyOf(calendars);
        this.calendars = name -> {
            BusinessCalendar calendar = byName.get(name);
            if (calendar == null) {
                throw new UnknownCalendarException(name);
            }
            return calendar;
        };
    }

    /** @return the calculator without business calendars */
    public static NextRunCalculator create() {
        return INSTANCE;
    }

    /**
     * @param calendars the business calendars schedules may name, by name
     * @return a calculator that knows them
     */
    public static NextRunCalculator create(Map<String, BusinessCalendar> calendars) {
        return calendars.isEmpty() ? INSTANCE : new NextRunCalculator(new LinkedHashMap<>(calendars));
    }

    /**
     * The first occurrence strictly after an instant.
     *
     * @param schedule the schedule
     * @param zone     the zone its wall times are in
     * @param after    the instant to search after
     * @return the next occurrence, or empty if there is none (the rule can never match, as
     *         {@code 0 0 30 2 *}, or the calendar ends)
     */
    public Optional<Instant> next(Schedule schedule, ZoneId zone, Instant after) {
        return next(schedule, zone, Bounds.unbounded(), after);
    }

    /**
     * The first occurrence strictly after an instant and within bounds.
     *
     * @param schedule the schedule
     * @param zone     the zone its wall times are in
     * @param bounds   the period occurrences must lie in
     * @param after    the instant to search after
     * @return the next occurrence, or empty if there is none before the end of the bounds
     * @throws UnknownCalendarException if the schedule names a business calendar this calculator lacks
     */
    public Optional<Instant> next(Schedule schedule, ZoneId zone, Bounds bounds, Instant after) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(after, "after");
        ScheduleKind.Bound<?> kind = ScheduleKinds.of(schedule);
        long next = next(kind.rule(calendars), kind.hasFixedTimes(), zone, bounds, after);
        return next == NONE ? Optional.empty() : Optional.of(Instant.ofEpochSecond(next));
    }

    /**
     * The first {@code count} occurrences strictly after an instant, ascending.
     *
     * @param schedule the schedule
     * @param zone     the zone its wall times are in
     * @param after    the instant to search after
     * @param count    how many occurrences at most, not negative
     * @return the occurrences; fewer than {@code count} if the schedule ends
     */
    public List<Instant> upcoming(Schedule schedule, ZoneId zone, Instant after, int count) {
        return upcoming(schedule, zone, Bounds.unbounded(), after, count);
    }

    /**
     * The first {@code count} occurrences strictly after an instant and within bounds, ascending.
     *
     * @param schedule the schedule
     * @param zone     the zone its wall times are in
     * @param bounds   the period occurrences must lie in
     * @param after    the instant to search after
     * @param count    how many occurrences at most, not negative
     * @return the occurrences; fewer than {@code count} if the schedule or its bounds end
     */
    public List<Instant> upcoming(Schedule schedule, ZoneId zone, Bounds bounds, Instant after, int count) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(after, "after");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        ScheduleKind.Bound<?> kind = ScheduleKinds.of(schedule);
        LocalRule rule = kind.rule(calendars);
        boolean fixedTimes = kind.hasFixedTimes();
        List<Instant> result = new ArrayList<>(Math.min(count, 1024));
        Instant cursor = after;
        // at most `count` rounds, each a bounded search that moves strictly forward or ends the list
        while (result.size() < count) {
            long next = next(rule, fixedTimes, zone, bounds, cursor);
            if (next == NONE) {
                break;
            }
            cursor = Instant.ofEpochSecond(next);
            result.add(cursor);
        }
        return result;
    }

    private static long next(LocalRule rule, boolean fixedTimes, ZoneId zone, Bounds bounds, Instant after) {
        Instant from = after;
        if (bounds.startAt().isPresent() && after.isBefore(bounds.startAt().get())) {
            from = bounds.startAt().get().minusNanos(1);
        }
        // occurrences are whole seconds: the floor of either end is enough
        long endSecond = bounds.endAt().isPresent() ? bounds.endAt().get().getEpochSecond() : Long.MAX_VALUE;
        long next;
        try {
            long afterSecond = from.getEpochSecond();
            next = fixedTimes
                    ? nextFixedTime(rule, zone, afterSecond)
                    : nextRealInstant(rule, zone, afterSecond, endSecond);
        } catch (DateTimeException endOfCalendar) {
            return NONE; // the search ran past the year 999,999,999
        }
        return next > endSecond ? NONE : next;
    }

    /**
     * Fixed wall times. The first local candidate after {@code after} is the answer, at the offset in
     * force then, unless a transition lies within two days before {@code after} (a shifted time from
     * the day before may come first) or within two days of the candidate (it may sit in a gap or an
     * overlap); then the candidates around the transition are resolved one by one.
     */
    private static long nextFixedTime(LocalRule rule, ZoneId zone, long after) {
        ZoneRules rules = zone.getRules();
        // One look-up answers both questions: the offset at `after`, and whether any transition lies
        // close enough to matter. Transitions come about twice a year, so the slow path is rare.
        ZoneOffsetTransition transition = rules.nextTransition(Instant.ofEpochSecond(after - LOOK_BACK_SECONDS));
        if (transition != null && transition.toEpochSecond() <= after) {
            return nextFixedTimeNearTransition(rule, zone, rules, after);
        }
        ZoneOffset offset =
                transition == null ? rules.getOffset(Instant.ofEpochSecond(after)) : transition.getOffsetBefore();
        LocalDateTime candidate = rule.nextLocal(LocalDateTime.ofEpochSecond(after, 0, offset));
        if (candidate == null) {
            return NONE;
        }
        long epochSecond = candidate.toEpochSecond(offset);
        if (transition == null || epochSecond < transition.toEpochSecond()) {
            return epochSecond;
        }
        // A transition lies between: a monthly run weeks ahead, say. Unless the candidate is itself
        // near a transition, its offset there is unambiguous and no earlier candidate exists.
        ZoneOffsetTransition nearCandidate =
                rules.nextTransition(Instant.ofEpochSecond(epochSecond - LOOK_BACK_SECONDS));
        if (nearCandidate == null) {
            return candidate.toEpochSecond(rules.getOffset(Instant.ofEpochSecond(epochSecond)));
        }
        if (nearCandidate.toEpochSecond() > epochSecond + LOOK_BACK_SECONDS) {
            return candidate.toEpochSecond(nearCandidate.getOffsetBefore());
        }
        return nextFixedTimeNearTransition(rule, zone, rules, after);
    }

    /**
     * Resolves each local candidate from the day before {@code after}'s local date on, since a
     * shifted time from that day can land after {@code after}, and keeps the earliest instant
     * after it. Resolution is {@link ZonedDateTime#ofLocal}'s: shifted by the gap, or the earlier
     * offset in an overlap.
     *
     * <p>The loop ends within about a week of candidates: they strictly increase, and one dated three
     * days after {@code after}'s date lies at least 48 hours past its wall time, more than any
     * change of offset (at most 36 hours, -18:00 to +18:00), so it resolves after {@code after};
     * from the first that does, {@link #SETTLE_DAYS} more days are tried.
     */
    private static long nextFixedTimeNearTransition(LocalRule rule, ZoneId zone, ZoneRules rules, long after) {
        LocalDate afterDate = LocalDateTime.ofEpochSecond(after, 0, rules.getOffset(Instant.ofEpochSecond(after)))
                .toLocalDate();
        LocalDateTime cursor = afterDate.minusDays(1).atStartOfDay().minusSeconds(1);
        long best = NONE;
        LocalDate lastDateToTry = null;
        while (true) {
            LocalDateTime candidate = rule.nextLocal(cursor);
            if (candidate == null
                    || lastDateToTry != null && candidate.toLocalDate().isAfter(lastDateToTry)) {
                return best;
            }
            long epochSecond = ZonedDateTime.ofLocal(candidate, zone, null).toEpochSecond();
            if (epochSecond > after && (best == NONE || epochSecond < best)) {
                best = epochSecond;
                if (lastDateToTry == null) {
                    lastDateToTry = candidate.toLocalDate().plusDays(SETTLE_DAYS);
                }
            }
            cursor = candidate;
        }
    }

    /**
     * Every real instant whose local time matches: search the local calendar within each stretch
     * of constant offset, moving to the next stretch when the match falls beyond the transition.
     *
     * <p>Each match found in a stretch is exact, so the walk could only go on for ever when no
     * match is real, as when every match lies in a spring-forward gap ({@code *}{@code /30 2 * 3 0#2}
     * in New York). It stops at the end of the bounds, and at {@link #searchHorizon}, past which no
     * first occurrence can lie.
     */
    private static long nextRealInstant(LocalRule rule, ZoneId zone, long after, long endSecond) {
        ZoneRules rules = zone.getRules();
        long from = after + 1; // the first second that may match
        long giveUpAfter = endSecond;
        for (int crossed = 0; ; crossed++) {
            // the stretch of constant offset that `from` lies in, and the transition that ends it
            ZoneOffsetTransition end = rules.nextTransition(Instant.ofEpochSecond(from - 1));
            ZoneOffset offset;
            if (end == null) {
                offset = rules.getOffset(Instant.ofEpochSecond(from));
            } else if (end.toEpochSecond() > from) {
                offset = end.getOffsetBefore();
            } else {
                offset = end.getOffsetAfter();
                end = rules.nextTransition(end.getInstant());
            }
            LocalDateTime candidate = rule.nextLocal(LocalDateTime.ofEpochSecond(from - 1, 0, offset));
            if (candidate == null) {
                return NONE;
            }
            long epochSecond = candidate.toEpochSecond(offset);
            if (end == null || epochSecond < end.toEpochSecond()) {
                return epochSecond;
            }
            // An ordinary schedule runs in the stretch after the first transition it meets, so only
            // searches that walk on pay for listing the zone's transitions, once.
            if (crossed == 1) {
                giveUpAfter = Math.min(endSecond, searchHorizon(rules, after));
            }
            if (end.toEpochSecond() > giveUpAfter) {
                return NONE; // every occurrence from here on would lie past it
            }
            from = end.toEpochSecond();
        }
    }

    /**
     * An instant such that if no real-instant occurrence lies in ({@code after}, horizon], none lies
     * after {@code after} at all.
     *
     * <p>Why: past its last listed transition ({@link ZoneRules#getTransitions()}) a zone's offsets
     * come from its yearly transition rules ({@link ZoneRules#getTransitionRules()}), each of which
     * places one transition per year by month, day of month, weekday and time, at fixed offsets; a
     * zone with no rules keeps its last offset, a fixed-offset zone has no transitions at all. A
     * cron expression matches by the same calendar fields. Both therefore repeat with the Gregorian
     * cycle: an instant {@code t} past the last listed transition is an occurrence if and only if
     * {@code t + 400 years} (exactly {@link #GREGORIAN_CYCLE_SECONDS} later) is one. So with
     * {@code S = max(after, last listed transition)}, any occurrence after {@code S} has a copy, a
     * whole number of cycles earlier, in ({@code S}, {@code S} + 400 years]; and any occurrence in
     * ({@code after}, {@code S}] lies below that horizon already. Historic transitions, however many,
     * only move {@code S}; the walk up to the horizon is at most a few transitions a year for 400
     * years.
     */
    private static long searchHorizon(ZoneRules rules, long after) {
        List<ZoneOffsetTransition> listed = rules.getTransitions();
        long periodicFrom = listed.isEmpty()
                ? after
                : Math.max(after, listed.get(listed.size() - 1).toEpochSecond());
        return periodicFrom + GREGORIAN_CYCLE_SECONDS;
    }
}

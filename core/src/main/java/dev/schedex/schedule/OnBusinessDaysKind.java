package dev.schedex.schedule;

import dev.schedex.calendar.BusinessCalendar;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@link Schedule.OnBusinessDays}: any other kind on the business days of a calendar. Text: the
 * rule's text and {@code on business days of de-holidays, else next} ({@code else previous},
 * {@code else skip}). A request gives the rule's own kind and fields, and the fields {@code calendar}
 * and {@code nonBusinessDay} ({@code skip}, {@code next} or {@code previous}); so does a row.
 */
final class OnBusinessDaysKind implements ScheduleKind<Schedule.OnBusinessDays> {

    static final OnBusinessDaysKind INSTANCE = new OnBusinessDaysKind();

    /** How far a shift looks for a business day: a month covers any holiday stretch or company shutdown. */
    static final int MAX_SHIFT_DAYS = 31;

    /**
     * How many of the rule's dates one search looks at: when that many in a row are skipped (a
     * calendar with no business day left, say), the schedule is taken to have no next run. A daily
     * rule looks about 27 years ahead, a monthly one 833.
     */
    static final int MAX_DATES = 10_000;

    /** The fields of its own, beside the rule's. */
    static final Set<String> OWN_FIELDS = Set.of("calendar", "nonBusinessDay");

    private static final Pattern TEXT = Pattern.compile(
            "(.+) on business days of " + ScheduleText.CALENDAR + ", else (skip|next|previous)", Pattern.DOTALL);
    private static final LocalTime LAST_SECOND = LocalTime.of(23, 59, 59);

    private OnBusinessDaysKind() {}

    /** @return a name for the table; a request never gives it, but the rule's kind and the two fields */
    @Override
    public String name() {
        return "on-business-days";
    }

    /** @return the rule's kind: a row and a request name the kind of the rule it wraps */
    @Override
    public String name(Schedule.OnBusinessDays schedule) {
        return ScheduleKinds.of(schedule.rule()).name();
    }

    @Override
    public Set<String> fields() {
        Set<String> fields = new TreeSet<>(OWN_FIELDS);
        for (ScheduleKind<?> kind : ScheduleKinds.ALL) {
            if (kind != this && kind != MonthlyOnBusinessDayKind.INSTANCE) {
                fields.addAll(kind.fields());
            }
        }
        return fields;
    }

    /**
     * @param kind   a request's kind
     * @param fields its fields
     * @return true if it asks for a rule on business days: a kind other than the business-day kind,
     *         with a field of this kind's own
     */
    static boolean wraps(String kind, Set<String> fields) {
        return !kind.equals(MonthlyOnBusinessDayKind.NAME) && fields.stream().anyMatch(OWN_FIELDS::contains);
    }

    @Override
    public Schedule.@Nullable OnBusinessDays fromFields(Fields fields) {
        Optional<String> calendar = fields.calendar("calendar");
        Optional<NonBusinessDay> nonBusinessDay = fields.nonBusinessDay("nonBusinessDay");
        Optional<Schedule> rule = fields.withoutFields(OWN_FIELDS);
        if (rule.isEmpty() || !fields.valid()) {
            return null;
        }
        return fields.collect(() -> rule.get().onBusinessDaysOf(calendar.orElseThrow(), nonBusinessDay.orElseThrow()))
                .orElse(null);
    }

    @Override
    public Map<String, String> toFields(Schedule.OnBusinessDays schedule) {
        Map<String, String> fields =
                new HashMap<>(ScheduleKinds.of(schedule.rule()).fields());
        fields.put("calendar", schedule.calendar());
        fields.put("nonBusinessDay", schedule.nonBusinessDay().name().toLowerCase(Locale.ROOT));
        return Map.copyOf(fields);
    }

    @Override
    public Pattern text() {
        return TEXT;
    }

    @Override
    public Schedule.OnBusinessDays fromText(Matcher match) {
        return Schedule.parse(match.group(1))
                .onBusinessDaysOf(
                        match.group(2), NonBusinessDay.valueOf(match.group(3).toUpperCase(Locale.ROOT)));
    }

    @Override
    public String toText(Schedule.OnBusinessDays schedule) {
        return schedule.rule() + " on business days of " + schedule.calendar() + ", else "
                + schedule.nonBusinessDay().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String describe(Schedule.OnBusinessDays schedule) {
        String what = switch (schedule.nonBusinessDay()) {
            case SKIP -> "skipped on non-business days";
            case NEXT -> "moved to the next business day";
            case PREVIOUS -> "moved to the previous business day";
        };
        return schedule.rule().describe() + ", " + what + " (calendar '" + schedule.calendar() + "')";
    }

    @Override
    public boolean hasFixedTimes(Schedule.OnBusinessDays schedule) {
        return ScheduleKinds.of(schedule.rule()).hasFixedTimes();
    }

    /**
     * The rule's occurrences, each date mapped to a business day as {@link Schedule.OnBusinessDays}
     * says, the first date to reach a business day keeping it. A search starts at the first date
     * whose occurrences can land on or after {@code after}'s date: for NEXT, the day after the last
     * business day before it (earlier dates land before it), else that date itself (dates only
     * move back or stay). Every round either answers or moves past one of the rule's dates, and at
     * most {@link #MAX_DATES} of them are looked at.
     */
    @Override
    public LocalRule rule(Schedule.OnBusinessDays schedule, Calendars calendars) {
        LocalRule rule = ScheduleKinds.of(schedule.rule()).rule(calendars);
        BusinessCalendar calendar = calendars.get(schedule.calendar());
        NonBusinessDay shift = schedule.nonBusinessDay();
        return after -> {
            LocalDate afterDate = after.toLocalDate();
            LocalDate start = shift == NonBusinessDay.NEXT ? firstThatReaches(calendar, afterDate) : afterDate;
            LocalDateTime cursor = start.atStartOfDay().minusSeconds(1);
            LocalDate lastTarget = null;
            LocalDate lastSource = null;
            for (int dates = 0; dates < MAX_DATES; ) {
                LocalDateTime occurrence = rule.nextLocal(cursor);
                if (occurrence == null) {
                    return null;
                }
                LocalDate source = occurrence.toLocalDate();
                if (!source.equals(lastSource)) {
                    dates++;
                }
                LocalDate target =
                        lastSource != null && source.equals(lastSource) ? lastTarget : shifted(calendar, shift, source);
                if (target == null || (target.equals(lastTarget) && !source.equals(lastSource))) {
                    // skipped, or a later date mapped to a business day that an earlier one has: its runs go
                    cursor = LocalDateTime.of(source, LAST_SECOND);
                    continue;
                }
                lastTarget = target;
                lastSource = source;
                LocalDateTime candidate = LocalDateTime.of(target, occurrence.toLocalTime());
                if (candidate.isAfter(after)) {
                    return candidate;
                }
                // lands on or before `after`: a date mapped before its date has nothing left; one mapped
                // onto it goes on with its first time after `after`'s
                cursor = target.isBefore(afterDate)
                        ? LocalDateTime.of(source, LAST_SECOND)
                        : LocalDateTime.of(source, after.toLocalTime());
            }
            return null;
        };
    }

    /**
     * @return the first date whose occurrences NEXT can move onto {@code date} or later: the day after
     *         the last business day before it, or {@link #MAX_SHIFT_DAYS} before it if none is nearer
     */
    private static LocalDate firstThatReaches(BusinessCalendar calendar, LocalDate date) {
        for (int back = 1; back <= MAX_SHIFT_DAYS; back++) {
            LocalDate day = date.minusDays(back);
            if (calendar.isBusinessDay(day)) {
                return day.plusDays(1);
            }
        }
        return date.minusDays(MAX_SHIFT_DAYS);
    }

    /** @return the business day a date's occurrences run on, or null if they are skipped */
    private static @Nullable LocalDate shifted(BusinessCalendar calendar, NonBusinessDay shift, LocalDate date) {
        if (calendar.isBusinessDay(date)) {
            return date;
        }
        if (shift == NonBusinessDay.SKIP) {
            return null;
        }
        int step = shift == NonBusinessDay.NEXT ? 1 : -1;
        for (int i = 1; i <= MAX_SHIFT_DAYS; i++) {
            LocalDate day = date.plusDays((long) i * step);
            if (calendar.isBusinessDay(day)) {
                return day;
            }
        }
        return null;
    }
}

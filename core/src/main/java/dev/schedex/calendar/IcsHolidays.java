package dev.schedex.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The holidays of an iCalendar (RFC 5545) file, as public-holiday calendars publish them: every
 * date an all-day event covers is not a business day, every other date is (combine with
 * {@link BusinessCalendar#weekendsOff()} through {@link BusinessCalendar#and} for weekends).
 *
 * <p>What it reads, of each {@code VEVENT}: {@code DTSTART} as a date ({@code DTSTART;VALUE=DATE:20261225}
 * or {@code DTSTART:20261225}); {@code DTEND} (exclusive, as RFC 5545 says) or {@code DURATION} in
 * days or weeks, for events of several days, at most {@value #MAX_EVENT_DAYS}; {@code RRULE} when it
 * is yearly ({@code FREQ=YEARLY} with {@code INTERVAL}, {@code COUNT}, {@code UNTIL}, one
 * {@code BYMONTH}, one {@code BYMONTHDAY}, or one {@code BYDAY} with an ordinal such as {@code 4TH}
 * or {@code -1MO}); {@code RDATE} and {@code EXDATE} as dates; {@code STATUS:CANCELLED} leaves the
 * event out. Other components and properties are ignored; an event with a time of day, or a rule
 * this does not read, is refused with its line number rather than half understood.
 *
 * <p>Bounded: at most {@value #MAX_BYTES} bytes, {@value #MAX_EVENTS} events and
 * {@value #MAX_DATES} listed holiday dates (a yearly rule without {@code COUNT} is kept as a rule,
 * not listed). Immutable and thread-safe.
 */
public final class IcsHolidays implements BusinessCalendar {

    /** The largest file read: a country's holidays for a century are a few hundred kilobytes. */
    public static final int MAX_BYTES = 1 << 20;

    /** The most events in a file. */
    public static final int MAX_EVENTS = 10_000;

    /** The longest event in days. */
    public static final int MAX_EVENT_DAYS = 31;

    /** The most dates the listed events and counted rules cover together. */
    public static final int MAX_DATES = 100_000;

    private static final Pattern DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})T\\d{6}Z?");
    private static final Pattern DAYS = Pattern.compile("P(?:(\\d{1,3})W|(\\d{1,3})D)");
    private static final Pattern BY_DAY = Pattern.compile("([+-]?[1-5])(MO|TU|WE|TH|FR|SA|SU)");
    private static final List<String> WEEKDAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

    private final Set<LocalDate> dates;
    private final List<YearlyRule> rules;

    private IcsHolidays(Set<LocalDate> dates, List<YearlyRule> rules) {
        this.dates = Set.copyOf(dates);
        this.rules = List.copyOf(rules);
    }

    /**
     * @param file a {@code .ics} file, UTF-8, of at most {@value #MAX_BYTES} bytes
     * @return its holidays
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if it is too large or not such a file; the message names the line
     */
    public static IcsHolidays read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException(file + " is larger than " + MAX_BYTES + " bytes");
        }
        try {
            return parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param text an iCalendar text of at most {@value #MAX_BYTES} characters
     * @return its holidays
     * @throws IllegalArgumentException if it is too large or not such a text; the message names the line
     */
    public static IcsHolidays parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_BYTES) {
            throw new IllegalArgumentException("the calendar is longer than " + MAX_BYTES + " characters");
        }
        return new Reader(text).read();
    }

    @Override
    public boolean isBusinessDay(LocalDate date) {
        if (dates.contains(date)) {
            return false;
        }
        for (YearlyRule rule : rules) {
            if (rule.covers(date)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "IcsHolidays[" + dates.size() + " dates, " + rules.size() + " yearly rules]";
    }

    /**
     * A yearly rule without a count: the event on its day in every {@code interval}-th year from its
     * start, up to {@code until}, each lasting {@code days} days.
     */
    private record YearlyRule(
            LocalDate start,
            int interval,
            LocalDate until,
            int month,
            int dayOfMonth,
            int ordinal,
            @Nullable DayOfWeek dayOfWeek,
            int days,
            Set<LocalDate> excluded) {

        YearlyRule {
            excluded = Set.copyOf(excluded);
        }

        /** @return the occurrence's first date in a year, or null if the year has no such date */
        @Nullable
        LocalDate in(int year) {
            if (year < start.getYear()
                    || year > until.getYear()
                    || (year - start.getYear()) % interval != 0
                    || year > LocalDate.MAX.getYear() - 1) {
                return null;
            }
            LocalDate first = LocalDate.of(year, month, 1);
            LocalDate date;
            if (dayOfWeek == null) {
                if (dayOfMonth > first.lengthOfMonth()) {
                    return null; // RFC 5545: a date that does not exist is no occurrence (29 February)
                }
                date = first.withDayOfMonth(dayOfMonth);
            } else if (ordinal > 0) {
                date = first.with(TemporalAdjusters.dayOfWeekInMonth(ordinal, dayOfWeek));
                if (date.getMonthValue() != month) {
                    return null;
                }
            } else {
                date = first.with(TemporalAdjusters.lastInMonth(dayOfWeek)).plusWeeks(ordinal + 1L);
                if (date.getMonthValue() != month) {
                    return null;
                }
            }
            return date.isBefore(start) || date.isAfter(until) || excluded.contains(date) ? null : date;
        }

        boolean covers(LocalDate date) {
            // an event of at most 31 days that covers the date began in its year or the year before
            for (int year = date.getYear(); year >= date.getYear() - 1; year--) {
                LocalDate first = in(year);
                if (first != null && !date.isBefore(first) && date.isBefore(first.plusDays(days))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One pass over the text: unfolds lines, collects each event's properties, and adds its dates. */
    private static final class Reader {
        private final String text;
        private final Set<LocalDate> dates = new HashSet<>();
        private final List<YearlyRule> rules = new ArrayList<>();
        private int events;

        Reader(String text) {
            this.text = text;
        }

        IcsHolidays read() {
            List<String> lines = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            String[] raw = text.split("\r?\n", -1);
            for (int i = 0; i < raw.length; i++) {
                String line = raw[i];
                if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && !lines.isEmpty()) {
                    // RFC 5545 folding: a line that starts with white space continues the one before
                    lines.set(lines.size() - 1, lines.get(lines.size() - 1) + line.substring(1));
                } else if (!line.isBlank()) {
                    lines.add(line);
                    numbers.add(i + 1);
                }
            }
            if (lines.isEmpty() || !lines.get(0).strip().equalsIgnoreCase("BEGIN:VCALENDAR")) {
                throw new IllegalArgumentException("not an iCalendar file: it does not start with BEGIN:VCALENDAR");
            }
            Map<String, Property> event = null;
            int eventLine = 0;
            int nested = 0;
            for (int i = 0; i < lines.size(); i++) {
                Property p = Property.of(lines.get(i), numbers.get(i));
                if (event == null) {
                    if (p.is("BEGIN", "VEVENT")) {
                        event = new LinkedHashMap<>();
                        eventLine = p.line();
                        if (++events > MAX_EVENTS) {
                            throw new IllegalArgumentException("more than " + MAX_EVENTS + " events");
                        }
                    }
                } else if (p.name().equals("BEGIN")) {
                    nested++; // a VALARM inside the event: its properties are not the event's
                } else if (p.name().equals("END")) {
                    if (nested > 0) {
                        nested--;
                    } else {
                        event(event, eventLine);
                        event = null;
                    }
                } else if (nested == 0) {
                    Property earlier = event.get(p.name());
                    if (earlier != null && (p.name().equals("RDATE") || p.name().equals("EXDATE"))) {
                        event.put(p.name(), earlier.with(p.value()));
                    } else {
                        event.put(p.name(), p);
                    }
                }
            }
            if (event != null) {
                throw new IllegalArgumentException("line " + eventLine + ": the VEVENT has no END:VEVENT");
            }
            return new IcsHolidays(dates, rules);
        }

        private void event(Map<String, Property> event, int line) {
            Property status = event.get("STATUS");
            if (status != null && status.value().equalsIgnoreCase("CANCELLED")) {
                return;
            }
            Property dtstart = event.get("DTSTART");
            if (dtstart == null) {
                throw new IllegalArgumentException("line " + line + ": the VEVENT has no DTSTART");
            }
            LocalDate start = date(dtstart, dtstart.value());
            int days = days(event, start);
            Set<LocalDate> excluded = new HashSet<>();
            Property exdate = event.get("EXDATE");
            if (exdate != null) {
                for (String value : exdate.value().split(",")) {
                    excluded.add(date(exdate, value));
                }
            }
            List<LocalDate> starts = new ArrayList<>();
            if (!excluded.contains(start)) {
                starts.add(start);
            }
            Property rdate = event.get("RDATE");
            if (rdate != null) {
                for (String value : rdate.value().split(",")) {
                    starts.add(date(rdate, value));
                }
            }
            Property rrule = event.get("RRULE");
            if (rrule != null) {
                rule(rrule, start, days, excluded, starts);
            }
            for (LocalDate first : starts) {
                for (int d = 0; d < days; d++) {
                    dates.add(first.plusDays(d));
                }
                if (dates.size() > MAX_DATES) {
                    throw new IllegalArgumentException(
                            "line " + line + ": the events cover more than " + MAX_DATES + " dates");
                }
            }
        }

        private static int days(Map<String, Property> event, LocalDate start) {
            Property dtend = event.get("DTEND");
            Property duration = event.get("DURATION");
            long days = 1;
            Property used = dtend;
            if (dtend != null) {
                days = ChronoUnit.DAYS.between(start, date(dtend, dtend.value()));
            } else if (duration != null) {
                used = duration;
                Matcher m = DAYS.matcher(duration.value());
                if (!m.matches()) {
                    throw duration.refused("a holiday's DURATION is whole days or weeks, such as P1D or P2W");
                }
                days = m.group(1) != null ? 7L * Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2));
            }
            if (used != null && (days < 1 || days > MAX_EVENT_DAYS)) {
                throw used.refused("an event must last 1 to " + MAX_EVENT_DAYS + " days, this one lasts " + days);
            }
            return (int) days;
        }

        private void rule(Property rrule, LocalDate start, int days, Set<LocalDate> excluded, List<LocalDate> starts) {
            Map<String, String> parts = new LinkedHashMap<>();
            for (String part : rrule.value().split(";")) {
                int eq = part.indexOf('=');
                if (eq < 1) {
                    throw rrule.refused("'" + part + "' is not NAME=VALUE");
                }
                parts.put(part.substring(0, eq).toUpperCase(Locale.ROOT), part.substring(eq + 1));
            }
            if (!"YEARLY".equalsIgnoreCase(parts.remove("FREQ"))) {
                throw rrule.refused("only yearly rules (FREQ=YEARLY) are read");
            }
            parts.remove("WKST"); // weeks do not matter to a yearly rule on one day
            int interval = number(rrule, parts.remove("INTERVAL"), 1, 100, 1);
            String countText = parts.remove("COUNT");
            String untilText = parts.remove("UNTIL");
            int month = number(rrule, parts.remove("BYMONTH"), 1, 12, start.getMonthValue());
            String byDay = parts.remove("BYDAY");
            int dayOfMonth = number(rrule, parts.remove("BYMONTHDAY"), 1, 31, start.getDayOfMonth());
            if (!parts.isEmpty()) {
                throw rrule.refused(
                        "the rule parts " + parts.keySet() + " are not read; a holiday's rule is FREQ=YEARLY "
                                + "with INTERVAL, COUNT, UNTIL, BYMONTH, BYMONTHDAY or BYDAY");
            }
            int ordinal = 0;
            DayOfWeek dayOfWeek = null;
            if (byDay != null) {
                Matcher m = BY_DAY.matcher(byDay.toUpperCase(Locale.ROOT));
                if (!m.matches()) {
                    throw rrule.refused("BYDAY must be one weekday with an ordinal, such as 4TH or -1MO, was " + byDay);
                }
                ordinal = Integer.parseInt(m.group(1).replace("+", ""));
                dayOfWeek = DayOfWeek.of(WEEKDAYS.indexOf(m.group(2)) + 1);
            }
            LocalDate until = untilText == null ? LocalDate.MAX : date(rrule, untilText);
            YearlyRule rule =
                    new YearlyRule(start, interval, until, month, dayOfMonth, ordinal, dayOfWeek, days, excluded);
            if (countText == null) {
                rules.add(rule);
                return;
            }
            // a counted rule is finite: its occurrences are listed (RFC 5545 counts DTSTART as the first)
            int count = number(rrule, countText, 1, 1000, 1);
            int found = 1;
            for (int year = start.getYear(); found < count && year <= until.getYear() && year < 9999; year++) {
                LocalDate date = rule.in(year);
                if (date != null && date.isAfter(start)) {
                    starts.add(date);
                    found++;
                }
            }
        }

        private static int number(Property p, @Nullable String text, int min, int max, int absent) {
            if (text == null) {
                return absent;
            }
            try {
                int n = Integer.parseInt(text);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw p.refused("'" + text + "' must be a number from " + min + " to " + max);
        }

        private static LocalDate date(Property p, String value) {
            Matcher date = DATE.matcher(value);
            if (!date.matches()) {
                Matcher dateTime = DATE_TIME.matcher(value);
                if (dateTime.matches() && p.name().equals("RRULE")) {
                    date = dateTime; // an UNTIL with a time: the date is what counts for a date rule
                } else if (dateTime.matches()) {
                    throw p.refused("'" + value + "' has a time of day; a holiday is an all-day event " + "(" + p.name()
                            + ";VALUE=DATE:" + value.substring(0, 8) + ")");
                } else {
                    throw p.refused("'" + value + "' is not a date such as 20261225");
                }
            }
            try {
                return LocalDate.of(
                        Integer.parseInt(date.group(1)),
                        Integer.parseInt(date.group(2)),
                        Integer.parseInt(date.group(3)));
            } catch (DateTimeException e) {
                throw p.refused("'" + value + "' is not a date that exists");
            }
        }
    }

    /**
     * One content line: its name in capitals, its value, and its line number for messages.
     * Parameters are not kept: what this reads is decided by the value's form.
     */
    private record Property(String name, String value, int line) {

        static Property of(String text, int line) {
            boolean quoted = false;
            int colon = -1;
            for (int i = 0; i < text.length() && colon < 0; i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ':' && !quoted) {
                    colon = i;
                }
            }
            if (colon < 1) {
                throw new IllegalArgumentException("line " + line + ": '" + abbreviated(text) + "' is not NAME:VALUE");
            }
            String head = text.substring(0, colon);
            int semicolon = head.indexOf(';');
            String name = (semicolon < 0 ? head : head.substring(0, semicolon))
                    .strip()
                    .toUpperCase(Locale.ROOT);
            return new Property(name, text.substring(colon + 1).strip(), line);
        }

        boolean is(String name, String value) {
            return this.name.equals(name) && this.value.equalsIgnoreCase(value);
        }

        Property with(String more) {
            return new Property(name, value + "," + more, line);
        }

        IllegalArgumentException refused(String why) {
            return new IllegalArgumentException("line " + line + ": " + name + ": " + why);
        }

        private static String abbreviated(String text) {
            return text.length() <= 40 ? text : text.substring(0, 40) + "...";
        }
    }
}

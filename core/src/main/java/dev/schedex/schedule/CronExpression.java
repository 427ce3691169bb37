package dev.schedex.schedule;

import dev.schedex.ValidationException;
import dev.schedex.schedule.CronField.Item;
import dev.schedex.schedule.CronField.Kind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A parsed cron expression: five fields (minute hour day-of-month month day-of-week) or six
 * (seconds first), or one of the macros {@code @yearly @annually @monthly @weekly @daily
 * @midnight @hourly}. The dialect (names, ranges, steps, lists, {@code L}, {@code L-n},
 * {@code LW}, {@code nW}, {@code dL}, {@code d#n}) is described in {@code docs/schedules.md}.
 *
 * <p>Day-of-month and day-of-week combine as in Vixie cron: when both are restricted, a day matches
 * if either matches; when either starts with {@code *} or {@code ?}, a day must match both (so
 * {@code *}{@code /2} with {@code FRI} means Fridays on odd days).
 *
 * <p>Instances are immutable and thread-safe. Two expressions are equal when their canonical
 * texts are equal ({@link #toString()}): upper-cased fields one space apart, or a lower-case macro.
 * This class matches local date-times only; time zones and daylight saving are the business of
 * {@link NextRunCalculator}.
 */
public final class CronExpression {

    /**
     * A cron expression that matches at least once matches within any 400 years: the Gregorian
     * cycle is exactly 20,871 weeks, so every month recurs with the same length and weekdays.
     * {@link #nextLocal} searches no further.
     */
    private static final int SEARCH_YEARS = 400;

    private final String text;
    private final List<CronField> fields;
    private final long seconds;
    private final long minutes;
    private final long hours;
    private final long months;
    private final boolean everyDay;
    private final boolean dayOfMonthStar;
    private final boolean dayOfWeekStar;
    private final List<Item> dayOfMonthItems;
    private final List<Item> dayOfWeekItems;
    private final long dayOfMonthBits;
    /** The plain day-of-week matches of a 31-day month, for each weekday the month can start on (0 is Sunday). */
    private final long[] dayOfWeekBitsByFirstDay = new long[7];

    private final boolean dayOfMonthSpecials;
    private final boolean dayOfWeekSpecials;
    private final int firstSecond;
    private final int firstMinute;
    private final boolean fixedTimes;
    private final boolean everMatches;

    private CronExpression(String text, List<CronField> fields) {
        this.text = text;
        this.fields = fields;
        this.seconds = field(Kind.SECOND).bits();
        this.minutes = field(Kind.MINUTE).bits();
        this.hours = field(Kind.HOUR).bits();
        this.months = field(Kind.MONTH).bits();
        CronField dayOfMonth = field(Kind.DAY_OF_MONTH);
        CronField dayOfWeek = field(Kind.DAY_OF_WEEK);
        this.everyDay = dayOfMonth.text().equals("*") && dayOfWeek.text().equals("*");
        this.dayOfMonthStar = dayOfMonth.startsWithStar();
        this.dayOfWeekStar = dayOfWeek.startsWithStar();
        this.dayOfMonthItems = dayOfMonth.items();
        this.dayOfWeekItems = dayOfWeek.items();
        this.dayOfMonthBits = dayOfMonth.bits();
        long dayOfWeekBits = dayOfWeek.bits();
        for (int first = 0; first < 7; first++) {
            for (int day = 1; day <= 31; day++) {
                if ((dayOfWeekBits & (1L << ((first + day - 1) % 7))) != 0) {
                    dayOfWeekBitsByFirstDay[first] |= 1L << day;
                }
            }
        }
        this.dayOfMonthSpecials = !dayOfMonth.isPlain();
        this.dayOfWeekSpecials = !dayOfWeek.isPlain();
        this.firstSecond = Long.numberOfTrailingZeros(seconds);
        this.firstMinute = Long.numberOfTrailingZeros(minutes);
        this.fixedTimes = field(Kind.SECOND).isFixed()
                && field(Kind.MINUTE).isFixed()
                && field(Kind.HOUR).isFixed();
        this.everMatches = anyMonthCanMatch();
    }

    /**
     * Parses a cron expression.
     *
     * @param expression five or six fields, or a macro
     * @return the parsed expression
     * @throws ValidationException with field {@code "cron"}, a code such as {@code cron.out_of_range},
     *                             {@code cron.unknown_name}, {@code cron.field_count}, {@code cron.step},
     *                             {@code cron.syntax}, and a message that quotes the offending part and its position
     */
    public static CronExpression parse(String expression) {
        Objects.requireNonNull(expression, "expression");
        String stripped = expression.strip();
        return new CronExpression(CronParser.canonical(stripped), CronParser.parse(stripped));
    }

    /**
     * Tells whether the time of day is fixed: the second, minute and hour fields hold only plain
     * values and ranges, no {@code *} and no step. Fixed times follow the daylight-saving rules for
     * wall-clock times (shifted out of a gap, once in an overlap); the others run at every real
     * instant that matches.
     *
     * @return true if the expression names fixed wall-clock times
     */
    public boolean hasFixedTimes() {
        return fixedTimes;
    }

    /**
     * Tells whether any date-time at all matches. False for expressions such as {@code 0 0 30 2 *}
     * (February 30th); the answer is computed once, when parsing.
     *
     * @return false if the expression can never match
     */
    public boolean canMatch() {
        return everMatches;
    }

    /** @return a sentence describing when the expression fires, such as "At 02:00 on Monday through Friday" */
    public String describe() {
        return CronDescriber.describe(fields);
    }

    /**
     * Finds the first local date-time strictly after the given one (compared to the second) that matches.
     *
     * @param after a local date-time; its nanoseconds are ignored
     * @return the next match, or null if none exists
     * @throws java.time.DateTimeException if the search runs past the end of the calendar (year 999,999,999)
     */
    @Nullable
    LocalDateTime nextLocal(LocalDateTime after) {
        if (!everMatches) {
            return null;
        }
        LocalDate date = after.toLocalDate();
        int secondOfDay = after.toLocalTime().toSecondOfDay() + 1;
        if (secondOfDay == 86_400) {
            date = date.plusDays(1);
            secondOfDay = 0;
        }
        int year = date.getYear();
        int month = date.getMonthValue();
        int day = date.getDayOfMonth();
        long lastYear = Math.min((long) year + SEARCH_YEARS, Year.MAX_VALUE);
        while (year <= lastYear) {
            if ((months & (1L << month)) != 0) {
                long days = matchingDays(year, month) & (-1L << day);
                while (days != 0) {
                    int matchingDay = Long.numberOfTrailingZeros(days);
                    int time = nextTimeOfDay(matchingDay == day ? secondOfDay : 0);
                    if (time >= 0) {
                        return LocalDateTime.of(year, month, matchingDay, time / 3600, time / 60 % 60, time % 60);
                    }
                    days &= days - 1;
                }
            }
            day = 1;
            secondOfDay = 0;
            if (++month > 12) {
                month = 1;
                year++;
            }
        }
        return null;
    }

    /** The matching days of one month as bits 1 to 31. */
    private long matchingDays(int year, int month) {
        LocalDate first = LocalDate.of(year, month, 1);
        int length = first.lengthOfMonth();
        int firstDayOfWeek = (int) Math.floorMod(first.toEpochDay() + 4, 7); // 1970-01-01 was a Thursday
        return dayBits(length, firstDayOfWeek);
    }

    /**
     * The matching days of a month with the given length whose first day falls on the given day of
     * the week (0 is Sunday), as bits 1 to {@code length}.
     */
    private long dayBits(int length, int firstDayOfWeek) {
        long all = ((1L << length) - 1) << 1;
        if (everyDay) {
            return all;
        }
        long byMonth = dayOfMonthMatches(length, firstDayOfWeek) & all;
        long byWeek = dayOfWeekMatches(length, firstDayOfWeek) & all;
        return dayOfMonthStar || dayOfWeekStar ? byMonth & byWeek : byMonth | byWeek;
    }

    private long dayOfMonthMatches(int length, int firstDayOfWeek) {
        long bits = dayOfMonthBits;
        if (!dayOfMonthSpecials) {
            return bits;
        }
        for (Item item : dayOfMonthItems) {
            switch (item.type()) {
                case LAST_DAY:
                    if (length - item.from() >= 1) {
                        bits |= 1L << (length - item.from());
                    }
                    break;
                case LAST_WEEKDAY:
                    bits |= 1L << nearestWeekday(length, length, firstDayOfWeek);
                    break;
                case NEAREST_WEEKDAY:
                    if (item.from() <= length) {
                        bits |= 1L << nearestWeekday(item.from(), length, firstDayOfWeek);
                    }
                    break;
                default:
                    break;
            }
        }
        return bits;
    }

    /** The weekday (Monday to Friday) nearest to the given day, without leaving the month. */
    private static int nearestWeekday(int day, int length, int firstDayOfWeek) {
        int dayOfWeek = (firstDayOfWeek + day - 1) % 7;
        if (dayOfWeek == 6) { // Saturday: the Friday before, or the Monday after the 1st
            return day == 1 ? day + 2 : day - 1;
        }
        if (dayOfWeek == 0) { // Sunday: the Monday after, or the Friday before the last day
            return day == length ? day - 2 : day + 1;
        }
        return day;
    }

    private long dayOfWeekMatches(int length, int firstDayOfWeek) {
        long bits = dayOfWeekBitsByFirstDay[firstDayOfWeek];
        if (!dayOfWeekSpecials) {
            return bits;
        }
        for (Item item : dayOfWeekItems) {
            int firstSuch = Math.floorMod(item.from() - firstDayOfWeek, 7) + 1;
            switch (item.type()) {
                case LAST_DAY_OF_WEEK:
                    bits |= 1L << (firstSuch + (length - firstSuch) / 7 * 7);
                    break;
                case NTH_DAY_OF_WEEK:
                    int nth = firstSuch + 7 * (item.to() - 1);
                    if (nth <= length) {
                        bits |= 1L << nth;
                    }
                    break;
                default:
                    break;
            }
        }
        return bits;
    }

    /** The first matching second of the day at or after {@code from}, or -1. */
    private int nextTimeOfDay(int from) {
        int hour = from / 3600;
        int minute = from / 60 % 60;
        int second = from % 60;
        int h = nextBit(hours, hour);
        if (h < 0) {
            return -1;
        }
        if (h == hour) {
            int m = nextBit(minutes, minute);
            if (m == minute) {
                int s = nextBit(seconds, second);
                if (s >= 0) {
                    return hour * 3600 + minute * 60 + s;
                }
                m = nextBit(minutes, minute + 1);
            }
            if (m >= 0) {
                return hour * 3600 + m * 60 + firstSecond;
            }
            h = nextBit(hours, hour + 1);
            if (h < 0) {
                return -1;
            }
        }
        return h * 3600 + firstMinute * 60 + firstSecond;
    }

    private static int nextBit(long bits, int from) {
        if (from > 63) {
            return -1;
        }
        long rest = bits & (-1L << from);
        return rest == 0 ? -1 : Long.numberOfTrailingZeros(rest);
    }

    /** Every kind of month (length and weekday of the 1st) occurs within 400 years, so checking them all suffices. */
    private boolean anyMonthCanMatch() {
        for (int month = 1; month <= 12; month++) {
            if ((months & (1L << month)) == 0) {
                continue;
            }
            int longest = month == 2 ? 29 : YearMonth.of(2001, month).lengthOfMonth();
            for (int length = month == 2 ? 28 : longest; length <= longest; length++) {
                for (int firstDayOfWeek = 0; firstDayOfWeek < 7; firstDayOfWeek++) {
                    if (dayBits(length, firstDayOfWeek) != 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private CronField field(Kind kind) {
        return fields.get(kind.ordinal());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronExpression && ((CronExpression) other).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** @return the canonical text, which {@link #parse(String)} reads back to an equal expression */
    @Override
    public String toString() {
        return text;
    }
}

package dev.schedex.schedule;

import dev.schedex.schedule.CronField.Item;
import dev.schedex.schedule.CronField.ItemType;
import dev.schedex.schedule.CronField.Kind;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns parsed cron fields into an English sentence, in the manner of crontab.guru. */
final class CronDescriber {

    private CronDescriber() {}

    static String describe(List<CronField> fields) {
        CronField second = fields.get(Kind.SECOND.ordinal());
        CronField minute = fields.get(Kind.MINUTE.ordinal());
        CronField hour = fields.get(Kind.HOUR.ordinal());
        StringBuilder sentence = new StringBuilder("At ").append(time(second, minute, hour));
        String days = days(fields.get(Kind.DAY_OF_MONTH.ordinal()), fields.get(Kind.DAY_OF_WEEK.ordinal()));
        if (!days.isEmpty()) {
            sentence.append(' ').append(days);
        }
        CronField month = fields.get(Kind.MONTH.ordinal());
        if (!isAny(month)) {
            sentence.append(" in ").append(items(month));
        }
        return sentence.toString();
    }

    private static String time(CronField second, CronField minute, CronField hour) {
        if (allValues(second)
                && allValues(minute)
                && allValues(hour)
                && second.items().size() * minute.items().size() * hour.items().size() <= 6) {
            List<String> times = new ArrayList<>();
            for (Item h : hour.items()) {
                for (Item m : minute.items()) {
                    for (Item s : second.items()) {
                        times.add(
                                s.from() == 0
                                        ? String.format(Locale.ROOT, "%02d:%02d", h.from(), m.from())
                                        : String.format(Locale.ROOT, "%02d:%02d:%02d", h.from(), m.from(), s.from()));
                    }
                }
            }
            return join(times);
        }
        List<String> parts = new ArrayList<>();
        boolean secondsMatter = !(second.items().size() == 1
                && second.items().get(0).type() == ItemType.VALUE
                && second.items().get(0).from() == 0);
        if (secondsMatter) {
            parts.add(items(second));
        }
        if (!(secondsMatter && isAny(minute) && isAny(hour))) {
            parts.add(items(minute));
        }
        if (!isAny(hour)) {
            parts.add(items(hour));
        } else if (minute.isFixed() && !secondsMatter) {
            parts.add("every hour");
        }
        return String.join(" past ", parts);
    }

    private static String days(CronField dayOfMonth, CronField dayOfWeek) {
        boolean byMonth = !dayOfMonth.startsWithStar();
        boolean byWeek = !dayOfWeek.startsWithStar();
        String monthDays = byMonth || !isAny(dayOfMonth) ? "on " + items(dayOfMonth) : "";
        String weekDays = byWeek || !isAny(dayOfWeek) ? "on " + items(dayOfWeek) : "";
        if (byMonth && byWeek) {
            return monthDays + ", or " + weekDays;
        }
        if (!monthDays.isEmpty() && !weekDays.isEmpty()) {
            // a field starting with * makes the two combine with "and": say it so
            return monthDays + ", when that is " + weekDays.substring("on ".length());
        }
        return monthDays + weekDays;
    }

    private static String items(CronField field) {
        Kind kind = field.kind();
        if (allValues(field)) {
            List<String> values = new ArrayList<>();
            field.items().forEach(item -> values.add(name(kind, item.from())));
            return singular(kind) + join(values) + (kind == Kind.DAY_OF_MONTH ? " of the month" : "");
        }
        List<String> phrases = new ArrayList<>();
        for (Item item : field.items()) {
            phrases.add(item(kind, item));
        }
        return join(phrases);
    }

    private static String item(Kind kind, Item item) {
        String unit = unit(kind);
        String ofMonth = kind == Kind.DAY_OF_MONTH ? " of the month" : "";
        switch (item.type()) {
            case ANY:
                return "every " + unit;
            case VALUE:
                return singular(kind) + name(kind, item.from()) + ofMonth;
            case RANGE:
                if (kind == Kind.DAY_OF_WEEK || kind == Kind.MONTH) {
                    return name(kind, item.from()) + " through " + name(kind, item.to());
                }
                return "every " + unit + " from " + name(kind, item.from()) + " through " + name(kind, item.to())
                        + ofMonth;
            case STEP:
                String every = "every " + ordinal(item.step()) + " " + unit;
                if (item.star()) {
                    return every + ofMonth;
                }
                return every + " from " + name(kind, item.from()) + " through " + name(kind, item.to()) + ofMonth;
            case LAST_DAY:
                return item.from() == 0
                        ? "the last day of the month"
                        : item.from() + (item.from() == 1 ? " day" : " days") + " before the last day of the month";
            case LAST_WEEKDAY:
                return "the last weekday of the month";
            case NEAREST_WEEKDAY:
                return "the weekday nearest day " + item.from() + " of the month";
            case LAST_DAY_OF_WEEK:
                return "the last " + name(kind, item.from()) + " of the month";
            case NTH_DAY_OF_WEEK:
                return "the " + ScheduleText.ORDINAL_WORDS.get(item.to()) + " " + name(kind, item.from())
                        + " of the month";
            default:
                throw new IllegalStateException("unknown item type " + item.type());
        }
    }

    private static boolean isAny(CronField field) {
        return field.items().stream().anyMatch(item -> item.type() == ItemType.ANY);
    }

    private static boolean allValues(CronField field) {
        return field.items().stream().allMatch(item -> item.type() == ItemType.VALUE);
    }

    private static String singular(Kind kind) {
        switch (kind) {
            case SECOND:
                return "second ";
            case MINUTE:
                return "minute ";
            case HOUR:
                return "hour ";
            case DAY_OF_MONTH:
                return "day ";
            default:
                return "";
        }
    }

    private static String unit(Kind kind) {
        switch (kind) {
            case DAY_OF_MONTH:
                return "day";
            case DAY_OF_WEEK:
                return "day of the week";
            default:
                return kind.label;
        }
    }

    private static String name(Kind kind, int value) {
        if (kind == Kind.MONTH) {
            return Month.of(value).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        }
        if (kind == Kind.DAY_OF_WEEK) {
            return DayOfWeek.of(value % 7 == 0 ? 7 : value % 7).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        }
        return Integer.toString(value);
    }

    private static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13
                ? "th"
                : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
        return n + suffix;
    }

    /** "a", "a and b", "a, b and c". */
    static String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}

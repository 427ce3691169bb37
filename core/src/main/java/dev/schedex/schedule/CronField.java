package dev.schedex.schedule;

import java.util.List;

/**
 * One parsed field of a cron expression, kept in the shape it was written in so that it can be
 * described in words; {@link CronExpression} turns it into bit sets for matching.
 */
record CronField(Kind kind, String text, List<Item> items) {

    /** The six fields, with their ranges and the names each accepts. */
    enum Kind {
        SECOND("second", 0, 59, List.of()),
        MINUTE("minute", 0, 59, List.of()),
        HOUR("hour", 0, 23, List.of()),
        DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
        MONTH(
                "month",
                1,
                12,
                List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
        DAY_OF_WEEK("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

        final String label;
        final int min;
        final int max;
        /** Names in order, the first one standing for {@link #min} (day-of-week: SUN is 0). */
        final List<String> names;

        Kind(String label, int min, int max, List<String> names) {
            this.label = label;
            this.min = min;
            this.max = max;
            this.names = names;
        }
    }

    /** What one comma-separated part of a field says. */
    enum ItemType {
        /** {@code *} or {@code ?}: every value. */
        ANY,
        /** {@code 5}. */
        VALUE,
        /** {@code 1-5}. */
        RANGE,
        /** {@code 0/15}, {@code 10-50/5}, {@code *}{@code /15}. */
        STEP,
        /** Day-of-month {@code L} ({@code from} = 0) or {@code L-3} ({@code from} = 3). */
        LAST_DAY,
        /** Day-of-month {@code LW}: the last weekday (Monday to Friday) of the month. */
        LAST_WEEKDAY,
        /** Day-of-month {@code 15W}: the weekday nearest the 15th, within the month. */
        NEAREST_WEEKDAY,
        /** Day-of-week {@code 5L}: the last Friday of the month. */
        LAST_DAY_OF_WEEK,
        /** Day-of-week {@code 1#2}: the second Monday of the month ({@code from} = 1, {@code to} = 2). */
        NTH_DAY_OF_WEEK
    }

    /**
     * One part of a field. {@code from} and {@code to} are the range (equal for a single value),
     * {@code step} is 1 unless a step was given; {@code star} tells that the part began with
     * {@code *} (or {@code ?}), which matters for the day-of-month / day-of-week rule.
     */
    record Item(ItemType type, int from, int to, int step, boolean star) {}

    /** True when the field began with {@code *} or {@code ?} (Vixie cron's notion of unrestricted). */
    boolean startsWithStar() {
        return text.startsWith("*") || text.startsWith("?");
    }

    /** True when every part is a plain value or range: the field names fixed wall-clock values. */
    boolean isFixed() {
        return items.stream().allMatch(i -> i.type() == ItemType.VALUE || i.type() == ItemType.RANGE);
    }

    /** True when every part is a plain value, range, step or star: no L, W or # items. */
    boolean isPlain() {
        return items.stream().allMatch(i -> i.type().ordinal() <= ItemType.STEP.ordinal());
    }

    /** The plain values this field matches, as bits; special day items are not included. */
    long bits() {
        long bits = 0;
        for (Item item : items) {
            switch (item.type()) {
                case ANY:
                    bits |= range(kind.min, kind.max, 1);
                    break;
                case VALUE:
                case RANGE:
                case STEP:
                    bits |= range(item.from(), item.to(), item.step());
                    break;
                default:
                    break;
            }
        }
        if (kind == Kind.DAY_OF_WEEK && (bits & (1L << 7)) != 0) {
            bits = (bits | 1L) & ~(1L << 7); // 7 is Sunday too
        }
        return bits;
    }

    private static long range(int from, int to, int step) {
        long bits = 0;
        for (int v = from; v <= to; v += step) {
            bits |= 1L << v;
        }
        return bits;
    }
}

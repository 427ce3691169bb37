package dev.schedex.schedule;

import dev.schedex.ValidationException;
import dev.schedex.schedule.CronField.Item;
import dev.schedex.schedule.CronField.ItemType;
import dev.schedex.schedule.CronField.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the cron dialect described in {@code docs/schedules.md} into {@link CronField}s. Every
 * error names the field, the offending text and its 1-based position in the expression.
 */
final class CronParser {

    /** The field name used in every {@link ValidationException} this parser throws. */
    static final String FIELD = "cron";

    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    private static final Kind[] FIVE = {Kind.MINUTE, Kind.HOUR, Kind.DAY_OF_MONTH, Kind.MONTH, Kind.DAY_OF_WEEK};
    private static final Kind[] SIX = Kind.values();

    private final String expression;

    private CronParser(String expression) {
        this.expression = expression;
    }

    /** The canonical text of an expression: a lower-case macro, or the fields upper-cased, one space apart. */
    static String canonical(String expression) {
        String trimmed = expression.strip();
        if (trimmed.startsWith("@")) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
        return String.join(" ", trimmed.split("\\s+")).toUpperCase(Locale.ROOT);
    }

    /**
     * Parses an expression into its six fields (seconds first; a five-field expression gets a
     * seconds field of {@code 0}).
     */
    static List<CronField> parse(String expression) {
        return new CronParser(expression).parseFields();
    }

    private List<CronField> parseFields() {
        String text = expression.strip();
        if (text.isEmpty()) {
            throw error("cron.empty", "a cron expression is required", 1);
        }
        if (text.startsWith("@")) {
            String macro = MACROS.get(text.toLowerCase(Locale.ROOT));
            if (macro == null) {
                throw error(
                        "cron.unknown_macro",
                        "unknown macro '" + text + "'; known are @yearly, @annually, "
                                + "@monthly, @weekly, @daily, @midnight and @hourly",
                        position(0));
            }
            return new CronParser(macro).parseFields();
        }
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < expression.length()) {
            while (i < expression.length() && Character.isWhitespace(expression.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < expression.length() && !Character.isWhitespace(expression.charAt(i))) {
                i++;
            }
            if (i > start) {
                spans.add(new int[] {start, i});
            }
        }
        if (spans.size() != 5 && spans.size() != 6) {
            throw error(
                    "cron.field_count",
                    "expected 5 fields (minute hour day-of-month month day-of-week) "
                            + "or 6 (second minute hour day-of-month month day-of-week), found " + spans.size(),
                    1);
        }
        Kind[] kinds = spans.size() == 5 ? FIVE : SIX;
        List<CronField> fields = new ArrayList<>(6);
        if (spans.size() == 5) {
            fields.add(new CronField(Kind.SECOND, "0", List.of(new Item(ItemType.VALUE, 0, 0, 1, false))));
        }
        for (int f = 0; f < kinds.length; f++) {
            int[] span = spans.get(f);
            fields.add(parseField(kinds[f], span[0], span[1]));
        }
        return List.copyOf(fields);
    }

    private CronField parseField(Kind kind, int start, int end) {
        String text = expression.substring(start, end).toUpperCase(Locale.ROOT);
        List<Item> items = new ArrayList<>();
        int partStart = 0;
        for (int comma = text.indexOf(',', 0); ; comma = text.indexOf(',', partStart)) {
            int partEnd = comma < 0 ? text.length() : comma;
            items.add(parseItem(kind, text.substring(partStart, partEnd), start + partStart));
            if (comma < 0) {
                break;
            }
            partStart = comma + 1;
        }
        return new CronField(kind, text, List.copyOf(items));
    }

    private Item parseItem(Kind kind, String part, int offset) {
        if (part.isEmpty()) {
            throw error("cron.syntax", kind.label + " field has an empty list element", position(offset));
        }
        boolean dayField = kind == Kind.DAY_OF_MONTH || kind == Kind.DAY_OF_WEEK;
        if (part.equals("?")) {
            if (!dayField) {
                throw error(
                        "cron.syntax",
                        "'?' is allowed only in the day-of-month and day-of-week fields, not in the " + kind.label
                                + " field",
                        position(offset));
            }
            return new Item(ItemType.ANY, kind.min, kind.max, 1, true);
        }
        if (kind == Kind.DAY_OF_MONTH) {
            Item special = parseDayOfMonthSpecial(part, offset);
            if (special != null) {
                return special;
            }
        }
        if (kind == Kind.DAY_OF_WEEK) {
            Item special = parseDayOfWeekSpecial(part, offset);
            if (special != null) {
                return special;
            }
        }
        int slash = part.indexOf('/');
        String base = slash < 0 ? part : part.substring(0, slash);
        int step = 1;
        if (slash >= 0) {
            step = parseStep(kind, part.substring(slash + 1), offset + slash + 1);
        }
        if (base.equals("*")) {
            return new Item(slash < 0 ? ItemType.ANY : ItemType.STEP, kind.min, kind.max, step, true);
        }
        int dash = base.indexOf('-', 1);
        if (dash < 0) {
            int value = parseValue(kind, base, offset);
            if (slash < 0) {
                return new Item(ItemType.VALUE, value, value, 1, false);
            }
            return new Item(ItemType.STEP, value, kind.max, step, false);
        }
        int from = parseValue(kind, base.substring(0, dash), offset);
        int to = parseValue(kind, base.substring(dash + 1), offset + dash + 1);
        if (from > to) {
            throw error(
                    "cron.range_order",
                    kind.label + " range '" + base + "' starts after it ends; write the "
                            + "smaller value first (ranges do not wrap around)",
                    position(offset));
        }
        return new Item(slash < 0 ? ItemType.RANGE : ItemType.STEP, from, to, step, false);
    }

    private @Nullable Item parseDayOfMonthSpecial(String part, int offset) {
        if (part.equals("L")) {
            return new Item(ItemType.LAST_DAY, 0, 0, 1, false);
        }
        if (part.equals("LW")) {
            return new Item(ItemType.LAST_WEEKDAY, 0, 0, 1, false);
        }
        if (part.startsWith("L-")) {
            int days = parseNumber(Kind.DAY_OF_MONTH, part.substring(2), offset + 2);
            if (days < 1 || days > 30) {
                throw error(
                        "cron.out_of_range",
                        "day-of-month offset in '" + part + "' must be 1 to 30",
                        position(offset + 2));
            }
            return new Item(ItemType.LAST_DAY, days, days, 1, false);
        }
        if (part.endsWith("W")) {
            int day = parseValue(Kind.DAY_OF_MONTH, part.substring(0, part.length() - 1), offset);
            return new Item(ItemType.NEAREST_WEEKDAY, day, day, 1, false);
        }
        return null;
    }

    private @Nullable Item parseDayOfWeekSpecial(String part, int offset) {
        int hash = part.indexOf('#');
        if (hash >= 0) {
            int day = parseValue(Kind.DAY_OF_WEEK, part.substring(0, hash), offset) % 7;
            int nth = parseNumber(Kind.DAY_OF_WEEK, part.substring(hash + 1), offset + hash + 1);
            if (nth < 1 || nth > 5) {
                throw error(
                        "cron.out_of_range",
                        "the week number in '" + part + "' must be 1 to 5, found " + nth,
                        position(offset + hash + 1));
            }
            return new Item(ItemType.NTH_DAY_OF_WEEK, day, nth, 1, false);
        }
        if (part.length() > 1 && part.endsWith("L")) {
            int day = parseValue(Kind.DAY_OF_WEEK, part.substring(0, part.length() - 1), offset) % 7;
            return new Item(ItemType.LAST_DAY_OF_WEEK, day, day, 1, false);
        }
        if (part.equals("L")) {
            throw error(
                    "cron.syntax",
                    "'L' alone is ambiguous in the day-of-week field; write 5L for the last "
                            + "Friday of the month, or L in the day-of-month field for the last day",
                    position(offset));
        }
        return null;
    }

    private int parseStep(Kind kind, String text, int offset) {
        int step = parseNumber(kind, text, offset);
        int size = kind.max - kind.min + 1;
        if (step < 1 || step > size) {
            throw error("cron.step", kind.label + " step " + text + " must be 1 to " + size, position(offset));
        }
        return step;
    }

    private int parseValue(Kind kind, String text, int offset) {
        if (!text.isEmpty() && Character.isLetter(text.charAt(0))) {
            int index = kind.names.indexOf(text);
            if (index < 0) {
                String known = kind.names.isEmpty()
                        ? "the " + kind.label + " field takes numbers only"
                        : "known names are " + String.join(", ", kind.names);
                throw error(
                        "cron.unknown_name",
                        "unknown " + kind.label + " name '" + text + "'; " + known,
                        position(offset));
            }
            return kind.min + index;
        }
        int value = parseNumber(kind, text, offset);
        if (value < kind.min || value > kind.max) {
            throw error(
                    "cron.out_of_range",
                    kind.label + " value " + text + " is out of range " + kind.min + "-" + kind.max,
                    position(offset));
        }
        return value;
    }

    private int parseNumber(Kind kind, String text, int offset) {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw error(
                    "cron.syntax",
                    "expected a number in the " + kind.label + " field, found '" + text + "'",
                    position(offset));
        }
        return Integer.parseInt(text);
    }

    private static int position(int offset) {
        return offset + 1;
    }

    private ValidationException error(String code, String detail, int position) {
        return ValidationException.of(
                FIELD,
                code,
                "invalid cron expression '" + expression.strip() + "': " + detail + " (at position " + position + ")");
    }
}

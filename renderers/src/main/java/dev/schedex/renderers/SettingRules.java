package dev.schedex.renderers;

import dev.schedex.FormatSettings;
import dev.schedex.Violation;
import java.awt.Color;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings a format takes, with their types: checks a schedule's settings (unknown keys, wrong
 * types) and reads them with their defaults. Formats with numeric or enumerated settings extend the
 * kinds of rule here as they come.
 */
final class SettingRules {

    private final String format;
    /** True/false settings and their defaults. */
    private final Map<String, Boolean> flags = new LinkedHashMap<>();
    /** Settings that take one of a few words, the words, and the default. */
    private final Map<String, List<String>> choices = new LinkedHashMap<>();
    /** Colour settings: "none", or #rgb, #rgba, #rrggbb, #rrggbbaa. */
    private final Map<String, String> colours = new LinkedHashMap<>();
    /** Numeric settings and their ranges; their defaults are the format's to decide. */
    private final Map<String, NumberRule> numbers = new LinkedHashMap<>();

    /** A number between min and max (inclusive), whole if {@code whole}. */
    private record NumberRule(BigDecimal min, BigDecimal max, boolean whole) {}

    private static final java.util.regex.Pattern COLOUR =
            java.util.regex.Pattern.compile("none|#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})");

    SettingRules(String format) {
        this.format = format;
    }

    /**
     * @param key      the setting's name
     * @param fallback its value when a schedule does not set it
     * @return this
     */
    SettingRules flag(String key, boolean fallback) {
        flags.put(key, fallback);
        return this;
    }

    /**
     * @param key    the setting's name
     * @param values the words it may be, the first being its value when a schedule does not set it
     * @return this
     */
    SettingRules choice(String key, String... values) {
        choices.put(key, List.of(values));
        return this;
    }

    /**
     * @param key      the setting's name
     * @param fallback its value when a schedule does not set it
     * @return this
     */
    SettingRules colour(String key, String fallback) {
        colours.put(key, fallback);
        return this;
    }

    /**
     * @param key   the setting's name
     * @param min   the smallest value allowed
     * @param max   the largest value allowed
     * @param whole true if the value must be a whole number
     * @return this
     */
    SettingRules number(String key, String min, String max, boolean whole) {
        numbers.put(key, new NumberRule(new BigDecimal(min), new BigDecimal(max), whole));
        return this;
    }

    String colour(FormatSettings settings, String key) {
        return settings.getString(key).orElse(declared(colours, key));
    }

    /** @return the colour setting as a colour to paint with, or empty for {@code none} */
    Optional<Color> paint(FormatSettings settings, String key) {
        String value = colour(settings, key);
        if ("none".equals(value)) {
            return Optional.empty();
        }
        String hex = value.substring(1);
        if (hex.length() <= 4) { // #rgb and #rgba: each digit doubled
            StringBuilder doubled = new StringBuilder();
            hex.chars().forEach(c -> doubled.append((char) c).append((char) c));
            hex = doubled.toString();
        }
        long rgba = Long.parseLong(hex.length() == 6 ? hex + "ff" : hex, 16);
        return Optional.of(new Color(
                (int) (rgba >>> 24), (int) (rgba >>> 16) & 0xff, (int) (rgba >>> 8) & 0xff, (int) rgba & 0xff));
    }

    List<Violation> validate(FormatSettings settings) {
        List<Violation> violations = new ArrayList<>();
        settings.asMap().forEach((key, value) -> {
            if (flags.containsKey(key)) {
                if (!(value instanceof Boolean)) {
                    violations.add(new Violation(key, "invalid_type", key + " must be true or false, was " + value));
                }
            } else if (choices.containsKey(key)) {
                if (!choices.get(key).contains(value)) {
                    violations.add(new Violation(
                            key,
                            "invalid_value",
                            key + " must be one of " + String.join(", ", choices.get(key)) + ", was " + value));
                }
            } else if (colours.containsKey(key)) {
                if (!(value instanceof String)
                        || !COLOUR.matcher((String) value).matches()) {
                    violations.add(new Violation(
                            key,
                            "invalid_value",
                            key + " must be none or a colour written " + "#rgb, #rgba, #rrggbb or #rrggbbaa, was "
                                    + value));
                }
            } else if (numbers.containsKey(key)) {
                NumberRule rule = numbers.get(key);
                if (!(value instanceof BigDecimal)) {
                    violations.add(new Violation(key, "invalid_type", key + " must be a number, was " + value));
                } else if (((BigDecimal) value).compareTo(rule.min()) < 0
                        || ((BigDecimal) value).compareTo(rule.max()) > 0
                        || rule.whole()
                                && ((BigDecimal) value).stripTrailingZeros().scale() > 0) {
                    violations.add(new Violation(
                            key,
                            "out_of_range",
                            key + " must be a " + (rule.whole() ? "whole " : "")
                                    + "number from " + rule.min().toPlainString() + " to "
                                    + rule.max().toPlainString()
                                    + ", was " + ((BigDecimal) value).toPlainString()));
                }
            } else {
                List<String> known = new ArrayList<>(flags.keySet());
                known.addAll(choices.keySet());
                known.addAll(colours.keySet());
                known.addAll(numbers.keySet());
                violations.add(new Violation(
                        key,
                        "unknown_setting",
                        "the " + format + " format has no setting '" + key + "'; it takes "
                                + (known.isEmpty() ? "none" : String.join(", ", known))));
            }
        });
        return violations;
    }

    String choice(FormatSettings settings, String key) {
        return settings.getString(key).orElse(declared(choices, key).get(0));
    }

    boolean flag(FormatSettings settings, String key) {
        return settings.getBoolean(key).orElse(declared(flags, key));
    }

    /**
     * A format reads only the settings it declared, and validation lets no other through: a key
     * without a rule is the format's own mistake, and fails at once rather than as a null later.
     */
    private static <T> T declared(Map<String, T> rules, String key) {
        return Objects.requireNonNull(rules.get(key), () -> "no rule for the setting " + key);
    }
}

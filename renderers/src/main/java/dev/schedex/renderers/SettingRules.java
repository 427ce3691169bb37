package dev.schedex.renderers;

import dev.schedex.FormatSettings;
import dev.schedex.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    String colour(FormatSettings settings, String key) {
        return settings.getString(key).orElse(colours.get(key));
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
                    violations.add(new Violation(key, "invalid_value", key + " must be one of "
                            + String.join(", ", choices.get(key)) + ", was " + value));
                }
            } else if (colours.containsKey(key)) {
                if (!(value instanceof String) || !COLOUR.matcher((String) value).matches()) {
                    violations.add(new Violation(key, "invalid_value", key + " must be none or a colour written "
                            + "#rgb, #rgba, #rrggbb or #rrggbbaa, was " + value));
                }
            } else {
                List<String> known = new ArrayList<>(flags.keySet());
                known.addAll(choices.keySet());
                known.addAll(colours.keySet());
                violations.add(new Violation(key, "unknown_setting", "the " + format + " format has no setting '" + key
                        + "'; it takes " + (known.isEmpty() ? "none" : String.join(", ", known))));
            }
        });
        return violations;
    }

    String choice(FormatSettings settings, String key) {
        return settings.getString(key).orElse(choices.get(key).get(0));
    }

    boolean flag(FormatSettings settings, String key) {
        return settings.getBoolean(key).orElse(flags.get(key));
    }
}

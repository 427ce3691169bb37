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

    List<Violation> validate(FormatSettings settings) {
        List<Violation> violations = new ArrayList<>();
        settings.asMap().forEach((key, value) -> {
            if (!flags.containsKey(key)) {
                violations.add(new Violation(key, "unknown_setting", "the " + format + " format has no setting '" + key
                        + "'; it takes " + (flags.isEmpty() ? "none" : String.join(", ", flags.keySet()))));
            } else if (!(value instanceof Boolean)) {
                violations.add(new Violation(key, "invalid_type", key + " must be true or false, was " + value));
            }
        });
        return violations;
    }

    boolean flag(FormatSettings settings, String key) {
        return settings.getBoolean(key).orElse(flags.get(key));
    }
}

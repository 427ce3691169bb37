package dev.schedex;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The settings a schedule passes to its export format: a small immutable map from names to
 * JSON-compatible values (string, number, boolean, list, map), with typed getters. Each format
 * validates its own keys, types and ranges and rejects unknown keys (see
 * {@link dev.schedex.spi.ExportFormat#validateSettings(FormatSettings)}).
 *
 * <p>Numbers are kept as {@link BigDecimal}, so that {@code 2}, {@code 2L} and {@code 2.0} are the
 * same setting and a value survives a round trip through JSON text unchanged. Keys are kept sorted,
 * so equal settings print alike.
 */
public final class FormatSettings {

    private static final FormatSettings EMPTY = new FormatSettings(Map.of());

    private final Map<String, Object> values;

    private FormatSettings(Map<String, Object> values) {
        this.values = values;
    }

    /** @return settings with no keys: every format's defaults */
    public static FormatSettings empty() {
        return EMPTY;
    }

    /**
     * Copies settings from a map of JSON-compatible values.
     *
     * @param values names to strings, numbers, booleans, lists and maps of these
     * @return the settings
     * @throws IllegalArgumentException if a key is blank or a value is null or of another type
     */
    public static FormatSettings of(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        if (values.isEmpty()) {
            return EMPTY;
        }
        Map<String, Object> copy = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("a format setting needs a name");
            }
            copy.put(key, normalise(key, value));
        });
        return new FormatSettings(Collections.unmodifiableMap(copy));
    }

    private static Object normalise(String key, Object value) {
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).stripTrailingZeros();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("format setting '" + key + "' is not a finite number: " + value);
            }
            return new BigDecimal(Double.toString(d)).stripTrailingZeros();
        }
        if (value instanceof List) {
            List<Object> list = new ArrayList<>();
            for (Object element : (List<?>) value) {
                list.add(normalise(key, element));
            }
            return Collections.unmodifiableList(list);
        }
        if (value instanceof Map) {
            Map<String, Object> map = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> map.put(String.valueOf(k), normalise(key, v)));
            return Collections.unmodifiableMap(map);
        }
        throw new IllegalArgumentException("format setting '" + key + "' must be a string, number, boolean, list or "
                + "map, was " + (value == null ? "null" : value.getClass().getName()));
    }

    /** @return the names and values, sorted by name; numbers are {@link BigDecimal}s */
    public Map<String, Object> asMap() {
        return values;
    }

    /** @return true if there are no settings */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * @param key a setting's name
     * @return the raw value, if set
     */
    public Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * @param key a setting's name
     * @return the value if it is set and is a string
     */
    public Optional<String> getString(String key) {
        Object value = values.get(key);
        return value instanceof String ? Optional.of((String) value) : Optional.empty();
    }

    /**
     * @param key a setting's name
     * @return the value if it is set and is a number
     */
    public Optional<BigDecimal> getNumber(String key) {
        Object value = values.get(key);
        return value instanceof BigDecimal ? Optional.of((BigDecimal) value) : Optional.empty();
    }

    /**
     * @param key a setting's name
     * @return the value if it is set and is a boolean
     */
    public Optional<Boolean> getBoolean(String key) {
        Object value = values.get(key);
        return value instanceof Boolean ? Optional.of((Boolean) value) : Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FormatSettings && ((FormatSettings) other).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}

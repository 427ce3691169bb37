package dev.schedex;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Copies the maps of a request as they came: a request is raw input, and a null value in it (a
 * JSON {@code null}) is a problem for validation to name, not a {@link NullPointerException}.
 */
final class RequestMaps {

    private RequestMaps() {}

    static <V> Map<String, V> copy(Map<String, ? extends V> values) {
        Objects.requireNonNull(values, "values");
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}

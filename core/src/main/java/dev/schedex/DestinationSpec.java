package dev.schedex;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a schedule's exports go: a destination type the service knows, and its parameters.
 *
 * <pre>{@code
 * DestinationSpec.of("filesystem", Map.of("path", "{document}/{date}-{time}.{ext}", "keep", "10"))
 * }</pre>
 *
 * @param type       the destination's type, as registered with the service
 * @param parameters the destination's parameters, sorted by name
 */
public record DestinationSpec(String type, Map<String, String> parameters) {

    /** Checks the components and copies the parameters. */
    public DestinationSpec {
        Objects.requireNonNull(type, "type");
        parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(Map.copyOf(parameters)));
    }

    /**
     * @param type       the destination's type
     * @param parameters its parameters
     * @return the spec
     */
    public static DestinationSpec of(String type, Map<String, String> parameters) {
        return new DestinationSpec(type, parameters);
    }
}

package dev.schedex;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a schedule's exports go: the name of a destination the host registered with the service, and
 * the parameters the schedule's owner chose for it. Endpoints and credentials are never here: the
 * host configures them on the destination itself.
 *
 * <pre>{@code
 * DestinationSpec.of("reports-s3", Map.of("path", "{document}/{date}-{time}.{ext}", "keep", "10"))
 * }</pre>
 *
 * @param name       the destination's name, as registered with the service
 * @param parameters the owner's parameters for it, sorted by key
 */
public record DestinationSpec(String name, Map<String, String> parameters) {

    /** Checks the components and copies the parameters. */
    public DestinationSpec {
        Objects.requireNonNull(name, "name");
        parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(Map.copyOf(parameters)));
    }

    /**
     * @param name       the destination's name
     * @param parameters its parameters
     * @return the spec
     */
    public static DestinationSpec of(String name, Map<String, String> parameters) {
        return new DestinationSpec(name, parameters);
    }
}

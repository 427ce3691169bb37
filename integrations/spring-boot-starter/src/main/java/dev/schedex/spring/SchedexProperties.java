package dev.schedex.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code schedex.*} properties.
 *
 * @param enabled                        false turns the whole auto-configuration off
 * @param hostName                       this instance's name in leases and run records (default
 *                                       from the process id)
 * @param leaseLength                    how long a claim holds a schedule; longer than the slowest export
 * @param batchSize                      how many schedules a tick claims at once
 * @param pauseAfterConsecutiveFailures  pause a schedule after this many failed runs in a row; 0 never
 * @param misfireGrace                   how late a tick may come before an occurrence counts as missed
 * @param runRetention                   delete finished runs older than this (default: keep all)
 * @param store                          the JDBC store
 * @param tick                           the ticks on Spring's scheduler
 * @param shutdown                       graceful shutdown
 * @param web                            the REST endpoints
 * @param destinations                   destinations of the built-in kinds, by name
 */
@ConfigurationProperties("schedex")
public record SchedexProperties(
        @DefaultValue("true") boolean enabled,
        @Nullable String hostName,
        @DefaultValue("5m") Duration leaseLength,
        @DefaultValue("100") int batchSize,
        @DefaultValue("10") int pauseAfterConsecutiveFailures,
        @DefaultValue("15m") Duration misfireGrace,
        @Nullable Duration runRetention,
        @DefaultValue Store store,
        @DefaultValue Tick tick,
        @DefaultValue Shutdown shutdown,
        @DefaultValue Web web,
        @Nullable Map<String, Destination> destinations) {

    /** Copies the destinations; none when none are given. */
    public SchedexProperties {
        destinations = destinations == null ? Map.of() : Map.copyOf(destinations);
    }

    /** @return this instance's host name, if one was set */
    public Optional<String> hostNameIfSet() {
        return Optional.ofNullable(hostName).filter(name -> !name.isBlank());
    }

    /** @return the run retention, if one was set */
    public Optional<Duration> runRetentionIfSet() {
        return Optional.ofNullable(runRetention);
    }

    /** @return the destinations by name, never null */
    public Map<String, Destination> destinationsByName() {
        return destinations == null ? Map.of() : destinations;
    }

    /**
     * @param migrate  apply the store's Flyway migrations at start-up (false when the application's
     *                 own migrations create the tables)
     * @param schema   the schema of the tables (default: the connection's)
     * @param tablePrefix the prefix of the table names
     */
    public record Store(
            @DefaultValue("true") boolean migrate,
            @Nullable String schema,
            @DefaultValue("schedex_") String tablePrefix) {}

    /**
     * @param enabled  false to build the service without ticking (another process ticks)
     * @param interval the time between the end of one tick and the start of the next
     */
    public record Tick(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30s") Duration interval) {}

    /** @param timeout how long shutdown waits for a tick in flight to finish */
    public record Shutdown(@DefaultValue("30s") Duration timeout) {}

    /** @param enabled true to serve the REST endpoints under {@code /api/scheduled-exports} */
    public record Web(@DefaultValue("false") boolean enabled) {}

    /**
     * A destination of a built-in kind.
     *
     * @param type the kind: {@code filesystem}
     * @param root the folder a file-system destination writes under
     */
    public record Destination(
            @Nullable String type, @Nullable Path root) {}
}

package dev.schedex.spring;

import dev.schedex.ExportScheduleService;
import dev.schedex.ScheduleQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The actuator's {@code schedex} health: down when the store cannot be read, or when ticking is on
 * and no tick has succeeded for three intervals (after a first one); details give the age of the
 * last successful tick, the last tick's failure, and how many schedules the service paused after
 * repeated failures since it started.
 */
public final class SchedexHealthIndicator extends AbstractHealthIndicator {

    /** The owner whose (empty) first page is read to see that the store answers. */
    static final String PROBE_OWNER = "schedex-health-probe";

    private final ExportScheduleService service;
    private final SchedexTicker ticker;
    private final Clock clock;

    /**
     * @param service the service
     * @param ticker  its ticker
     * @param clock   the clock for the tick's age
     */
    public SchedexHealthIndicator(ExportScheduleService service, SchedexTicker ticker, Clock clock) {
        super("schedex health check failed");
        this.service = Objects.requireNonNull(service, "service");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        // a read through the service: the store answers, or this throws and the health is down
        service.list(ScheduleQuery.owner(PROBE_OWNER).page(0, 1));
        builder.withDetail("store", "reachable");
        builder.withDetail("autoPausedSinceStart", service.counters().paused());
        builder.withDetail("ticking", ticker.ticks());
        ticker.lastFailure().ifPresent(message -> builder.withDetail("lastTickFailure", message));
        Optional<Instant> last = ticker.lastSuccessfulTick();
        if (last.isEmpty()) {
            builder.withDetail("lastSuccessfulTick", "none yet");
            builder.up();
            return;
        }
        Duration age = Duration.between(last.get(), clock.instant());
        builder.withDetail("lastSuccessfulTick", last.get().toString());
        builder.withDetail("lastSuccessfulTickAge", age.toString());
        if (ticker.ticks() && age.compareTo(ticker.interval().multipliedBy(3)) > 0) {
            builder.down();
        } else {
            builder.up();
        }
    }
}

package dev.schedex.micrometer;

import dev.schedex.ExportListener;
import dev.schedex.ExportRun;
import dev.schedex.ExportSchedule;
import dev.schedex.ExportScheduleService;
import dev.schedex.ServiceCounters;
import dev.schedex.TickReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * Binds a service's runs, ticks and counters to a {@link MeterRegistry}. Register it as a listener
 * before the service is built, then bind the service's counters:
 *
 * <pre>{@code
 * SchedexMetrics metrics = SchedexMetrics.create(registry);
 * ExportScheduleService service = ExportScheduleService.builder()
 *         .store(store).documentSource(documents)
 *         .listener(metrics)
 *         .build();
 * metrics.bind(service);
 * }</pre>
 *
 * <p>The meters (see {@code docs/operations.md}):
 *
 * <ul>
 *   <li>{@value #RUNS} counter, tags {@code format}, {@code destination} (the destination's name),
 *       {@code status} ({@code succeeded}, {@code failed}, {@code skipped});
 *   <li>{@value #RUN_DURATION} timer, tag {@code phase} ({@code render}, {@code deliver});
 *   <li>{@value #RUN_LAG} timer: a run's start minus its occurrence;
 *   <li>{@value #TICKS} counter and {@value #TICK_DURATION} timer;
 *   <li>{@value #CLAIMS} counter, tag {@code kind} ({@code due}, {@code taken_over});
 *   <li>{@value #LAST_TICK_AGE} gauge: seconds since the last tick ended (NaN before the first);
 *   <li>{@value #TICK_CLAIMED} gauge: schedules the last tick claimed, so leased by this host while
 *       it ran;
 *   <li>after {@link #bind}: {@value #AUTO_PAUSED} and {@value #LEASES_LOST} counters, from the
 *       service's {@link ServiceCounters}.
 * </ul>
 *
 * <p>No tag carries an owner, schedule or document id. Thread-safe, as a listener must be.
 */
public final class SchedexMetrics implements ExportListener {

    /** Finished runs. */
    public static final String RUNS = "schedex.runs";
    /** Time spent rendering and delivering, by phase. */
    public static final String RUN_DURATION = "schedex.run.duration";
    /** A run's start minus its occurrence. */
    public static final String RUN_LAG = "schedex.run.lag";
    /** Ticks that ended. */
    public static final String TICKS = "schedex.ticks";
    /** How long ticks took. */
    public static final String TICK_DURATION = "schedex.tick.duration";
    /** Schedules claimed by ticks. */
    public static final String CLAIMS = "schedex.claims";
    /** Seconds since the last tick ended. */
    public static final String LAST_TICK_AGE = "schedex.tick.last.age";
    /** Schedules the last tick claimed. */
    public static final String TICK_CLAIMED = "schedex.tick.claimed";
    /** Schedules the service paused after repeated failures, since it was built. */
    public static final String AUTO_PAUSED = "schedex.schedules.auto.paused";
    /** Runs whose results were dropped because their lease had expired. */
    public static final String LEASES_LOST = "schedex.leases.lost";

    private final MeterRegistry registry;
    private final Tags commonTags;
    private final Timer renderTimer;
    private final Timer deliverTimer;
    private final Timer lagTimer;
    private final Counter ticks;
    private final Timer tickDuration;
    private final Counter claimsDue;
    private final Counter claimsTakenOver;
    private final AtomicReference<Optional<Instant>> lastTick = new AtomicReference<>(Optional.empty());
    private final AtomicInteger lastClaimed = new AtomicInteger();
    private final java.time.Clock clock;

    private SchedexMetrics(MeterRegistry registry, Iterable<Tag> commonTags, java.time.Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.commonTags = Tags.of(Objects.requireNonNull(commonTags, "commonTags"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.renderTimer = Timer.builder(RUN_DURATION)
                .description("Time spent rendering and delivering exports")
                .tags(this.commonTags)
                .tag("phase", "render")
                .register(registry);
        this.deliverTimer = Timer.builder(RUN_DURATION)
                .description("Time spent rendering and delivering exports")
                .tags(this.commonTags)
                .tag("phase", "deliver")
                .register(registry);
        this.lagTimer = Timer.builder(RUN_LAG)
                .description("A run's start minus the occurrence it is for")
                .tags(this.commonTags)
                .register(registry);
        this.ticks = Counter.builder(TICKS)
                .description("Ticks that ended")
                .tags(this.commonTags)
                .register(registry);
        this.tickDuration = Timer.builder(TICK_DURATION)
                .description("How long ticks took")
                .tags(this.commonTags)
                .register(registry);
        this.claimsDue = claims("due");
        this.claimsTakenOver = claims("taken_over");
        Gauge.builder(LAST_TICK_AGE, this, SchedexMetrics::secondsSinceLastTick)
                .description("Seconds since the last tick ended; NaN before the first")
                .baseUnit("seconds")
                .tags(this.commonTags)
                .strongReference(true)
                .register(registry);
        Gauge.builder(TICK_CLAIMED, lastClaimed, AtomicInteger::get)
                .description("Schedules the last tick claimed")
                .tags(this.commonTags)
                .strongReference(true)
                .register(registry);
    }

    /**
     * @param registry where the meters go
     * @return the metrics, to register with {@link ExportScheduleService.Builder#listener}
     */
    public static SchedexMetrics create(MeterRegistry registry) {
        return new SchedexMetrics(registry, Tags.empty(), java.time.Clock.systemUTC());
    }

    /**
     * @param registry   where the meters go
     * @param commonTags tags every meter carries (an application or cluster name, say)
     * @param clock      the clock for {@value #LAST_TICK_AGE}
     * @return the metrics, to register with {@link ExportScheduleService.Builder#listener}
     */
    public static SchedexMetrics create(MeterRegistry registry, Iterable<Tag> commonTags, java.time.Clock clock) {
        return new SchedexMetrics(registry, commonTags, clock);
    }

    /**
     * Binds the service's {@link ServiceCounters}: {@value #AUTO_PAUSED} and {@value #LEASES_LOST}.
     * The meters read {@link ExportScheduleService#counters()} when the registry is scraped.
     *
     * @param service the service this listener was registered with
     * @return this
     */
    public SchedexMetrics bind(ExportScheduleService service) {
        Objects.requireNonNull(service, "service");
        functionCounter(
                AUTO_PAUSED,
                "Schedules the service paused after repeated failures",
                service,
                s -> s.counters().paused());
        functionCounter(
                LEASES_LOST,
                "Runs whose result was dropped because their lease had expired",
                service,
                s -> s.counters().leasesLost());
        return this;
    }

    /** @return when the last tick ended, by this listener's clock; empty before the first */
    public Optional<Instant> lastTickAt() {
        Optional<Instant> last = lastTick.get();
        return last == null ? Optional.empty() : last;
    }

    @Override
    public void runStarted(ExportRun run) {
        Duration lag = Duration.between(run.occurrence(), run.startedAt());
        lagTimer.record(lag.isNegative() ? Duration.ZERO : lag);
    }

    @Override
    public void runFinished(ExportSchedule schedule, ExportRun run) {
        Counter.builder(RUNS)
                .description("Finished runs")
                .tags(commonTags)
                .tag("format", run.formatId())
                .tag("destination", schedule.destination().name())
                .tag("status", run.status().name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
        run.renderTime().ifPresent(renderTimer::record);
        run.deliveryTime().ifPresent(deliverTimer::record);
    }

    @Override
    public void tickFinished(TickReport report) {
        ticks.increment();
        tickDuration.record(report.elapsed());
        claimsDue.increment(Math.max(0, report.claimed() - report.takenOver()));
        claimsTakenOver.increment(report.takenOver());
        lastClaimed.set(report.claimed());
        lastTick.set(Optional.of(clock.instant()));
    }

    private Counter claims(String kind) {
        return Counter.builder(CLAIMS)
                .description("Schedules claimed by ticks")
                .tags(commonTags)
                .tag("kind", kind)
                .register(registry);
    }

    private <T> void functionCounter(String name, String description, T source, ToDoubleFunction<T> value) {
        FunctionCounter.builder(name, source, value)
                .description(description)
                .tags(commonTags)
                .register(registry);
    }

    private double secondsSinceLastTick() {
        return lastTickAt()
                .map(last -> Duration.between(last, clock.instant()).toMillis() / 1000.0)
                .orElse(Double.NaN);
    }
}

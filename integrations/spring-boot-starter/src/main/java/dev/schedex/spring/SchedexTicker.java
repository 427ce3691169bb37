package dev.schedex.spring;

import dev.schedex.ExportScheduleService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Ticks the service on Spring's {@link TaskScheduler} (the application's, if it has exactly one;
 * else one thread of its own), with {@code schedex.tick.interval} between the end of one tick and the
 * start of the next, and stops gracefully with the application context: no new tick starts and the
 * service claims nothing more ({@link ExportScheduleService#stopClaiming()}), a tick in flight may
 * finish its claimed runs within {@code schedex.shutdown.timeout}, and then this host's leases are
 * released ({@link ExportScheduleService#releaseLeases()}) so that another instance takes the
 * schedules over at its next tick. A run still in flight when the timeout ends loses its lease: its
 * result is not recorded and another instance runs that occurrence again (see {@code
 * docs/spring-boot.md}).
 */
public final class SchedexTicker implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SchedexTicker.class);

    private final ExportScheduleService service;
    private final @Nullable TaskScheduler applicationScheduler;
    private final boolean enabled;
    private final Duration interval;
    private final Duration shutdownTimeout;
    private final Clock clock = Clock.systemUTC();
    /** Held by the tick in flight; stop takes it so that no tick runs after it returns. */
    private final Semaphore ticking = new Semaphore(1);

    private final AtomicReference<Optional<Instant>> lastSuccess = new AtomicReference<>(Optional.empty());
    private final AtomicReference<Optional<String>> lastFailure = new AtomicReference<>(Optional.empty());
    private volatile boolean running;
    private volatile boolean stopping;
    private volatile @Nullable ScheduledFuture<?> scheduled;
    private volatile @Nullable ThreadPoolTaskScheduler ownScheduler;

    /**
     * @param service              the service to tick
     * @param applicationScheduler the application's scheduler; null to use a thread of its own
     * @param enabled              false to start without ticking
     * @param interval             the time between ticks
     * @param shutdownTimeout      how long stopping waits for a tick in flight
     */
    public SchedexTicker(
            ExportScheduleService service,
            @Nullable TaskScheduler applicationScheduler,
            boolean enabled,
            Duration interval,
            Duration shutdownTimeout) {
        this.service = Objects.requireNonNull(service, "service");
        this.applicationScheduler = applicationScheduler;
        this.enabled = enabled;
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("schedex.tick.interval must be positive, was " + interval);
        }
        this.interval = interval;
        this.shutdownTimeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    }

    @Override
    public void start() {
        stopping = false;
        running = true;
        if (!enabled) {
            LOG.info("schedex ticking is off (schedex.tick.enabled=false)");
            return;
        }
        TaskScheduler scheduler = applicationScheduler;
        if (scheduler == null) {
            ThreadPoolTaskScheduler own = new ThreadPoolTaskScheduler();
            own.setPoolSize(1);
            own.setThreadNamePrefix("schedex-tick-");
            own.initialize();
            ownScheduler = own;
            scheduler = own;
        }
        scheduled = scheduler.scheduleWithFixedDelay(this::tickOnce, clock.instant(), interval);
    }

    /**
     * Runs one tick now unless the ticker is stopping or a tick is in flight; the scheduler calls it.
     *
     * @return true if a tick ran and succeeded
     */
    public boolean tickOnce() {
        if (stopping || !ticking.tryAcquire()) {
            return false;
        }
        try {
            if (stopping) {
                return false;
            }
            service.tick();
            lastSuccess.set(Optional.of(clock.instant()));
            lastFailure.set(Optional.empty());
            return true;
        } catch (RuntimeException e) {
            // the next tick tries again; the health indicator shows the failure meanwhile
            lastFailure.set(Optional.of(String.valueOf(e.getMessage())));
            LOG.warn("schedex tick failed: {}", e.getMessage(), e);
            return false;
        } finally {
            ticking.release();
        }
    }

    /** @return when the last tick that succeeded ended; empty before the first */
    public Optional<Instant> lastSuccessfulTick() {
        Optional<Instant> last = lastSuccess.get();
        return last == null ? Optional.empty() : last;
    }

    /** @return why the last tick failed, if it did */
    public Optional<String> lastFailure() {
        Optional<String> last = lastFailure.get();
        return last == null ? Optional.empty() : last;
    }

    /** @return the time between ticks */
    public Duration interval() {
        return interval;
    }

    /** @return true if this ticker ticks (schedex.tick.enabled) */
    public boolean ticks() {
        return enabled;
    }

    @Override
    public void stop() {
        stopping = true;
        service.stopClaiming();
        ScheduledFuture<?> future = scheduled;
        if (future != null) {
            future.cancel(false);
        }
        try {
            if (ticking.tryAcquire(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ticking.release();
            } else {
                LOG.warn(
                        "schedex: a tick was still running after schedex.shutdown.timeout ({}); its runs lose"
                                + " their leases now, and another instance runs their occurrences again",
                        shutdownTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            releaseLeases();
            ThreadPoolTaskScheduler own = ownScheduler;
            if (own != null) {
                own.shutdown();
                ownScheduler = null;
            }
            scheduled = null;
            running = false;
        }
    }

    private void releaseLeases() {
        try {
            int released = service.releaseLeases();
            LOG.debug("schedex: released {} leases on shutdown", released);
        } catch (RuntimeException e) {
            // the leases then expire on their own, as they would if this host died
            LOG.warn("schedex: could not release this host's leases on shutdown: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

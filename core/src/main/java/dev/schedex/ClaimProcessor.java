package dev.schedex;

import dev.schedex.schedule.NextRunCalculator;
import dev.schedex.spi.Claim;
import dev.schedex.spi.Delivered;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.DocumentSource;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportException;
import dev.schedex.spi.ExportFormat;
import dev.schedex.spi.FinishResult;
import dev.schedex.spi.ScheduleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Carries one claimed schedule through a run: decides which occurrence it is for (misfire policy,
 * retries), starts the run, loads, renders and delivers, and records the result together with the
 * schedule's next run, fenced by the lease and the schedule's version.
 */
final class ClaimProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimProcessor.class);
    /** How often a finish is retried when the owner keeps changing the schedule during it. */
    private static final int FINISH_ATTEMPTS = 10;
    /** The most occurrences a misfire looks at; beyond, only the latest count. */
    private static final int MISFIRE_SCAN_LIMIT = 1_000_000;

    private final ScheduleStore store;
    private final DocumentSource documents;
    private final Map<String, ExportFormat> formats;
    private final Map<String, ExportDestination> destinations;
    private final ServiceSettings settings;
    private final Listeners listeners;
    private final NextRunCalculator calculator = NextRunCalculator.create();

    ClaimProcessor(ScheduleStore store, DocumentSource documents, Map<String, ExportFormat> formats,
                   Map<String, ExportDestination> destinations, ServiceSettings settings, Listeners listeners) {
        this.store = store;
        this.documents = documents;
        this.formats = formats;
        this.destinations = destinations;
        this.settings = settings;
        this.listeners = listeners;
    }

    /**
     * Processes a claim from a tick.
     *
     * @param claim the claim
     * @param now   the tick's time
     * @return the recorded run, if one was recorded
     */
    Optional<ExportRun> processDue(Claim claim, Instant now) {
        ExportSchedule schedule = claim.schedule();
        ScheduleState state = schedule.state();
        Instant due = state.nextOccurrence().orElseGet(() -> state.nextRunAt().orElseThrow());
        boolean retry = !state.nextRunAt().equals(state.nextOccurrence());
        if (!retry && Duration.between(due, now).compareTo(settings.misfireGrace()) > 0) {
            List<Instant> missed = missedOccurrences(schedule, due, now);
            switch (schedule.misfirePolicy()) {
                case SKIP:
                    return skipMissed(claim, missed, now);
                case RUN_ALL:
                    return run(claim, missed.get(Math.max(0, missed.size() - settings.maxCatchUp())), now, false);
                default:
                    return run(claim, missed.get(missed.size() - 1), now, false);
            }
        }
        return run(claim, due, now, false);
    }

    /**
     * Processes a claim made to run a schedule now, outside its timing; its next run stays as it was.
     *
     * @param claim the claim
     * @param now   the current time
     * @return the recorded run, if the lease held
     */
    Optional<ExportRun> processManual(Claim claim, Instant now) {
        return run(claim, now.truncatedTo(ChronoUnit.SECONDS), now, true);
    }

    /** The occurrences from {@code first} up to {@code now}, at least {@code first}; the latest ones if there are very many. */
    private List<Instant> missedOccurrences(ExportSchedule schedule, Instant first, Instant now) {
        List<Instant> missed = new ArrayList<>();
        missed.add(first);
        Instant cursor = first;
        for (int i = 0; i < MISFIRE_SCAN_LIMIT; i++) {
            Optional<Instant> next = calculator.next(schedule.schedule(), schedule.zone(), schedule.bounds(), cursor);
            if (next.isEmpty() || next.get().isAfter(now)) {
                break;
            }
            cursor = next.get();
            missed.add(cursor);
            if (missed.size() > 2 * settings.maxCatchUp() + 1) {
                missed.subList(1, missed.size() - settings.maxCatchUp()).clear();
            }
        }
        return missed;
    }

    private Optional<ExportRun> skipMissed(Claim claim, List<Instant> missed, Instant now) {
        ExportSchedule schedule = claim.schedule();
        Instant latest = missed.get(missed.size() - 1);
        ExportRun started = ExportRun.started(schedule.id(), latest, claim.lease().owner(), now, schedule.formatId());
        Optional<ExportRun> run = store.startRun(started, claim.lease());
        String message = (missed.size() == 1 ? "the occurrence at " + latest + " was missed"
                : "occurrences from " + missed.get(0) + " to " + latest + " were missed")
                + " while no host ticked; skipped by misfire policy SKIP";
        Optional<ExportRun> skipped = run.map(r -> RunOutcome.skipped(Optional.empty(), message).applyTo(r, now));
        return finish(claim, skipped, now, false, nextAfter(schedule, now));
    }

    private Optional<ExportRun> run(Claim claim, Instant occurrence, Instant now, boolean manual) {
        ExportSchedule schedule = claim.schedule();
        long started = System.nanoTime();
        Optional<ExportRun> run = store.startRun(
                ExportRun.started(schedule.id(), occurrence, claim.lease().owner(), now, schedule.formatId()),
                claim.lease());
        if (run.isEmpty()) {
            // this occurrence already succeeded or was skipped (or the lease is gone): move on
            return finish(claim, Optional.empty(), now, manual, nextAfter(schedule, occurrence));
        }
        listeners.runStarted(run.get());
        RunOutcome outcome = export(schedule, occurrence);
        Instant finishedAt = now.plusNanos(System.nanoTime() - started).truncatedTo(ChronoUnit.MILLIS);
        return finish(claim, Optional.of(outcome.applyTo(run.get(), finishedAt)), finishedAt, manual,
                nextAfter(schedule, occurrence));
    }

    private Optional<Instant> nextAfter(ExportSchedule schedule, Instant instant) {
        return calculator.next(schedule.schedule(), schedule.zone(), schedule.bounds(), instant);
    }

    /** Loads, renders and delivers; every failure becomes a failed outcome with a message for the owner. */
    private RunOutcome export(ExportSchedule schedule, Instant occurrence) {
        Optional<String> version = Optional.empty();
        try {
            Optional<ExportDocument> loaded = documents.load(schedule.ownerId(), schedule.documentId());
            if (loaded.isEmpty()) {
                return RunOutcome.failed("document '" + schedule.documentId() + "' no longer exists, or its owner '"
                        + schedule.ownerId() + "' can no longer see it");
            }
            ExportDocument document = loaded.get();
            version = Optional.of(document.version());
            if (schedule.onlyWhenChanged()
                    && schedule.state().lastExportedVersion().equals(Optional.of(document.version()))) {
                return RunOutcome.skipped(version, "document version " + document.version()
                        + " has not changed since the last export");
            }
            ExportFormat format = formats.get(schedule.formatId());
            if (format == null) {
                return RunOutcome.failed("unknown format '" + schedule.formatId() + "': no such format is installed");
            }
            ExportDestination destination = destinations.get(schedule.destination().type());
            if (destination == null) {
                return RunOutcome.failed("unknown destination type '" + schedule.destination().type()
                        + "': no such destination is configured");
            }
            ExportContext context = new ExportContext(schedule.id(), schedule.name(), schedule.ownerId(), occurrence,
                    schedule.zone());
            long renderStart = System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            format.render(document, schedule.formatSettings(), context, out);
            byte[] content = out.toByteArray();
            Duration renderTime = Duration.ofNanos(System.nanoTime() - renderStart).truncatedTo(ChronoUnit.MILLIS);
            long deliveryStart = System.nanoTime();
            Delivered delivered = destination.deliver(new Delivery(schedule.destination().parameters(), context,
                    document.id(), document.title(), format.fileExtension(), format.mediaType(), content));
            Duration deliveryTime = Duration.ofNanos(System.nanoTime() - deliveryStart).truncatedTo(ChronoUnit.MILLIS);
            return new RunOutcome(RunStatus.SUCCEEDED, version, Optional.of((long) content.length),
                    Optional.of(sha256(content)), Optional.of(delivered.location()), Optional.empty(),
                    Optional.of(renderTime), Optional.of(deliveryTime));
        } catch (ExportException e) {
            return RunOutcome.failed(e.getMessage());
        } catch (Exception e) {
            LOG.debug("run of schedule {} for {} failed", schedule.id(), occurrence, e);
            return RunOutcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (StackOverflowError | OutOfMemoryError e) {
            // a hostile document must not take the tick, or the other schedules in it, down
            LOG.warn("run of schedule {} for {} exhausted the {}", schedule.id(), occurrence,
                    e instanceof StackOverflowError ? "stack" : "heap");
            return RunOutcome.failed("the export needed more " + (e instanceof StackOverflowError ? "stack" : "memory")
                    + " than allowed and was stopped");
        }
    }

    /**
     * Records the end of a claim: the run and the schedule's new state, fenced by the lease and the
     * version. If the owner changed the schedule meanwhile, the state is computed again on the
     * changed schedule.
     */
    private Optional<ExportRun> finish(Claim claim, Optional<ExportRun> run, Instant now, boolean manual,
                                       Optional<Instant> regularNext) {
        ExportSchedule current = claim.schedule();
        for (int attempt = 0; attempt < FINISH_ATTEMPTS; attempt++) {
            // an owner who changed the timing meanwhile has had the next run recomputed already
            Optional<Instant> next = sameTiming(current, claim.schedule()) ? regularNext : current.state().nextRunAt();
            ScheduleState state = nextState(current, run, now, manual, next);
            ExportSchedule updated = current.withState(state, now);
            FinishResult result = store.finish(run, updated, current.version(), claim.lease());
            switch (result) {
                case FINISHED:
                    run.ifPresent(listeners::runFinished);
                    if (current.active() && !state.active()) {
                        listeners.schedulePaused(updated, state.pausedReason().orElse(""));
                    }
                    return run;
                case LEASE_LOST:
                    listeners.leaseLost();
                    LOG.warn("the lease on schedule {} expired before its run finished; another host takes it over "
                            + "(consider a longer lease)", current.id());
                    return Optional.empty();
                default:
                    Optional<ExportSchedule> reloaded = store.find(current.id());
                    if (reloaded.isEmpty()) {
                        return Optional.empty();
                    }
                    current = reloaded.get();
            }
        }
        throw new IllegalStateException("schedule " + current.id() + " kept changing while its run finished");
    }

    private static boolean sameTiming(ExportSchedule a, ExportSchedule b) {
        return a.schedule().equals(b.schedule()) && a.zone().equals(b.zone()) && a.bounds().equals(b.bounds());
    }

    /** The schedule's state after a run (or after a claim that ran nothing). */
    private ScheduleState nextState(ExportSchedule schedule, Optional<ExportRun> finished, Instant now, boolean manual,
                                    Optional<Instant> regularNext) {
        ScheduleState state = schedule.state();
        Optional<Instant> nextRunAt = manual ? state.nextRunAt() : regularNext;
        Optional<Instant> nextOccurrence = manual ? state.nextOccurrence() : regularNext;
        if (finished.isEmpty()) {
            return new ScheduleState(state.active(), state.pausedReason(), state.active() ? nextRunAt : Optional.empty(),
                    state.active() ? nextOccurrence : Optional.empty(), state.lastRunAt(), state.lastStatus(),
                    state.lastExportedVersion(), state.runCount(), state.errorCount(), state.consecutiveFailures());
        }
        ExportRun run = finished.get();
        long errors = state.errorCount();
        int failures = state.consecutiveFailures();
        Optional<String> exported = state.lastExportedVersion();
        boolean active = state.active();
        Optional<String> pausedReason = state.pausedReason();
        switch (run.status()) {
            case SUCCEEDED:
                failures = 0;
                exported = run.documentVersion();
                break;
            case FAILED:
                errors++;
                failures++;
                if (!manual && run.attempt() < settings.retryPolicy().maxAttempts()) {
                    Instant retryAt = run.startedAt().plus(settings.retryPolicy().backoffAfter(run.attempt()));
                    if (regularNext.isEmpty() || retryAt.isBefore(regularNext.get())) {
                        nextRunAt = Optional.of(retryAt);
                        nextOccurrence = Optional.of(run.occurrence());
                    }
                }
                if (active && settings.pauseAfterFailures() > 0 && failures >= settings.pauseAfterFailures()) {
                    active = false;
                    pausedReason = Optional.of("paused after " + failures + " consecutive failures; the last: "
                            + run.message().orElse("unknown error"));
                }
                break;
            default:
                break;
        }
        if (!active) {
            nextRunAt = Optional.empty();
            nextOccurrence = Optional.empty();
        }
        return new ScheduleState(active, pausedReason, nextRunAt, nextOccurrence, Optional.of(run.startedAt()),
                Optional.of(run.status()), exported, state.runCount() + 1, errors, failures);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

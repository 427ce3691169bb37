package dev.schedex;

import dev.schedex.schedule.NextRunCalculator;
import dev.schedex.spi.Claim;
import dev.schedex.spi.ClaimEnd;
import dev.schedex.spi.Delivered;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.DocumentSource;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportException;
import dev.schedex.spi.ExportFormat;
import dev.schedex.spi.FinishResult;
import dev.schedex.spi.RunStart;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;

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

    /** What one claim is for: an occurrence to run, or missed occurrences to record as skipped. */
    private record Plan(Claim claim, Instant occurrence, boolean manual, Optional<String> skipped,
                        Optional<Instant> regularNext) {
    }

    /** A claim whose work is over, waiting to be recorded. */
    private record Done(Plan plan, Optional<ExportRun> run, Instant at) {
    }

    /**
     * Carries a batch of claims through their runs in one call: starts them, exports each on the
     * executor, records them, and returns when all are recorded (run-now uses it for its one claim).
     *
     * @return the runs recorded, in the order they were recorded
     */
    List<ExportRun> process(List<Claim> claims, Instant now, boolean manual, Executor executor) {
        Flight flight = new Flight();
        start(claims, now, manual, executor, flight);
        return flight.awaitAll();
    }

    /**
     * Starts a batch of claims' runs together and hands each export to the executor; returns once
     * they are handed over. Each finished claim joins the flight's queue, and whichever thread finds
     * the queue unattended records all that are waiting in one call to the store, so that a busy
     * batch costs few transactions, a slow export delays no other, and the ticking thread can claim
     * the next batch while this one is being recorded.
     *
     * @param claims   the claims, all from one tick (or one run-now call)
     * @param now      the tick's time
     * @param manual   true for run-now: the occurrence is now, and the regular timing is kept
     * @param executor runs the exports
     * @param flight   where the batch's claims are counted and recorded
     */
    void start(List<Claim> claims, Instant now, boolean manual, Executor executor, Flight flight) {
        List<Plan> plans = new ArrayList<>(claims.size());
        List<RunStart> starts = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            Plan plan = manual ? new Plan(claim, now.truncatedTo(ChronoUnit.SECONDS), true, Optional.empty(),
                    Optional.empty()) : plan(claim, now);
            plans.add(plan);
            starts.add(new RunStart(ExportRun.started(claim.schedule().id(), plan.occurrence(),
                    claim.lease().owner(), now, claim.schedule().formatId()), claim.lease()));
        }
        List<Optional<ExportRun>> started = StoreException.during("start runs", () -> store.startRuns(starts));
        flight.add(plans.size());
        flight.dispatching = true;
        int handedOut = 0;
        try {
            long clock = System.nanoTime();
            for (int i = 0; i < plans.size(); i++) {
                Plan plan = plans.get(i);
                Optional<ExportRun> run = started.get(i);
                if (run.isEmpty()) {
                    // this occurrence already succeeded or was skipped (or the lease is gone): move on
                    flight.finished(new Done(plan, Optional.empty(), now));
                    handedOut++;
                } else if (plan.skipped().isPresent()) {
                    flight.finished(new Done(plan, Optional.of(RunOutcome.skipped(Optional.empty(),
                            plan.skipped().get()).applyTo(run.get(), now)), now));
                    handedOut++;
                } else {
                    listeners.runStarted(run.get());
                    Runnable export = () -> {
                        RunOutcome outcome = export(plan.claim().schedule(), plan.occurrence());
                        Instant at = now.plusNanos(System.nanoTime() - clock).truncatedTo(ChronoUnit.MILLIS);
                        flight.finished(new Done(plan, Optional.of(outcome.applyTo(run.get(), at)), at));
                    };
                    try {
                        executor.execute(export);
                    } catch (RejectedExecutionException rejected) {
                        export.run();
                    }
                    handedOut++;
                }
            }
        } finally {
            // even if the hand-out failed: what finished is recorded, and what was never handed out is
            // not waited for (its lease expires and another tick takes it over)
            flight.dispatching = false;
            flight.forget(plans.size() - handedOut);
            flight.recordWaiting();
        }
    }

    /**
     * The claims of one tick (or one run-now call) between their start and their record. Finished
     * claims wait in a queue; the thread that adds one records the whole queue unless another thread
     * is recording already, which then takes it on its next round. A failed record (the database
     * gone) is kept and thrown by {@link #awaitAll()}; those claims' leases expire and another tick
     * takes them over.
     */
    final class Flight {
        private final BlockingQueue<Done> finished = new LinkedBlockingQueue<>();
        private final ReentrantLock recording = new ReentrantLock();
        private final Object counts = new Object();
        private final List<ExportRun> recorded = new ArrayList<>();
        private int outstanding;
        private RuntimeException failure;
        /**
         * True while a batch is being handed out: what finishes meanwhile (all of it, when exports run
         * on the ticking thread) waits to be recorded together at the end of the hand-out.
         */
        private volatile boolean dispatching;

        private void add(int claims) {
            synchronized (counts) {
                outstanding += claims;
            }
        }

        private void forget(int claims) {
            if (claims > 0) {
                synchronized (counts) {
                    outstanding -= claims;
                    counts.notifyAll();
                }
            }
        }

        private void finished(Done done) {
            finished.add(done);
            if (!dispatching) {
                recordWaiting();
            }
        }

        private void recordWaiting() {
            while (!finished.isEmpty() && recording.tryLock()) {
                try {
                    List<Done> ready = new ArrayList<>();
                    finished.drainTo(ready);
                    if (!ready.isEmpty()) {
                        recordAndCount(ready);
                    }
                } finally {
                    recording.unlock();
                }
            }
        }

        private void recordAndCount(List<Done> ready) {
            List<ExportRun> runs = List.of();
            RuntimeException error = null;
            try {
                runs = record(ready);
            } catch (RuntimeException e) {
                error = e;
            }
            synchronized (counts) {
                recorded.addAll(runs);
                if (error != null && failure == null) {
                    failure = error;
                }
                outstanding -= ready.size();
                counts.notifyAll();
            }
        }

        /** @return true if no claim of this flight waits to be recorded */
        boolean idle() {
            synchronized (counts) {
                return outstanding == 0;
            }
        }

        /**
         * Waits until at most {@code claims} claims are unrecorded: the ticking thread claims the next
         * batch while the previous one is still being recorded, but no further ahead.
         *
         * @return false if a record failed, and the tick should claim no more
         */
        boolean awaitAtMost(int claims) {
            synchronized (counts) {
                while (outstanding > claims && failure == null) {
                    waitForCounts();
                }
                return failure == null;
            }
        }

        /** @return every run recorded, in the order recorded, once all are; throws the first failure */
        List<ExportRun> awaitAll() {
            synchronized (counts) {
                while (outstanding > 0) {
                    waitForCounts();
                }
                if (failure != null) {
                    throw failure;
                }
                return List.copyOf(recorded);
            }
        }

        private void waitForCounts() {
            try {
                counts.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for exports; their leases will expire", e);
            }
        }
    }

    /** Which occurrence a due claim runs for, by the misfire policy. */
    private Plan plan(Claim claim, Instant now) {
        ExportSchedule schedule = claim.schedule();
        ScheduleState state = schedule.state();
        Instant due = state.nextOccurrence().orElseGet(() -> state.nextRunAt().orElseThrow());
        if (claim.takenOver().isPresent()) {
            // a run another host started and never recorded is late because that host stopped, not because
            // no host ticked: it runs again whatever the grace. A later one than the schedule's next
            // occurrence was chosen by a misfire policy, which settled those before it; an earlier one
            // (a run-now call's) leaves the next occurrence as it was
            Instant occurrence = claim.takenOver().get();
            return new Plan(claim, occurrence, false, Optional.empty(),
                    occurrence.isBefore(due) ? Optional.of(due) : nextAfter(schedule, occurrence));
        }
        boolean retry = !state.nextRunAt().equals(state.nextOccurrence());
        if (retry || Duration.between(due, now).compareTo(settings.misfireGrace()) <= 0) {
            return new Plan(claim, due, false, Optional.empty(), nextAfter(schedule, due));
        }
        List<Instant> missed = missedOccurrences(schedule, due, now);
        Instant latest = missed.get(missed.size() - 1);
        switch (schedule.misfirePolicy()) {
            case SKIP:
                String message = (missed.size() == 1 ? "the occurrence at " + latest + " was missed"
                        : "occurrences from " + missed.get(0) + " to " + latest + " were missed")
                        + " while no host ticked; skipped by misfire policy SKIP";
                return new Plan(claim, latest, false, Optional.of(message), nextAfter(schedule, now));
            case RUN_ALL:
                Instant oldestKept = missed.get(Math.max(0, missed.size() - settings.maxCatchUp()));
                return new Plan(claim, oldestKept, false, Optional.empty(), nextAfter(schedule, oldestKept));
            default:
                return new Plan(claim, latest, false, Optional.empty(), nextAfter(schedule, latest));
        }
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

    /** Records a group of finished claims in one call to the store; a schedule changed meanwhile is redone alone. */
    private List<ExportRun> record(List<Done> ready) {
        List<ClaimEnd> ends = new ArrayList<>(ready.size());
        for (Done item : ready) {
            ExportSchedule schedule = item.plan().claim().schedule();
            ScheduleState state = nextState(schedule, item.run(), item.at(), item.plan().manual(),
                    item.plan().regularNext());
            ends.add(new ClaimEnd(item.run(), schedule.withState(state, item.at()), schedule.revision(),
                    item.plan().claim().lease()));
        }
        List<FinishResult> results = StoreException.during("record finished runs", () -> store.finishAll(ends));
        List<ExportRun> recorded = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) {
            Done item = ready.get(i);
            FinishResult result = results.get(i);
            if (result == FinishResult.VERSION_CHANGED) {
                result = finishChanged(item);
            }
            if (result == FinishResult.FINISHED) {
                item.run().ifPresent(run -> {
                    listeners.runFinished(run);
                    recorded.add(run);
                });
                ExportSchedule before = item.plan().claim().schedule();
                ScheduleState after = ends.get(i).schedule().state();
                if (before.active() && !after.active() && after.pausedReason().isPresent()
                        && item.run().map(r -> r.status() == RunStatus.FAILED).orElse(false)) {
                    listeners.schedulePaused(ends.get(i).schedule(), after.pausedReason().get());
                }
            } else if (result == FinishResult.LEASE_LOST) {
                listeners.leaseLost();
                LOG.warn("the lease on schedule {} expired before its run finished; another host takes it over "
                        + "(consider a longer lease)", item.plan().claim().schedule().id());
            }
        }
        return recorded;
    }

    /**
     * Records a claim whose schedule its owner changed while it ran: the state is computed again on
     * the changed schedule, as often as it keeps changing.
     */
    private FinishResult finishChanged(Done item) {
        Claim claim = item.plan().claim();
        for (int attempt = 0; attempt < FINISH_ATTEMPTS; attempt++) {
            Optional<ExportSchedule> reloaded = StoreException.during("read a schedule changed during its run",
                    () -> store.find(claim.schedule().id()));
            if (reloaded.isEmpty()) {
                return FinishResult.LEASE_LOST;
            }
            ExportSchedule current = reloaded.get();
            // an owner who changed the timing meanwhile has had the next run recomputed already
            Optional<Instant> next = sameTiming(current, claim.schedule()) ? item.plan().regularNext()
                    : current.state().nextRunAt();
            ScheduleState state = nextState(current, item.run(), item.at(), item.plan().manual(), next);
            FinishResult result = StoreException.during("record a finished run", () -> store.finish(item.run(),
                    current.withState(state, item.at()), current.revision(), claim.lease()));
            if (result != FinishResult.VERSION_CHANGED) {
                return result;
            }
        }
        throw new IllegalStateException("schedule " + claim.schedule().id() + " kept changing while its run finished");
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
            List<String> warnings = context.warnings();
            Optional<String> message = warnings.isEmpty() ? Optional.empty()
                    : Optional.of("succeeded with warnings: " + String.join("; ", warnings));
            return new RunOutcome(RunStatus.SUCCEEDED, version, Optional.of((long) content.length),
                    Optional.of(sha256(content)), Optional.of(delivered.location()), message,
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

package dev.schedex.internal;

import dev.schedex.ExportRun;
import dev.schedex.RunStatus;
import dev.schedex.TickReport;
import dev.schedex.schedule.NextRunCalculator;
import dev.schedex.spi.store.Claim;
import dev.schedex.spi.store.RunStart;
import dev.schedex.spi.store.ScheduleStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The run loop, in its steps: claim a batch, plan each claim ({@link MisfirePlanner}), start the
 * runs, hand the exports out ({@link RunExport}), record them as they finish ({@link InFlightBatch},
 * {@link RunRecorder}), and claim the next batch meanwhile, until nothing is due and nothing is in
 * flight. docs/service.md, "The tick", tells it for hosts.
 */
public final class Tick {

    /** How often, at most, a tick applies the run-history retention. */
    private static final Duration RETENTION_INTERVAL = Duration.ofHours(1);

    private final ScheduleStore store;
    private final ServiceSettings settings;
    private final Listeners listeners;
    private final Executor executor;
    private final Optional<Duration> runRetention;
    private final MisfirePlanner planner;
    private final RunExport export;
    private final RunRecorder recorder;
    private final AtomicReference<Instant> lastRetention = new AtomicReference<>(Instant.MIN);
    /** False once the host began to shut down: no batch is claimed after that. */
    private final AtomicBoolean claiming = new AtomicBoolean(true);

    /**
     * @param store        the store
     * @param settings     the service's policies
     * @param listeners    the host's listeners and the counters
     * @param executor     runs the exports of a tick's batches
     * @param runRetention how long finished runs are kept, if not for ever
     * @param export       the work of one run
     * @param calculator   the calculator with the host's business calendars
     */
    public Tick(
            ScheduleStore store,
            ServiceSettings settings,
            Listeners listeners,
            Executor executor,
            Optional<Duration> runRetention,
            RunExport export,
            NextRunCalculator calculator) {
        this.store = store;
        this.settings = settings;
        this.listeners = listeners;
        this.executor = executor;
        this.runRetention = runRetention;
        this.planner = new MisfirePlanner(settings, calculator);
        this.export = export;
        this.recorder = new RunRecorder(
                store, new ScheduleTransitions(settings.retryPolicy(), settings.pauseAfterFailures()), listeners);
    }

    /**
     * Runs everything due at {@code now}, and returns once every claimed run is recorded.
     *
     * @param now the tick's time, to the millisecond
     * @return what the tick did
     * @throws dev.schedex.StoreException if the store fails
     */
    public TickReport run(Instant now) {
        long start = System.nanoTime();
        listeners.ticked();
        InFlightBatch batch = new InFlightBatch(recorder::record);
        int claimed = 0;
        int takenOver = 0;
        try {
            // the next batch is claimed while the previous one is recorded, never further ahead
            while (batch.awaitAtMost(settings.batchSize()) && claiming.get()) {
                List<Claim> claims = StoreCalls.during(
                        "claim due schedules",
                        () -> store.claimDue(
                                now, settings.batchSize(), settings.hostName(), now.plus(settings.leaseLength())));
                if (claims.isEmpty()) {
                    if (batch.idle()) {
                        break;
                    }
                    // the runs still in flight may make their schedules due again at now (a schedule
                    // behind by several occurrences): wait for them, then look once more
                    batch.awaitAtMost(0);
                    continue;
                }
                claimed += claims.size();
                takenOver += (int) claims.stream().filter(Claim::takesOver).count();
                listeners.claimed(claims.size());
                List<Plan> plans = new ArrayList<>(claims.size());
                claims.forEach(claim -> plans.add(planner.plan(claim, now)));
                start(plans, now, executor, batch);
            }
        } catch (RuntimeException failed) {
            // a failed tick does not return while the batch before it is still being recorded
            try {
                batch.awaitAll();
            } catch (RuntimeException alsoFailed) {
                failed.addSuppressed(alsoFailed);
            }
            throw failed;
        }
        List<ExportRun> finished = batch.awaitAll();
        applyRetention(now);
        TickReport report = report(now, takenOver, claimed, finished, Duration.ofNanos(System.nanoTime() - start));
        listeners.tickFinished(report);
        return report;
    }

    /** Claims no batch from now on: a tick in progress finishes the runs it claimed, and later ones claim nothing. */
    public void stopClaiming() {
        claiming.set(false);
    }

    /** @return false once {@link #stopClaiming()} was called */
    public boolean claiming() {
        return claiming.get();
    }

    /**
     * Runs one claimed schedule now, on the calling thread.
     *
     * @param claim a run-now call's claim
     * @param now   the call's time
     * @return the run, or empty if it could not be recorded (its lease was lost, or this second's
     *         occurrence already ran)
     */
    public Optional<ExportRun> runNow(Claim claim, Instant now) {
        listeners.claimed(1);
        InFlightBatch batch = new InFlightBatch(recorder::record);
        start(List.of(planner.runNow(claim, now)), now, Runnable::run, batch);
        return batch.awaitAll().stream().findFirst();
    }

    /**
     * Starts a batch's runs together and hands each export to the executor; returns once they are
     * handed over. Each finished claim joins the batch, which records it.
     */
    private void start(List<Plan> plans, Instant now, Executor runOn, InFlightBatch batch) {
        List<RunStart> starts = new ArrayList<>(plans.size());
        for (Plan plan : plans) {
            starts.add(new RunStart(
                    ExportRun.started(
                            plan.claim().schedule().id(),
                            plan.occurrence(),
                            plan.claim().lease().owner(),
                            now,
                            plan.claim().schedule().formatId()),
                    plan.claim().lease()));
        }
        List<Optional<ExportRun>> started = StoreCalls.during("start runs", () -> store.startRuns(starts));
        batch.beginHandOut(plans.size());
        int handedOut = 0;
        try {
            long startNanos = System.nanoTime();
            for (int i = 0; i < plans.size(); i++) {
                Plan plan = plans.get(i);
                Optional<ExportRun> run = started.get(i);
                if (run.isEmpty()) {
                    // this occurrence already succeeded or was skipped (or the lease is gone): move on
                    batch.finished(new Finished(plan, Optional.empty(), Retry.BY_POLICY, now));
                } else if (plan.cannotRun().isPresent()) {
                    batch.finished(new Finished(
                            plan,
                            Optional.of(
                                    RunOutcome.failed(plan.cannotRun().get()).applyTo(run.get(), now)),
                            Retry.NEVER,
                            now));
                } else if (plan.skipped().isPresent()) {
                    batch.finished(new Finished(
                            plan,
                            Optional.of(RunOutcome.skipped(
                                            Optional.empty(), plan.skipped().get())
                                    .applyTo(run.get(), now)),
                            Retry.BY_POLICY,
                            now));
                } else {
                    listeners.runStarted(run.get());
                    Runnable work = () -> {
                        RunOutcome outcome = export.export(plan.claim().schedule(), plan.occurrence());
                        Instant at =
                                now.plusNanos(System.nanoTime() - startNanos).truncatedTo(ChronoUnit.MILLIS);
                        batch.finished(
                                new Finished(plan, Optional.of(outcome.applyTo(run.get(), at)), outcome.retry(), at));
                    };
                    try {
                        runOn.execute(work);
                    } catch (RejectedExecutionException rejected) {
                        work.run();
                    }
                }
                handedOut++;
            }
        } finally {
            // even if the hand-out failed: what finished is recorded, and what was never handed out is
            // not waited for (its lease expires and another tick takes it over)
            batch.endHandOut(plans.size() - handedOut);
        }
    }

    private void applyRetention(Instant now) {
        if (runRetention.isEmpty()) {
            return;
        }
        Instant last = lastRetention.get();
        if (Duration.between(last == Instant.MIN ? now.minus(RETENTION_INTERVAL) : last, now)
                                .compareTo(RETENTION_INTERVAL)
                        >= 0
                && lastRetention.compareAndSet(last, now)) {
            StoreCalls.during("delete old runs", () -> store.deleteRunsFinishedBefore(now.minus(runRetention.get())));
        }
    }

    private static TickReport report(
            Instant now, int takenOver, int claimed, List<ExportRun> finished, Duration elapsed) {
        int succeeded = 0;
        int failed = 0;
        int skipped = 0;
        for (ExportRun run : finished) {
            succeeded += run.status() == RunStatus.SUCCEEDED ? 1 : 0;
            failed += run.status() == RunStatus.FAILED ? 1 : 0;
            skipped += run.status() == RunStatus.SKIPPED ? 1 : 0;
        }
        return new TickReport(now, takenOver, claimed, succeeded, failed, skipped, elapsed, finished);
    }
}

package dev.schedex.internal;

import dev.schedex.ExportRun;
import dev.schedex.ExportSchedule;
import dev.schedex.RunStatus;
import dev.schedex.ScheduleState;
import dev.schedex.spi.store.Claim;
import dev.schedex.spi.store.ClaimEnd;
import dev.schedex.spi.store.FinishResult;
import dev.schedex.spi.store.ScheduleStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records finished claims with the schedules' new states, fenced by lease and revision: a group in
 * one call to the store, and a schedule its owner changed meanwhile again on its own.
 */
public final class RunRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);
    /** How often a finish is retried when the owner keeps changing the schedule during it. */
    private static final int FINISH_ATTEMPTS = 10;

    private final ScheduleStore store;
    private final ScheduleTransitions transitions;
    private final Listeners listeners;

    /**
     * @param store       where runs are recorded
     * @param transitions how a claim changes a schedule's state
     * @param listeners   told of each recorded run
     */
    public RunRecorder(ScheduleStore store, ScheduleTransitions transitions, Listeners listeners) {
        this.store = store;
        this.transitions = transitions;
        this.listeners = listeners;
    }

    /**
     * @param ready finished claims
     * @return the runs recorded, in order
     * @throws dev.schedex.StoreException if the store fails
     */
    public List<ExportRun> record(List<Finished> ready) {
        List<ClaimEnd> ends = new ArrayList<>(ready.size());
        for (Finished item : ready) {
            ExportSchedule schedule = item.plan().claim().schedule();
            ScheduleState state = pausedIfCannotRun(
                    item,
                    transitions.after(
                            schedule.state(),
                            item.run(),
                            item.retry(),
                            item.plan().manual(),
                            item.plan().regularNext()));
            ends.add(new ClaimEnd(
                    item.run(),
                    schedule.withState(state, item.at()),
                    schedule.revision(),
                    item.plan().claim().lease()));
        }
        List<FinishResult> results = StoreCalls.during("record finished runs", () -> store.finishAll(ends));
        List<ExportRun> recorded = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) {
            Finished item = ready.get(i);
            FinishResult result = results.get(i);
            if (result == FinishResult.VERSION_CHANGED) {
                result = finishChanged(item);
            }
            if (result == FinishResult.FINISHED) {
                ExportSchedule schedule = ends.get(i).schedule();
                item.run().ifPresent(run -> {
                    listeners.runFinished(schedule, run);
                    recorded.add(run);
                });
                ExportSchedule before = item.plan().claim().schedule();
                ScheduleState after = ends.get(i).schedule().state();
                if (before.active()
                        && !after.active()
                        && after.pausedReason().isPresent()
                        && item.run().map(r -> r.status() == RunStatus.FAILED).orElse(false)) {
                    listeners.schedulePaused(
                            ends.get(i).schedule(), after.pausedReason().get());
                }
            } else if (result == FinishResult.LEASE_LOST) {
                listeners.leaseLost();
                LOG.warn(
                        "the lease on schedule {} expired before its run finished; another host takes it over "
                                + "(consider a longer lease)",
                        item.plan().claim().schedule().id());
            }
        }
        return recorded;
    }

    /**
     * Records a claim whose schedule its owner changed while it ran: the state is computed again on
     * the changed schedule, as often as it keeps changing.
     */
    private FinishResult finishChanged(Finished item) {
        Claim claim = item.plan().claim();
        for (int attempt = 0; attempt < FINISH_ATTEMPTS; attempt++) {
            Optional<ExportSchedule> reloaded = StoreCalls.during(
                    "read a schedule changed during its run",
                    () -> store.find(claim.schedule().id()));
            if (reloaded.isEmpty()) {
                return FinishResult.LEASE_LOST;
            }
            ExportSchedule current = reloaded.get();
            // an owner who changed the timing meanwhile has had the next run recomputed already
            Optional<Instant> next = sameTiming(current, claim.schedule())
                    ? item.plan().regularNext()
                    : current.state().nextRunAt();
            ScheduleState state = pausedIfCannotRun(
                    item,
                    transitions.after(
                            current.state(),
                            item.run(),
                            item.retry(),
                            item.plan().manual(),
                            next));
            ClaimEnd end =
                    new ClaimEnd(item.run(), current.withState(state, item.at()), current.revision(), claim.lease());
            FinishResult result = StoreCalls.during("record a finished run", () -> store.finishAll(List.of(end)))
                    .get(0);
            if (result != FinishResult.VERSION_CHANGED) {
                return result;
            }
        }
        throw new IllegalStateException("schedule " + claim.schedule().id() + " kept changing while its run finished");
    }

    /** A schedule whose timing could not be computed pauses with the reason, as it has no next run. */
    private static ScheduleState pausedIfCannotRun(Finished item, ScheduleState state) {
        return item.plan().cannotRun().isPresent() ? state.paused(item.plan().cannotRun()) : state;
    }

    private static boolean sameTiming(ExportSchedule a, ExportSchedule b) {
        return a.schedule().equals(b.schedule())
                && a.zone().equals(b.zone())
                && a.bounds().equals(b.bounds());
    }
}

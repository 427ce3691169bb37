package dev.schedex.internal;

import dev.schedex.ExportListener;
import dev.schedex.ExportRun;
import dev.schedex.ExportSchedule;
import dev.schedex.ServiceCounters;
import dev.schedex.TickReport;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The host's listeners and the service's counters, told about the same events. */
public final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<ExportListener> listeners;
    private final LongAdder ticks = new LongAdder();
    private final LongAdder claimed = new LongAdder();
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder paused = new LongAdder();
    private final LongAdder leasesLost = new LongAdder();

    /** @param listeners the host's listeners, called in this order */
    public Listeners(List<ExportListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** @return the counters so far */
    public ServiceCounters counters() {
        return new ServiceCounters(
                ticks.sum(),
                claimed.sum(),
                succeeded.sum(),
                failed.sum(),
                skipped.sum(),
                paused.sum(),
                leasesLost.sum());
    }

    /** A tick began. */
    public void ticked() {
        ticks.increment();
    }

    /** @param count schedules were claimed */
    public void claimed(int count) {
        claimed.add(count);
    }

    /** @param run a run started */
    public void runStarted(ExportRun run) {
        each(listener -> listener.runStarted(run));
    }

    /** @param schedule the schedule as claimed @param run a run of it was recorded as finished */
    public void runFinished(ExportSchedule schedule, ExportRun run) {
        switch (run.status()) {
            case SUCCEEDED:
                succeeded.increment();
                each(listener -> listener.runSucceeded(run));
                break;
            case FAILED:
                failed.increment();
                LOG.info(
                        "run of schedule {} for {} failed (attempt {}): {}",
                        run.scheduleId(),
                        run.occurrence(),
                        run.attempt(),
                        run.message().orElse(""));
                each(listener -> listener.runFailed(run));
                break;
            case SKIPPED:
                skipped.increment();
                each(listener -> listener.runSkipped(run));
                break;
            default:
                throw new IllegalStateException("a finished run cannot be " + run.status());
        }
        each(listener -> listener.runFinished(schedule, run));
    }

    /** @param report a tick ended */
    public void tickFinished(TickReport report) {
        each(listener -> listener.tickFinished(report));
    }

    /** @param schedule the service paused it @param reason why */
    public void schedulePaused(ExportSchedule schedule, String reason) {
        paused.increment();
        LOG.warn("schedule {} of {} paused: {}", schedule.id(), schedule.ownerId(), reason);
        each(listener -> listener.schedulePaused(schedule, reason));
    }

    /** A run's result was dropped: its lease had expired. */
    public void leaseLost() {
        leasesLost.increment();
    }

    private void each(Consumer<ExportListener> call) {
        for (ExportListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("export listener {} failed", listener, e);
            }
        }
    }
}

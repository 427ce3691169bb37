package dev.schedex.internal;

import dev.schedex.ExportRun;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The claims of one tick (or one run-now call) between their start and their record. Finished
 * claims wait in a queue; the thread that adds one records the whole queue unless another thread is
 * recording already, which then takes it on its next round, so that a busy batch costs few
 * transactions and a slow export delays no other. A failed record (the database gone) is kept and
 * thrown by {@link #awaitAll()}; those claims' leases expire and another tick takes them over.
 */
public final class InFlightBatch {

    private final Function<List<Finished>, List<ExportRun>> recorder;
    private final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
    private final ReentrantLock recording = new ReentrantLock();
    private final Object counts = new Object();
    private final List<ExportRun> recorded = new ArrayList<>();
    private int outstanding;
    private @Nullable RuntimeException failure;
    /**
     * True while a batch is being handed out: what finishes meanwhile (all of it, when exports run on
     * the ticking thread) waits to be recorded together at the end of the hand-out.
     */
    private volatile boolean handingOut;

    /** @param recorder records a group of finished claims and returns their runs */
    public InFlightBatch(Function<List<Finished>, List<ExportRun>> recorder) {
        this.recorder = recorder;
    }

    /** @param claims claims about to be handed out; until {@link #endHandOut} their records wait */
    public void beginHandOut(int claims) {
        synchronized (counts) {
            outstanding += claims;
        }
        handingOut = true;
    }

    /**
     * Ends a hand-out: records what finished meanwhile, and stops waiting for the claims that were
     * never handed out (their leases expire and another tick takes them over).
     *
     * @param notHandedOut how many of the hand-out's claims were never handed out
     */
    public void endHandOut(int notHandedOut) {
        handingOut = false;
        if (notHandedOut > 0) {
            synchronized (counts) {
                outstanding -= notHandedOut;
                counts.notifyAll();
            }
        }
        recordWaiting();
    }

    /** @param done a claim whose work is over; it is recorded by this thread or the one recording now */
    public void finished(Finished done) {
        finished.add(done);
        if (!handingOut) {
            recordWaiting();
        }
    }

    private void recordWaiting() {
        while (!finished.isEmpty() && recording.tryLock()) {
            try {
                List<Finished> ready = new ArrayList<>();
                finished.drainTo(ready);
                if (!ready.isEmpty()) {
                    recordAndCount(ready);
                }
            } finally {
                recording.unlock();
            }
        }
    }

    private void recordAndCount(List<Finished> ready) {
        List<ExportRun> runs = List.of();
        RuntimeException error = null;
        try {
            runs = recorder.apply(ready);
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

    /** @return true if no claim of this batch waits to be recorded */
    public boolean idle() {
        synchronized (counts) {
            return outstanding == 0;
        }
    }

    /**
     * Waits until at most {@code claims} claims are unrecorded: the ticking thread claims the next
     * batch while the previous one is still being recorded, but no further ahead.
     *
     * @param claims how many may stay unrecorded
     * @return false if a record failed, and the tick should claim no more
     */
    public boolean awaitAtMost(int claims) {
        synchronized (counts) {
            while (outstanding > claims && failure == null) {
                waitForCounts();
            }
            return failure == null;
        }
    }

    /**
     * @return every run recorded, in the order recorded, once all are
     * @throws RuntimeException the first failure to record
     */
    public List<ExportRun> awaitAll() {
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

package dev.schedex.renderers.internal.batik;

import org.apache.batik.bridge.InterruptedBridgeException;
import org.apache.batik.util.HaltingThread;

/**
 * Counts the steps of work that has no interruption point of its own and, every so many steps,
 * stops it if its render thread has been halted ({@link TimedRender}), by throwing Batik's
 * {@link InterruptedBridgeException}, which a render reads as stopped at its limit. Counting first
 * keeps the cost of a step to a decrement: a check looks up the current thread. One per walk, on
 * the thread that walks.
 */
public final class HaltCheck {

    private final int every;
    private int untilCheck;

    /** @param every how many steps are taken between two checks */
    public HaltCheck(int every) {
        this.every = every;
        this.untilCheck = every;
    }

    /** Counts a step; every {@code every} steps, throws if the thread has been halted. */
    public void step() {
        if (--untilCheck <= 0) {
            untilCheck = every;
            if (HaltingThread.hasBeenHalted()) {
                throw new InterruptedBridgeException();
            }
        }
    }
}

package dev.schedex.renderers;

import org.apache.batik.bridge.InterruptedBridgeException;
import org.apache.batik.util.HaltingThread;

/**
 * Text that stops whoever reads it once the render thread has been halted ({@link TimedRender}):
 * flexmark has inputs on which it runs for minutes (thousands of unclosed link openers, of
 * reference definitions), and it has no interruption point of its own, but it reads its input one
 * character at a time. Every few thousand characters read, this checks the thread and throws
 * Batik's {@link InterruptedBridgeException}, which {@link TimedRender} reads as a render stopped at
 * its limit.
 */
final class StoppableText implements CharSequence {

    /** How many characters are read between two checks: a check costs a thread lookup. */
    private static final int CHECK_EVERY = 4096;

    private final String text;
    private int untilCheck = CHECK_EVERY;

    StoppableText(String text) {
        this.text = text;
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        if (--untilCheck <= 0) {
            untilCheck = CHECK_EVERY;
            if (HaltingThread.hasBeenHalted()) {
                throw new InterruptedBridgeException();
            }
        }
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new StoppableText(text.substring(start, end));
    }

    @Override
    public String toString() {
        return text;
    }
}

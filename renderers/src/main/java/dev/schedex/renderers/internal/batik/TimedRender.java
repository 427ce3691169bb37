package dev.schedex.renderers.internal.batik;

import dev.schedex.spi.ExportException;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.batik.bridge.InterruptedBridgeException;
import org.apache.batik.util.HaltingThread;

/**
 * Runs one render of an untrusted document on a thread of its own, within a time limit and an
 * output bound (a format's {@code RenderLimits}, passed as values so that this wing does not know
 * the formats).
 *
 * <p>Why a thread per render: Batik stops building and painting when the thread it runs on is halted
 * ({@link HaltingThread}), and that is the only way to stop it; what Batik does not check itself,
 * the long paths it paints ({@link StoppableShape}) and flexmark's reading of the notes
 * ({@code StoppableText}, in the notes wing), checks the same halt. The calling thread belongs to
 * the host and must not be halted. The render's result is handed over only when it has finished in time, so a
 * render that is stopped never writes half a file. A {@link StackOverflowError} or
 * {@link OutOfMemoryError} that a hostile drawing provokes ends that render thread, and the run fails
 * with a message; the host's threads never see it. Starting a thread costs tens of microseconds, next
 * to milliseconds for the smallest render.
 */
public final class TimedRender {

    /** How long a halted render may take to notice before it is left to finish on its own. */
    private static final Duration GRACE = Duration.ofSeconds(1);

    /** The work of a render: returns the output's bytes. */
    @FunctionalInterface
    public interface Work {
        byte[] run() throws IOException;
    }

    private TimedRender() {}

    /**
     * @param what   what is being made, for messages ("PNG", "HTML")
     * @param timeLimit      the longest the render may take
     * @param maxOutputBytes the most bytes it may return
     * @param work           the render
     * @return its bytes
     * @throws ExportException if it fails, takes too long or runs out of stack or memory
     * @throws IOException     if it fails to write
     */
    public static byte[] run(String what, Duration timeLimit, long maxOutputBytes, Work work) throws IOException {
        AtomicReference<byte[]> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        HaltingThread thread = new HaltingThread(
                () -> {
                    try {
                        result.set(work.run());
                    } catch (Throwable t) { // the render thread's own end: everything is reported to the caller
                        failure.set(t);
                    }
                },
                "schedex-render-" + what.toLowerCase(java.util.Locale.ROOT));
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(timeLimit.toMillis());
        } catch (InterruptedException e) {
            stop(thread);
            Thread.currentThread().interrupt();
            throw new ExportException("the " + what + " render was interrupted");
        }
        if (thread.isAlive()) {
            stop(thread);
            throw tooLong(what, timeLimit);
        }
        Throwable t = failure.get();
        if (t == null) {
            byte[] bytes = Objects.requireNonNull(result.get(), "a render that did not fail has its bytes");
            if (bytes.length > maxOutputBytes) {
                throw new ExportException("the " + what + " would be " + bytes.length
                        + " bytes, more than the limit of " + maxOutputBytes + " bytes");
            }
            return bytes;
        }
        if (t instanceof ExportException) {
            throw (ExportException) t;
        }
        if (t instanceof IOException) {
            throw (IOException) t;
        }
        if (t instanceof InterruptedBridgeException) {
            throw tooLong(what, timeLimit);
        }
        if (t instanceof StackOverflowError) {
            throw new ExportException(
                    "the drawing is too deeply structured to render as " + what + " (the render ran out of stack)");
        }
        if (t instanceof OutOfMemoryError) {
            throw new ExportException("the drawing needs more memory to render as " + what + " than this host has");
        }
        throw new ExportException("the drawing cannot be rendered as " + what + ": " + t, t);
    }

    private static ExportException tooLong(String what, Duration timeLimit) {
        return new ExportException("the " + what + " render took longer than its limit of " + timeLimit.toMillis()
                + " ms and was stopped");
    }

    private static void stop(HaltingThread thread) {
        thread.halt();
        thread.interrupt();
        try {
            thread.join(GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

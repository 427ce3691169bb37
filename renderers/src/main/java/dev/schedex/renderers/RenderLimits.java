package dev.schedex.renderers;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds on one render of a document by a built-in format ({@code png}, {@code pdf},
 * {@code svg}, {@code html}, {@code md}): how long it may take, how large its output may be, and
 * how many pixels a PNG may paint. Drawings and notes come from end users, so a render that would
 * exceed a bound is stopped (its thread stops working within about a second) and the run fails
 * with a message that says which bound it met; the host process is never put at risk. (Input size,
 * element count and nesting depth have fixed bounds of their own; see docs/security.md.)
 *
 * <p>The defaults, {@link #DEFAULT}, suit an export job: 30 seconds, 25 million pixels (a 5,000 by
 * 5,000 image, 100 MB while it is painted), 128 MiB of output. A host that renders in a tighter
 * budget passes its own to a format's constructor ({@link PngFormat#PngFormat(RenderLimits)},
 * {@link HtmlFormat#HtmlFormat(RenderLimits)}...) and registers that format with the service's builder.
 *
 * @param timeLimit      the longest a render may take, from reading the document to the last byte of output
 * @param maxPixels      the most pixels a PNG may have (width times height); a PDF draws vectors, which
 *                       the time limit bounds
 * @param maxOutputBytes the largest file a render may produce, in bytes
 */
public record RenderLimits(Duration timeLimit, long maxPixels, long maxOutputBytes) {

    /** 128 MiB: a PNG at the default pixel bound is at most 100 MB. */
    private static final long DEFAULT_MAX_OUTPUT = 128L << 20;

    /** 30 seconds, 25 million pixels and 128 MiB. */
    public static final RenderLimits DEFAULT =
            new RenderLimits(Duration.ofSeconds(30), 25_000_000L, DEFAULT_MAX_OUTPUT);

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException if the time limit is not positive or maxPixels or maxOutputBytes is below 1
     */
    public RenderLimits {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, was " + timeLimit);
        }
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be at least 1, was " + maxPixels);
        }
        if (maxOutputBytes < 1) {
            throw new IllegalArgumentException("maxOutputBytes must be at least 1, was " + maxOutputBytes);
        }
    }

    /**
     * The bounds of earlier versions, with the default output bound.
     *
     * @param timeLimit the longest a render may take
     * @param maxPixels the most pixels a PNG may have
     */
    public RenderLimits(Duration timeLimit, long maxPixels) {
        this(timeLimit, maxPixels, DEFAULT_MAX_OUTPUT);
    }

    /**
     * @param timeLimit the longest a render may take
     * @return these limits with that time limit
     */
    public RenderLimits withTimeLimit(Duration timeLimit) {
        return new RenderLimits(timeLimit, maxPixels, maxOutputBytes);
    }

    /**
     * @param maxPixels the most pixels an image may have
     * @return these limits with that pixel bound
     */
    public RenderLimits withMaxPixels(long maxPixels) {
        return new RenderLimits(timeLimit, maxPixels, maxOutputBytes);
    }

    /**
     * @param maxOutputBytes the largest file a render may produce
     * @return these limits with that output bound
     */
    public RenderLimits withMaxOutputBytes(long maxOutputBytes) {
        return new RenderLimits(timeLimit, maxPixels, maxOutputBytes);
    }
}

package dev.schedex.renderers;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds on one render of a drawing to PNG or PDF: how long it may take and how many pixels it
 * may paint. A drawing comes from an end user, so a render that would exceed either is stopped and
 * the run fails with a message that says which bound it met; the host process is never put at risk.
 * (Input size, element count and nesting depth have fixed bounds of their own; see
 * docs/security.md.)
 *
 * <p>The defaults, {@link #DEFAULT}, suit an export job: 30 seconds, 25 million pixels (a 5,000 by
 * 5,000 image, 100 MB while it is painted). A host that renders in a tighter budget passes its own to
 * {@link PngFormat#PngFormat(RenderLimits)} or {@link PdfFormat#PdfFormat(RenderLimits)} and registers
 * that format with the service's builder.
 *
 * @param timeLimit the longest a render may take, from reading the drawing to the last byte of output
 * @param maxPixels the most pixels a PNG may have (width times height); a PDF draws vectors, which
 *                  the time limit bounds
 */
public record RenderLimits(Duration timeLimit, long maxPixels) {

    /** 30 seconds and 25 million pixels. */
    public static final RenderLimits DEFAULT = new RenderLimits(Duration.ofSeconds(30), 25_000_000L);

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException if the time limit is not positive or maxPixels is below 1
     */
    public RenderLimits {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, was " + timeLimit);
        }
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be at least 1, was " + maxPixels);
        }
    }

    /**
     * @param timeLimit the longest a render may take
     * @return these limits with that time limit
     */
    public RenderLimits withTimeLimit(Duration timeLimit) {
        return new RenderLimits(timeLimit, maxPixels);
    }

    /**
     * @param maxPixels the most pixels an image may have
     * @return these limits with that pixel bound
     */
    public RenderLimits withMaxPixels(long maxPixels) {
        return new RenderLimits(timeLimit, maxPixels);
    }
}

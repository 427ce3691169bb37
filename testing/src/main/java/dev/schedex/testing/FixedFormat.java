package dev.schedex.testing;

import dev.schedex.FormatSettings;
import dev.schedex.Violation;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;

/**
 * A format with a given id that writes the same bytes for every document, optionally after a delay
 * (a slow render to interrupt), and takes no settings.
 */
public final class FixedFormat implements ExportFormat {

    private final String id;
    private final byte[] content;
    private final Duration delay;

    /** @param id the format's id @param content what every render writes */
    public FixedFormat(String id, byte[] content) {
        this(id, content, Duration.ZERO);
    }

    /**
     * @param id      the format's id
     * @param content what every render writes
     * @param delay   how long each render sleeps first (an interruptible sleep)
     */
    public FixedFormat(String id, byte[] content, Duration delay) {
        this.id = id;
        this.content = content.clone();
        this.delay = delay;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String mediaType() {
        return "application/octet-stream";
    }

    @Override
    public String fileExtension() {
        return "bin";
    }

    @Override
    public List<Violation> validateSettings(FormatSettings settings) {
        return List.of();
    }

    @Override
    public void render(ExportDocument document, FormatSettings settings, ExportContext context, OutputStream out)
            throws IOException {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis()); // the render a test interrupts, or kills its process in
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        out.write(content);
    }
}

package dev.schedex.destination;

import dev.schedex.spi.Delivery;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * Makes a link to an export, for a destination that sends a link instead of the file: a mail whose
 * export is above its attachment limit, a webhook that posts metadata only. Typically the host has
 * the export stored elsewhere too (a bucket) and returns a presigned URL that expires. The link goes
 * to the recipient only, never into the run's history or a log: a presigned URL is a secret.
 *
 * <p>Implementations must be thread-safe, and give a link for the same {@link
 * dev.schedex.spi.ExportContext#idempotencyKey()} on every call: a re-delivery after a crash asks
 * again.
 */
@FunctionalInterface
public interface LinkMaker {

    /**
     * @param delivery the export
     * @return an {@code https} (or {@code http}) link a recipient can follow to download it, or empty
     *     if this export cannot have one
     * @throws IOException if making the link failed in a way that may pass; the run is retried
     */
    Optional<URI> link(Delivery delivery) throws IOException;
}

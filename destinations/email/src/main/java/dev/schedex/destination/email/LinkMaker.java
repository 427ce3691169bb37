package dev.schedex.destination.email;

import dev.schedex.spi.Delivery;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * Makes a link to an export that is too large to attach, for an {@link EmailDestination} to send
 * instead of the file: typically the host stores the export elsewhere (a bucket) and returns a
 * presigned URL that expires. The link goes into the message body only, never into the run's
 * history or a log.
 *
 * <p>Implementations must be thread-safe and idempotent for the same {@link
 * dev.schedex.spi.ExportContext#idempotencyKey()}: a re-delivery after a crash asks again.
 */
@FunctionalInterface
public interface LinkMaker {

    /**
     * @param delivery the export that is above the destination's attachment limit
     * @return an {@code https} (or {@code http}) link a recipient can follow to download it, or
     *     empty if this export cannot have one (the delivery then fails permanently, as it does for
     *     a link of another scheme)
     * @throws IOException if making the link failed in a way that may pass; the run is retried
     */
    Optional<URI> link(Delivery delivery) throws IOException;
}

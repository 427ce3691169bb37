package dev.schedex.spi;

import dev.schedex.Violation;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where exports go: one place the host configured (a directory, a bucket, a folder in a drive, a
 * mail server), registered with the service under a {@link #name()} that schedules give. The host
 * configures everything that is not the owner's to choose (endpoint, bucket or root folder,
 * credentials) on the destination itself; a schedule gives only string parameters that its owner may
 * choose (a file-name template, a keep-last-N), which {@link #validate(Map)} checks before they are
 * stored.
 *
 * <h2>What every destination promises</h2>
 * <ul>
 *   <li><b>Idempotent delivery.</b> The service delivers at least once: a host that dies after
 *       delivering but before recording is taken over and the occurrence delivered again. A
 *       delivery with the same {@link ExportContext#idempotencyKey()} as an earlier one replaces
 *       what that one left (the same file name, the same object, the same message id), never adds
 *       a second copy. Each destination's Javadoc says how.</li>
 *   <li><b>Nothing partial.</b> A failed delivery leaves no half-written export under the final
 *       name.</li>
 *   <li><b>Classified failures.</b> Throw {@link ExportException} for a failure that the same
 *       delivery would meet again (bad credentials, a missing bucket, a full quota, a refused
 *       recipient): the occurrence is not retried. Throw {@link ExportException#temporary(String,
 *       java.time.Duration, Throwable)} (or let an {@link IOException} out) for one that may pass
 *       (throttling, a 5xx answer, a timeout): the service's retry policy applies, not sooner than
 *       the wait given. The message is for the schedule's owner: it names the destination, never a
 *       secret.</li>
 *   <li><b>Bounded.</b> Every network call has a timeout; nothing reaches where the host did not
 *       point the destination.</li>
 * </ul>
 *
 * <p>Implementations must be thread-safe; {@code toString()} must not show secrets.
 */
public interface ExportDestination {

    /**
     * @return the name schedules give this destination by, such as {@code filesystem} or
     *     {@code reports-s3}: 1 to 50 letters, digits, {@code .}, {@code -} or {@code _}
     */
    String name();

    /**
     * Checks a schedule's parameters before they are stored.
     *
     * @param parameters the parameters, from the schedule's owner
     * @return every problem found, with fields named as the parameter's key; empty if fine
     */
    List<Violation> validate(Map<String, String> parameters);

    /**
     * Delivers one export, idempotently (see above).
     *
     * @param delivery what to deliver and for which run
     * @return where it went
     * @throws IOException     if delivery fails in a way that may pass; the run's retry policy applies
     * @throws ExportException if the delivery is refused, with a message for the owner; {@link
     *                         ExportException#isTemporary()} says whether it is retried
     */
    Delivered deliver(Delivery delivery) throws IOException;
}

package dev.schedex.spi;

import dev.schedex.Violation;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where exports go. A schedule names a destination by {@link #type()} and gives it string
 * parameters; the host configures the destination itself (for example the root directory of a
 * {@link dev.schedex.destination.FileSystemDestination}) when it builds the service.
 *
 * <p>Implementations must be thread-safe.
 */
public interface ExportDestination {

    /** @return the type schedules name this destination by, such as {@code filesystem} */
    String type();

    /**
     * Checks a schedule's parameters before they are stored.
     *
     * @param parameters the parameters
     * @return every problem found, with fields named as the parameter's key; empty if fine
     */
    List<Violation> validate(Map<String, String> parameters);

    /**
     * Delivers one export. Must not leave a partial result behind when it fails.
     *
     * @param delivery what to deliver and for which run
     * @return where it went
     * @throws IOException     if delivery fails
     * @throws ExportException if the delivery is refused, with a message for the owner
     */
    Delivered deliver(Delivery delivery) throws IOException;
}

package dev.schedex.destination;

import dev.schedex.Violation;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The parameters an owner gives every storage destination (a folder, a bucket, a drive, a server),
 * checked and read in one place so that they mean the same everywhere:
 * <ul>
 *   <li>{@value #PATH}: a {@link PathTemplate}, default {@value PathTemplate#DEFAULT};</li>
 *   <li>{@value #KEEP}: optional; keep only the newest N files this schedule wrote there (1 to
 *       {@value #MAX_KEEP}), see {@link Retention}.</li>
 * </ul>
 */
public final class StorageParameters {

    /** The file-name template's key. */
    public static final String PATH = "path";

    /** The keep-last-N's key. */
    public static final String KEEP = "keep";

    /** The most files a keep-last-N may keep. */
    public static final int MAX_KEEP = 10_000;

    private static final Set<String> KEYS = Set.of(PATH, KEEP);

    private StorageParameters() {}

    /**
     * @param parameters  an owner's parameters
     * @param destination what to call the destination in messages, such as "the S3 destination"
     * @return every problem found, each naming its key; empty if fine
     */
    public static List<Violation> check(Map<String, String> parameters, String destination) {
        List<Violation> violations = new ArrayList<>();
        for (String key : parameters.keySet()) {
            if (!KEYS.contains(key)) {
                violations.add(new Violation(
                        key,
                        "unknown_parameter",
                        destination + " has no parameter '" + key + "'; it takes " + PATH + " and " + KEEP));
            }
        }
        PathTemplate.check(PATH, parameters.getOrDefault(PATH, PathTemplate.DEFAULT))
                .ifPresent(violations::add);
        String keep = parameters.get(KEEP);
        if (keep != null) {
            try {
                int n = Integer.parseInt(keep.strip());
                if (n < 1 || n > MAX_KEEP) {
                    violations.add(new Violation(KEEP, "out_of_range", "keep must be 1 to " + MAX_KEEP + ", was " + n));
                }
            } catch (NumberFormatException e) {
                violations.add(
                        new Violation(KEEP, "invalid_number", "keep must be a whole number, was '" + keep + "'"));
            }
        }
        return violations;
    }

    /**
     * Checks a delivery's parameters again (they were checked when the schedule was stored, but a
     * row may have been written by hand or by an older version) and expands its template.
     *
     * @param delivery    the export
     * @param destination the destination's name, for the message
     * @return the path below the destination's root for this delivery, with {@code /} between folders
     * @throws ExportException (permanent) if the parameters are not valid
     */
    public static String pathFor(Delivery delivery, String destination) {
        List<Violation> problems = check(delivery.parameters(), "destination '" + destination + "'");
        if (!problems.isEmpty()) {
            throw new ExportException("invalid parameters for destination '" + destination + "': "
                    + problems.get(0).message());
        }
        return path(delivery.parameters()).expand(delivery);
    }

    /**
     * @param parameters parameters that {@link #check} accepted
     * @return the file-name template
     */
    public static PathTemplate path(Map<String, String> parameters) {
        return PathTemplate.of(parameters.getOrDefault(PATH, PathTemplate.DEFAULT));
    }

    /**
     * @param parameters parameters that {@link #check} accepted
     * @return how many files to keep, if the owner asked for a limit
     */
    public static OptionalInt keep(Map<String, String> parameters) {
        return Optional.ofNullable(parameters.get(KEEP))
                .map(k -> OptionalInt.of(Integer.parseInt(k.strip())))
                .orElse(OptionalInt.empty());
    }
}

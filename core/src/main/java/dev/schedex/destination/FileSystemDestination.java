package dev.schedex.destination;

import dev.schedex.Violation;
import dev.schedex.spi.Delivered;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.ExportException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes exports as files below a root directory the host configures. A schedule names it with type
 * {@value #TYPE} and two parameters:
 * <ul>
 *   <li>{@code path}: a file-name template relative to the root, default {@value #DEFAULT_TEMPLATE}.
 *       Placeholders: {@code {owner}}, {@code {document}}, {@code {schedule}} (the schedule's id),
 *       {@code {name}} (the schedule's name), {@code {title}} (the document's title), {@code {date}}
 *       ({@code yyyy-MM-dd}) and {@code {time}} ({@code HH-mm-ss}) of the occurrence in the schedule's
 *       zone, {@code {occurrence}} (UTC, {@code 20240131T020000Z}) and {@code {ext}}. Values are
 *       sanitised: anything but letters, digits, {@code .}, {@code -} and {@code _} becomes {@code _}, and
 *       a value never starts with a dot.</li>
 *   <li>{@code keep}: optional; keep only the newest N files this schedule wrote (1 to 10000).</li>
 * </ul>
 *
 * <p>Nothing is written outside the root: templates may not be absolute or contain {@code ..}, and a
 * directory on the way that is a symbolic link leading out of the root makes the delivery fail. A file
 * is written to a temporary file in its directory, forced to disk, then moved into place atomically,
 * so a crash never leaves a half-written export under the final name. Writing the same occurrence
 * again (a retry, a take-over after a host died) replaces the file.
 */
public final class FileSystemDestination implements ExportDestination {

    /** The type schedules name this destination by. */
    public static final String TYPE = "filesystem";

    /** The template used when a schedule gives none. */
    public static final String DEFAULT_TEMPLATE = "{document}/{date}_{time}.{ext}";

    private static final Set<String> PARAMETERS = Set.of("path", "keep");
    /**
     * Each placeholder with the longest value it expands to, so that a template's longest expansion is
     * known when it is validated: ids, names and titles are cut to this length, the rest have it.
     */
    private static final Map<String, Integer> PLACEHOLDERS = Map.of(
            "owner",
            120,
            "document",
            120,
            "schedule",
            36,
            "name",
            120,
            "title",
            120,
            "date",
            10,
            "time",
            8,
            "occurrence",
            16,
            "ext",
            16);
    /** The longest file or directory name most file systems take, in bytes. */
    private static final int MAX_NAME_BYTES = 255;
    /** The longest path below the root a template may expand to, in bytes. */
    private static final int MAX_PATH_BYTES = 1024;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH-mm-ss", Locale.ROOT);
    private static final DateTimeFormatter OCCURRENCE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final int MAX_KEEP = 10_000;
    /** Where the list of files each schedule wrote is kept, for {@code keep}. */
    private static final String INDEX_DIRECTORY = ".schedex";

    private final Path root;

    /**
     * @param root the directory all exports go below; created if missing
     * @throws IOException if it cannot be created or is not a directory
     */
    public FileSystemDestination(Path root) throws IOException {
        Files.createDirectories(root);
        this.root = root.toRealPath();
    }

    /** @return the root directory, as a real path */
    public Path root() {
        return root;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<Violation> validate(Map<String, String> parameters) {
        List<Violation> violations = new ArrayList<>();
        for (String key : parameters.keySet()) {
            if (!PARAMETERS.contains(key)) {
                violations.add(new Violation(
                        key,
                        "unknown_parameter",
                        "the file system destination has no parameter '" + key + "'; it takes path and keep"));
            }
        }
        String template = parameters.getOrDefault("path", DEFAULT_TEMPLATE);
        checkTemplate(template).ifPresent(violations::add);
        String keep = parameters.get("keep");
        if (keep != null) {
            try {
                int n = Integer.parseInt(keep.strip());
                if (n < 1 || n > MAX_KEEP) {
                    violations.add(
                            new Violation("keep", "out_of_range", "keep must be 1 to " + MAX_KEEP + ", was " + n));
                }
            } catch (NumberFormatException e) {
                violations.add(
                        new Violation("keep", "invalid_number", "keep must be a whole number, was '" + keep + "'"));
            }
        }
        return violations;
    }

    private static Optional<Violation> checkTemplate(String template) {
        if (template.isBlank()) {
            return Optional.of(new Violation("path", "required", "a path template is required"));
        }
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.containsKey(m.group(1))) {
                return Optional.of(new Violation(
                        "path",
                        "unknown_placeholder",
                        "unknown placeholder {"
                                + m.group(1) + "} in '" + abbreviated(template) + "'; known are "
                                + String.join(
                                        ", ",
                                        PLACEHOLDERS.keySet().stream()
                                                .sorted()
                                                .map(p -> "{" + p + "}")
                                                .toList())));
            }
        }
        if (longestExpansion(template) > MAX_PATH_BYTES) {
            return Optional.of(new Violation(
                    "path",
                    "too_long",
                    "path '" + abbreviated(template) + "' may expand to " + longestExpansion(template)
                            + " bytes; at most " + MAX_PATH_BYTES + " are allowed"));
        }
        // control characters (NUL among them) are refused for every destination by the service's validation
        if (template.startsWith("/") || template.matches("^[A-Za-z]:.*") || template.contains("\\")) {
            return Optional.of(new Violation(
                    "path",
                    "outside_root",
                    "path '" + template + "' must be relative to the destination's root, with / between directories"));
        }
        // placeholder values are sanitised (no separators, no leading dot), so the literal segments decide
        for (String segment : template.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.of(
                        new Violation(
                                "path",
                                "outside_root",
                                "path '" + template
                                        + "' has an empty, '.' or '..' segment; exports must stay below the destination's root"));
            }
            if (segment.startsWith(".")) {
                return Optional.of(new Violation(
                        "path", "hidden_file", "path '" + template + "' names a hidden file or directory"));
            }
            if (longestExpansion(segment) > MAX_NAME_BYTES) {
                return Optional.of(new Violation(
                        "path",
                        "name_too_long",
                        "'" + abbreviated(segment) + "' in path '"
                                + abbreviated(template) + "' may expand to a name of " + longestExpansion(segment)
                                + " bytes; file systems take at most " + MAX_NAME_BYTES));
            }
        }
        return Optional.empty();
    }

    /** The most bytes a template (or one segment of it) expands to: its literal text in UTF-8, and each placeholder's longest value. */
    private static int longestExpansion(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder literal = new StringBuilder();
        int placeholders = 0;
        while (m.find()) {
            m.appendReplacement(literal, "");
            placeholders += longest(m.group(1));
        }
        m.appendTail(literal);
        return literal.toString().getBytes(StandardCharsets.UTF_8).length + placeholders;
    }

    /** @param placeholder a placeholder the template was checked to have @return its longest value */
    private static int longest(String placeholder) {
        return Objects.requireNonNull(PLACEHOLDERS.get(placeholder), placeholder);
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    @Override
    public Delivered deliver(Delivery delivery) throws IOException {
        Map<String, String> parameters = delivery.parameters();
        List<Violation> problems = validate(parameters);
        if (!problems.isEmpty()) {
            throw new ExportException(
                    "invalid file system destination: " + problems.get(0).message());
        }
        String relative = expand(parameters.getOrDefault("path", DEFAULT_TEMPLATE), delivery);
        Path target = inside(relative);
        // inside() keeps the target below the root, so it has a parent
        Path directory = Objects.requireNonNull(target.getParent(), relative);
        Files.createDirectories(directory);
        if (!directory.toRealPath().startsWith(root)) {
            throw new ExportException("refusing to write '" + relative + "': a directory on the way is a link "
                    + "that leads out of the destination's root");
        }
        if (Files.isSymbolicLink(target) || Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new ExportException("refusing to write '" + relative + "': a link or directory is in the way");
        }
        writeAtomically(target, delivery.content());
        if (parameters.containsKey("keep")) {
            applyRetention(
                    delivery.context().scheduleId().toString(),
                    relative,
                    Integer.parseInt(parameters.get("keep").strip()));
        }
        return new Delivered(relative);
    }

    private String expand(String template, Delivery delivery) {
        ZonedDateTime local =
                delivery.context().occurrence().atZone(delivery.context().zone());
        Map<String, String> values = Map.of(
                "owner", delivery.context().ownerId(),
                "document", delivery.documentId(),
                "schedule", delivery.context().scheduleId().toString(),
                "name", delivery.context().scheduleName(),
                "title", delivery.documentTitle(),
                "date", DATE.format(local),
                "time", TIME.format(local),
                "occurrence", OCCURRENCE.format(delivery.context().occurrence().atZone(java.time.ZoneOffset.UTC)),
                "ext", delivery.fileExtension());
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String placeholder = m.group(1);
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(sanitise(
                            Objects.requireNonNull(values.get(placeholder), placeholder), longest(placeholder))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A placeholder's value as a safe file-name part: no separators, no leading dot, bounded length. */
    private static String sanitise(String value, int maxLength) {
        String safe = UNSAFE.matcher(value).replaceAll("_");
        while (safe.startsWith(".")) {
            safe = "_" + safe.substring(1);
        }
        if (safe.length() > maxLength) {
            safe = safe.substring(0, maxLength);
        }
        return safe.isEmpty() ? "_" : safe;
    }

    private Path inside(String relative) {
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new ExportException("refusing to write '" + relative + "': it is outside the destination's root");
        }
        return target;
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        // not Files.createTempFile: its owner-only permissions would stay on the export; a new file
        // gets the process's usual ones, as a file the host wrote itself would
        Path temporary = target.resolveSibling(".schedex-" + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel =
                    FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Keeps the newest {@code keep} files of a schedule. The files a schedule wrote are listed, oldest
     * first, in {@code .schedex/<schedule>.files} under the root; a run holds its schedule's lease, so
     * no two runs of one schedule update the list at once.
     */
    private void applyRetention(String scheduleId, String written, int keep) throws IOException {
        Path index = root.resolve(INDEX_DIRECTORY).resolve(scheduleId + ".files");
        Files.createDirectories(index.getParent());
        Set<String> files = new LinkedHashSet<>(
                Files.exists(index) ? Files.readAllLines(index, StandardCharsets.UTF_8) : List.of());
        files.remove(written);
        files.add(written);
        List<String> ordered = new ArrayList<>(files);
        List<String> kept = ordered.subList(Math.max(0, ordered.size() - keep), ordered.size());
        for (String old : ordered.subList(0, ordered.size() - kept.size())) {
            Path path = root.resolve(old).normalize();
            if (path.startsWith(root) && !Files.isSymbolicLink(path)) {
                Files.deleteIfExists(path);
            }
        }
        writeAtomically(index, String.join("\n", kept).concat("\n").getBytes(StandardCharsets.UTF_8));
    }
}

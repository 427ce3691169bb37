package dev.schedex.destination;

import dev.schedex.Violation;
import dev.schedex.spi.Delivery;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A file-name template that a schedule's owner gives a storage destination, such as {@value
 * #DEFAULT}: a path relative to the root (a directory, a key prefix, a folder) the host configured,
 * with {@code /} between folders. Every storage destination takes it the same way, checks it with
 * {@link #check(String, String)} before it is stored and expands it with {@link #expand(Delivery)}.
 *
 * <p>The {@link Placeholders} are those of every template. Values are sanitised:
 * anything but letters, digits, {@code .}, {@code -} and {@code _} becomes {@code _}, a value never
 * starts with a dot, and ids, names and titles are cut to 120 characters.
 *
 * <p>No expansion leaves the root: a template may not be absolute, contain a backslash, an empty,
 * {@code .} or {@code ..} segment, or a segment starting with a dot (a hidden file, or the {@code
 * .schedex} folder where destinations keep their own records), and since placeholder values hold no
 * separator, the literal segments decide. Every expansion is at most {@value #MAX_PATH_BYTES} bytes
 * of UTF-8 (S3's limit for a key) with names of at most {@value #MAX_NAME_BYTES} bytes, which is
 * checked against each placeholder's longest value when the template is checked, not when it is
 * expanded. The same occurrence always expands to the same path, which is what makes a re-delivery
 * replace its earlier file.
 */
public final class PathTemplate {

    /** The template used when a schedule gives none. */
    public static final String DEFAULT = "{document}/{date}_{time}.{ext}";

    /** The longest expansion, in bytes of UTF-8. */
    public static final int MAX_PATH_BYTES = 1024;

    /** The longest file or folder name in an expansion, in bytes of UTF-8. */
    public static final int MAX_NAME_BYTES = 255;

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");

    private final String template;

    private PathTemplate(String template) {
        this.template = template;
    }

    /**
     * @param template a template that {@link #check(String, String)} accepts
     * @return the template
     * @throws IllegalArgumentException if it does not, with the violation's message
     */
    public static PathTemplate of(String template) {
        Optional<Violation> problem = check("path", template);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get().message());
        }
        return new PathTemplate(template);
    }

    /**
     * Checks an owner's template.
     *
     * @param field    the parameter's name, for the violation
     * @param template the template
     * @return the first problem found, if any, with a message for the owner
     */
    public static Optional<Violation> check(String field, String template) {
        Objects.requireNonNull(field, "field");
        if (template.isBlank()) {
            return Optional.of(new Violation(field, "required", "a path template is required"));
        }
        Optional<String> unknown = Placeholders.unknown(template);
        if (unknown.isPresent()) {
            return Optional.of(new Violation(
                    field,
                    "unknown_placeholder",
                    "unknown placeholder {" + unknown.get() + "} in '" + abbreviated(template) + "'; known are "
                            + Placeholders.known()));
        }
        if (longestExpansion(template) > MAX_PATH_BYTES) {
            return Optional.of(new Violation(
                    field,
                    "too_long",
                    "path '" + abbreviated(template) + "' may expand to " + longestExpansion(template)
                            + " bytes; at most " + MAX_PATH_BYTES + " are allowed"));
        }
        // control characters (NUL among them) are refused for every destination by the service's validation
        if (template.startsWith("/") || template.matches("^[A-Za-z]:.*") || template.contains("\\")) {
            return Optional.of(new Violation(
                    field,
                    "outside_root",
                    "path '" + abbreviated(template)
                            + "' must be relative to the destination's root, with / between folders"));
        }
        for (String segment : template.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.of(
                        new Violation(
                                field,
                                "outside_root",
                                "path '" + abbreviated(template)
                                        + "' has an empty, '.' or '..' segment; exports must stay below the destination's root"));
            }
            if (segment.startsWith(".")) {
                return Optional.of(new Violation(
                        field, "hidden_file", "path '" + abbreviated(template) + "' names a hidden file or folder"));
            }
            if (longestExpansion(segment) > MAX_NAME_BYTES) {
                return Optional.of(new Violation(
                        field,
                        "name_too_long",
                        "'" + abbreviated(segment) + "' in path '" + abbreviated(template)
                                + "' may expand to a name of " + longestExpansion(segment) + " bytes; at most "
                                + MAX_NAME_BYTES + " are allowed"));
            }
        }
        return Optional.empty();
    }

    /**
     * @param delivery the export
     * @return the path below the root for it: folders and a file name, with {@code /} between them
     */
    public String expand(Delivery delivery) {
        return Placeholders.expand(template, delivery, (name, value) -> sanitise(value, Placeholders.longest(name)));
    }

    /** @return the template as the owner gave it */
    public String template() {
        return template;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathTemplate other && other.template.equals(template);
    }

    @Override
    public int hashCode() {
        return template.hashCode();
    }

    @Override
    public String toString() {
        return template;
    }

    /** The most bytes a template (or one segment of it) expands to: its literal text in UTF-8, and each placeholder's longest value. */
    private static int longestExpansion(String template) {
        Placeholders.Literal literal = Placeholders.literal(template);
        return literal.text().getBytes(StandardCharsets.UTF_8).length + literal.placeholderBytes();
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

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}

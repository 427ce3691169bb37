package dev.schedex.renderers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the renderers' wings layered, by reading the sources: a wing may use only the wings below
 * it, and none uses the formats. The compiler cannot say this (every class a wing shares is
 * public), so without this test a back arrow would compile and be found only by the next reader.
 */
class LayoutTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "schedex", "renderers");
    /** The wings each wing may use; {@code ""} is the formats, which may use every wing. */
    private static final Map<String, Set<String>> MAY_USE = Map.of(
            "", Set.of("svg", "batik", "fonts", "notes", "png"),
            "png", Set.of(),
            "notes", Set.of("batik", "svg"),
            "batik", Set.of("svg", "fonts"),
            "svg", Set.of("fonts"),
            "fonts", Set.of());
    /** A reference to a class of the module, in an import or written out in full. */
    private static final Pattern REFERENCE =
            Pattern.compile("dev\\.schedex\\.renderers\\.(?:internal\\.(\\w+)\\.)?[A-Z]");

    @Test
    void everyWingUsesOnlyTheWingsBelowIt() throws IOException {
        List<String> backArrows = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(SOURCES)) {
            for (Path path : (Iterable<Path>) paths.filter(p -> p.toString().endsWith(".java"))::iterator) {
                files++;
                String wing = wing(path);
                assertTrue(MAY_USE.containsKey(wing), path + " is in a wing the layout does not know: " + wing);
                Matcher reference = REFERENCE.matcher(read(path));
                while (reference.find()) {
                    String used = reference.group(1) == null ? "" : reference.group(1);
                    if (!used.equals(wing) && !MAY_USE.get(wing).contains(used)) {
                        backArrows.add(SOURCES.relativize(path) + " uses " + (used.isEmpty() ? "the formats" : used));
                    }
                }
            }
        }
        assertTrue(files > 30, "found only " + files + " sources under " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), backArrows, "arrows from a lower wing back up");
    }

    /** The wing a source is in: the package below {@code internal}, or {@code ""} for the formats. */
    private static String wing(Path path) {
        Path folder = SOURCES.relativize(path).getParent();
        if (folder == null) {
            return "";
        }
        assertEquals("internal", folder.getName(0).toString(), path + " is outside the formats and the wings");
        return folder.getNameCount() > 1 ? folder.getName(1).toString() : "internal";
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

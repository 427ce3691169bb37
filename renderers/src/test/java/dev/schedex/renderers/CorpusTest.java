package dev.schedex.renderers;

import dev.schedex.FormatSettings;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real drawings that other tools made (draw.io, Excalidraw, tldraw, Mermaid, Graphviz, PlantUML,
 * Inkscape): each passes the svg and html formats, and what comes out runs nothing and fetches
 * nothing. The drawings are not part of the project: the folder is given with
 * {@code -Dschedex.corpus=/path/to/corpus/svg}, or found at {@code ../../shared/corpus/svg} beside the
 * checkout; without it the test is skipped.
 */
class CorpusTest {

    private static final Pattern EVENT_ATTRIBUTE = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTSIDE_REFERENCE = Pattern.compile(
            "(?:xlink:href|\\shref|\\ssrc)=\"(?!#|data:image/|https?://|mailto:)[^\"]+\"", Pattern.CASE_INSENSITIVE);
    private static final ExportContext CONTEXT = new ExportContext(UUID.randomUUID(), "corpus", "tester",
            Instant.EPOCH, ZoneOffset.UTC);

    static Path corpus() {
        String given = System.getProperty("schedex.corpus");
        Path folder = given != null ? Path.of(given) : Path.of("..", "..", "shared", "corpus", "svg");
        Assumptions.assumeTrue(Files.isDirectory(folder), "no drawing corpus at " + folder.toAbsolutePath()
                + "; give one with -Dschedex.corpus=/path/to/corpus/svg");
        return folder;
    }

    @TestFactory
    Stream<DynamicTest> everyDrawingPassesTheSvgAndHtmlFormatsSafely() throws IOException {
        List<Path> drawings;
        try (Stream<Path> files = Files.list(corpus())) {
            drawings = files.filter(p -> p.toString().endsWith(".svg")).sorted().toList();
        }
        return drawings.stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            ExportDocument document = ExportDocument.of("corpus", path.getFileName().toString(), "v1", Instant.EPOCH)
                    .withDrawing(Files.readString(path)).withNotes("notes");
            for (BuiltInFormat format : List.of(new SvgFormat(), new HtmlFormat())) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                format.render(document, FormatSettings.empty(), CONTEXT, out);
                String text = out.toString(StandardCharsets.UTF_8);
                String lower = text.toLowerCase(Locale.ROOT);
                assertTrue(lower.contains("<svg"), format.id() + " kept the drawing");
                assertFalse(lower.contains("<script"), format.id() + " has a script");
                assertFalse(EVENT_ATTRIBUTE.matcher(text).find(), format.id() + " has an event attribute");
                assertFalse(OUTSIDE_REFERENCE.matcher(text).find(), format.id() + " refers outside the drawing: "
                        + firstMatch(text));
            }
        }));
    }

    private static String firstMatch(String text) {
        var m = OUTSIDE_REFERENCE.matcher(text);
        return m.find() ? m.group() : "";
    }
}

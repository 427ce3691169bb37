package dev.schedex.renderers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import dev.schedex.FormatSettings;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real drawings that other tools made (draw.io, Excalidraw, tldraw, Mermaid, Graphviz, PlantUML,
 * Inkscape): each passes the svg and html formats, and what comes out runs nothing and fetches
 * nothing; each renders to PNG and PDF; and the notes in the corpus's {@code md} folder become HTML
 * and PDF. The drawings are not part of the project: the folder is given with
 * {@code -Dschedex.corpus=/path/to/corpus/svg}, or found at {@code ../../shared/corpus/svg} beside the
 * checkout; without it the test is skipped.
 */
class CorpusTest {

    private static final Pattern EVENT_ATTRIBUTE = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTSIDE_REFERENCE = Pattern.compile(
            "(?:xlink:href|\\shref|\\ssrc)=\"(?!#|data:image/|https?://|mailto:)[^\"]+\"", Pattern.CASE_INSENSITIVE);
    private static final ExportContext CONTEXT =
            new ExportContext(UUID.randomUUID(), "corpus", "tester", Instant.EPOCH, ZoneOffset.UTC);

    static Path corpus() {
        String given = System.getProperty("schedex.corpus");
        Path folder = given != null ? Path.of(given) : Path.of("..", "..", "shared", "corpus", "svg");
        Assumptions.assumeTrue(
                Files.isDirectory(folder),
                "no drawing corpus at " + folder.toAbsolutePath()
                        + "; give one with -Dschedex.corpus=/path/to/corpus/svg");
        return folder;
    }

    @TestFactory
    Stream<DynamicTest> everyDrawingPassesTheSvgAndHtmlFormatsSafely() throws IOException {
        return files(corpus(), ".svg")
                .map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
                    ExportDocument document = ExportDocument.of(
                                    "corpus", path.getFileName().toString(), "v1", Instant.EPOCH)
                            .withDrawing(Files.readString(path))
                            .withNotes("notes");
                    for (BuiltInFormat format : List.of(new SvgFormat(), new HtmlFormat())) {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        format.render(document, FormatSettings.empty(), CONTEXT, out);
                        String text = out.toString(StandardCharsets.UTF_8);
                        String lower = text.toLowerCase(Locale.ROOT);
                        assertTrue(lower.contains("<svg"), format.id() + " kept the drawing");
                        assertFalse(lower.contains("<script"), format.id() + " has a script");
                        assertFalse(EVENT_ATTRIBUTE.matcher(text).find(), format.id() + " has an event attribute");
                        assertFalse(
                                OUTSIDE_REFERENCE.matcher(text).find(),
                                format.id() + " refers outside the drawing: " + firstMatch(text));
                        InertHtml.check(
                                text.replaceFirst("^<\\?xml[^>]*\\?>", "")); // as a browser's HTML parser reads it
                    }
                }));
    }

    /**
     * Each drawing becomes a PNG that decodes, at the drawing's size, with ink on it; and a PDF with the
     * drawing on its first page.
     */
    @TestFactory
    Stream<DynamicTest> everyDrawingRendersToPngAndPdf() throws IOException {
        return files(corpus(), ".svg")
                .map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
                    ExportDocument document = ExportDocument.of(
                                    "corpus", path.getFileName().toString(), "v1", Instant.EPOCH)
                            .withDrawing(Files.readString(path));
                    ByteArrayOutputStream png = new ByteArrayOutputStream();
                    ExportContext context =
                            new ExportContext(UUID.randomUUID(), "Corpus", "corpus", Instant.EPOCH, ZoneOffset.UTC);
                    new PngFormat().render(document, FormatSettings.empty(), context, png);
                    BufferedImage image = PngFormatTest.decode(png.toByteArray());
                    // a browser shows inkscape-flowtext.svg (all flowed text) empty, and so do we, saying why
                    assertTrue(
                            inked(image) > 0.001
                                    || context.warnings().stream()
                                            .anyMatch(warning -> warning.startsWith("<flowRoot> was left out")),
                            "the PNG has ink on it, or the run says its flowed text was left out: " + inked(image));
                    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
                    new PdfFormat().render(document, FormatSettings.of(Map.of("pageSize", "fit")), CONTEXT, pdf);
                    assertEquals(1, new PdfReader(pdf.toByteArray()).getNumberOfPages());
                }));
    }

    /** Each note in the corpus becomes an HTML page without script and a PDF with its text. */
    @TestFactory
    Stream<DynamicTest> everyNoteBecomesHtmlAndPdf() throws IOException {
        Path notes = corpus().resolveSibling("md");
        Assumptions.assumeTrue(Files.isDirectory(notes), "no notes beside the drawings at " + notes);
        return files(notes, ".md")
                .map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
                    ExportDocument document = ExportDocument.of(
                                    "corpus", path.getFileName().toString(), "v1", Instant.EPOCH)
                            .withNotes(Files.readString(path));
                    ByteArrayOutputStream html = new ByteArrayOutputStream();
                    new HtmlFormat().render(document, FormatSettings.empty(), CONTEXT, html);
                    assertFalse(html.toString(StandardCharsets.UTF_8)
                            .toLowerCase(Locale.ROOT)
                            .contains("<script"));
                    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
                    new PdfFormat().render(document, FormatSettings.empty(), CONTEXT, pdf);
                    assertFalse(
                            PdfFormatTest.text(new PdfReader(pdf.toByteArray())).isBlank(),
                            "the PDF has the notes' text");
                }));
    }

    private static Stream<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList().stream();
        }
    }

    /** @return the share of pixels that are neither white nor transparent */
    private static double inked(BufferedImage image) {
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                inked += (argb >>> 24) > 16 && (argb & 0xffffff) != 0xffffff ? 1 : 0;
            }
        }
        return (double) inked / ((long) image.getWidth() * image.getHeight());
    }

    private static String firstMatch(String text) {
        var m = OUTSIDE_REFERENCE.matcher(text);
        return m.find() ? m.group() : "";
    }
}

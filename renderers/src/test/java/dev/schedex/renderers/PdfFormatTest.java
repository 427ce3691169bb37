package dev.schedex.renderers;

import static dev.schedex.renderers.JsonFormatTest.render;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import dev.schedex.FormatSettings;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PdfFormatTest {

    private final PdfFormat format = new PdfFormat();

    static String text(PdfReader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }

    @Test
    void anA4PdfHasTheTitleTheDrawingAndTheNotesText() throws IOException {
        PdfReader reader = new PdfReader(render(format, SampleDocuments.document(12), Map.of()));
        assertEquals(595, Math.round(reader.getPageSize(1).getWidth()));
        assertEquals(842, Math.round(reader.getPageSize(1).getHeight()));
        String text = text(reader);
        for (String expected : List.of(
                "Release flow (12 steps)",
                "Exported for 2024-03-02 02:00 +01:00",
                "Release checklist",
                "nightly export",
                "Freeze the branch",
                "with the release key",
                "[x]",
                "Sign off",
                "Stage",
                "Dana",
                "Quotes are set apart.",
                "service.tick(Instant.now());",
                "Grüße",
                "Ωμέγα",
                "Привет")) {
            assertTrue(text.contains(expected), "the PDF's text has '" + expected + "':\n" + text);
        }
        assertEquals("Release flow (12 steps)", reader.getInfo().get("Title"));
        assertEquals("schedex", reader.getInfo().get("Creator"));
        assertTrue(
                new String(reader.getPageContent(1), StandardCharsets.ISO_8859_1).contains("Do"),
                "the drawing is placed on the first page as a form");
    }

    @Test
    void aTwoStopLinearGradientBecomesAVectorShadingAndOthersStillDraw() throws IOException {
        String drawing = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\"><defs>"
                + "<linearGradient id=\"two\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\"><stop offset=\"0.2\" stop-color=\"#fff\"/>"
                + "<stop offset=\"1\" stop-color=\"#06c\"/></linearGradient>"
                + "<radialGradient id=\"round\"><stop offset=\"0\" stop-color=\"#f00\"/><stop offset=\"1\" "
                + "stop-color=\"#00f\"/></radialGradient></defs>"
                + "<rect width=\"120\" height=\"60\" fill=\"url(#two)\"/><circle cx=\"160\" cy=\"60\" r=\"30\" "
                + "fill=\"url(#round)\"/></svg>";
        String raw = new String(
                render(
                        format,
                        ExportDocument.of("g", "Gradients", "v1", Instant.EPOCH).withDrawing(drawing),
                        Map.of()),
                StandardCharsets.ISO_8859_1);
        assertTrue(raw.contains("/ShadingType 2"), "the linear gradient is an axial shading");
        assertTrue(raw.contains("/Subtype/Image"), "the radial one is drawn, as OpenPDF's raster pattern");
    }

    @Test
    void cssFilterFunctionsAreDrawnIntoTheImageBatikPaintsAFilterAs() throws IOException {
        // Batik paints a filtered element onto a PDF as an image: the <filter> made of the functions (on
        // the root, and a shadow and a blur on a shape) is applied there as on a PNG, and the drawing
        // renders; unfiltered, it is vectors alone
        String filtered = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\" "
                + "filter=\"invert(93%) hue-rotate(180deg)\"><rect width=\"120\" height=\"60\" fill=\"#336699\" "
                + "style=\"filter: drop-shadow(4px 4px 2px red) blur(1px)\"/></svg>";
        String plain = filtered.replace(" filter=\"invert(93%) hue-rotate(180deg)\"", "")
                .replace(" style=\"filter: drop-shadow(4px 4px 2px red) blur(1px)\"", "");
        assertTrue(pdf(filtered).contains("/Subtype/Image"), "the filtered drawing is painted as an image");
        assertFalse(pdf(plain).contains("/Subtype/Image"), "the drawing without filters is vectors");
    }

    private String pdf(String drawing) throws IOException {
        return new String(
                render(
                        format,
                        ExportDocument.of("f", "Filters", "v1", Instant.EPOCH).withDrawing(drawing),
                        Map.of()),
                StandardCharsets.ISO_8859_1);
    }

    @Test
    void linksKeepSafeUrlsOnly() throws IOException {
        ExportDocument document = ExportDocument.of("d", "Links", "v1", Instant.EPOCH)
                .withNotes("[ok](https://example.com/a) [bad](javascript:alert(1)) [rel](../x) <mailto:a@example.com>");
        String raw = new String(render(format, document, Map.of()), StandardCharsets.ISO_8859_1);
        assertTrue(raw.contains("https://example.com/a"), "the https link is kept");
        assertTrue(raw.contains("mailto:a@example.com"), "the mailto link is kept");
        assertFalse(raw.toLowerCase().contains("javascript"), "no javascript: action");
        assertFalse(raw.contains("/JavaScript") || raw.contains("/JS"), "no script action of any kind");
    }

    @Test
    void pageSizeOrientationAndMarginShapeThePages() throws IOException {
        PdfReader letter = new PdfReader(
                render(format, SampleDocuments.document(5), Map.of("pageSize", "Letter", "orientation", "landscape")));
        assertEquals(
                List.of(792, 612),
                List.of(
                        Math.round(letter.getPageSizeWithRotation(1).getWidth()),
                        Math.round(letter.getPageSizeWithRotation(1).getHeight())));
        PdfReader fit =
                new PdfReader(render(format, SampleDocuments.document(5), Map.of("pageSize", "fit", "margin", 10)));
        // 5 shapes: 920 by 130 CSS px is 690 by 97.5 pt, plus 10 mm (28.35 pt) on each side
        assertEquals(747, Math.round(fit.getPageSize(1).getWidth()));
        assertEquals(154, Math.round(fit.getPageSize(1).getHeight()));
        assertEquals(595, Math.round(fit.getPageSize(2).getWidth()), "the notes follow on A4");
        assertTrue(text(fit).contains("Release checklist"));
        PdfReader drawingOnly = new PdfReader(
                render(format, SampleDocuments.document(5), Map.of("pageSize", "fit", "includeNotes", false)));
        assertEquals(1, drawingOnly.getNumberOfPages());
    }

    @Test
    void aLargeDrawingIsScaledDownToThePageAndTheNotesFlowOntoMorePages() throws IOException {
        PdfReader reader = new PdfReader(render(format, SampleDocuments.document(500), Map.of()));
        assertTrue(reader.getNumberOfPages() >= 2, "the notes need a second page after a full-page drawing");
        assertTrue(text(reader).contains("Grüße"));
    }

    @Test
    void theSameInputGivesTheSameBytes() throws IOException {
        byte[] first = render(format, SampleDocuments.document(12), Map.of());
        byte[] second = render(format, SampleDocuments.document(12), Map.of());
        assertArrayEquals(first, second);
        String raw = new String(first, StandardCharsets.ISO_8859_1);
        assertTrue(raw.contains("/CreationDate(D:20240302020000+01'00')"), "the creation date is the occurrence");
    }

    @Test
    void notesAloneMakeAPdfAndNothingToExportSaysSo() throws IOException {
        ExportDocument notesOnly =
                ExportDocument.of("n", "Notes", "v1", Instant.EPOCH).withNotes("# Only notes");
        assertTrue(text(new PdfReader(render(format, notesOnly, Map.of()))).contains("Only notes"));
        ExportException e =
                assertThrows(ExportException.class, () -> render(format, notesOnly, Map.of("includeNotes", false)));
        assertEquals(
                "document 'n' has no drawing or notes to export as PDF (the setting includeNotes leaves its "
                        + "notes out)",
                e.getMessage());
    }

    @Test
    void settingsAreChecked() {
        assertEquals(
                List.of("pageSize:invalid_value", "margin:out_of_range"),
                format.validateSettings(FormatSettings.of(Map.of("pageSize", "B5", "margin", 150))).stream()
                        .map(v -> v.field() + ":" + v.code())
                        .sorted((a, b) -> b.compareTo(a))
                        .toList());
    }
}

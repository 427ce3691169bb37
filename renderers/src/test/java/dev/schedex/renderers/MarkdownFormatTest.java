package dev.schedex.renderers;

import dev.schedex.FormatSettings;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.schedex.renderers.JsonFormatTest.render;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MarkdownFormatTest {

    private final MarkdownFormat format = new MarkdownFormat();
    private final ExportDocument document = ExportDocument.of("doc-1", "Quarterly\nplan", "v7", Instant.EPOCH)
            .withNotes("\n## Goals\n\n- [x] draft\n- [ ] ship\n\n");

    private String markdown(ExportDocument doc, Map<String, ?> settings) throws IOException {
        return new String(render(format, doc, settings), StandardCharsets.UTF_8);
    }

    @Test
    void theNotesAreHeadedByTheTitleOnOneLine() throws IOException {
        assertEquals("# Quarterly plan\n\n## Goals\n\n- [x] draft\n- [ ] ship\n", markdown(document, Map.of()));
    }

    @Test
    void notesThatStartWithTheTitleAreNotHeadedTwice() throws IOException {
        assertEquals("# Quarterly Plan\n\ntext\n", markdown(document.withNotes("# Quarterly Plan\n\ntext"), Map.of()));
    }

    @Test
    void theDrawingIsEmbeddedSanitisedWhenAsked() throws IOException {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>";
        String text = markdown(document.withDrawing(svg), Map.of("includeDrawing", true));
        String prefix = "![Quarterly plan](data:image/svg+xml;base64,";
        int at = text.indexOf(prefix);
        String encoded = text.substring(at + prefix.length(), text.lastIndexOf(')'));
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?><svg xmlns=\"http://www.w3.org/2000/svg\" height=\"10\" "
                + "width=\"10\"/>", new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
        assertArrayEquals(render(format, document.withDrawing(svg), Map.of("includeDrawing", true)),
                render(format, document.withDrawing(svg), Map.of("includeDrawing", true)));
    }

    @Test
    void whatTheDocumentLacksFailsWithAMessageThatSaysSo() {
        ExportDocument bare = ExportDocument.of("doc-2", "Bare", "v1", Instant.EPOCH);
        assertEquals("document 'doc-2' has no notes to export as Markdown",
                assertThrows(ExportException.class, () -> markdown(bare, Map.of())).getMessage());
        assertEquals("document 'doc-1' has no drawing to include in its Markdown export (setting includeDrawing)",
                assertThrows(ExportException.class, () -> markdown(document, Map.of("includeDrawing", true)))
                        .getMessage());
    }

    @Test
    void settingsAreChecked() {
        assertEquals(List.of("includeDrawing:invalid_type"), format.validateSettings(
                FormatSettings.of(Map.of("includeDrawing", 1))).stream().map(v -> v.field() + ":" + v.code()).toList());
    }
}

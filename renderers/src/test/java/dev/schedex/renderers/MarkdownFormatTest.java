package dev.schedex.renderers;

import static dev.schedex.renderers.JsonFormatTest.render;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.schedex.FormatSettings;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
        String svg =
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>";
        String text = markdown(document.withDrawing(svg), Map.of("includeDrawing", true));
        String prefix = "![Quarterly plan](data:image/svg+xml;base64,";
        int at = text.indexOf(prefix);
        String encoded = text.substring(at + prefix.length(), text.lastIndexOf(')'));
        assertEquals(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?><svg xmlns=\"http://www.w3.org/2000/svg\" height=\"10\" "
                        + "width=\"10\"/>",
                new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
        assertArrayEquals(
                render(format, document.withDrawing(svg), Map.of("includeDrawing", true)),
                render(format, document.withDrawing(svg), Map.of("includeDrawing", true)));
    }

    @Test
    void whatTheDocumentLacksFailsWithAMessageThatSaysSo() {
        ExportDocument bare = ExportDocument.of("doc-2", "Bare", "v1", Instant.EPOCH);
        assertEquals(
                "document 'doc-2' has no notes to export as Markdown",
                assertThrows(ExportException.class, () -> markdown(bare, Map.of()))
                        .getMessage());
        assertEquals(
                "document 'doc-1' has no drawing to include in its Markdown export (setting includeDrawing)",
                assertThrows(ExportException.class, () -> markdown(document, Map.of("includeDrawing", true)))
                        .getMessage());
    }

    @Test
    void settingsAreChecked() {
        assertEquals(
                List.of("includeDrawing:invalid_type"),
                format.validateSettings(FormatSettings.of(Map.of("includeDrawing", 1))).stream()
                        .map(v -> v.field() + ":" + v.code())
                        .toList());
        assertEquals(
                List.of("trustedNotes:invalid_type"),
                format.validateSettings(FormatSettings.of(Map.of("trustedNotes", "yes"))).stream()
                        .map(v -> v.field() + ":" + v.code())
                        .toList());
    }

    private String notes(String notes, Map<String, ?> settings) throws IOException {
        String text =
                markdown(ExportDocument.of("doc-3", "", "v1", Instant.EPOCH).withNotes(notes), settings);
        return text.substring(0, text.length() - 1);
    }

    @Test
    void rawHtmlIsEscapedSoThatAViewerShowsItAsText() throws IOException {
        assertEquals(
                "&lt;script>alert(1)&lt;/script>\n\n&lt;img src=x onerror=alert(2)>\n\nText &lt;b onclick=x>b&lt;/b> "
                        + "&lt;!-- c --> &lt;![CDATA[x]]> &lt;?php ?>",
                notes(
                        "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>"
                                + "\n\nText <b onclick=x>b</b> <!-- c --> <![CDATA[x]]> <?php ?>",
                        Map.of()));
        assertEquals(
                "&lt;DIV\nonmouseover=x>\n\n> &lt;svg/onload=alert(1)>",
                notes("<DIV\nonmouseover=x>\n\n> <svg/onload=alert(1)>", Map.of()));
    }

    @Test
    void codeEscapedCharactersAndSafeAutolinksKeepTheirAngleBrackets() throws IOException {
        String kept =
                "`<b>` and\n\n```\n<script>\n```\n\n    <i>indented</i>\n\n\\<b> <https://example.com/a> <me@example.com> 1 < 2";
        assertEquals(kept.replace("1 < 2", "1 &lt; 2"), notes(kept, Map.of()));
    }

    @Test
    void unsafeLinkAndImageDestinationsBecomeInertInEveryForm() throws IOException {
        assertEquals(
                "[a](#) [b](#) [c](#) [d](<#>) [e](# \"title\") ![f](#) ![g](data:image/png;base64,AA==) [h](https://x.example/)",
                notes(
                        "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](&#106;avascript:alert(1)) "
                                + "[d](<vbscript:x>) [e](data:text/html;base64,PHNjcmlwdD4= \"title\") ![f](javascript:x) "
                                + "![g](data:image/png;base64,AA==) [h](https://x.example/)",
                        Map.of()));
        assertEquals(
                "[a][r] [b]\n\n[r]: #\n[b]: # 'x'",
                notes("[a][r] [b]\n\n[r]: java%73cript:alert(1)\n[b]: data:text/html,x 'x'", Map.of()));
        assertEquals(
                "&lt;javascript:alert(1)> &lt;VBSCRIPT:x> &lt;data:text/html,x>",
                notes("<javascript:alert(1)> <VBSCRIPT:x> " + "<data:text/html,x>", Map.of()));
    }

    @Test
    void trustedNotesAreWrittenAsTheyAre() throws IOException {
        String notes = "<b>bold</b> [a](javascript:alert(1)) <javascript:x>";
        assertEquals(notes, notes(notes, Map.of("trustedNotes", true)));
    }
}

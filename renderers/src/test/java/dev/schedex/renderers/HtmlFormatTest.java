package dev.schedex.renderers;

import static dev.schedex.renderers.JsonFormatTest.render;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.FormatSettings;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlFormatTest {

    private static final Pattern HREF_OR_SRC = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

    private final HtmlFormat format = new HtmlFormat();

    private String html(String notes) throws IOException {
        return html(notes, Map.of());
    }

    private String html(String notes, Map<String, ?> settings) throws IOException {
        ExportDocument document = ExportDocument.of("doc-1", "Plan <b>&</b> \"notes\"", "v1", Instant.EPOCH)
                .withNotes(notes);
        return new String(render(format, document, settings), StandardCharsets.UTF_8);
    }

    @Test
    void rendersGithubFlavouredMarkdownInAStandalonePage() throws IOException {
        String page = html("# Goals\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ and **bold**\n\n"
                + "- [x] done\n- [ ] open\n\nsee https://example.com/docs\n\n```java\nint x = 1 < 2;\n```\n");
        assertTrue(page.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), page);
        assertTrue(page.contains("<title>Plan &lt;b&gt;&amp;&lt;/b&gt; &quot;notes&quot;</title>"), page);
        assertTrue(page.contains("<h1>Goals</h1>"), page);
        assertTrue(page.contains("<table>") && page.contains("<td>1</td>"), page);
        assertTrue(page.contains("<del>old</del>"), page);
        assertTrue(page.contains("type=\"checkbox\"") && page.contains("checked"), page);
        assertTrue(page.contains("<a href=\"https://example.com/docs\">https://example.com/docs</a>"), page);
        assertTrue(page.contains("int x = 1 &lt; 2;"), page);
        assertTrue(page.contains("Exported for 2024-03-02 02:00 +01:00"), "the occurrence in the schedule's zone");
        assertTrue(page.contains("<body class=\"light\">"));
        assertTrue(html("x", Map.of("theme", "dark")).contains("<body class=\"dark\">"));
    }

    @Test
    void rawHtmlIsEscapedNeverPassedThrough() throws IOException {
        String page = html("<script>alert(1)</script>\n\nHello <img src=x onerror=alert(2)> <iframe src=\"//evil\">\n\n"
                + "<svg onload=alert(3)>\n");
        String lower = page.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), page);
        assertFalse(lower.contains("<img src=x"), page);
        assertFalse(lower.contains("<iframe"), page);
        assertFalse(lower.contains("<svg"), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JaVaScRiPt:alert(1)",
                "&#106;avascript:alert(1)",
                "&#x6A;avascript:alert(1)",
                "javascript%3Aalert(1)",
                "java%09script:alert(1)",
                "%6Aavascript:alert(1)",
                "vbscript:msgbox(1)",
                "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
                "file:///etc/passwd",
                "jav&#x09;ascript:alert(1)",
                "javascript&colon;alert(1)",
                "page:name"
            })
    void unsafeLinkAndImageTargetsAreDropped(String url) throws IOException {
        String page = html("[click](" + url + ") and ![pic](" + url + ") and <" + url + ">");
        Matcher m = HREF_OR_SRC.matcher(page);
        while (m.find()) {
            String target = m.group(1);
            assertTrue(target.equals("#"), "kept " + target + " for " + url + " in\n" + page);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.com/a?b=c#d",
                "http://example.com",
                "mailto:someone@example.com",
                "docs/page.html",
                "../up/page.html",
                "#section",
                "/absolute/path",
                "a/b:c"
            })
    void safeTargetsAreKept(String url) throws IOException {
        String page = html("[link](" + url + ")");
        assertTrue(page.contains("href=\"" + url.replace("&", "&amp;") + "\""), page);
    }

    @Test
    void thePageAllowsNoScriptAndNoRequestsBeyondDataImages() throws IOException {
        assertTrue(html("x")
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">"));
    }

    @Test
    void theSameInputGivesTheSameBytes() throws IOException {
        ExportDocument document =
                ExportDocument.of("doc-1", "T", "v1", Instant.EPOCH).withNotes("# a\n\nb");
        assertArrayEquals(render(format, document, Map.of()), render(format, document, Map.of()));
    }

    @Test
    void aDocumentWithNothingToShowFailsWithAMessage() {
        ExportDocument bare = ExportDocument.of("doc-2", "Bare", "v1", Instant.EPOCH);
        assertEquals(
                "document 'doc-2' has no drawing or notes to export as HTML (with the settings includeDrawing "
                        + "and includeNotes)",
                assertThrows(ExportException.class, () -> render(format, bare, Map.of()))
                        .getMessage());
        ExportDocument notesOnly = bare.withNotes("x");
        assertThrows(ExportException.class, () -> render(format, notesOnly, Map.of("includeNotes", false)));
    }

    @Test
    void theDrawingIsInlineAndSanitised() throws IOException {
        ExportDocument document = ExportDocument.of("doc-3", "Drawn", "v1", Instant.EPOCH)
                .withNotes("notes")
                .withDrawing("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                        + "<script>alert(1)</script><rect onclick=\"alert(2)\" width=\"5\" height=\"5\"/></svg>");
        String page = new String(render(format, document, Map.of()), StandardCharsets.UTF_8);
        assertTrue(page.contains("<figure class=\"drawing\">\n<svg"), page);
        assertTrue(page.contains("<rect height=\"5\" width=\"5\"/>"), page);
        assertFalse(page.contains("alert("), page);
        assertFalse(page.contains("<?xml"), page);
        assertTrue(page.indexOf("<figure") < page.indexOf("<main>"), "the drawing comes before the notes");
        String withoutDrawing =
                new String(render(format, document, Map.of("includeDrawing", false)), StandardCharsets.UTF_8);
        assertFalse(withoutDrawing.contains("<svg"), withoutDrawing);
    }

    @Test
    void settingsAreChecked() {
        assertEquals(
                List.of("theme:invalid_value"),
                format.validateSettings(FormatSettings.of(Map.of("theme", "blue"))).stream()
                        .map(v -> v.field() + ":" + v.code())
                        .toList());
        assertEquals(
                List.of("font:unknown_setting"),
                format.validateSettings(FormatSettings.of(Map.of("font", "x"))).stream()
                        .map(v -> v.field() + ":" + v.code())
                        .toList());
        assertEquals(
                List.of("includeNotes:invalid_type"),
                format.validateSettings(FormatSettings.of(Map.of("includeNotes", "no"))).stream()
                        .map(v -> v.field() + ":" + v.code())
                        .toList());
    }
}

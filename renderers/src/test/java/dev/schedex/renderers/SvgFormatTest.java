package dev.schedex.renderers;

import static dev.schedex.renderers.JsonFormatTest.render;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.schedex.FormatSettings;
import dev.schedex.renderers.internal.svg.SvgSanitiser;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The svg format against hostile drawings. A local HTTP server counts requests (there must be none)
 * and a file outside the drawing holds a secret (it must not appear).
 */
class SvgFormatTest {

    private static final String OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"100\" height=\"50\">";

    @TempDir
    Path temp;

    private final SvgFormat format = new SvgFormat();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private String base;
    private Path secret;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY x 'leaked'>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        secret = Files.writeString(temp.resolve("secret.txt"), "TOP-SECRET-42");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String svg(String drawing) throws IOException {
        return svg(drawing, Map.of());
    }

    private String svg(String drawing, Map<String, ?> settings) throws IOException {
        ExportDocument document =
                ExportDocument.of("doc-1", "T", "v1", Instant.EPOCH).withDrawing(drawing);
        return new String(render(format, document, settings), StandardCharsets.UTF_8);
    }

    @Test
    void aPlainDrawingKeepsItsShapesTextAndInternalReferences() throws IOException {
        String out =
                svg(OPEN + "<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"red\"/></linearGradient>"
                        + "<rect id=\"r\" width=\"10\" height=\"10\"/></defs>"
                        + "<rect width=\"100\" height=\"50\" fill=\"url(#g)\" style=\"stroke: url(#g)\"/>"
                        + "<use xlink:href=\"#r\" x=\"20\"/><text x=\"5\" y=\"40\">Hello &amp; welcome</text>"
                        + "<image href=\"data:image/png;base64,iVBORw0KGgo=\" width=\"1\" height=\"1\"/></svg>");
        assertTrue(out.contains("fill=\"url(#g)\""), out);
        assertTrue(out.contains("style=\"stroke: url(#g)\""), out);
        assertTrue(out.contains("xlink:href=\"#r\""), out);
        assertTrue(out.contains("Hello &amp; welcome"), out);
        assertTrue(out.contains("href=\"data:image/png;base64,iVBORw0KGgo=\""), out);
    }

    @Test
    void svg2ThatOlderViewersCannotReadIsWrittenAsSvg11ThatDrawsTheSame() throws Exception {
        String out = svg("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50\">"
                + "<style>.a { fill: rgba(255, 0, 0, 0.5) }</style>"
                + "<defs><rect id=\"r\" width=\"10\"/><filter id=\"f\"><feDropShadow dx=\"2\" dy=\"2\"/></filter>"
                + "<marker id=\"m\" orient=\"auto-start-reverse\"><path d=\"M0,0 L5,5\"/></marker></defs>"
                + "<use href=\"#r\"/><path d=\"M0,0 L9,9\" marker-start=\"url(#m)\" fill=\"rgba(0, 0, 255, 0.25)\"/>"
                + "<foreignObject width=\"50\" height=\"20\"><div xmlns=\"http://www.w3.org/1999/xhtml\">label</div>"
                + "</foreignObject></svg>");
        assertTrue(
                out.contains("xlink:href=\"#r\"") && out.contains("xmlns:xlink=\"http://www.w3.org/1999/xlink\""),
                "plain href also as xlink:href, declared: " + out);
        assertTrue(out.contains("height=\"0\""), "a sizeless rect is 0 high: " + out);
        assertTrue(out.contains("fill=\"rgb(0, 0, 255)\"") && out.contains("fill-opacity=\"0.25\""), out);
        assertTrue(out.contains("<feGaussianBlur") && !out.contains("feDropShadow"), out);
        assertTrue(out.contains("orient=\"auto\"") && !out.contains("auto-start-reverse"), out);
        assertTrue(out.contains(".a { fill: rgba(255, 0, 0, 0.5) }"), "CSS stays as written, for browsers: " + out);
        assertTrue(
                out.contains("<div xmlns=\"http://www.w3.org/1999/xhtml\">label</div>"),
                "and so do HTML labels: " + out);
        javax.xml.parsers.DocumentBuilderFactory parser = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        parser.setNamespaceAware(true);
        parser.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void scriptsEventsAndAnimationsAreRemoved() throws IOException {
        String out = svg(OPEN + "<script>alert(1)</script><script type=\"text/ecmascript\">alert(2)</script>"
                + "<rect onload=\"alert(3)\" onClick=\"alert(4)\" width=\"1\" height=\"1\"/>"
                + "<a href=\"javascript:alert(5)\"><text>x</text><animate attributeName=\"href\" "
                + "values=\"javascript:alert(6)\"/><set attributeName=\"href\" to=\"javascript:alert(7)\"/></a>"
                + "<foreignObject width=\"10\" height=\"10\"><div xmlns=\"http://www.w3.org/1999/xhtml\">label"
                + "<iframe src=\"" + base + "/frame\"></iframe><script>alert(8)</script>"
                + "<img src=\"" + base + "/img\" onerror=\"alert(9)\"/></div></foreignObject></svg>");
        String lower = out.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), out);
        assertFalse(lower.contains("alert("), out);
        assertFalse(lower.contains("javascript:"), out);
        assertFalse(lower.contains("<iframe"), out);
        assertFalse(lower.contains("<animate") || lower.contains("<set"), out);
        assertTrue(out.contains("label"), "the label text stays: " + out);
        assertEquals(0, requests.get());
    }

    @Test
    void everyReferenceToTheOutsideIsRemoved() throws IOException {
        String file = secret.toUri().toString();
        String out = svg(OPEN + "<style>@import url(" + base + "/a.css); @import '" + base + "/b.css';"
                + " rect { fill: url(" + base + "/c.svg#p); } @font-face { src: url(" + file + "); }</style>"
                + "<image href=\"" + base + "/d.png\" width=\"1\" height=\"1\"/>"
                + "<image xlink:href=\"" + file + "\" width=\"1\" height=\"1\"/>"
                + "<use href=\"" + base + "/e.svg#x\"/><use xlink:href=\"" + file + "#x\"/>"
                + "<filter id=\"f\"><feImage href=\"" + base + "/f.png\"/></filter>"
                + "<g xml:base=\"" + base + "/\"><rect fill=\"url(" + base
                + "/g.svg#p)\" width=\"1\" height=\"1\"/></g>"
                + "<a href=\"https://example.com/ok\"><text>link</text></a></svg>");
        assertFalse(out.contains(base), out);
        assertFalse(out.contains(file), out);
        assertFalse(out.toLowerCase(Locale.ROOT).contains("@import"), out);
        assertTrue(out.contains("href=\"https://example.com/ok\""), "a plain link stays: " + out);
        assertEquals(0, requests.get());
    }

    @Test
    void doctypesAndEntitiesAreRefusedWithoutReadingAnything() {
        List<String> hostile = List.of(
                "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>" + OPEN
                        + "<text>&xxe;</text></svg>",
                "<?xml version=\"1.0\"?><!DOCTYPE svg SYSTEM \"" + base + "/svg.dtd\">" + OPEN + "</svg>",
                "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY % p SYSTEM \"" + base + "/p.dtd\"> %p;]>" + OPEN
                        + "</svg>",
                "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">"
                        + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;\">]>" + OPEN + "<text>&lol3;</text></svg>");
        for (String drawing : hostile) {
            ExportException e = assertThrows(ExportException.class, () -> svg(drawing));
            assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        }
        assertEquals(0, requests.get());
    }

    @Test
    void theStandardSvgDoctypeThatToolsWriteIsDroppedAndTheDrawingKept() throws IOException {
        String drawio = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Do not edit this file -->\n"
                + "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
                + OPEN + "<rect width=\"3\" height=\"3\"/></svg>";
        String out = svg(drawio);
        assertFalse(out.contains("DOCTYPE"), out);
        assertTrue(out.contains("<rect height=\"3\" width=\"3\"/>"), out);
        assertEquals(0, requests.get(), "the DTD was not fetched");
        // Dia and Inkscape 0.40 (fresh corpus: both failed), SVG 1.0 and its last draft
        for (String older : List.of(
                "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.0//EN\" \"http://www.w3.org/TR/2001/PR-SVG-20010719/DTD/svg10.dtd\">",
                "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 20010904//EN\" \"http://www.w3.org/TR/2001/REC-SVG-20010904/DTD/svg10.dtd\">")) {
            String kept = svg("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n" + older + "\n" + OPEN
                    + "<rect width=\"3\" height=\"3\"/></svg>");
            assertTrue(kept.contains("<rect height=\"3\" width=\"3\"/>"), kept);
        }
        assertEquals(0, requests.get(), "no DTD was fetched");
        String withSubset = "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                + "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\" [<!ENTITY x \"y\">]>" + OPEN + "</svg>";
        assertTrue(assertThrows(ExportException.class, () -> svg(withSubset))
                .getMessage()
                .contains("DOCTYPE"));
    }

    @Test
    void hugeOrDeepDrawingsFailCleanlyWithinTheirLimits() {
        String deep =
                OPEN + "<g>".repeat(SvgSanitiser.MAX_DEPTH + 5) + "</g>".repeat(SvgSanitiser.MAX_DEPTH + 5) + "</svg>";
        assertTrue(assertThrows(ExportException.class, () -> svg(deep))
                .getMessage()
                .contains("nests elements"));
        String many = OPEN + "<rect/>".repeat(SvgSanitiser.MAX_ELEMENTS + 1) + "</svg>";
        assertTrue(assertThrows(ExportException.class, () -> svg(many))
                .getMessage()
                .contains("more than"));
        String large = OPEN + "<!--" + "x".repeat(SvgSanitiser.MAX_CHARS) + "--></svg>";
        assertTrue(assertThrows(ExportException.class, () -> svg(large))
                .getMessage()
                .contains("too large"));
    }

    @Test
    void somethingThatIsNotSvgSaysWhy() {
        assertTrue(assertThrows(ExportException.class, () -> svg("<svg><rect></svg>"))
                .getMessage()
                .startsWith("the drawing is not valid SVG"));
        assertTrue(assertThrows(ExportException.class, () -> svg("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>"))
                .getMessage()
                .startsWith("the drawing is not SVG"));
        assertEquals(
                "document 'doc-2' has no drawing to export as SVG",
                assertThrows(
                                ExportException.class,
                                () -> render(format, ExportDocument.of("doc-2", "T", "v1", Instant.EPOCH), Map.of()))
                        .getMessage());
    }

    @Test
    void aBackgroundIsPaintedBehindTheDrawingAndTheOutputIsStable() throws IOException {
        String drawing = OPEN + "<circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>";
        String out = svg(drawing, Map.of("background", "#ffffff"));
        assertTrue(
                out.indexOf("<rect fill=\"#ffffff\" height=\"100%\" width=\"100%\"/>") < out.indexOf("<circle"), out);
        ExportDocument document =
                ExportDocument.of("doc-1", "T", "v1", Instant.EPOCH).withDrawing(drawing);
        assertArrayEquals(render(format, document, Map.of()), render(format, document, Map.of()));
        assertEquals(
                List.of("background:invalid_value"),
                format.validateSettings(FormatSettings.of(Map.of("background", "red; } script {"))).stream()
                        .map(v -> v.field() + ":" + v.code())
                        .toList());
    }
}

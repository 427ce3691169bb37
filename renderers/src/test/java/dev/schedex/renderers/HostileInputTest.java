package dev.schedex.renderers;

import static dev.schedex.renderers.JsonFormatTest.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.schedex.FormatSettings;
import dev.schedex.renderers.internal.notes.Notes;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportException;
import dev.schedex.spi.ExportFormat;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Hostile drawings and notes through every format that reads them. A local HTTP server counts the
 * requests made to it (there must be none) and answers each with a pure red image; a file outside
 * the drawing is a pure red image too: if anything were loaded, red would show in the PNG. Each
 * render either succeeds or fails with an {@link ExportException}, within the render time limit.
 */
class HostileInputTest {

    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final List<ExportFormat> DRAWING_FORMATS = List.of(
            new SvgFormat(),
            new HtmlFormat(),
            new PngFormat(RenderLimits.DEFAULT.withTimeLimit(LIMIT)),
            new PdfFormat(RenderLimits.DEFAULT.withTimeLimit(LIMIT)));
    private static final List<ExportFormat> NOTE_FORMATS =
            List.of(new HtmlFormat(), new MarkdownFormat(), new PdfFormat(RenderLimits.DEFAULT.withTimeLimit(LIMIT)));

    private static final AtomicInteger requests = new AtomicInteger();
    private static HttpServer server;
    private static String web;
    private static String file;
    private static String redPng;

    @BeforeAll
    static void startServerAndWriteTheOutsideFile() throws IOException {
        BufferedImage red = new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB);
        var g = red.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 50, 50);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(red, "png", png);
        byte[] image = png.toByteArray();
        redPng = Base64.getEncoder().encodeToString(image);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, image.length);
            exchange.getResponseBody().write(image);
            exchange.close();
        });
        server.start();
        web = "http://127.0.0.1:" + server.getAddress().getPort();
        Path outside = Files.createTempFile("schedex-outside", ".png");
        Files.write(outside, image);
        outside.toFile().deleteOnExit();
        file = outside.toUri().toString();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static String svg(String body) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                + "width=\"200\" height=\"100\"><rect width=\"200\" height=\"100\" fill=\"#ffffff\"/>" + body
                + "</svg>";
    }

    /** @return a label holding a MathML formula */
    private static String formula(String mathml) {
        return "<foreignObject width=\"200\" height=\"100\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><math"
                + " xmlns=\"http://www.w3.org/1998/Math/MathML\">" + mathml + "</math></div></foreignObject>";
    }

    private static Map<String, String> drawings() {
        Map<String, String> d = new LinkedHashMap<>();
        for (String target : List.of(web + "/a.png", file, "outside.png", "jar:" + file + "!/x.png")) {
            String where = target.startsWith("http")
                    ? "http"
                    : target.startsWith("file") ? "file" : target.startsWith("jar") ? "jar" : "relative";
            d.put(
                    "MathML " + where,
                    svg(formula("<mrow href=\"" + target + "\"><mglyph src=\"" + target + "\" alt=\"g\" width=\"200\""
                            + " height=\"100\"/><mi mathbackground=\"url(" + target + ")\" style=\"background: url("
                            + target + ")\">x</mi></mrow><semantics><mi>y</mi><annotation-xml"
                            + " encoding=\"text/html\"><img xmlns=\"http://www.w3.org/1999/xhtml\" src=\"" + target
                            + "\" width=\"200\" height=\"100\"/></annotation-xml></semantics>")));
            d.put(
                    "image xlink:href " + where,
                    svg("<image xlink:href=\"" + target + "\" width=\"200\" height=\"100\"/>"));
            d.put("image href " + where, svg("<image href=\"" + target + "\" width=\"200\" height=\"100\"/>"));
            d.put("use " + where, svg("<use xlink:href=\"" + target + "#x\"/>"));
            d.put(
                    "feImage " + where,
                    svg("<filter id=\"f\"><feImage xlink:href=\"" + target + "\"/></filter>"
                            + "<rect width=\"200\" height=\"100\" filter=\"url(#f)\"/>"));
            d.put(
                    "css filter functions with url() " + where,
                    svg("<rect width=\"200\" height=\"100\" fill=\"#0000ff\" filter=\"url(" + target
                            + "#f) drop-shadow(2px 2px blue)\"/><rect width=\"100\" height=\"50\" "
                            + "style=\"filter: invert(0) url(" + target + "#f) blur(2px)\"/>"));
            d.put(
                    "css url() fill " + where,
                    svg("<rect width=\"200\" height=\"100\" style=\"fill:url(" + target + "#p)\"/>"));
            d.put(
                    "css @import " + where,
                    svg("<style>@import url(" + target + ");</style><rect width=\"9\" height=\"9\"/>"));
            d.put(
                    "css @font-face " + where,
                    svg("<style>@font-face { font-family: x; src: url(" + target + "); }"
                            + "</style><text x=\"5\" y=\"50\" style=\"font-family:x\">text</text>"));
            d.put(
                    "xml:base " + where,
                    svg("<g xml:base=\"" + target + "\"><image xlink:href=\"b.png\" width=\"200\" "
                            + "height=\"100\"/></g>"));
            d.put(
                    "svg font-face-uri " + where,
                    svg("<font-face font-family=\"y\"><font-face-src><font-face-uri " + "xlink:href=\"" + target
                            + "#f\"/></font-face-src></font-face><text style=\"font-family:y\" y=\"50\">t</text>"));
            d.put(
                    "foreignObject " + where,
                    svg("<foreignObject width=\"200\" height=\"100\"><div "
                            + "xmlns=\"http://www.w3.org/1999/xhtml\"><img src=\"" + target + "\"/><iframe src=\""
                            + target
                            + "\"></iframe></div></foreignObject>"));
        }
        d.putAll(cssEscapes());
        d.putAll(foreignObjectMarkup());
        d.putAll(dataOutsideImages());
        String inner =
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"200\" "
                        + "height=\"100\"><script>alert(1)</script><image xlink:href=\"" + web
                        + "/inner.png\" width=\"200\" "
                        + "height=\"100\"/><image xlink:href=\"" + file + "\" width=\"200\" height=\"100\"/></svg>";
        d.put(
                "data: svg image loading outside",
                svg("<image width=\"200\" height=\"100\" xlink:href=\"data:image/svg+xml;base64,"
                        + Base64.getEncoder().encodeToString(inner.getBytes(StandardCharsets.UTF_8)) + "\"/>"));
        d.put(
                "scripts of every type",
                svg("<script>alert(1)</script><script type=\"application/java-archive\" "
                        + "xlink:href=\"" + web + "/x.jar\"/><script type=\"text/ecmascript\" xlink:href=\"" + file
                        + "\"/>"
                        + "<rect width=\"9\" height=\"9\" onload=\"alert(2)\"/>"));
        d.put(
                "entity expansion",
                "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;"
                        + "&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>" + svg("<text>&c;</text>"));
        d.put(
                "external entity",
                "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"" + file + "\">]>"
                        + svg("<text>&x;</text>"));
        StringBuilder bomb = new StringBuilder("<defs><rect id=\"l0\" width=\"1\" height=\"1\"/>");
        for (int i = 1; i <= 12; i++) {
            bomb.append("<g id=\"l").append(i).append("\">");
            for (int j = 0; j < 10; j++) {
                bomb.append("<use xlink:href=\"#l").append(i - 1).append("\"/>");
            }
            bomb.append("</g>");
        }
        d.put("use bomb", svg(bomb.append("</defs><use xlink:href=\"#l12\"/>").toString()));
        d.put("use cycle", svg("<g id=\"a\"><use xlink:href=\"#b\"/></g><g id=\"b\"><use xlink:href=\"#a\"/></g>"));
        d.put("deep nesting", svg("<g>".repeat(5_000) + "</g>".repeat(5_000)));
        d.put(
                "MathML 100,000 rows deep",
                svg(formula("<mrow>".repeat(100_000) + "<mi>x</mi>" + "</mrow>".repeat(100_000))));
        d.put("MathML 190 rows deep", svg(formula("<mrow>".repeat(190) + "<mi>x</mi>" + "</mrow>".repeat(190))));
        d.put("MathML row of 50,000", svg(formula("<mrow>" + "<mi>x</mi><mo>+</mo>".repeat(25_000) + "</mrow>")));
        d.put(
                "MathML of boundless sizes",
                svg(formula("<mi mathsize=\"1e9px\">x</mi><mspace width=\"1e30em\"/><mstyle scriptlevel=\"-1000\">"
                        + "<mi>y</mi></mstyle><mpadded width=\"-1e30em\" height=\"NaN\"><mi>z</mi></mpadded>"
                        + "<mo minsize=\"1e9em\" stretchy=\"true\">(</mo><mfrac linethickness=\"1e9\"><mi>a</mi>"
                        + "<mi>b</mi></mfrac>")));
        d.put(
                "MathML in JEuclid's namespace",
                svg(formula("<mi>x</mi>")
                        .replace(
                                "<math ",
                                "<math xmlns:j=\"http://jeuclid.sf.net/ns/ext\" j:fontsSerif=\"No Such Font\""
                                        + " j:debug=\"true\" j:mathsize=\"1e9\" ")));
        d.put(
                "huge canvas",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200000\" height=\"200000\">"
                        + "<rect width=\"10\" height=\"10\"/></svg>");
        StringBuilder slow =
                new StringBuilder("<filter id=\"t\"><feTurbulence baseFrequency=\"0.9\" numOctaves=\"30\"/>"
                        + "<feGaussianBlur stdDeviation=\"300\"/></filter>");
        for (int i = 0; i < 400; i++) {
            slow.append("<rect width=\"200\" height=\"100\" filter=\"url(#t)\"/>");
        }
        d.put(
                "filter that takes forever",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"3000\" height=\"3000\">" + slow + "</svg>");
        return d;
    }

    /** Outside references in CSS, spelled with escapes and as image-set() strings, in stylesheets and attributes. */
    static Map<String, String> cssEscapes() {
        Map<String, String> d = new LinkedHashMap<>();
        for (String target : List.of(web + "/e.png", file)) {
            String where = target.startsWith("http") ? "http" : "file";
            Map<String, String> values = new LinkedHashMap<>();
            values.put("u\\72l(", "u\\72l(" + target + "#p)");
            values.put("\\75 rl(", "\\75 rl(" + target + "#p)");
            values.put("\\000075\\000072\\00006c(", "\\000075\\000072\\00006c(" + target + ")");
            values.put("URL(\"...\")", "URL(\"" + target + "\")");
            values.put("u\\rl('...')", "u\\rl('" + target + "')");
            values.put("image-set(\"...\")", "image-set(\"" + target + "\" 1x)");
            values.put("-webkit-image-set(url())", "-webkit-image-set(url(" + target + ") 1x)");
            values.put("cross-fade()", "cross-fade(url(#a), \"" + target + "\", 50%)");
            values.forEach((spelling, value) -> {
                d.put(
                        "css " + spelling + " in <style> " + where,
                        svg("<style>rect { fill: " + value + "; " + "background-image: " + value
                                + " }</style><rect width=\"200\" height=\"100\"/>"));
                d.put(
                        "css " + spelling + " in style=\"\" " + where,
                        svg("<rect width=\"200\" height=\"100\" " + "style=\"fill: " + value.replace("\"", "&quot;")
                                + "; background: " + value.replace("\"", "&quot;") + "\"/>"));
                d.put(
                        "css " + spelling + " in fill=\"\" " + where,
                        svg("<rect width=\"200\" height=\"100\" fill=\"" + value.replace("\"", "&quot;") + "\"/>"));
            });
            for (String at : List.of("@\\69mport", "@IMPORT", "@im\\port", "@\\000069 mport")) {
                d.put(
                        "css " + at + " " + where,
                        svg("<style>" + at + " url(" + target + "); " + at + " '" + target
                                + "'; rect { fill: blue }</style><rect width=\"9\" height=\"9\"/>"));
            }
        }
        return d;
    }

    /**
     * Markup that XML reads as inert but an HTML parser, reading the SVG inline in a page, would read
     * as live elements: CDATA sections and comments in HTML content, raw-text elements hiding an end
     * tag, and SVG elements that make HTML leave the SVG (then a later style is raw text).
     */
    static Map<String, String> foreignObjectMarkup() {
        String xhtml = "http://www.w3.org/1999/xhtml";
        String payload = "<img src=x onerror=alert(1)><a href=javascript:alert(2)>x</a>";
        Map<String, String> d = new LinkedHashMap<>();
        d.put(
                "foreignObject CDATA",
                svg("<foreignObject width=\"200\" height=\"100\"><div xmlns=\"" + xhtml + "\"><![CDATA[</div>" + payload
                        + "]]></div></foreignObject>"));
        d.put(
                "foreignObject comment <!-->",
                svg("<foreignObject width=\"200\" height=\"100\"><div xmlns=\"" + xhtml + "\"><!-->" + payload
                        + "--></div></foreignObject>"));
        d.put(
                "foreignObject comment <!--->",
                svg("<foreignObject width=\"200\" height=\"100\"><p xmlns=\"" + xhtml + "\"><!--->" + payload
                        + "--></p></foreignObject>"));
        for (String raw : List.of(
                "noscript",
                "style",
                "textarea",
                "title",
                "xmp",
                "iframe",
                "noembed",
                "noframes",
                "plaintext",
                "script")) {
            d.put(
                    "foreignObject <" + raw + "> hiding an end tag",
                    svg("<foreignObject width=\"200\" height=\"100\">"
                            + "<div xmlns=\"" + xhtml + "\"><" + raw + "><![CDATA[</" + raw + ">" + payload + "]]></"
                            + raw
                            + "></div></foreignObject>"));
            d.put(
                    "foreignObject <" + raw + "> with an attribute hiding an end tag",
                    svg("<foreignObject width=\"200\" "
                            + "height=\"100\"><div xmlns=\"" + xhtml + "\"><" + raw + "><p title=\"&lt;/" + raw + "&gt;"
                            + payload.replace("<", "&lt;").replace(">", "&gt;") + "\"/></" + raw
                            + "></div></foreignObject>"));
        }
        for (String breakout : List.of("p", "img", "div", "br", "table", "font color=\"red\"")) {
            d.put(
                    "svg <" + breakout + "> leaving the svg, then a style",
                    svg("<" + breakout + "/><style><![CDATA[</style>" + payload + "]]></style><title><![CDATA[</title>"
                            + payload + "]]></title>"));
        }
        d.put("svg comment in svg content", svg("<!-- --><g><!--><img src=x onerror=alert(1)>--></g>"));
        return d;
    }

    /** data: URLs where only an image may take one. */
    static Map<String, String> dataOutsideImages() {
        String script = Base64.getEncoder()
                .encodeToString(
                        ("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"x\">" + "<script>alert(1)</script></svg>")
                                .getBytes(StandardCharsets.UTF_8));
        Map<String, String> d = new LinkedHashMap<>();
        for (String url : List.of(
                "data:image/svg+xml;base64," + script,
                "DATA:text/html,%3Cscript%3Ealert(1)%3C/script%3E",
                " data:image/png;base64," + redPng)) {
            String kind = url.strip().substring(0, 14).toLowerCase(Locale.ROOT);
            d.put(
                    "data: " + kind + " on <a xlink:href>",
                    svg("<a xlink:href=\"" + url + "\"><rect width=\"9\" height=\"9\"/></a>"));
            d.put(
                    "data: " + kind + " on <a href>",
                    svg("<a href=\"" + url + "\"><rect width=\"9\" height=\"9\"/></a>"));
            d.put(
                    "data: " + kind + " on <use>",
                    svg("<use href=\"" + url + "#x\"/><use xlink:href=\"" + url + "#x\"/>"));
            d.put(
                    "data: " + kind + " on <feImage>",
                    svg("<filter id=\"f\"><feImage xlink:href=\"" + url + "\"/></filter>"
                            + "<rect width=\"200\" height=\"100\" filter=\"url(#f)\"/>"));
            d.put(
                    "data: " + kind + " in <animate>/<set>",
                    svg("<a><animate attributeName=\"href\" values=\"" + url + "\"/><set attributeName=\"href\" to=\""
                            + url + "\"/><rect width=\"9\" height=\"9\"/></a>"));
            d.put(
                    "data: " + kind + " on an HTML link",
                    svg("<foreignObject width=\"200\" height=\"100\"><a "
                            + "xmlns=\"http://www.w3.org/1999/xhtml\" href=\"" + url + "\">x</a></foreignObject>"));
        }
        return d;
    }

    @TestFactory
    Stream<DynamicTest> aFontThatCannotBeLoadedIsAWarningAndAFallbackFontNeverAFailedRender() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("url() format(woff)", "url(" + web + "/f.woff) format(\"woff\")");
        sources.put(
                "two outside sources",
                "url(\"" + web + "/f.woff2\") format(\"woff2\"), url(" + file + ") format(\"truetype\")");
        sources.put(
                "local() then an escaped url", "local(\"No Such Font\"), u\\72l(" + web + "/f.woff) format(\"woff\")");
        sources.put("a data: font that is not a font", "url(data:font/woff2;base64,AAAAAAAA) format(\"woff2\")");
        return sources.entrySet().stream()
                .flatMap(source -> Stream.of(
                                new PngFormat(RenderLimits.DEFAULT.withTimeLimit(LIMIT)),
                                new PdfFormat(RenderLimits.DEFAULT.withTimeLimit(LIMIT)))
                        .map(format -> DynamicTest.dynamicTest(source.getKey() + " as " + format.id(), () -> {
                            String drawing = svg(
                                    "<style>@font-face { font-family: Web; src: " + source.getValue() + "; }</style>"
                                            + "<text x=\"10\" y=\"60\" font-size=\"40\" style=\"font-family: Web\">Text</text>");
                            ExportContext context = newContext();
                            int before = requests.get();
                            ByteArrayOutputStream out = new ByteArrayOutputStream();
                            format.render(
                                    ExportDocument.of("font", "Font", "v1", Instant.EPOCH)
                                            .withDrawing(drawing),
                                    FormatSettings.empty(),
                                    context,
                                    out);
                            assertEquals(before, requests.get(), "requests to the local server");
                            assertFalse(context.warnings().isEmpty(), "the owner is told the font was not loaded");
                            if (format.id().equals("png")) {
                                assertTrue(
                                        darkPixels(PngFormatTest.decode(out.toByteArray())) > 50,
                                        "the text is drawn in a fallback font");
                            }
                        })));
    }

    @Test
    void aFormulaTooDeepIsRefusedAtOnceByTheSanitiserAndOneAtItsLimitIsLeftOutOfItsLabel() throws IOException {
        for (ExportFormat format : List.of(
                new PngFormat(RenderLimits.DEFAULT.withTimeLimit(LIMIT)),
                new PdfFormat(RenderLimits.DEFAULT.withTimeLimit(LIMIT)))) {
            long start = System.nanoTime();
            ExportException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    ExportException.class,
                    () -> format.render(
                            ExportDocument.of("deep", "Deep", "v1", Instant.EPOCH)
                                    .withDrawing(svg(formula(
                                            "<mrow>".repeat(100_000) + "<mi>x</mi>" + "</mrow>".repeat(100_000)))),
                            FormatSettings.empty(),
                            newContext(),
                            new ByteArrayOutputStream()));
            assertTrue(refused.getMessage().contains("nests elements more than 200 deep"), refused.getMessage());
            assertTrue(
                    Duration.ofNanos(System.nanoTime() - start).compareTo(LIMIT) < 0,
                    "refused before anything is laid out");
            // within the sanitiser's 200 levels, deeper than a formula's 100
            ExportContext context = newContext();
            format.render(
                    ExportDocument.of("deep", "Deep", "v1", Instant.EPOCH)
                            .withDrawing(svg(formula("<mrow>".repeat(190) + "<mi>x</mi>" + "</mrow>".repeat(190)))),
                    FormatSettings.empty(),
                    context,
                    new ByteArrayOutputStream());
            assertTrue(
                    context.warnings().stream().anyMatch(w -> w.startsWith("a formula in a label was left out")),
                    context.warnings().toString());
        }
    }

    @Test
    void aDataSvgImageThatNamesTheOutsideIsDrawnWithoutItAndAWarning() throws IOException {
        String inner = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                + "width=\"200\" height=\"100\"><rect width=\"200\" height=\"100\" fill=\"#0000ff\"/>"
                + "<image xlink:href=\"" + web + "/inner.png\" width=\"200\" height=\"100\"/>"
                + "<rect width=\"50\" height=\"50\" style=\"fill: u\\72l(" + web + "/p.svg#p)\"/></svg>";
        for (String url : List.of(
                "data:image/svg+xml;base64,"
                        + Base64.getEncoder().encodeToString(inner.getBytes(StandardCharsets.UTF_8)),
                "data:image/svg+xml;utf8,"
                        + java.net.URLEncoder.encode(inner, StandardCharsets.UTF_8)
                                .replace("+", "%20"))) {
            ExportContext context = newContext();
            int before = requests.get();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new PngFormat()
                    .render(
                            ExportDocument.of("nested", "Nested", "v1", Instant.EPOCH)
                                    .withDrawing(
                                            svg("<image width=\"200\" height=\"100\" xlink:href=\"" + url + "\"/>")),
                            FormatSettings.empty(),
                            context,
                            out);
            assertEquals(before, requests.get(), "requests to the local server");
            assertEquals(0xff0000ff, PngFormatTest.decode(out.toByteArray()).getRGB(150, 75), "the image is drawn");
            assertTrue(
                    context.warnings().stream().anyMatch(w -> w.contains(web + "/inner.png")),
                    context.warnings().toString());
        }
    }

    private static ExportContext newContext() {
        return new ExportContext(
                java.util.UUID.randomUUID(), "hostile", "tester", Instant.EPOCH, java.time.ZoneOffset.UTC);
    }

    private static int darkPixels(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                dark += (image.getRGB(x, y) & 0xff) < 100 ? 1 : 0;
            }
        }
        return dark;
    }

    private static Map<String, String> notes() {
        Map<String, String> n = new LinkedHashMap<>();
        n.put(
                "raw html and script",
                "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\nText <b onclick=x>b</b>");
        n.put(
                "hidden javascript schemes",
                "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](&#106;avascript:alert(1)) "
                        + "[d](java%73cript:alert(1)) [e](&#x6A;avascript&colon;alert(1)) [f]( javascript:alert(1)) "
                        + "[g](vbscript:x) [h](data:text/html;base64,PHNjcmlwdD4=)");
        n.put("images from outside", "![a](" + web + "/a.png) ![b](" + file + ") <" + web + "/c.png>");
        n.put("deeply nested quotes", ">".repeat(20_000) + " deep");
        n.put("deeply nested lists", buildNestedList(3_000));
        n.put("too long", "x".repeat(Notes.MAX_CHARS + 1));
        // a delimiter row needs three dashes a column: with one, flexmark reads no table
        n.put(
                "table at the width limit",
                "|" + "a|".repeat(Notes.MAX_TABLE_COLUMNS) + "\n|" + "---|".repeat(Notes.MAX_TABLE_COLUMNS) + "\n"
                        + ("|" + "x|".repeat(Notes.MAX_TABLE_COLUMNS) + "\n").repeat(200));
        n.put(
                "huge table",
                "|" + "a|".repeat(500) + "\n|" + "---|".repeat(500) + "\n"
                        + ("|" + "x|".repeat(500) + "\n").repeat(200));
        return n;
    }

    static String buildNestedList(int depth) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            list.append("  ".repeat(i)).append("- item ").append(i).append('\n');
        }
        return list.toString();
    }

    @TestFactory
    Stream<DynamicTest> hostileDrawingsLoadNothingRunNothingAndStayInTheirLimits() {
        return drawings().entrySet().stream()
                .flatMap(drawing -> DRAWING_FORMATS.stream()
                        .map(format -> DynamicTest.dynamicTest(
                                drawing.getKey() + " as " + format.id(),
                                () -> check(
                                        format,
                                        ExportDocument.of("hostile", "Hostile", "v1", Instant.EPOCH)
                                                .withDrawing(drawing.getValue())))));
    }

    @TestFactory
    Stream<DynamicTest> hostileNotesLoadNothingRunNothingAndStayInTheirLimits() {
        return notes().entrySet().stream()
                .flatMap(note -> NOTE_FORMATS.stream()
                        .map(format -> DynamicTest.dynamicTest(
                                note.getKey() + " as " + format.id(),
                                () -> check(
                                        format,
                                        ExportDocument.of("hostile", "Hostile", "v1", Instant.EPOCH)
                                                .withNotes(note.getValue())))));
    }

    private static void check(ExportFormat format, ExportDocument document) throws IOException {
        int before = requests.get();
        long start = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            format.render(document, FormatSettings.empty(), CONTEXT, out);
        } catch (ExportException e) {
            assertFalse(e.getMessage().isBlank(), "a failure says why");
            out.reset();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(LIMIT.plusSeconds(5)) < 0, "took " + took);
        assertEquals(before, requests.get(), "requests to the local server");
        byte[] bytes = out.toByteArray();
        if (bytes.length == 0) {
            return;
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        switch (format.id()) {
            case "png":
                BufferedImage image = PngFormatTest.decode(bytes);
                for (int y = 0; y < image.getHeight(); y += 2) {
                    for (int x = 0; x < image.getWidth(); x += 2) {
                        assertTrue(
                                (image.getRGB(x, y) & 0xffffff) != 0xff0000,
                                "red at " + x + "," + y + ": something outside the drawing was loaded");
                    }
                }
                break;
            case "pdf":
                assertFalse(
                        text.contains("/javascript") || text.contains("/js") || text.contains("javascript:"),
                        "no script action in the PDF");
                assertFalse(text.contains(file.toLowerCase(Locale.ROOT)), "no link to the outside file");
                if (document.drawing().isEmpty()) {
                    assertFalse(text.contains("/subtype/image"), "notes alone bring no image into the PDF");
                }
                break;
            case "html":
            case "svg":
                // script, handlers and script URLs are judged as a browser's HTML parser reads the markup:
                // the same words in escaped text are inert
                assertFalse(
                        text.contains("src=\"" + web) || text.contains(file.toLowerCase(Locale.ROOT)),
                        "nothing to load from the outside (an http link stays a link)");
                assertFalse(
                        format.id().equals("svg") && text.contains("href=\"" + web),
                        "the svg refers to nothing outside");
                InertHtml.check(
                        new String(bytes, StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*\\?>", ""),
                        web,
                        file,
                        "outside.png");
                break;
            default:
                break;
        }
    }
}

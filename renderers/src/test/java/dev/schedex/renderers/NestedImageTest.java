package dev.schedex.renderers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.FormatSettings;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Images inside a drawing ({@code <image href="data:...">}), as the {@code png} format draws them.
 * The figures in the comments are Chromium 156's, headless, for the same drawing shown as an
 * {@code <img>} of its own size on white.
 */
class NestedImageTest {

    private static final Charset UTF8 = StandardCharsets.UTF_8;
    private static final String OUTER_RED = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">"
            + "<rect width=\"100\" height=\"100\" fill=\"#ff0000\"/>";

    /**
     * What D2 embeds for an icon: Adobe Illustrator's export, declared ISO-8859-1, with its SVG 1.1
     * DOCTYPE, CRLF lines, a gradient and a {@code <use>}.
     */
    private static final String ILLUSTRATOR_ICON = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\r\n"
            + "<!-- Generator: Adobe Illustrator 19.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->\r\n"
            + "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\r\n"
            + "<svg version=\"1.1\" xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
            + "viewBox=\"0 0 10 10\">\r\n"
            + "<linearGradient id=\"SVGID_1_\"><stop offset=\"0\" style=\"stop-color:#00FF00\"/></linearGradient>\r\n"
            + "<rect width=\"5\" height=\"10\" style=\"fill:url(#SVGID_1_);\"/>\r\n"
            + "<defs><rect id=\"half\" x=\"5\" width=\"5\" height=\"10\" fill=\"#0000FF\"/></defs>"
            + "<use xlink:href=\"#half\"/>\r\n</svg>";

    /** Text with a letter outside ASCII, to tell a right decoding from a wrong one. */
    private static final String SUMMER =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 10\"><text x=\"1\" y=\"8\" font-size=\"8\">"
                    + "\u00e9t\u00e9</text></svg>";

    @Test
    void anIso88591SvgImageIsDrawnNotRefused() throws IOException {
        // Chromium: (25, 50) #00ff00, the gradient; (75, 50) #0000ff, the <use>. Batik resolved each
        // reference inside a data: image to a document of its own ("data:,#SVGID_1_") and failed the
        // render: "Content is not allowed in prolog".
        ExportContext context = newContext();
        BufferedImage image = png(
                OUTER_RED + "<image width=\"100\" height=\"100\" href=\"" + base64(ILLUSTRATOR_ICON, "ISO-8859-1")
                        + "\"/></svg>",
                context);
        assertEquals(0x00ff00, PngFormatTest.rgb(image, 25, 50), "the gradient inside the image");
        assertEquals(0x0000ff, PngFormatTest.rgb(image, 75, 50), "the <use> inside the image");
        assertEquals(List.of(), context.warnings());
    }

    @TestFactory
    Stream<DynamicTest> anSvgImageIsReadInTheEncodingItIsIn() throws IOException {
        // Chromium draws the UTF-8 image and both with a byte order mark alike (ink x 6..50, y 11..39)
        // and shows the two in ISO-8859-1 as broken images: it reads every SVG image as UTF-8 without a
        // BOM. An export reads each in the encoding it declares (RFC 7303's order), as XML is read.
        byte[] utf8 = render(new PngFormat(), summer(base64(SUMMER, "UTF-8")), newContext());
        Map<String, String> images = new LinkedHashMap<>();
        images.put(
                "declared ISO-8859-1",
                base64("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + SUMMER, "ISO-8859-1"));
        images.put(
                "a charset parameter",
                "data:image/svg+xml;charset=ISO-8859-1,"
                        + URLEncoder.encode(SUMMER, StandardCharsets.ISO_8859_1).replace("+", "%20"));
        images.put("UTF-8 with a byte order mark", base64("\ufeff" + SUMMER, "UTF-8"));
        images.put("UTF-16 with a byte order mark", base64(SUMMER, "UTF-16"));
        return images.entrySet().stream()
                .map(image -> DynamicTest.dynamicTest(image.getKey(), () -> {
                    ExportContext context = newContext();
                    assertArrayEquals(utf8, render(new PngFormat(), summer(image.getValue()), context));
                    assertEquals(List.of(), context.warnings());
                }));
    }

    @Test
    void aDrawingWrittenAsUtf8SaysUtf8() throws IOException {
        // Chromium opening an SVG file declared ISO-8859-1 whose bytes are UTF-8 shows "Ã©tÃ©" for "été"
        String svg = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + SUMMER;
        String written = new String(render(new SvgFormat(), summer(base64(svg, "ISO-8859-1")), newContext()), UTF8);
        String image =
                written.substring(written.indexOf("base64,") + 7, written.indexOf('"', written.indexOf("base64,")));
        String decoded = new String(Base64.getDecoder().decode(image), UTF8);
        assertTrue(decoded.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\""), decoded);
        assertTrue(decoded.contains("\u00e9t\u00e9"), decoded);
        String outer = new String(render(new SvgFormat(), drawing(svg), newContext()), UTF8);
        assertTrue(outer.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\""), outer);
    }

    @TestFactory
    Stream<DynamicTest> anUnreadableNestedImageIsAWarningNotAFailedRender() {
        // Chromium draws the red square and the blue corner, and nothing of each image
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">";
        String box = "<image x=\"20\" y=\"20\" width=\"60\" height=\"60\" href=\"";
        Map<String, String> images = new LinkedHashMap<>();
        images.put(
                "an SVG image with a rectangle of negative width",
                box + base64(svg + "<rect width=\"-1\" height=\"5\"/></svg>", "UTF-8") + "\"/>");
        images.put(
                "a PNG cut short",
                box + "data:image/png;base64,"
                        + Base64.getEncoder()
                                .encodeToString("\u0089PNG\r\n\u001a\n".getBytes(StandardCharsets.ISO_8859_1))
                        + "\"/>");
        images.put(
                "an image of negative width",
                "<image x=\"20\" y=\"20\" width=\"-60\" height=\"60\" href=\"" + base64(SUMMER, "UTF-8") + "\"/>");
        return images.entrySet().stream()
                .map(image -> DynamicTest.dynamicTest(image.getKey(), () -> {
                    ExportContext context = newContext();
                    BufferedImage png = png(
                            OUTER_RED + image.getValue() + "<rect x=\"90\" y=\"90\" width=\"10\" height=\"10\" "
                                    + "fill=\"#0000ff\"/></svg>",
                            context);
                    assertEquals(0xff0000, PngFormatTest.rgb(png, 50, 50));
                    assertEquals(0x0000ff, PngFormatTest.rgb(png, 95, 95));
                    assertTrue(
                            context.warnings().stream()
                                    .anyMatch(
                                            w -> w.startsWith("<image> data:image/") && w.contains(" was left out: ")),
                            context.warnings().toString());
                }));
    }

    @Test
    void anSvgLabelledAsARasterImageIsNotDrawn() throws IOException {
        // Chromium shows a broken image: the bytes are no PNG. Batik read them as SVG, without the sanitiser.
        ExportContext context = newContext();
        String yellow = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                + "<rect width=\"10\" height=\"10\" fill=\"#ffff00\"/></svg>";
        BufferedImage png = png(
                OUTER_RED + "<image x=\"20\" y=\"20\" width=\"60\" height=\"60\" href=\"data:image/png;base64,"
                        + Base64.getEncoder().encodeToString(yellow.getBytes(UTF8)) + "\"/></svg>",
                context);
        assertNotEquals(0xffff00, PngFormatTest.rgb(png, 50, 50));
        assertEquals(0xff0000, PngFormatTest.rgb(png, 50, 50));
        assertEquals(1, context.warnings().size(), context.warnings().toString());
    }

    @Test
    void aNestedImageIsStillRefusedEntitiesOutsideReferencesAndDepth() throws IOException {
        // by policy, not a browser's: an image nested in images is sanitised at each level as the
        // drawing is, whether Batik or the sanitiser reads it
        String[] colours = {"#ff0000", "#00ff00", "#0000ff", "#ffff00"};
        String image = "";
        for (int level = colours.length - 1; level >= 0; level--) {
            image = base64(
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" "
                            + "height=\"10\" fill=\"" + colours[level] + "\"/>"
                            + (image.isEmpty()
                                    ? ""
                                    : "<image x=\"2\" y=\"2\" width=\"6\" height=\"6\" href=\"" + image + "\"/>")
                            + "</svg>",
                    "UTF-8");
        }
        String entity = base64(
                "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\">]>"
                        + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&a;</text></svg>",
                "UTF-8");
        String outside = base64(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><image width=\"10\" height=\"10\" "
                        + "href=\"file:///etc/hostname\"/></svg>",
                "UTF-8");
        ExportContext context = newContext();
        BufferedImage png = png(
                OUTER_RED.replace("#ff0000", "#ffffff") + "<image width=\"100\" height=\"100\" href=\"" + image
                        + "\"/><image width=\"10\" height=\"10\" href=\"" + entity + "\"/><image width=\"10\" "
                        + "height=\"10\" href=\"" + outside + "\"/></svg>",
                context);
        assertEquals(0x0000ff, PngFormatTest.rgb(png, 50, 50), "three levels of images, not four");
        String warnings = context.warnings().toString();
        assertTrue(warnings.contains("an SVG image nested more than 3 deep in SVG images was left out"), warnings);
        assertTrue(warnings.contains("has a DOCTYPE, which is not allowed"), warnings);
        assertTrue(warnings.contains("file:///etc/hostname, which was not loaded"), warnings);
    }

    private static String base64(String svg, String charset) {
        return "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.getBytes(Charset.forName(charset)));
    }

    private static ExportDocument summer(String image) {
        return drawing("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"50\"><image width=\"200\" "
                + "height=\"50\" href=\"" + image + "\"/></svg>");
    }

    private static ExportDocument drawing(String svg) {
        return ExportDocument.of("nested", "Nested", "v1", Instant.EPOCH).withDrawing(svg);
    }

    private static BufferedImage png(String svg, ExportContext context) throws IOException {
        return PngFormatTest.decode(render(new PngFormat(), drawing(svg), context));
    }

    private static byte[] render(ExportFormat format, ExportDocument document, ExportContext context)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.render(document, FormatSettings.empty(), context, out);
        return out.toByteArray();
    }

    private static ExportContext newContext() {
        return new ExportContext(UUID.randomUUID(), "nested", "tester", Instant.EPOCH, ZoneOffset.UTC);
    }
}

package dev.schedex.renderers;

import static dev.schedex.renderers.JsonFormatTest.render;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.FormatSettings;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import javax.imageio.metadata.IIOMetadataNode;
import org.junit.jupiter.api.Test;

class PngFormatTest {

    /** 100 by 50: the left half red, a blue dot at (75, 25), white behind. */
    static final String HALF_RED = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50\">"
            + "<rect width=\"50\" height=\"50\" fill=\"#ff0000\"/><circle cx=\"75\" cy=\"25\" r=\"5\" fill=\"#0000ff\"/>"
            + "</svg>";

    private final PngFormat format = new PngFormat();

    static ExportDocument drawing(String svg) {
        return ExportDocument.of("doc-1", "Title", "v1", Instant.EPOCH).withDrawing(svg);
    }

    private BufferedImage png(String svg, Map<String, ?> settings) throws IOException {
        return decode(render(format, drawing(svg), settings));
    }

    static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image != null, "the bytes decode as an image");
        return image;
    }

    static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xffffff;
    }

    @Test
    void theDrawingIsPaintedAtItsOwnSizeOnWhite() throws IOException {
        BufferedImage image = png(HALF_RED, Map.of());
        assertEquals(100, image.getWidth());
        assertEquals(50, image.getHeight());
        assertEquals(0xff0000, rgb(image, 10, 10));
        assertEquals(0x0000ff, rgb(image, 75, 25));
        assertEquals(0xffffff, rgb(image, 90, 5));
    }

    @Test
    void scaleWidthHeightAndDpiSetThePixelSizeKeepingTheShape() throws IOException {
        BufferedImage doubled = png(HALF_RED, Map.of("scale", 2));
        assertEquals(List.of(200, 100), List.of(doubled.getWidth(), doubled.getHeight()));
        assertEquals(0x0000ff, rgb(doubled, 150, 50));
        BufferedImage wide = png(HALF_RED, Map.of("width", 300));
        assertEquals(List.of(300, 150), List.of(wide.getWidth(), wide.getHeight()));
        BufferedImage low = png(HALF_RED, Map.of("height", 25));
        assertEquals(List.of(50, 25), List.of(low.getWidth(), low.getHeight()));
        BufferedImage print = png(HALF_RED, Map.of("dpi", 192));
        assertEquals(List.of(200, 100), List.of(print.getWidth(), print.getHeight()));
        BufferedImage box = png(HALF_RED, Map.of("width", 200, "height", 200));
        assertEquals(List.of(200, 200), List.of(box.getWidth(), box.getHeight()));
        assertEquals(0xffffff, rgb(box, 100, 20), "the drawing is centred: white above it");
        assertEquals(0xff0000, rgb(box, 50, 100), "and red at the left of its middle");
    }

    @Test
    void theDpiIsWrittenIntoTheFile() throws IOException {
        byte[] png = render(format, drawing(HALF_RED), Map.of("dpi", 300, "width", 100));
        var reader = ImageIO.getImageReadersByFormatName("png").next();
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(png)));
        IIOMetadataNode tree = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
        IIOMetadataNode phys =
                (IIOMetadataNode) tree.getElementsByTagName("pHYs").item(0);
        assertEquals("11811", phys.getAttribute("pixelsPerUnitXAxis"), "300 dpi is 11,811 pixels per metre");
        assertEquals("meter", phys.getAttribute("unitSpecifier"));
        assertEquals(100, decode(png).getWidth(), "with a width, dpi does not change the pixels");
    }

    @Test
    void backgroundNoneLeavesTransparentPixelsAndAColourFillsThem() throws IOException {
        BufferedImage clear = png(HALF_RED, Map.of("background", "none"));
        assertEquals(0, clear.getRGB(90, 5) >>> 24, "transparent where nothing is drawn");
        assertEquals(0xff, clear.getRGB(10, 10) >>> 24);
        assertEquals(0x336699, rgb(png(HALF_RED, Map.of("background", "#369")), 90, 5));
    }

    @Test
    void aDrawingSizedOnlyByItsViewBoxTakesTheViewBoxSize() throws IOException {
        BufferedImage image = png(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 20\">"
                        + "<rect width=\"20\" height=\"20\" fill=\"#ff0000\"/></svg>",
                Map.of());
        assertEquals(List.of(40, 20), List.of(image.getWidth(), image.getHeight()));
        assertEquals(0xff0000, rgb(image, 5, 10));
        assertEquals(0xffffff, rgb(image, 35, 10));
    }

    @Test
    void sizesInUnitsAndPercentagesBecomeThePixelsABrowserGivesThem() throws IOException {
        String open = "<svg xmlns=\"http://www.w3.org/2000/svg\" ";
        String inside = "><rect width=\"10\" height=\"10\" fill=\"#ff0000\"/></svg>";
        BufferedImage points =
                png(open + "width=\"300pt\" height=\"150pt\" viewBox=\"0 0 300 150\"" + inside, Map.of());
        assertEquals(List.of(400, 200), List.of(points.getWidth(), points.getHeight()), "a point is 4/3 px");
        BufferedImage metric = png(open + "width=\"10cm\" height=\"5mm\"" + inside, Map.of());
        assertEquals(List.of(378, 19), List.of(metric.getWidth(), metric.getHeight()), "96 px to the inch");
        BufferedImage relative =
                png(open + "width=\"100%\" height=\"100%\" viewBox=\"0 0 400 200\"" + inside, Map.of());
        assertEquals(
                List.of(400, 200),
                List.of(relative.getWidth(), relative.getHeight()),
                "a browser fills its page at the viewBox's ratio: an export takes the viewBox's own size");
        BufferedImage nothing = png(open + "width=\"100%\"" + inside, Map.of());
        assertEquals(
                List.of(300, 150),
                List.of(nothing.getWidth(), nothing.getHeight()),
                "no size and no viewBox: a browser's default object size");
    }

    @Test
    void fontNamesAreDrawnWithTheFontsABrowserUses() throws IOException {
        List<String> installed = List.of(
                java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        org.junit.jupiter.api.Assumptions.assumeTrue(
                installed.containsAll(List.of("Liberation Sans", "Liberation Serif", "DejaVu Sans Mono")),
                "needs the Liberation and DejaVu fonts (Debian: fonts-liberation, fonts-dejavu)");
        for (List<String> same : List.of(
                List.of("Liberation Sans", "sans-serif", "Helvetica", "Arial"),
                List.of("Liberation Serif", "serif", "Times New Roman", "Nonexistent Font"),
                List.of("DejaVu Sans Mono", "monospace"))) {
            byte[] expected = text(same.get(0));
            for (String family : same.subList(1, same.size())) {
                assertArrayEquals(expected, text(family), family + " is drawn in " + same.get(0));
            }
        }
        assertFalse(Arrays.equals(text("Liberation Sans"), text("DejaVu Sans")), "and the fonts do differ");
    }

    private byte[] text(String family) throws IOException {
        return render(
                format,
                drawing("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"40\">"
                        + "<text x=\"5\" y=\"30\" font-size=\"24\" font-family=\"" + family
                        + "\">Hamburgefonts 0O1l</text>"
                        + "</svg>"),
                Map.of());
    }

    @Test
    void internalReferencesDataImagesAndTextAreDrawn() throws IOException {
        String bluePixel =
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC";
        BufferedImage image = png(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                        + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"120\" height=\"60\">"
                        + "<defs><rect id=\"r\" width=\"20\" height=\"20\" fill=\"#00ff00\"/></defs>"
                        + "<use xlink:href=\"#r\" x=\"0\" y=\"0\"/>"
                        + "<image x=\"30\" y=\"0\" width=\"20\" height=\"20\" preserveAspectRatio=\"none\" "
                        + "href=\"data:image/png;base64," + bluePixel + "\"/>"
                        + "<text x=\"2\" y=\"50\" font-family=\"sans-serif\" font-size=\"24\" fill=\"#000000\">Hello</text>"
                        + "</svg>",
                Map.of());
        assertEquals(0x00ff00, rgb(image, 10, 10), "the <use> of a defined shape");
        assertEquals(0x0000ff, rgb(image, 40, 10), "the data: image");
        long dark = 0;
        for (int x = 0; x < 120; x++) {
            for (int y = 30; y < 60; y++) {
                dark += rgb(image, x, y) < 0x404040 ? 1 : 0;
            }
        }
        assertTrue(dark > 50, "the text left ink: " + dark + " dark pixels");
    }

    @Test
    void inkscapesFlowedTextIsLeftOutAsBrowsersLeaveItOutAndTheOwnerIsToldWhy() throws IOException {
        ExportContext context =
                new ExportContext(UUID.randomUUID(), "Nightly", "alice", Instant.EPOCH, java.time.ZoneOffset.UTC);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        format.render(
                drawing("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50\">"
                        + "<rect width=\"50\" height=\"50\" fill=\"#ff0000\"/><flowRoot><flowRegion><rect width=\"100\""
                        + " height=\"50\"/></flowRegion><flowPara>Flowed words</flowPara></flowRoot></svg>"),
                FormatSettings.empty(),
                context,
                out);
        BufferedImage image = decode(out.toByteArray());
        assertEquals(0xff0000, rgb(image, 10, 10), "the rest of the drawing is drawn");
        assertEquals(0xffffff, rgb(image, 75, 25));
        assertEquals(
                List.of("<flowRoot> was left out: browsers do not draw flowed text (a draft of SVG 1.2) either;"
                        + " in Inkscape, Text > Convert to Text makes it text every viewer draws"),
                context.warnings());
    }

    @Test
    void whatIsLeftOutIsToldToTheRunAsWarnings() throws IOException {
        ExportContext context =
                new ExportContext(UUID.randomUUID(), "Nightly", "alice", Instant.EPOCH, java.time.ZoneOffset.UTC);
        format.render(
                drawing("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"20\">"
                        + "<image href=\"https://example.com/logo.png\" width=\"20\" height=\"20\"/>"
                        + "<style>@import url(https://example.com/fonts.css);</style><flowDiv/></svg>"),
                FormatSettings.empty(),
                context,
                new java.io.ByteArrayOutputStream());
        assertEquals(
                List.of(
                        "<image> refers to https://example.com/logo.png, which was not loaded: an export reads nothing outside the drawing",
                        "a stylesheet's @import refers to https://example.com/fonts.css, which was not loaded: an export reads "
                                + "nothing outside the drawing",
                        "<flowDiv> was left out: the renderer does not know it"),
                context.warnings());
    }

    @Test
    void theSameDrawingGivesTheSameBytes() throws IOException {
        assertArrayEquals(render(format, drawing(HALF_RED), Map.of()), render(format, drawing(HALF_RED), Map.of()));
    }

    /**
     * Batik's font caches fill as a render meets a font (family, style and size) for the first time;
     * each round uses sizes and letters no render has used before, so eight threads fill the caches at
     * once.
     */
    @Test
    void rendersOnManyThreadsAtOnceGiveTheBytesOfOneThread() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 12; round++) {
                StringBuilder svg =
                        new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"260\">");
                for (int line = 0; line < 12; line++) {
                    svg.append("<text x=\"5\" y=\"")
                            .append(20 + line * 20)
                            .append("\" font-size=\"")
                            .append(9 + round * 0.731 + line * 0.113)
                            .append("\" font-family=\"")
                            .append(List.of("serif", "sans-serif", "monospace").get(line % 3))
                            .append("\" font-style=\"")
                            .append(line % 4 == 1 ? "italic" : "normal")
                            .append("\" font-weight=\"")
                            .append(line % 2 == 0 ? "bold" : "normal")
                            .append("\">Round ")
                            .append(round)
                            .append(": ")
                            .append(fresh(round * 12 + line))
                            .append("</text>");
                }
                ExportDocument document = drawing(svg.append("</svg>").toString());
                // alone first: the JDK's first use of a glyph, at once on many threads, is not what
                // this test is about (see docs/design.md, "First use of a font, at once")
                byte[] alone = render(format, document, Map.of());
                CountDownLatch start = new CountDownLatch(1);
                List<Future<byte[]>> together = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    together.add(pool.submit(() -> {
                        start.await();
                        return render(format, document, Map.of());
                    }));
                }
                start.countDown();
                List<byte[]> outputs = new ArrayList<>();
                for (Future<byte[]> output : together) {
                    outputs.add(output.get());
                }
                for (int i = 0; i < outputs.size(); i++) {
                    assertTrue(
                            Arrays.equals(alone, outputs.get(i)),
                            "round " + round + ": render " + i
                                    + " of eight at once differs from the same drawing rendered alone");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return 40 letters of Latin Extended, Greek and Cyrillic, different for each n below 24 */
    private static String fresh(int n) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            letters.appendCodePoint(0x100 + n * 40 + i);
        }
        return letters.toString();
    }

    @Test
    void settingsAreCheckedOneByOneAndTogether() {
        assertEquals(List.of("scale:conflict"), codes(Map.of("scale", 2, "width", 100)));
        assertEquals(List.of("width:out_of_range"), codes(Map.of("width", 0)));
        assertEquals(List.of("dpi:out_of_range"), codes(Map.of("dpi", 72.5)));
        assertEquals(List.of("scale:invalid_type"), codes(Map.of("scale", "big")));
        assertEquals(List.of("quality:unknown_setting"), codes(Map.of("quality", 9)));
        assertEquals(List.of(), codes(Map.of("width", 640, "dpi", 300, "background", "none")));
    }

    private List<String> codes(Map<String, ?> settings) {
        return format.validateSettings(FormatSettings.of(settings)).stream()
                .map(v -> v.field() + ":" + v.code())
                .toList();
    }

    @Test
    void aDocumentWithoutADrawingSaysSo() {
        ExportException e = assertThrows(
                ExportException.class,
                () -> render(
                        format,
                        ExportDocument.of("doc-2", "T", "v1", Instant.EPOCH).withNotes("# notes"),
                        Map.of()));
        assertEquals("document 'doc-2' has no drawing to export as PNG", e.getMessage());
    }

    @Test
    void anImageOverThePixelLimitFailsBeforeItIsPainted() {
        PngFormat small = new PngFormat(RenderLimits.DEFAULT.withMaxPixels(10_000));
        ExportException e =
                assertThrows(ExportException.class, () -> render(small, drawing(HALF_RED), Map.of("scale", 2)));
        assertEquals(
                "the PNG would be 200 by 100 pixels, more than the limit of 10000 pixels; choose a smaller "
                        + "scale, width or height",
                e.getMessage());
    }

    @Test
    void aRenderOverItsTimeLimitIsStopped() {
        StringBuilder heavy =
                new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2000\" height=\"2000\">"
                        + "<filter id=\"b\"><feGaussianBlur stdDeviation=\"40\"/><feTurbulence baseFrequency=\"0.9\" numOctaves=\"10\"/>"
                        + "</filter>");
        for (int i = 0; i < 200; i++) {
            heavy.append("<rect filter=\"url(#b)\" x=\"").append(i).append("\" width=\"1900\" height=\"1900\"/>");
        }
        PngFormat hurried = new PngFormat(RenderLimits.DEFAULT.withTimeLimit(Duration.ofMillis(300)));
        ExportException e = assertThrows(
                ExportException.class,
                () -> render(hurried, drawing(heavy.append("</svg>").toString()), Map.of()));
        assertEquals("the PNG render took longer than its limit of 300 ms and was stopped", e.getMessage());
    }
}

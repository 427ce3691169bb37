package dev.schedex.renderers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Paint that Batik 1.19 draws differently from a browser, drawn as the browser does. The figures in
 * the comments are Chromium 156's, headless, for the same drawing shown as an {@code <img>} of its
 * own size on white.
 */
class BrowserPaintTest {

    private static final String OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">";

    @Test
    void aMaskLetsThroughTheLuminanceOfItsSrgbColours() throws IOException {
        // Chromium: #7f7f7f, black let through at half by a #808080 mask (Batik: #c9c9c9, 22%, as if
        // the grey were linear light); #494949 for a #00ff00 mask (0.7154 of it)
        BufferedImage grey = png("<defs><mask id=\"m\"><rect width=\"100\" height=\"100\" fill=\"#808080\"/></mask>"
                + "</defs><rect width=\"100\" height=\"100\" mask=\"url(#m)\"/>");
        BufferedImage green = png("<defs><mask id=\"m\"><rect width=\"100\" height=\"100\" fill=\"#00ff00\"/></mask>"
                + "</defs><rect width=\"100\" height=\"100\" mask=\"url(#m)\"/>");
        assertGrey(0x7f, grey, 50, 50);
        assertGrey(0x49, green, 50, 50);
    }

    @Test
    void aDashedRoundedRectangleStartsItsDashesWhereABrowserDoes() throws IOException {
        // Chromium, every 4 px from 14 to 86 along the top edge and down the right edge ('#' darker than #808080):
        // the first dash starts at (x + rx, y) and runs clockwise, as SVG defines the outline
        BufferedImage image = png("<rect x=\"10\" y=\"10\" width=\"80\" height=\"80\" rx=\"15\" fill=\"none\" "
                + "stroke=\"#000\" stroke-width=\"4\" stroke-dasharray=\"30 20\"/>");
        StringBuilder top = new StringBuilder();
        StringBuilder right = new StringBuilder();
        for (int at = 14; at <= 86; at += 4) {
            top.append(inked(image, at, 10));
            right.append(inked(image, 90, at));
        }
        assertEquals(
                Map.of("top", "...########.....##.", "right", ".####.....#######.."),
                Map.of("top", top.toString(), "right", right.toString()));
    }

    @Test
    void aNonScalingStrokeKeepsItsWidthInTheDrawingsPixels() throws IOException {
        // Chromium, down the column x = 50: the black line 1 px wide (row 10), the red rectangle's 2 px
        // edges, and the blue line 1 px wide though a scale(1, 0.5) and the tenfold viewBox lie between
        // (Batik drew them 10, 20 and 5 px wide)
        BufferedImage image = PngFormatTest.decode(JsonFormatTest.render(
                new PngFormat(),
                PngFormatTest.drawing("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\" "
                        + "viewBox=\"0 0 10 10\"><line x1=\"0\" y1=\"1.05\" x2=\"10\" y2=\"1.05\" stroke=\"#000\" "
                        + "vector-effect=\"non-scaling-stroke\"/><rect x=\"2\" y=\"3\" width=\"6\" height=\"5\" "
                        + "fill=\"none\" stroke=\"#f00\" stroke-width=\"2\" vector-effect=\"non-scaling-stroke\"/>"
                        + "<g transform=\"scale(1,0.5)\"><line x1=\"0\" y1=\"18.1\" x2=\"10\" y2=\"18.1\" "
                        + "stroke=\"#00f\" style=\"vector-effect: non-scaling-stroke\"/></g></svg>"),
                Map.of()));
        StringBuilder column = new StringBuilder();
        for (int y = 0; y < 100; y++) {
            int rgb = PngFormatTest.rgb(image, 50, y);
            if (rgb != 0xffffff) {
                column.append(String.format("%d:%06x ", y, rgb));
            }
        }
        assertEquals(
                "10:000000 29:ff0000 30:ff0000 79:ff0000 80:ff0000 90:0000ff",
                column.toString().strip());
    }

    private static char inked(BufferedImage image, int x, int y) {
        return (PngFormatTest.rgb(image, x, y) & 0xff) < 0x80 ? '#' : '.';
    }

    private static void assertGrey(int expected, BufferedImage image, int x, int y) {
        int rgb = PngFormatTest.rgb(image, x, y);
        for (int shift : new int[] {16, 8, 0}) {
            int channel = (rgb >> shift) & 0xff;
            assertTrue(
                    Math.abs(channel - expected) <= 1,
                    String.format("#%06x, expected about #%02x%02x%02x", rgb, expected, expected, expected));
        }
    }

    private static BufferedImage png(String content) throws IOException {
        return PngFormatTest.decode(
                JsonFormatTest.render(new PngFormat(), PngFormatTest.drawing(OPEN + content + "</svg>"), Map.of()));
    }
}

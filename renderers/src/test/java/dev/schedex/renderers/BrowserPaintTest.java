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

package dev.schedex.renderers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Paint that Batik 1.19 draws differently from a browser, drawn as the browser does. The figures in
 * the comments are Chromium 156's, headless, for the same drawing shown as an {@code <img>} of its
 * own size on white.
 */
class BrowserPaintTest {

    private static final String OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">";
    /** A #336699 square filling the drawing. */
    private static final String SQUARE = "<rect width=\"100\" height=\"100\" fill=\"#336699\"/>";
    /** A blue square from 20 to 60 with the filter {@code SHADOW}. */
    private static final String SHADOWED =
            "<rect x=\"20\" y=\"20\" width=\"40\" height=\"40\" fill=\"#00f\" filter=\"SHADOW\"/>";

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

    @Test
    void cssFilterFunctionsOnTheRootApplyToTheWholeDrawing() throws IOException {
        // Chromium: #76a2ce for #336699 under Excalidraw's dark mode, invert(93%) hue-rotate(180deg) on the
        // root, as an attribute or in its style (Batik ignored both: #336699); #ffffff around the rectangle,
        // where nothing is drawn (the filter leaves alpha alone, and the page shows through)
        for (String filter : List.of(
                "filter=\"invert(93%) hue-rotate(180deg)\"", "style=\"filter: invert(93%) hue-rotate(180deg)\"")) {
            BufferedImage image = png(
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\" " + filter + ">"
                            + "<rect x=\"20\" y=\"20\" width=\"60\" height=\"60\" fill=\"#336699\"/></svg>",
                    Map.of());
            assertColour(0x76a2ce, image, 50, 50, filter);
            assertColour(0xffffff, image, 10, 10, filter);
        }
    }

    @Test
    void cssColourFilterFunctionsRecolourAsABrowserDoes() throws IOException {
        // Chromium, the middle of a #336699 square under each filter (on a group, on the square itself),
        // and #ff0000 and #00ff00 under grayscale(100%) in a group's style; Batik drew them all unfiltered
        Map<String, Integer> chromium = new LinkedHashMap<>();
        chromium.put("<g filter=\"grayscale(1)\">" + SQUARE + "</g>", 0x5f5f5f);
        chromium.put("<g filter=\"sepia(1)\">" + SQUARE + "</g>", 0x7f7158);
        chromium.put("<g filter=\"brightness(0.5)\">" + SQUARE + "</g>", 0x1a334c);
        chromium.put("<g filter=\"contrast(2)\">" + SQUARE + "</g>", 0x004db3);
        chromium.put("<g filter=\"saturate(3)\">" + SQUARE + "</g>", 0x0074ff);
        chromium.put("<g filter=\"hue-rotate(90deg)\">" + SQUARE + "</g>", 0x99498b);
        chromium.put("<g filter=\"hue-rotate(0.25turn)\">" + SQUARE + "</g>", 0x99498b);
        chromium.put(SQUARE.replace("/>", " filter=\"opacity(0.5)\"/>"), 0x99b3cc);
        List<String> wrong = new ArrayList<>();
        chromium.forEach((drawing, expected) -> {
            int actual = PngFormatTest.rgb(png(drawing), 50, 50);
            if (!near(expected, actual)) {
                wrong.add(String.format("%s: #%06x, Chromium #%06x", drawing, actual, expected));
            }
        });
        BufferedImage grey =
                png("<g style=\"filter:grayscale(100%)\"><rect width=\"50\" height=\"100\" fill=\"#ff0000\"/>"
                        + "<rect x=\"50\" width=\"50\" height=\"100\" fill=\"#00ff00\"/></g>");
        assertEquals(List.of(), wrong);
        assertColour(0x363636, grey, 25, 50, "red, grey");
        assertColour(0xb6b6b6, grey, 75, 50, "green, grey");
    }

    @Test
    void aCssBlurSpreadsAnEdgeAsABrowserDoes() throws IOException {
        // Chromium, along y = 50 from x = 14 to 46 across the left edge (x = 30) of a black rectangle under
        // blur(4px): a Gaussian of standard deviation 4 px, 0x8b at the pixel just outside the edge. Batik
        // approximates the Gaussian with box blurs whose tails are shorter: the grey starts at x = 24 (0xf7),
        // not 20, and the inside stays at 0x02, not black; it is within 0x14 of Chromium's throughout
        // (unfiltered, x = 29 would be white and x = 30 black)
        int[] chromium = {
            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfd, 0xfb, 0xf6, 0xf0, 0xe6, 0xda, 0xca, 0xb7, 0xa2, 0x8b, 0x74, 0x5d,
            0x48, 0x35, 0x25, 0x19, 0x0f, 0x09, 0x04, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
        };
        BufferedImage image = png("<rect x=\"30\" y=\"20\" width=\"40\" height=\"60\" filter=\"blur(4px)\"/>");
        StringBuilder far = new StringBuilder();
        for (int x = 14; x <= 46; x++) {
            int grey = PngFormatTest.rgb(image, x, 50) & 0xff;
            if (Math.abs(grey - chromium[x - 14]) > 0x14) {
                far.append(String.format("x %d: %02x, Chromium %02x; ", x, grey, chromium[x - 14]));
            }
        }
        assertEquals("", far.toString());
        assertColour(0x8b8b8b, image, 29, 50, 8, "just outside the edge");
    }

    @Test
    void aCssDropShadowIsDrawnBelowAndBesideWhatCastsIt() throws IOException {
        // Chromium, drop-shadow(4px 4px 0 red) on a blue square from 20 to 60: along y = 40, blue to x = 59,
        // red from 60 to 63, white from 64; along y = 62 (below the square), white to x = 23, red from 24.
        // A 4 px line with the same shadow (a bounding box of no height, which a filter region in its units
        // would make empty): blue from y = 48 to 51, red from 52 to 55. On a root whose viewBox doubles its
        // units, the shadow is still 4 px: a root's filter is in the drawing's pixels. Without a colour, the
        // shadow is the element's color (#008000); rgba(255, 0, 0, 0.5) is #ff7f7f on white
        BufferedImage square = png(SHADOWED.replace("SHADOW", "drop-shadow(4px 4px 0 red)"));
        BufferedImage line = png("<line x1=\"10\" y1=\"50\" x2=\"90\" y2=\"50\" stroke=\"blue\" stroke-width=\"4\" "
                + "filter=\"drop-shadow(4px 4px 0 red)\"/>");
        BufferedImage root = png(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\" viewBox=\"0 0 50 50\" "
                        + "filter=\"drop-shadow(4px 4px 0 red)\"><rect x=\"10\" y=\"10\" width=\"20\" height=\"20\" "
                        + "fill=\"#00f\"/></svg>",
                Map.of());
        assertEquals(
                Map.of(
                        "square across", "BBBBRRRRWWW",
                        "square below", "WWWWWWWWWWRRRRRRR",
                        "line down", "WWWWBBBBRRRRWWW",
                        "root across", "BBBBRRRRWWW"),
                Map.of(
                        "square across", colours(square, 56, 66, x -> x, x -> 40),
                        "square below", colours(square, 14, 30, x -> x, x -> 62),
                        "line down", colours(line, 44, 58, y -> 50, y -> y),
                        "root across", colours(root, 56, 66, x -> x, x -> 40)));
        assertColour(
                0x008000,
                png("<g color=\"green\">" + SHADOWED.replace("SHADOW", "drop-shadow(4px 4px)") + "</g>"),
                62,
                40,
                "currentColor");
        assertColour(
                0xff7f7f, png(SHADOWED.replace("SHADOW", "drop-shadow(rgba(255,0,0,0.5) 4px 4px)")), 62, 40, "rgba()");
    }

    @Test
    void anInvalidFilterListLeavesItsElementUnfilteredAndAnInvalidStyleFallsBackToTheAttribute() throws IOException {
        // Chromium: #336699 left as it is under invert(1) frobnicate(2) (an unknown function makes the whole
        // list invalid), #cc9966 under invert(1); grayscale(1) from the attribute (#5f5f5f) where the style's
        // drop-shadow(2px) has one length too few, and sepia(1) (#7f7158), the style's last valid filter,
        // where a later one is not; none in the style leaves the square as it is, as does the attribute
        // hue-rotate(90) (an angle needs a unit)
        BufferedImage invalid = png("<g filter=\"invert(1) frobnicate(2)\"><rect width=\"50\" height=\"100\" "
                + "fill=\"#336699\"/></g><g filter=\"invert(1)\"><rect x=\"50\" width=\"50\" height=\"100\" "
                + "fill=\"#336699\"/></g>");
        BufferedImage fallback = png("<g style=\"filter: invert(1) drop-shadow(2px)\" filter=\"grayscale(1)\"><rect "
                + "width=\"50\" height=\"100\" fill=\"#336699\"/></g><g style=\"filter: sepia(1); filter: bogus\" "
                + "filter=\"invert(1)\"><rect x=\"50\" width=\"50\" height=\"100\" fill=\"#336699\"/></g>");
        BufferedImage none = png("<g filter=\"invert(1)\" style=\"filter: none\"><rect width=\"50\" height=\"100\" "
                + "fill=\"#336699\"/></g><g filter=\"invert(1) hue-rotate(90)\"><rect x=\"50\" width=\"50\" "
                + "height=\"100\" fill=\"#336699\"/></g>");
        assertColour(0x336699, invalid, 25, 50, "an unknown function");
        assertColour(0xcc9966, invalid, 75, 50, "invert(1)");
        assertColour(0x5f5f5f, fallback, 25, 50, "the attribute, past an invalid style");
        assertColour(0x7f7158, fallback, 75, 50, "the last valid declaration");
        assertColour(0x336699, none, 25, 50, "none in the style");
        assertColour(0x336699, none, 75, 50, "an angle without a unit");
    }

    /** @return B, R or W for each pixel from {@code from} to {@code to}: blue, red, white (or ? for another colour) */
    private static String colours(BufferedImage image, int from, int to, IntUnaryOperator x, IntUnaryOperator y) {
        StringBuilder colours = new StringBuilder();
        for (int at = from; at <= to; at++) {
            int rgb = PngFormatTest.rgb(image, x.applyAsInt(at), y.applyAsInt(at));
            colours.append(near(0x0000ff, rgb) ? 'B' : near(0xff0000, rgb) ? 'R' : near(0xffffff, rgb) ? 'W' : '?');
        }
        return colours.toString();
    }

    private static boolean near(int expected, int rgb) {
        return near(expected, rgb, 2);
    }

    /** @return true if every channel is within {@code tolerance} of the expected colour's */
    private static boolean near(int expected, int rgb, int tolerance) {
        for (int shift : new int[] {16, 8, 0}) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((expected >> shift) & 0xff)) > tolerance) {
                return false;
            }
        }
        return true;
    }

    private static void assertColour(int expected, BufferedImage image, int x, int y, String what) {
        assertColour(expected, image, x, y, 2, what);
    }

    private static void assertColour(int expected, BufferedImage image, int x, int y, int tolerance, String what) {
        int rgb = PngFormatTest.rgb(image, x, y);
        assertTrue(
                near(expected, rgb, tolerance), String.format("%s: #%06x, expected about #%06x", what, rgb, expected));
    }

    @Test
    void referencesToElementsTheDrawingLacksAreDrawnAsABrowserDrawsThem() throws IOException {
        // Chromium, at the middle of each 80 px square: a missing mask, clip path or filter is ignored (#336699);
        // a missing paint is none (white), or its fallback (#00ff00, #ff0000), in attributes, style and
        // stylesheets alike; a missing marker is ignored (the line, black); a <use> of nothing draws nothing.
        // Batik refused the whole drawing ("Cannot find the referenced element")
        BufferedImage image = png(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"500\" height=\"200\">"
                        + "<style>.s { fill: url(#nopattern); } .t { fill: url(#nopattern) #ff0000; }</style>"
                        + "<rect width=\"80\" height=\"80\" fill=\"#336699\" mask=\"url(#nomask)\"/>"
                        + "<rect x=\"100\" width=\"80\" height=\"80\" fill=\"#336699\" clip-path=\"url(#noclip)\"/>"
                        + "<rect x=\"200\" width=\"80\" height=\"80\" fill=\"#336699\" filter=\"url(#nofilter)\"/>"
                        + "<rect x=\"300\" width=\"80\" height=\"80\" fill=\"url(#nopaint)\" stroke=\"#000\"/>"
                        + "<rect x=\"400\" width=\"80\" height=\"80\" style=\"fill: url(#nopaint) #00ff00\"/>"
                        + "<rect y=\"100\" width=\"80\" height=\"80\" class=\"s\" stroke=\"#000\"/>"
                        + "<rect x=\"100\" y=\"100\" width=\"80\" height=\"80\" class=\"t\"/>"
                        + "<path d=\"M200 140 H280\" stroke=\"#000\" stroke-width=\"4\" marker-end=\"url(#nomarker)\"/>"
                        + "<use href=\"#nothing\" x=\"300\" y=\"100\"/></svg>",
                Map.of());
        int[][] at = {
            {40, 40}, {140, 40}, {240, 40}, {340, 40}, {440, 40}, {40, 140}, {140, 140}, {240, 140}, {340, 140}
        };
        StringBuilder colours = new StringBuilder();
        for (int[] point : at) {
            colours.append(String.format("%06x ", PngFormatTest.rgb(image, point[0], point[1])));
        }
        assertEquals(
                "336699 336699 336699 ffffff 00ff00 ffffff ff0000 000000 ffffff",
                colours.toString().strip());
    }

    @Test
    void anSvgTiny12DrawingIsDrawn() throws IOException {
        // Chromium: "Tiny", 30px, ink from x 10 to 65 and y 18 to 45; Batik drew it with SVG 1.2's bridges and failed
        // as it disposed of the text (a ClassCastException: LibreOffice's exports)
        BufferedImage image = png(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.2\" baseProfile=\"tiny\" width=\"200\""
                        + " height=\"60\"><text x=\"10\" y=\"40\" font-family=\"Liberation Sans\" font-size=\"30\">"
                        + "Tiny</text></svg>",
                Map.of());
        int left = image.getWidth();
        int right = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((PngFormatTest.rgb(image, x, y) & 0xff) < 0xd7) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        assertTrue(
                Math.abs(left - 10) <= 2 && Math.abs(right - 65) <= 3,
                "the text from x 10 to 65: " + left + " to " + right);
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

    private static BufferedImage png(String content) {
        return png(OPEN + content + "</svg>", Map.of());
    }

    private static BufferedImage png(String svg, Map<String, ?> settings) {
        try {
            return PngFormatTest.decode(JsonFormatTest.render(new PngFormat(), PngFormatTest.drawing(svg), settings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

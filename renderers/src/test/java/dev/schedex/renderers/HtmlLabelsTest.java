package dev.schedex.renderers;

import static dev.schedex.renderers.JsonFormatTest.render;
import static dev.schedex.renderers.PngFormatTest.decode;
import static dev.schedex.renderers.PngFormatTest.drawing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfReader;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTML labels ({@code <foreignObject>}) drawn as a browser draws them. Each drawing here was shown
 * by Chromium 156 (as an {@code <img>}, Debian's fonts-liberation installed); the comment says what
 * it showed, measured on its screenshot, and the test asks for the same within 2 px. Text is in
 * Liberation Sans, named, so that the fonts are the browser's.
 */
class HtmlLabelsTest {

    private static final String XHTML = "xmlns=\"http://www.w3.org/1999/xhtml\"";
    private static final String FONT = "font-family: Liberation Sans; ";

    @BeforeAll
    static void needsTheBrowsersFonts() {
        Assumptions.assumeTrue(
                List.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                        .contains("Liberation Sans"),
                "needs Liberation Sans (Debian: fonts-liberation)");
    }

    private static BufferedImage png(int width, int height, String content) throws IOException {
        return decode(render(
                new PngFormat(),
                drawing("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height + "\">"
                        + content + "</svg>"),
                Map.of()));
    }

    private static String label(int width, int height, String html) {
        return "<foreignObject width=\"" + width + "\" height=\"" + height + "\">" + html + "</foreignObject>";
    }

    @Test
    void eachRunOfRichTextKeepsItsOwnStyle() throws IOException {
        // Chromium: one line, ink from x 1 to 240 and y 6 to 43 (the 40px "Big" sets the line), 65 red pixels
        BufferedImage image = png(
                300,
                60,
                label(
                        300,
                        60,
                        "<div " + XHTML + " style=\"" + FONT + "font-size: 16px\">plain <b>bold</b> <span"
                                + " style=\"color: #ff0000\">red</span> <i>italic</i> <u>under</u> <span"
                                + " style=\"font-size: 40px\">Big</span></div>"));
        Ink ink = Ink.of(image);
        assertNear(240, ink.right, "the line's width");
        assertEquals(1, ink.rows.size(), "one line: " + ink.rowsText());
        assertNear(37, ink.bottom - ink.top, "the height of the 40px run over the 16px ones");
        int red = count(image, rgb -> (rgb >> 16 & 0xff) > 180 && (rgb >> 8 & 0xff) < 90 && (rgb & 0xff) < 90);
        assertTrue(red > 40 && red < 100, "one red word, not a red label: " + red + " red pixels");
    }

    @Test
    void lineHeightSpacesTheLines() throws IOException {
        // Chromium: "one" inked on rows 16-24, "two" on rows 54-64: lines 40px apart
        Ink ink = Ink.of(png(
                200,
                120,
                label(
                        200,
                        120,
                        "<div " + XHTML + " style=\"" + FONT
                                + "font-size: 16px; line-height: 40px\">one<br/>two</div>")));
        assertEquals(2, ink.rows.size(), "two lines: " + ink.rowsText());
        assertNear(16, ink.rows.get(0)[0], "the first line's top");
        assertNear(54, ink.rows.get(1)[0], "the second line's top");
    }

    @Test
    void blankLinesKeepTheirHeight() throws IOException {
        // Chromium: "one", "three" and "five" inked from rows 6, 43 and 83: a blank line above each of the two
        Ink ink = Ink.of(png(
                200,
                120,
                label(
                        200,
                        120,
                        "<div " + XHTML + " style=\"" + FONT + "font-size: 16px; line-height: 20px\">one<br/><br/>three"
                                + "<div><br/></div><div>five</div></div>")));
        assertEquals(3, ink.rows.size(), "three lines of text: " + ink.rowsText());
        assertNear(6, ink.rows.get(0)[0], "one");
        assertNear(43, ink.rows.get(1)[0], "three, below a blank line");
        assertNear(83, ink.rows.get(2)[0], "five, below an empty div's line");
    }

    @Test
    void textWrapsWhereTheBrowserWrapsIt() throws IOException {
        // Chromium: "The quick brown / fox jumps over / the lazy dog / again", four lines in 120px, ink to x 116
        Ink ink = Ink.of(png(
                120,
                200,
                label(
                        120,
                        200,
                        "<div " + XHTML + " style=\"" + FONT
                                + "font-size: 16px; line-height: 20px\">The quick brown fox"
                                + " jumps over the lazy dog again</div>")));
        assertNear(3, ink.top, "the first line's top");
        assertNear(77, ink.bottom, "four lines, the last one's bottom");
        assertNear(116, ink.right, "\"The quick brown\" fits on the first line");
    }

    @Test
    void aPrettyPrintedLabelIsNotWrappedByItsIndents() throws IOException {
        // Chromium: "LOAD BALANCER" on one line, ink x 37 to 243, y 22 to 39 (draw.io's label, its text on lines of
        // its own, indented); the engine counted the spaces at its end and wrapped it
        Ink ink = Ink.of(png(
                300,
                60,
                "<foreignObject width=\"100%\" height=\"100%\" style=\"overflow: visible\">\n  <div " + XHTML
                        + " style=\"display: flex; align-items: unsafe center; justify-content: unsafe center; width: 260px;"
                        + " height: 1px; padding-top: 30px; margin-left: 10px;\">\n    <div style=\"box-sizing: border-box;"
                        + " font-size: 0px; text-align: center;\">\n      <div style=\"display: inline-block; font-size: 25px; "
                        + FONT
                        + "line-height: 1.2; white-space: normal;\">\n        LOAD BALANCER\n      </div>\n    </div>\n"
                        + "  </div>\n</foreignObject>"));
        assertEquals(1, ink.rows.size(), "one line: " + ink.rowsText());
        assertNear(37, ink.left, "centred in its box");
        assertNear(22, ink.top, "centred on its line");
    }

    @Test
    void aLabelMeasuredWholeIsLaidOutWhole() throws IOException {
        // Chromium: "Services Consume Events" (bold, underlined, 17px) on one line, ink x 32 to 245; the engine sized
        // the label to its text measured whole and laid it out in pieces, a few units wider, and wrapped it
        Ink ink = Ink.of(png(
                300,
                60,
                "<foreignObject width=\"100%\" height=\"100%\" style=\"overflow: visible\"><div " + XHTML
                        + " style=\"display: flex; align-items: unsafe center; justify-content: unsafe center; width: 258px;"
                        + " height: 1px; padding-top: 30px; margin-left: 10px;\"><div style=\"box-sizing: border-box;"
                        + " font-size: 0px; text-align: center;\"><div style=\"display: inline-block; font-size: 17px;"
                        + " font-family: Helvetica; line-height: 1.2; font-weight: bold; text-decoration: underline;"
                        + " white-space: normal;\">Services Consume Events</div></div></div></foreignObject>"));
        assertNear(32, ink.left, "one line, centred");
        assertNear(245, ink.right, "one line, centred");
    }

    @Test
    void listsHaveTheirMarkersAndIndents() throws IOException {
        // Chromium: bullets from x 23, the items' text from x 40, three lines (alpha, beta, "1. gamma")
        BufferedImage image = png(
                200,
                120,
                label(
                        200,
                        120,
                        "<div " + XHTML + " style=\"" + FONT
                                + "font-size: 16px; line-height: 20px\"><ul style=\"margin: 0\">"
                                + "<li>alpha</li><li>beta</li></ul><ol style=\"margin: 0\"><li>gamma</li></ol></div>"));
        Ink ink = Ink.of(image);
        assertEquals(3, ink.rows.size(), "three items: " + ink.rowsText());
        assertTrue(ink.left >= 18 && ink.left <= 26, "markers indented by the list's padding, from x " + ink.left);
        Ink marker = Ink.of(image.getSubimage(0, 0, 36, 20));
        assertTrue(marker.right > 0, "a bullet before the first item");
    }

    @Test
    void alignLeftAndTextAlignPlaceEachBlock() throws IOException {
        // Chromium: "left" at x 1 on the first line and "right" ending at x 299 on the second, in a centred label
        BufferedImage image = png(
                300,
                60,
                label(
                        300,
                        60,
                        "<div " + XHTML + " style=\"" + FONT
                                + "font-size: 16px; text-align: center\"><div align=\"left\">"
                                + "left</div><div style=\"text-align: right\">right</div></div>"));
        Ink first = Ink.of(image.getSubimage(0, 0, 300, 17));
        Ink second = Ink.of(image.getSubimage(0, 18, 300, 42));
        assertNear(1, first.left, "align=\"left\"");
        assertNear(299, second.right, "text-align: right");
    }

    @Test
    void aFlexBoxPlacesItsTitleAtTheTop() throws IOException {
        // Chromium: "Title" centred across, at the top: ink x 85 to 114, y 2 to 13
        Ink ink = Ink.of(png(
                200,
                120,
                label(
                        200,
                        120,
                        "<div " + XHTML + " style=\"display: flex; flex-direction: column; justify-content: flex-start;"
                                + " align-items: center; height: 100%; " + FONT
                                + "font-size: 16px\"><div>Title</div></div>")));
        assertNear(2, ink.top, "at the top, not centred in the box");
        assertNear(85, ink.left, "centred across");
    }

    @Test
    void aLabelsBackgroundColourIsPainted() throws IOException {
        // Chromium: the word's box yellow, 382 pixels of #ffcc00 from x 0 to 33, y 0 to 16
        BufferedImage image = png(
                200,
                60,
                label(
                        200,
                        60,
                        "<div " + XHTML + " style=\"" + FONT
                                + "font-size: 16px\"><span style=\"background-color: #ffcc00\">"
                                + "label</span></div>"));
        int yellow = count(image, rgb -> rgb == 0xffcc00);
        assertTrue(yellow > 300 && yellow < 600, yellow + " yellow pixels");
    }

    @Test
    void aStylesheetInTheHtmlStylesItsClasses() throws IOException {
        // Chromium: "blue" in bold blue, 322 pixels of blue
        BufferedImage image = png(
                200,
                60,
                label(
                        200,
                        60,
                        "<div " + XHTML + " style=\"" + FONT + "font-size: 24px\"><style>.note { color: #0000ff;"
                                + " font-weight: bold }</style><span class=\"note\">blue</span></div>"));
        int blue = count(image, rgb -> (rgb & 0xff) > 180 && (rgb >> 16 & 0xff) < 90 && (rgb >> 8 & 0xff) < 90);
        assertTrue(blue > 250, blue + " blue pixels");
    }

    @Test
    void customPropertiesAreResolved() throws IOException {
        // Chromium: "green" in #00a000, from a custom property the drawing's stylesheet sets: 289 green pixels
        BufferedImage image = png(
                200,
                60,
                "<style>svg { --ink: #00a000 }</style>"
                        + label(
                                200,
                                60,
                                "<div " + XHTML + " style=\"" + FONT + "font-size: 24px; color: var(--ink, #ff0000)\">"
                                        + "green</div>"));
        int green = count(image, rgb -> (rgb >> 8 & 0xff) > 120 && (rgb >> 16 & 0xff) < 90 && (rgb & 0xff) < 90);
        assertTrue(green > 200, green + " green pixels");
    }

    @Test
    void aFontTheDrawingEmbedsForItsHtmlIsUsed() throws IOException {
        // Chromium: "Willow Wimbledon" in the embedded face (Liberation Sans as WOFF2) ends at x 161, as in
        // Liberation Sans itself; in the fallback serif it would end near x 150
        byte[] woff2;
        try (InputStream in = HtmlLabelsTest.class.getResourceAsStream("/fonts/LiberationSans-Regular.woff2")) {
            woff2 = in.readAllBytes();
        }
        Ink ink = Ink.of(png(
                300,
                60,
                "<style>@font-face { font-family: \"Label Face\"; src: url(\"data:font/woff2;base64,"
                        + Base64.getEncoder().encodeToString(woff2) + "\") format(\"woff2\"); }"
                        + " .label { font-family: \"Label Face\"; font-size: 20px }</style>"
                        + label(300, 60, "<div " + XHTML + " class=\"label\">Willow Wimbledon</div>")));
        assertNear(161, ink.right, "the text's width in the embedded font");
        assertNear(3, ink.top, "the class's size and place");
    }

    @Test
    void charactersTheLabelsFontLacksFallBackAtTheLabelsSize() throws IOException {
        // Chromium: five Chinese characters in a Liberation Sans label (which has none), 12px: ink from x 10 to
        // 69 and y 11 to 21, in the font fontconfig falls back to (the engine drew them a fraction of that size)
        Ink ink = Ink.of(png(
                200,
                60,
                "<foreignObject x=\"10\" y=\"10\" width=\"180\" height=\"40\"><div " + XHTML + " style=\"" + FONT
                        + "font-size: 12px; line-height: 1.2\">\u5b89\u88c5\u811a\u624b\u67b6</div></foreignObject>"));
        assertNear(11, ink.top, "the characters' top");
        assertNear(21, ink.bottom, "the characters' bottom");
        assertNear(69, ink.right, "the characters' end");
    }

    @Test
    void aSpaceBeforeALineBreakDoesNotWrapALabelSizedToItsText() throws IOException {
        // Chromium: draw.io's label, sized to its longest line, "Install the scaffold <br/>npm i -g misthin", in two
        // lines, y 18 to 26 and 33 to 44, x 33 to 126 (the space before the <br> counted in the line and not in
        // the box, and "scaffold" wrapped)
        Ink ink = Ink.of(png(
                200,
                80,
                "<foreignObject width=\"160\" height=\"60\"><div " + XHTML + " style=\"display: flex; align-items:"
                        + " unsafe center; justify-content: unsafe center; width: 158px; height: 1px; padding-top: 30px;"
                        + " margin-left: 1px;\"><div style=\"box-sizing: border-box; font-size: 0; text-align: center;\">"
                        + "<div style=\"display: inline-block; font-size: 12px; " + FONT
                        + "line-height: 1.2;\">Install the"
                        + " scaffold <br/>npm i -g misthin</div></div></div></foreignObject>"));
        assertEquals(2, ink.rows.size(), "two lines: " + ink.rowsText());
        assertNear(33, ink.left, "the lines' start");
        assertNear(126, ink.right, "the lines' end");
    }

    @Test
    void textThatDoesNotWrapStaysOnOneLineAcrossElements() throws IOException {
        // Chromium: one line, ink from x 0 to 132; the box is a pixel narrower than the text (the tool measured it in
        // another font), and the text, white-space: nowrap, overflows it
        Ink ink = Ink.of(png(
                300,
                40,
                "<foreignObject width=\"132\" height=\"20\" style=\"overflow: visible\"><div " + XHTML + " style=\""
                        + FONT + "font-size: 12px; white-space: nowrap\">GET <span>fqdn-x</span>:9100/metrics</div>"
                        + "</foreignObject>"));
        assertEquals(1, ink.rows.size(), "one line: " + ink.rowsText());
        assertNear(132, ink.right, "the line's end");
    }

    @Test
    void anInlineBlockAlignedToTheTopStartsAtTheTop() throws IOException {
        // Chromium: draw.io's legacy label (an inline-block, vertical-align: top) inked from y 12 to 20 in its box at
        // y 10; the engine aligned it by its baseline, 3 px lower
        Ink ink = Ink.of(png(
                200,
                40,
                "<foreignObject x=\"20\" y=\"10\" width=\"113\" height=\"12\" style=\"overflow: visible\"><div " + XHTML
                        + " style=\"display: inline-block; font-size: 12px; font-family: Liberation Sans; line-height: 1.2;"
                        + " vertical-align: top; white-space: nowrap; text-align: center;\"><div style=\"display:"
                        + " inline-block\">Some network barrier</div></div></foreignObject>"));
        assertNear(12, ink.top, "the text's top");
        assertNear(134, ink.right, "the text's end");
    }

    @Test
    void lightTextWithADarkOutlineKeepsItsOutline() throws IOException {
        // Chromium: white bold text whose text-shadow draws a grey halo around it: ink from x 0 to 81, y 5 to 29
        Ink ink = Ink.of(png(
                200,
                60,
                label(
                        200,
                        60,
                        "<div " + XHTML + " style=\"" + FONT + "font-size: 32px; font-weight: bold; color: #ffffff;"
                                + " text-shadow: 0 0 2px #000, 0 0 2px #000\">white</div>")));
        assertNear(81, ink.right, "the outline's right edge, not white on white");
        assertNear(5, ink.top, "the outline's top");
    }

    @Test
    void aPdfFillsTheLabelsBackgroundAsAVectorShape() throws IOException {
        // the label of aLabelsBackgroundColourIsPainted, as a PDF: its yellow box is a fill in a content stream (that
        // it
        // shows was checked by eye, with pdftoppm: a test cannot tell a fill from one clipped away)
        PdfReader pdf = new PdfReader(render(
                new PdfFormat(),
                drawing("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"60\">"
                        + label(
                                200,
                                60,
                                "<div " + XHTML + " style=\"" + FONT + "font-size: 16px\"><span"
                                        + " style=\"background-color: #ffcc00\">label</span></div>")
                        + "</svg>"),
                Map.of()));
        StringBuilder content = new StringBuilder();
        for (int i = 1; i < pdf.getXrefSize(); i++) {
            if (pdf.getPdfObject(i) instanceof PRStream stream) {
                content.append(new String(PdfReader.getStreamBytes(stream), StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(content.toString().contains("1 0.8 0 rg"), "the label's yellow is filled in the PDF");
    }

    @Test
    void aMathMlFractionIsLaidOutAsAFraction() throws IOException {
        // Chromium: "rate" on the line, then the fraction: its bar x 63 to 88 at y 26-27, "1" above it (y 13 to 23),
        // "365" below it (y 28 to 37); then "a day" from x 96 (ink to x 146). JEuclid sets a fraction's bar higher
        // over the baseline (0.38 of the font's ascent): the numerator's top is 3 px higher, the line 3 px lower, and
        // its spacing around a fraction is wider ("a day" from x 101). Before MathML was laid out: "rate 1365 a day"
        // as one line of text, no bar.
        BufferedImage image = png(
                300,
                120,
                "<foreignObject x=\"20\" y=\"10\" width=\"260\" height=\"100\"><div " + XHTML
                        + " style=\"font-family: Liberation Serif; font-size: 24px\">rate <math"
                        + " xmlns=\"http://www.w3.org/1998/Math/MathML\" style=\"font-family: Liberation Serif\">"
                        + "<mfrac><mn>1</mn><mn>365</mn></mfrac></math> a day</div></foreignObject>");
        int[] bar = longestRun(image);
        assertTrue(bar[2] - bar[1] >= 20, "a fraction bar: the longest run of ink is x " + bar[1] + " to " + bar[2]);
        assertNear(63, bar[1], "the bar's start");
        assertNear(88, bar[2], "the bar's end");
        int top = bar[0];
        while (inked(image.getRGB((bar[1] + bar[2]) / 2, top - 1))) {
            top--;
        }
        int bottom = bar[0];
        while (inked(image.getRGB((bar[1] + bar[2]) / 2, bottom + 1))) {
            bottom++;
        }
        Ink numerator = Ink.of(image.getSubimage(bar[1], 0, bar[2] - bar[1] + 1, top));
        Ink denominator = Ink.of(image.getSubimage(bar[1], bottom + 1, bar[2] - bar[1] + 1, 119 - bottom));
        assertTrue(numerator.right >= 0 && numerator.bottom < top, "the numerator is above the bar");
        assertTrue(denominator.right >= 0, "the denominator is below the bar");
        assertNear(28, bottom + 1 + denominator.top, "the denominator's top");
        assertNear(37, bottom + 1 + denominator.bottom, "the denominator's bottom");
        Ink after = Ink.of(image.getSubimage(bar[2] + 2, 0, 300 - bar[2] - 2, 120));
        assertEquals(1, after.rows.size(), "the text after the formula is on its line: " + after.rowsText());
    }

    @Test
    void aPdfDrawsAFormulaAsVectorShapes() throws IOException {
        // the fraction of aMathMlFractionIsLaidOutAsAFraction, as a PDF: its glyphs and bar are filled paths, as the
        // label's text is, no image (that it shows as in the PNG was checked by eye, with pdftoppm)
        String fraction =
                "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mfrac><mn>1</mn><mn>365</mn></mfrac></math>";
        String with = pdfContent(fraction);
        String without = pdfContent("");
        assertTrue(!with.contains("/Image"), "no image in the PDF");
        assertTrue(
                fills(with) >= fills(without) + 2,
                "the formula's glyphs are filled paths: " + fills(with) + " fills, " + fills(without) + " without it");
        assertTrue(!with.contains("/FontFile"), "no font is embedded: text and formula are outlines");
    }

    /** @return the PDF of a label "rate ... a day", the formula given in its place: its bytes, then its streams */
    private static String pdfContent(String formula) throws IOException {
        byte[] bytes = render(
                new PdfFormat(),
                drawing("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"120\">"
                        + label(
                                260,
                                100,
                                "<div " + XHTML + " style=\"font-family: Liberation Serif; font-size: 24px\">rate "
                                        + formula + " a day</div>")
                        + "</svg>"),
                Map.of());
        StringBuilder content = new StringBuilder(new String(bytes, StandardCharsets.ISO_8859_1));
        PdfReader pdf = new PdfReader(bytes);
        for (int i = 1; i < pdf.getXrefSize(); i++) {
            if (pdf.getPdfObject(i) instanceof PRStream stream) {
                content.append('\n').append(new String(PdfReader.getStreamBytes(stream), StandardCharsets.ISO_8859_1));
            }
        }
        return content.toString();
    }

    /** @return how many paths a PDF's content fills */
    private static long fills(String content) {
        return content.lines().filter(line -> line.strip().equals("f")).count();
    }

    /** @return {y, first x, last x} of the longest horizontal run of ink */
    private static int[] longestRun(BufferedImage image) {
        int[] longest = {0, 0, -1};
        for (int y = 0; y < image.getHeight(); y++) {
            int start = -1;
            for (int x = 0; x <= image.getWidth(); x++) {
                boolean ink = x < image.getWidth() && inked(image.getRGB(x, y));
                if (ink && start < 0) {
                    start = x;
                } else if (!ink && start >= 0) {
                    if (x - 1 - start > longest[2] - longest[1]) {
                        longest = new int[] {y, start, x - 1};
                    }
                    start = -1;
                }
            }
        }
        return longest;
    }

    private static boolean inked(int rgb) {
        return 255 - (rgb >> 16 & 0xff) > 40 || 255 - (rgb >> 8 & 0xff) > 40 || 255 - (rgb & 0xff) > 40;
    }

    private static void assertNear(int expected, int actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 2, what + ": expected " + expected + " (within 2 px), was " + actual);
    }

    private static int count(BufferedImage image, IntPredicate colour) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                count += colour.test(image.getRGB(x, y) & 0xffffff) ? 1 : 0;
            }
        }
        return count;
    }

    /** Where an image has ink (a pixel more than 40 levels from white), and its rows of ink. */
    private record Ink(int left, int top, int right, int bottom, List<int[]> rows) {

        static Ink of(BufferedImage image) {
            int left = image.getWidth();
            int top = image.getHeight();
            int right = -1;
            int bottom = -1;
            List<int[]> rows = new ArrayList<>();
            int start = -1;
            for (int y = 0; y < image.getHeight(); y++) {
                boolean inked = false;
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    if (255 - (rgb >> 16 & 0xff) > 40 || 255 - (rgb >> 8 & 0xff) > 40 || 255 - (rgb & 0xff) > 40) {
                        inked = true;
                        left = Math.min(left, x);
                        right = Math.max(right, x);
                        top = Math.min(top, y);
                        bottom = Math.max(bottom, y);
                    }
                }
                if (inked && start < 0) {
                    start = y;
                } else if (!inked && start >= 0) {
                    rows.add(new int[] {start, y - 1});
                    start = -1;
                }
            }
            if (start >= 0) {
                rows.add(new int[] {start, image.getHeight() - 1});
            }
            return new Ink(left, top, right, bottom, rows);
        }

        String rowsText() {
            return rows.stream().map(row -> row[0] + "-" + row[1]).toList().toString();
        }
    }
}

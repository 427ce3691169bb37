package dev.schedex.renderers.internal.svg;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class DrawingNormaliserTest {

    private static final String OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\">";
    private static final String XHTML = "xmlns=\"http://www.w3.org/1999/xhtml\"";

    private static String normalised(String svg) {
        Document document = SvgSanitiser.sanitise(svg, warning -> {});
        DrawingNormaliser.normalise(document);
        return SvgSanitiser.serialise(document, true);
    }

    @Test
    void aSwitchKeepsTheBranchABrowserDrawsAndItsHtmlBecomesText() {
        String out = normalised(
                OPEN + "<switch><foreignObject requiredFeatures=\"http://www.w3.org/TR/SVG11/feature#Extensibility\""
                        + " width=\"100%\" height=\"100%\"><div " + XHTML
                        + " style=\"display: flex; align-items: unsafe center;"
                        + " justify-content: unsafe center; width: 98px; height: 1px; padding-top: 40px; margin-left: 41px;\">"
                        + "<div style=\"font-size: 12px; color: rgb(0, 0, 0);\">Lamp<br/>plugged in?</div></div></foreignObject>"
                        + "<text x=\"90\" y=\"44\">Lamp...</text></switch>"
                        + "<switch><g requiredFeatures=\"http://www.w3.org/TR/SVG11/feature#Extensibility\"/>"
                        + "<a href=\"https://example.com\"><text>Text is not SVG - cannot display</text></a></switch></svg>");
        assertTrue(out.contains(">Lamp</tspan>") && out.contains(">plugged in?</tspan>"), out);
        assertTrue(out.contains("text-anchor=\"middle\"") && out.contains("font-size=\"12.0\""), out);
        assertFalse(out.contains("Lamp...") || out.contains("cannot display") || out.contains("foreignObject"), out);
        assertFalse(out.contains("requiredFeatures"), out);
    }

    @Test
    void htmlTextAloneBecomesSvgTextInItsBox() {
        String out = normalised(
                OPEN + "<g transform=\"translate(10, 10)\"><foreignObject width=\"80\" height=\"24\">" + "<div " + XHTML
                        + " style=\"text-align: center;\"><span><p>Class01</p></span></div></foreignObject></g></svg>");
        assertTrue(out.contains("<tspan x=\"40.0\""), out);
        assertTrue(out.contains(">Class01</tspan>"), out);
    }

    @Test
    void aDataImageInHtmlTextStaysAboveItsText() {
        String out = normalised(OPEN + "<foreignObject width=\"100\" height=\"148\"><div " + XHTML
                + " style=\"text-align: center;\"><p><img height=\"100\" width=\"100\" src=\"data:image/png;base64,AAAA\"/>"
                + "<br/>Red Circle</p></div></foreignObject></svg>");
        // centred across the 100-wide box, the 100-high image and a 20-high line centred in the 148-high box
        assertTrue(
                out.matches("(?s).*<image height=\"100.0\" width=\"100.0\" x=\"0.0\" [^>]*"
                        + "xlink:href=\"data:image/png;base64,AAAA\" y=\"14.0\"/>.*"),
                out);
        assertTrue(
                out.contains("<tspan x=\"50.0\" y=\"130.0\">Red Circle</tspan>"),
                "the text's baseline below the image: " + out);
    }

    @Test
    void stylesheetsAndColoursAreRewrittenForBatik() {
        String out = normalised(OPEN + "<style>@keyframes k { to { opacity: 0 } } .a { fill: rgba(255, 0, 0, 0.5);"
                + " display: inline-block }</style><rect class=\"a\" width=\"10\" height=\"10\" stroke=\"transparent\"/>"
                + "<rect width=\"5\"/></svg>");
        assertTrue(out.contains(".a {fill: rgb(255, 0, 0); fill-opacity: 0.5}"), out);
        assertTrue(out.contains("stroke=\"none\""), out);
        assertTrue(out.contains("<rect height=\"0\" width=\"5\"/>"), out);
        assertFalse(out.contains("keyframes") || out.contains("inline-block"), out);
    }

    @Test
    void textBaselinesBecomeTheShiftABrowserDraws() {
        String out = normalised(OPEN + "<text y=\"10\" dominant-baseline=\"central\">loose</text>"
                + "<text y=\"20\" dominant-baseline=\"mathematical\"><tspan alignment-baseline=\"mathematical\">"
                + "once</tspan></text>"
                + "<g style=\"dominant-baseline: middle\"><text y=\"30\">inherited</text></g>"
                + "<text y=\"40\"><tspan alignment-baseline=\"central\">span</tspan><tspan>plain</tspan></text>"
                + "<text y=\"50\" dominant-baseline=\"auto\">alphabetic</text></svg>");
        assertTrue(out.contains("<tspan baseline-shift=\"-34%\">loose</tspan>"), out);
        assertTrue(
                out.contains("<tspan alignment-baseline=\"mathematical\" baseline-shift=\"-45%\">once</tspan>"),
                "the tspan's and the text's mathematical baseline do not add up: " + out);
        assertTrue(out.contains("<tspan baseline-shift=\"-26%\">inherited</tspan>"), out);
        assertTrue(out.contains("baseline-shift=\"-34%\">span</tspan><tspan>plain</tspan>"), out);
        assertTrue(out.contains("dominant-baseline=\"auto\" y=\"50\">alphabetic</text>"), out);
    }

    @Test
    void theRootsBackgroundColourIsPaintedBehindTheDrawing() {
        String out = normalised("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"10 20 30 40\""
                + " style=\"background-color: rgba(0, 0, 255, 0.5)\"><circle r=\"5\"/></svg>");
        assertTrue(
                out.matches("(?s).*<svg [^>]*><rect fill=\"rgb\\(0, 0, 255\\)\" fill-opacity=\"0.5\" height=\"40\""
                        + " width=\"30\" x=\"10\" y=\"20\"/><circle.*"),
                out);
        assertFalse(normalised(OPEN + "<circle r=\"5\"/></svg>").contains("<rect"), "no background, no rectangle");
    }

    @Test
    void charactersBeyondTheFirstPlaneGetAFontThatFallsBack() {
        String out = normalised(OPEN + "<text font-family=\"Virgil\">smile \uD83D\uDE00\uD83D\uDE01 now</text></svg>");
        assertTrue(out.contains(">smile <tspan font-family=\"Dialog\">&#128512;&#128513;</tspan> now</text>"), out);
        assertTrue(out.contains("font-family=\"Virgil, serif\">"), out);
        assertTrue(out.matches("(?s)<svg [^>]*font-family=\"serif\".*"), "a browser's initial font: " + out);
    }
}

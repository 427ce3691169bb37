package dev.schedex.renderers.internal.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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
    void aSwitchKeepsTheBranchABrowserDrawsAndDrawIosFlexBoxBecomesTheLabelsBox() {
        String out = normalised(
                OPEN + "<switch><foreignObject requiredFeatures=\"http://www.w3.org/TR/SVG11/feature#Extensibility\""
                        + " width=\"100%\" height=\"100%\"><div " + XHTML
                        + " style=\"display: flex; align-items: unsafe center;"
                        + " justify-content: unsafe center; width: 98px; height: 1px; padding-top: 40px; margin-left: 41px;\">"
                        + "<div style=\"font-size: 12px; color: rgb(0, 0, 0);\">Lamp<br/>plugged in?</div></div></foreignObject>"
                        + "<text x=\"90\" y=\"44\">Lamp...</text></switch>"
                        + "<switch><g requiredFeatures=\"http://www.w3.org/TR/SVG11/feature#Extensibility\"/>"
                        + "<a href=\"https://example.com\"><text>Text is not SVG - cannot display</text></a></switch></svg>");
        // the flex box's content box, 98 by 1 at (41, 40); its item centred in it both ways
        assertTrue(out.contains("data-schedex-box=\"41.0 40.0 98.0 1.0\""), out);
        assertTrue(out.contains("data-schedex-align=\"center center\""), out);
        assertTrue(out.contains(">Lamp<br/>plugged in?</div>"), out);
        assertFalse(out.contains("Lamp...") || out.contains("cannot display"), out);
        assertFalse(out.contains("requiredFeatures"), out);
    }

    @Test
    void anHtmlLabelBecomesAPageWithTheDrawingsCssAndStandInsForTheSvgAroundIt() {
        String out = normalised(OPEN + "<style>#d .node p { margin: 0; color: rgba(255, 0, 0, 0.5) }</style>"
                + "<g class=\"node\" font-size=\"14px\" transform=\"translate(10, 10)\">"
                + "<foreignObject width=\"80\" height=\"24\"><div " + XHTML
                + " style=\"text-align: center;\"><span><p>Class01</p></span></div></foreignObject></g></svg>");
        assertTrue(out.contains("data-schedex-box=\"0.0 0.0 80.0 24.0\""), out);
        assertTrue(out.contains("data-schedex-clip=\"0.0 0.0 80.0 24.0\""), "a foreign object clips: " + out);
        // the stylesheet as the tool wrote it (not as rewritten for Batik), its colours opaque for CSS 2.1
        assertTrue(out.contains("#d .node p { margin: 0; color: rgb(255, 0, 0) }"), out);
        // the group's stand-in has its class; its presentation attribute is on a span around it, which rules override
        assertTrue(
                out.matches("(?s).*<span style=\"font-size: 14px; [^\"]*\"><g class=\"node\" style=\"[^\"]*\">.*"),
                out);
        assertTrue(out.contains("<p>Class01</p>"), out);
    }

    @Test
    void anHtmlStylesheetInALabelBecomesAnSvgStylesheetBeforeIt() {
        Document document = SvgSanitiser.sanitise(
                OPEN + "<foreignObject width=\"80\" height=\"24\"><div " + XHTML
                        + "><style>.note { color: blue }</style>"
                        + "<span class=\"note\">x</span></div></foreignObject></svg>",
                warning -> {});
        String out = SvgSanitiser.serialise(document, true);
        assertTrue(out.contains("<style>.note { color: blue }</style><foreignObject"), out);
        assertFalse(out.contains("<style xmlns=\"http://www.w3.org/1999/xhtml\""), out);
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
    void cssFilterFunctionsBecomeAFilterOfTheirPrimitivesInTheOrderWritten() {
        String out = normalised(OPEN + "<g id=\"schedex-filter-1\" filter=\"invert(93%) hue-rotate(180deg)\">"
                + "<rect width=\"9\" height=\"9\" stroke-width=\"6\"/></g><g style=\"fill: red; "
                + "filter: invert(93%) hue-rotate(180deg) !important\"><rect width=\"9\" height=\"9\" "
                + "stroke-width=\"6\"/></g></svg>");
        // the drawing's own id is left to it; the same list in the same place shares one filter; the margin
        // is half the widest stroke and a pixel
        assertTrue(
                out.contains(
                        "<defs><filter color-interpolation-filters=\"sRGB\" height=\"120%\" "
                                + "id=\"schedex-filter-2\" mh=\"8\" mw=\"8\" mx=\"-4\" my=\"-4\" width=\"120%\" x=\"-10%\" "
                                + "y=\"-10%\"><feComponentTransfer><feFuncR intercept=\"0.93\" slope=\"-0.86\" type=\"linear\"/>"),
                out);
        assertTrue(
                out.contains("</feComponentTransfer><feColorMatrix type=\"hueRotate\" values=\"180\"/></filter>"), out);
        assertEquals(1, out.split("<filter ", -1).length - 1, out);
        assertTrue(out.contains("filter=\"url(#schedex-filter-2)\""), out);
        assertTrue(out.contains("style=\"fill: red; filter: url(#schedex-filter-2)\""), out);
    }

    @Test
    void aDropShadowBecomesTheShadowsPrimitivesWithItsColourAndAMarginForItsReach() {
        String out = normalised(OPEN + "<rect width=\"9\" height=\"9\" filter=\"drop-shadow(rgba(255, 0, 0, 0.5) "
                + "3px -4px 2px)\"/><g style=\"color: #00f\"><rect width=\"9\" height=\"9\" "
                + "filter=\"drop-shadow(1px 1px)\"/></g></svg>");
        // 3 standard deviations and the larger offset, and half the initial stroke width and a pixel
        assertTrue(out.contains("mx=\"-11.5\""), out);
        assertTrue(
                out.contains("<feGaussianBlur in=\"SourceGraphic\" result=\"schedex-1\" stdDeviation=\"2 2\"/>"
                        + "<feOffset dx=\"3\" dy=\"-4\" in=\"schedex-1\" result=\"schedex-2\"/><feFlood "
                        + "flood-color=\"rgb(255, 0, 0)\" flood-opacity=\"0.5\""),
                out);
        assertTrue(out.contains("<feFlood flood-color=\"#00f\" flood-opacity=\"1\""), "the element's color: " + out);
    }

    @Test
    void aFilterListPastTheBoundsOrNamingTheOutsideIsLeftAsWritten() {
        String tooLong = "invert(0) ".repeat(FilterFunctions.MAX_FUNCTIONS + 1);
        String longest = "invert(0) ".repeat(FilterFunctions.MAX_FUNCTIONS);
        String out = normalised(OPEN + "<rect filter=\"" + tooLong + "\"/><rect filter=\"" + longest + "\"/></svg>");
        assertTrue(out.contains("filter=\"" + tooLong + "\""), out);
        assertEquals(1, out.split("<filter ", -1).length - 1, "only the list at the bound is applied: " + out);

        StringBuilder many = new StringBuilder(OPEN);
        for (int i = 0; i <= FilterFunctions.MAX_FILTERS; i++) {
            many.append("<rect filter=\"opacity(").append(1_000 + i).append("e-4)\"/>");
        }
        out = normalised(many.append("</svg>").toString());
        assertEquals(FilterFunctions.MAX_FILTERS, out.split("<filter ", -1).length - 1);
        assertTrue(out.contains("filter=\"opacity(2000e-4)\""), "the one past the bound is left as written");

        List<String> warnings = new ArrayList<>();
        Document document = SvgSanitiser.sanitise(
                OPEN + "<rect filter=\"url(http://evil.example/f.svg#f) invert(1)\"/>"
                        + "<rect style=\"filter: invert(1) url('https://evil.example/f.svg#f')\"/>"
                        + "<rect filter=\"url(#local) invert(1)\"/></svg>",
                warnings::add);
        DrawingNormaliser.normalise(document);
        out = SvgSanitiser.serialise(document, true);
        assertEquals(2, warnings.size(), warnings.toString());
        assertFalse(out.contains("evil.example"), out);
        assertTrue(
                out.contains("filter=\"none invert(1)\""), "the outside reference is none, the list invalid: " + out);
        assertTrue(out.contains("filter=\"url(#local) invert(1)\""), "a reference among functions is left: " + out);
        assertFalse(out.contains("<filter "), out);
    }

    @Test
    void charactersBeyondTheFirstPlaneGetAFontThatFallsBack() {
        String out = normalised(OPEN + "<text font-family=\"Virgil\">smile \uD83D\uDE00\uD83D\uDE01 now</text></svg>");
        assertTrue(out.contains(">smile <tspan font-family=\"Dialog\">&#128512;&#128513;</tspan> now</text>"), out);
        assertTrue(out.contains("font-family=\"Virgil, serif\">"), out);
        assertTrue(out.matches("(?s)<svg [^>]*font-family=\"serif\".*"), "a browser's initial font: " + out);
    }
}

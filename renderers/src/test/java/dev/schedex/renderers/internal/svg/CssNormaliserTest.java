package dev.schedex.renderers.internal.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CssNormaliserTest {

    private final CssNormaliser normaliser = new CssNormaliser();

    @Test
    void oneRuleBatikCannotReadCostsOnlyThatRule() {
        String css = ".a { fill: red } .b:not(.c) > .d::before { fill: blue } .e { stroke: green; bogus: ((; }";
        String out = normaliser.stylesheet(css);
        assertTrue(out.contains(".a {fill: red}"), out);
        assertTrue(out.contains(".e {stroke: green}"), out);
    }

    @Test
    void animationsAndPrintAndDarkBlocksGoScreenBlocksAreUnwrapped() {
        String css = "@keyframes dash { to { stroke-dashoffset: 0 } } .a { fill: red; animation: dash 1s }"
                + " @media print { .a { fill: black } } @media (prefers-color-scheme: dark) { .a { fill: white } }"
                + " @media screen { .b { fill: blue } } @supports (display: grid) { .c { fill: green } }";
        String out = normaliser.stylesheet(css);
        assertEquals(".a {fill: red}\n.b {fill: blue}\n.c {fill: green}\n", out);
    }

    @Test
    void anAnimatedElementStartsWithTheValuesItsAnimationOpensWith() {
        String css = "@keyframes board-0 { 0%, 0.000000% { opacity: 0 } 0.000000%, 9.99% { opacity: 1 }"
                + " 10%, 100% { opacity: 0 } }"
                + " @keyframes board-1 { 0%, 9.99% { opacity: 0; animation: board-1 1s } 10%, 100% { opacity: 1 } }"
                + " @keyframes march { from { stroke-dashoffset: 0 } }"
                + " .first { opacity: 0.5; animation: board-0 17500ms infinite }"
                + " .second { animation: board-1 17500ms infinite }"
                + " .later { stroke-dashoffset: 9; animation: march 2s 1s linear }"
                + " .filled { stroke-dashoffset: 9; animation: march 2s 1s linear backwards }";
        String out = normaliser.stylesheet(css);
        assertEquals(
                ".first {opacity: 0.5; opacity: 0; opacity: 1}\n.second {opacity: 0}\n.later {stroke-dashoffset: 9}\n"
                        + ".filled {stroke-dashoffset: 9; stroke-dashoffset: 0}\n",
                out,
                "the last 0% keyframe wins; a delay without a backwards fill keeps the element's own value");
        assertEquals(
                "opacity: 0",
                normaliser.declarations("animation: board-1 17500ms infinite"),
                "a style attribute starts with an animation a stylesheet defined");
    }

    @Test
    void aFontListWithoutAGenericFamilyEndsInTheBrowsersDefault() {
        assertEquals(
                "Helvetica, serif",
                CssNormaliser.withBrowserFallback("Helvetica"),
                "a list without a generic family ends in the browser's default, a serif");
        assertEquals(
                "\"trebuchet ms\", verdana, arial, sans-serif",
                CssNormaliser.withBrowserFallback("\"trebuchet ms\", verdana, arial, sans-serif"));
        assertEquals(
                "Inter, system-ui, sans-serif",
                CssNormaliser.withBrowserFallback("Inter, system-ui"),
                "a system UI font is a sans-serif");
        assertEquals(".a {font-family: Virgil, serif}\n", normaliser.stylesheet(".a { font-family: Virgil }"));
    }

    @Test
    void customPropertiesAreResolvedIntoEveryVarAndRemoved() {
        String css =
                ":root { --ink: #123456; color-scheme: light dark } .a { fill: var(--ink); stroke: var(--missing, #abcdef) }"
                        + " .b { fill: var(--nowhere) }";
        String out = normaliser.stylesheet(css);
        assertTrue(out.contains(".a {fill: #123456; stroke: #abcdef}"), out);
        assertFalse(out.contains("--ink") || out.contains("color-scheme") || out.contains(".b"), out);
    }

    @Test
    void coloursBatikCannotReadBecomeRgbAndAnOpacity() {
        assertEquals("fill: rgb(255, 0, 0); fill-opacity: 0.5", normaliser.declarations("fill: rgba(255, 0, 0, 0.5)"));
        assertEquals("stroke: none", normaliser.declarations("stroke: transparent"));
        assertEquals("stop-color: rgb(0, 0, 0); stop-opacity: 0", normaliser.declarations("stop-color: transparent"));
        assertEquals("fill: rgb(17, 34, 51); fill-opacity: 0.267", normaliser.declarations("fill: #1234"));
        assertEquals(
                "fill: rgb(0, 255, 0); fill-opacity: 0.25",
                normaliser.declarations("fill: hsla(120, 100%, 50%, 0.25)"));
        assertEquals("fill: rgb(1, 2, 3)", normaliser.declarations("fill: rgb(1, 2, 3)"));
        assertEquals("fill: rgb(9, 6, 0)", normaliser.declarations("fill: rgb(8.5000000002, 5.7500000001, 0)"));
        assertEquals("stroke: red", normaliser.declarations("stroke: red; filter: drop-shadow(1px 2px 2px red)"));
        assertEquals("filter: url(#shadow)", normaliser.declarations("filter: url(#shadow)"));
    }

    @Test
    void declarationsBatiksEngineRefusesAreDroppedAloneAndUnknownPropertiesWithThem() {
        assertEquals(
                "fill: red",
                normaliser.declarations(
                        "display: inline-block; fill: red; alignment-baseline: central;" + " max-width: 875px"));
        assertEquals(
                "display: none; font: bold 12px sans-serif",
                normaliser.declarations("display: none; font: bold 12px sans-serif"));
    }

    @Test
    void dataUrlsInFontFacesSurviveTheirSemicolons() {
        String css = "@font-face { font-family: \"Hand\"; src: url(data:font/woff2;base64,AAAA) format(\"woff2\") }";
        assertTrue(
                normaliser.stylesheet(css).contains("src: url(data:font/woff2;base64,AAAA) format(\"woff2\")"),
                normaliser.stylesheet(css));
    }
}

package dev.schedex.renderers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void customPropertiesAreResolvedIntoEveryVarAndRemoved() {
        String css = ":root { --ink: #123456; color-scheme: light dark } .a { fill: var(--ink); stroke: var(--missing, #abcdef) }"
                + " .b { fill: var(--nowhere) }";
        String out = normaliser.stylesheet(css);
        assertTrue(out.contains(".a {fill: #123456; stroke: #abcdef}"), out);
        assertFalse(out.contains("--ink") || out.contains("color-scheme") || out.contains(".b"), out);
    }

    @Test
    void coloursBatikCannotReadBecomeRgbAndAnOpacity() {
        assertEquals("fill: rgb(255, 0, 0); fill-opacity: 0.5",
                normaliser.declarations("fill: rgba(255, 0, 0, 0.5)"));
        assertEquals("stroke: none", normaliser.declarations("stroke: transparent"));
        assertEquals("stop-color: rgb(0, 0, 0); stop-opacity: 0", normaliser.declarations("stop-color: transparent"));
        assertEquals("fill: rgb(17, 34, 51); fill-opacity: 0.267", normaliser.declarations("fill: #1234"));
        assertEquals("fill: rgb(0, 255, 0); fill-opacity: 0.25", normaliser.declarations("fill: hsla(120, 100%, 50%, 0.25)"));
        assertEquals("fill: rgb(1, 2, 3)", normaliser.declarations("fill: rgb(1, 2, 3)"));
        assertEquals("fill: rgb(9, 6, 0)", normaliser.declarations("fill: rgb(8.5000000002, 5.7500000001, 0)"));
        assertEquals("stroke: red", normaliser.declarations("stroke: red; filter: drop-shadow(1px 2px 2px red)"));
        assertEquals("filter: url(#shadow)", normaliser.declarations("filter: url(#shadow)"));
    }

    @Test
    void declarationsBatiksEngineRefusesAreDroppedAloneAndUnknownPropertiesWithThem() {
        assertEquals("fill: red", normaliser.declarations("display: inline-block; fill: red; alignment-baseline: central;"
                + " max-width: 875px"));
        assertEquals("display: none; font: bold 12px sans-serif", normaliser.declarations("display: none; font: bold 12px sans-serif"));
    }

    @Test
    void dataUrlsInFontFacesSurviveTheirSemicolons() {
        String css = "@font-face { font-family: \"Hand\"; src: url(data:font/woff2;base64,AAAA) format(\"woff2\") }";
        assertTrue(normaliser.stylesheet(css).contains("src: url(data:font/woff2;base64,AAAA) format(\"woff2\")"),
                normaliser.stylesheet(css));
    }
}

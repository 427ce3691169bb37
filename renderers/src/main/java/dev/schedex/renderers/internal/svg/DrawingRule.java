package dev.schedex.renderers.internal.svg;

import org.w3c.dom.Element;

/**
 * One rewrite of a sanitised drawing, which {@link DrawingNormaliser} applies to each SVG element in
 * document order; a rule leaves alone the elements it is not about.
 */
@FunctionalInterface
interface DrawingRule {

    /** @param element an element of the drawing, still in it; the rule may change or replace it */
    void apply(Element element);
}

package dev.schedex.renderers.internal.svg;

import org.w3c.dom.Element;

/** SVG 2's plain {@code href}: also given as {@code xlink:href}, the only one Batik reads. */
final class Hrefs implements DrawingRule {

    @Override
    public void apply(Element element) {
        if (element.hasAttribute("href") && !element.hasAttributeNS(SvgTree.XLINK, "href")) {
            element.setAttributeNS(SvgTree.XLINK, "xlink:href", element.getAttribute("href"));
        }
    }
}

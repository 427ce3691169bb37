package dev.schedex.renderers.internal.svg;

import org.w3c.dom.Element;

/** Stylesheets, style attributes, fonts and colour attributes, as {@link CssNormaliser} rewrites them. */
final class Styles implements DrawingRule {

    private final CssNormaliser css = new CssNormaliser();

    @Override
    public void apply(Element element) {
        if ("style".equals(element.getLocalName())) {
            element.setTextContent(css.stylesheet(element.getTextContent()));
        }
        if (element.hasAttribute("style")) {
            element.setAttribute("style", css.declarations(element.getAttribute("style")));
        }
        if (element.hasAttribute("font-family")) {
            element.setAttribute("font-family", CssNormaliser.withBrowserFallback(element.getAttribute("font-family")));
        }
        ColourAttributes.apply(element);
    }
}

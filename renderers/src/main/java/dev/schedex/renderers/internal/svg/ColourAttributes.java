package dev.schedex.renderers.internal.svg;

import org.w3c.dom.Element;

/** Colour attributes Batik and older viewers cannot read, as {@code rgb()} and an opacity. */
final class ColourAttributes {

    private ColourAttributes() {}

    static void apply(Element element) {
        for (String property : CssNormaliser.OPACITY_OF.keySet()) {
            if (element.hasAttribute(property)) {
                CssNormaliser.colour(property, element.getAttribute(property)).forEach((name, value) -> {
                    if (!name.equals(property) && element.hasAttribute(name)) {
                        value = String.valueOf(Double.parseDouble(value) * parseOpacity(element.getAttribute(name)));
                    }
                    element.setAttribute(name, value);
                });
            }
        }
    }

    private static double parseOpacity(String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

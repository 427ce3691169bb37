package dev.schedex.renderers.internal.svg;

import java.util.List;
import org.w3c.dom.Element;

/**
 * A {@code <rect>} without a width or height: SVG 2 reads the missing one as 0 (nothing is drawn);
 * Batik refuses the whole drawing. It gets a 0.
 */
final class SizelessRects implements DrawingRule {

    @Override
    public void apply(Element rect) {
        if (!"rect".equals(rect.getLocalName())) {
            return;
        }
        for (String dimension : List.of("width", "height")) {
            if (!rect.hasAttribute(dimension)
                    && SvgTree.declared(rect, dimension).isEmpty()) {
                rect.setAttribute(dimension, "0");
            }
        }
    }
}

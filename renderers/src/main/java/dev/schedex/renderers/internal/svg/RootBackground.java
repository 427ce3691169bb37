package dev.schedex.renderers.internal.svg;

import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A {@code background-color} on the root {@code <svg>} (tldraw): browsers paint it behind the
 * drawing; Batik ignores it. It becomes a rectangle behind everything else.
 */
final class RootBackground {

    private RootBackground() {}

    static void paint(Element root) {
        Document document = root.getOwnerDocument();
        Optional<String> colour = SvgTree.declared(root, "background-color")
                .or(() -> SvgTree.declared(root, "background"))
                .filter(value -> !value.contains("url(") && !value.equals("none") && !value.equals("transparent"));
        if (colour.isEmpty()) {
            return;
        }
        String[] viewBox = root.getAttribute("viewBox").strip().split("[\\s,]+");
        Element rect = document.createElementNS(SvgTree.SVG, "rect");
        boolean boxed = viewBox.length == 4;
        rect.setAttribute("x", boxed ? viewBox[0] : "0");
        rect.setAttribute("y", boxed ? viewBox[1] : "0");
        rect.setAttribute("width", boxed ? viewBox[2] : "100%");
        rect.setAttribute("height", boxed ? viewBox[3] : "100%");
        rect.setAttribute("fill", colour.get());
        root.insertBefore(rect, root.getFirstChild());
    }
}

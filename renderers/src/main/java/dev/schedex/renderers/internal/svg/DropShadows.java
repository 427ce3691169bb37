package dev.schedex.renderers.internal.svg;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * {@code <feDropShadow>} (SVG 2 filters, Mermaid): the chain of SVG 1.1 primitives the specification
 * defines it as: blur, offset, flood, composite, merge. The results it names are numbered per
 * drawing.
 */
final class DropShadows extends ElementRule {

    private int generated;

    DropShadows(Document document) {
        super("feDropShadow", document);
    }

    @Override
    void rewrite(Element shadow) {
        Node parent = shadow.getParentNode();
        String input = shadow.getAttribute("in");
        if (input.isEmpty()) {
            Element previous = previousElement(shadow);
            if (previous == null) {
                input = "SourceGraphic";
            } else {
                if (previous.getAttribute("result").isEmpty()) {
                    previous.setAttribute("result", name());
                }
                input = previous.getAttribute("result");
            }
        }
        String deviation = shadow.hasAttribute("stdDeviation") ? shadow.getAttribute("stdDeviation") : "2";
        String blurred = name();
        String offset = name();
        String flood = name();
        String shade = name();
        parent.insertBefore(
                primitive("feGaussianBlur", "in", input, "stdDeviation", deviation, "result", blurred), shadow);
        parent.insertBefore(
                primitive(
                        "feOffset",
                        "in",
                        blurred,
                        "dx",
                        attribute(shadow, "dx", "2"),
                        "dy",
                        attribute(shadow, "dy", "2"),
                        "result",
                        offset),
                shadow);
        parent.insertBefore(
                primitive(
                        "feFlood",
                        "flood-color",
                        attribute(shadow, "flood-color", "black"),
                        "flood-opacity",
                        attribute(shadow, "flood-opacity", "1"),
                        "result",
                        flood),
                shadow);
        parent.insertBefore(
                primitive("feComposite", "in", flood, "in2", offset, "operator", "in", "result", shade), shadow);
        Element merge = primitive("feMerge");
        if (!shadow.getAttribute("result").isEmpty()) {
            merge.setAttribute("result", shadow.getAttribute("result"));
        }
        merge.appendChild(primitive("feMergeNode", "in", shade));
        merge.appendChild(primitive("feMergeNode", "in", input));
        parent.replaceChild(merge, shadow);
    }

    private Element primitive(String name, String... attributes) {
        Element element = document.createElementNS(SvgTree.SVG, name);
        for (int i = 0; i < attributes.length; i += 2) {
            element.setAttribute(attributes[i], attributes[i + 1]);
        }
        return element;
    }

    private String name() {
        return "schedex-" + ++generated;
    }

    private static String attribute(Element element, String name, String fallback) {
        return element.hasAttribute(name) ? element.getAttribute(name) : fallback;
    }

    private static @Nullable Element previousElement(Node node) {
        for (Node sibling = node.getPreviousSibling(); sibling != null; sibling = sibling.getPreviousSibling()) {
            if (sibling.getNodeType() == Node.ELEMENT_NODE) {
                return (Element) sibling;
            }
        }
        return null;
    }
}

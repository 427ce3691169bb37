package dev.schedex.renderers.internal.svg;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The fonts a browser falls back to. A drawing that names no font is drawn in a browser's initial
 * font, a serif ({@link #initialFont}); Batik's is Arial.
 *
 * <p>Batik picks a font for each character from the text's font list, but for characters beyond
 * Unicode's first plane (emoji, historic scripts) it only ever tries the first font, and draws
 * a box where that one lacks them; a browser falls back to any font that has them. Runs of such
 * characters get a tspan in {@code Dialog}, Java's logical font, which falls back through every
 * font the system has.
 */
final class FontFallbacks extends ElementRule {

    FontFallbacks(Document document) {
        super("text", document);
    }

    /** @param root the drawing's root: given the browser's initial font unless it names one */
    static void initialFont(Element root) {
        if (!root.hasAttribute("font-family")
                && SvgTree.declared(root, "font-family").isEmpty()) {
            root.setAttribute("font-family", "serif"); // a browser's initial font; Batik's is Arial
        }
    }

    @Override
    void rewrite(Element text) {
        for (Node node : textNodes(text)) {
            String value = node.getNodeValue();
            if (value.codePoints().noneMatch(Character::isSupplementaryCodePoint)) {
                continue;
            }
            Node parent = node.getParentNode();
            int start = 0;
            while (start < value.length()) {
                boolean supplementary = Character.isSupplementaryCodePoint(value.codePointAt(start));
                int end = start;
                while (end < value.length()
                        && Character.isSupplementaryCodePoint(value.codePointAt(end)) == supplementary) {
                    end += Character.charCount(value.codePointAt(end));
                }
                Node run = document.createTextNode(value.substring(start, end));
                if (supplementary) {
                    Element span = document.createElementNS(SvgTree.SVG, "tspan");
                    span.setAttribute("font-family", "Dialog");
                    span.appendChild(run);
                    run = span;
                }
                parent.insertBefore(run, node);
                start = end;
            }
            parent.removeChild(node);
        }
    }

    private static List<Node> textNodes(Node node) {
        List<Node> found = new ArrayList<>();
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                found.add(child);
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                found.addAll(textNodes(child));
            }
        }
        return found;
    }
}

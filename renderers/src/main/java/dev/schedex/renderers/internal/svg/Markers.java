package dev.schedex.renderers.internal.svg;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code <marker orient="auto-start-reverse">} (SVG 2, Mermaid's arrows): Batik reads only
 * {@code auto}. The marker becomes {@code auto}, and a copy turned half round serves the shapes that
 * use it as {@code marker-start}.
 */
final class Markers extends ElementRule {

    private static final Pattern URL_REFERENCE = Pattern.compile("url\\(\\s*['\"]?#([^'\")\\s]+)['\"]?\\s*\\)");

    Markers(Document document) {
        super("marker", document);
    }

    @Override
    void rewrite(Element marker) {
        if (!"auto-start-reverse".equals(marker.getAttribute("orient").strip())) {
            return;
        }
        marker.setAttribute("orient", "auto");
        String id = marker.getAttribute("id");
        if (id.isEmpty()) {
            return;
        }
        Element reversed = (Element) marker.cloneNode(true);
        String reversedId = id + "-start-reversed";
        reversed.setAttribute("id", reversedId);
        Element turn = document.createElementNS(SvgTree.SVG, "g");
        turn.setAttribute("transform", "rotate(180 " + number(marker, "refX") + " " + number(marker, "refY") + ")");
        while (reversed.getFirstChild() != null) {
            turn.appendChild(reversed.getFirstChild());
        }
        reversed.appendChild(turn);
        marker.getParentNode().insertBefore(reversed, marker.getNextSibling());
        for (Element element : SvgTree.elements(document.getDocumentElement())) {
            String start = element.getAttribute("marker-start");
            if (references(start, id)) {
                element.setAttribute("marker-start", "url(#" + reversedId + ")");
            }
            String style = element.getAttribute("style");
            if (style.contains("marker-start")) {
                element.setAttribute(
                        "style",
                        style.replaceAll(
                                "marker-start\\s*:\\s*url\\(\\s*['\"]?#" + Pattern.quote(id) + "['\"]?\\s*\\)",
                                "marker-start:url(#" + reversedId + ")"));
            }
        }
    }

    private static boolean references(String value, String id) {
        Matcher m = URL_REFERENCE.matcher(value);
        return m.find() && m.group(1).equals(id);
    }

    private static String number(Element element, String name) {
        try {
            return String.valueOf(Double.parseDouble(element.getAttribute(name).strip()));
        } catch (NumberFormatException e) {
            return "0";
        }
    }
}

package dev.schedex.renderers;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites what diagram tools write and Batik 1.19 rejects into what Batik draws the same way, on a
 * sanitised drawing, before it is built. Each rule is one method:
 * <ul>
 *   <li>{@code <rect>} without a width or height: SVG 2 reads the missing one as 0 (nothing is
 *       drawn); Batik refuses the whole drawing. It gets a 0.</li>
 *   <li>{@code <marker orient="auto-start-reverse">} (SVG 2, Mermaid's arrows): Batik reads only
 *       {@code auto}. The marker becomes {@code auto}, and a copy turned half round serves the shapes
 *       that use it as {@code marker-start}.</li>
 *   <li>{@code <feDropShadow>} (SVG 2 filters, Mermaid): the chain of SVG 1.1 primitives the
 *       specification defines it as: blur, offset, flood, composite, merge.</li>
 *   <li>{@code <flowRoot>} (Inkscape's flowed text, a draft of SVG 1.2 that browsers never shipped
 *       and Batik refuses): a {@code <text>} with one line per paragraph, wrapped to the width of the
 *       first flow region's bounding box by the metrics of its font.</li>
 * </ul>
 */
final class DrawingNormaliser {

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final Pattern URL_REFERENCE = Pattern.compile("url\\(\\s*['\"]?#([^'\")\\s]+)['\"]?\\s*\\)");
    private static final FontRenderContext METRICS = new FontRenderContext(new AffineTransform(), true, true);

    private final Document document;
    private int generated;

    private DrawingNormaliser(Document document) {
        this.document = document;
    }

    /** @param document a sanitised drawing, changed in place */
    static void normalise(Document document) {
        DrawingNormaliser normaliser = new DrawingNormaliser(document);
        for (Element element : elements(document.getDocumentElement())) {
            switch (element.getLocalName()) {
                case "rect":
                    normaliser.sizeRect(element);
                    break;
                case "marker":
                    normaliser.reverseMarker(element);
                    break;
                case "feDropShadow":
                    normaliser.expandDropShadow(element);
                    break;
                case "flowRoot":
                    normaliser.flowedText(element);
                    break;
                default:
                    break;
            }
        }
    }

    /** @return the element and every SVG element inside it, in document order (a copy: safe to change the tree) */
    private static List<Element> elements(Element root) {
        List<Element> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(Element element, List<Element> all) {
        if (SVG.equals(element.getNamespaceURI())) {
            all.add(element);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                collect((Element) child, all);
            }
        }
    }

    private void sizeRect(Element rect) {
        for (String dimension : List.of("width", "height")) {
            if (!rect.hasAttribute(dimension) && !styleSets(rect, dimension)) {
                rect.setAttribute(dimension, "0");
            }
        }
    }

    private static boolean styleSets(Element element, String property) {
        return element.getAttribute("style").toLowerCase(Locale.ROOT).matches("(?s).*(^|;)\\s*" + property + "\\s*:.*");
    }

    private void reverseMarker(Element marker) {
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
        Element turn = document.createElementNS(SVG, "g");
        turn.setAttribute("transform", "rotate(180 " + number(marker, "refX") + " " + number(marker, "refY") + ")");
        while (reversed.getFirstChild() != null) {
            turn.appendChild(reversed.getFirstChild());
        }
        reversed.appendChild(turn);
        marker.getParentNode().insertBefore(reversed, marker.getNextSibling());
        for (Element element : elements(document.getDocumentElement())) {
            String start = element.getAttribute("marker-start");
            if (references(start, id)) {
                element.setAttribute("marker-start", "url(#" + reversedId + ")");
            }
            String style = element.getAttribute("style");
            if (style.contains("marker-start")) {
                element.setAttribute("style", style.replaceAll("marker-start\\s*:\\s*url\\(\\s*['\"]?#" + Pattern.quote(id)
                        + "['\"]?\\s*\\)", "marker-start:url(#" + reversedId + ")"));
            }
        }
    }

    private static boolean references(String value, String id) {
        Matcher m = URL_REFERENCE.matcher(value);
        return m.find() && m.group(1).equals(id);
    }

    private void expandDropShadow(Element shadow) {
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
        parent.insertBefore(primitive("feGaussianBlur", "in", input, "stdDeviation", deviation, "result", blurred), shadow);
        parent.insertBefore(primitive("feOffset", "in", blurred, "dx", attribute(shadow, "dx", "2"),
                "dy", attribute(shadow, "dy", "2"), "result", offset), shadow);
        parent.insertBefore(primitive("feFlood", "flood-color", attribute(shadow, "flood-color", "black"),
                "flood-opacity", attribute(shadow, "flood-opacity", "1"), "result", flood), shadow);
        parent.insertBefore(primitive("feComposite", "in", flood, "in2", offset, "operator", "in", "result", shade), shadow);
        Element merge = primitive("feMerge");
        if (!shadow.getAttribute("result").isEmpty()) {
            merge.setAttribute("result", shadow.getAttribute("result"));
        }
        merge.appendChild(primitive("feMergeNode", "in", shade));
        merge.appendChild(primitive("feMergeNode", "in", input));
        parent.replaceChild(merge, shadow);
    }

    private Element primitive(String name, String... attributes) {
        Element element = document.createElementNS(SVG, name);
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

    private static Element previousElement(Node node) {
        for (Node sibling = node.getPreviousSibling(); sibling != null; sibling = sibling.getPreviousSibling()) {
            if (sibling.getNodeType() == Node.ELEMENT_NODE) {
                return (Element) sibling;
            }
        }
        return null;
    }

    private static String number(Element element, String name) {
        try {
            return String.valueOf(Double.parseDouble(element.getAttribute(name).strip()));
        } catch (NumberFormatException e) {
            return "0";
        }
    }

    private void flowedText(Element flow) {
        double[] box = regionBox(flow);
        Element text = document.createElementNS(SVG, "text");
        for (String name : List.of("id", "style", "class", "transform", "fill", "font-size", "font-family",
                "font-weight", "font-style")) {
            if (flow.hasAttribute(name)) {
                text.setAttribute(name, flow.getAttribute(name));
            }
        }
        double size = fontSize(flow.getAttribute("style"), flow.getAttribute("font-size"));
        Font font = new Font(fontFamily(flow.getAttribute("style")), Font.PLAIN, 1).deriveFont((float) size);
        double lineHeight = size * 1.25;
        double y = box[1];
        for (Element paragraph : paragraphs(flow)) {
            for (String line : wrap(paragraph.getTextContent().replaceAll("\\s+", " ").strip(), font, box[2])) {
                y += lineHeight;
                Element tspan = document.createElementNS(SVG, "tspan");
                tspan.setAttribute("x", String.valueOf(box[0]));
                tspan.setAttribute("y", String.valueOf(y));
                tspan.setTextContent(line);
                text.appendChild(tspan);
            }
        }
        flow.getParentNode().replaceChild(text, flow);
    }

    private static List<Element> paragraphs(Element flow) {
        List<Element> paragraphs = new ArrayList<>();
        for (Element element : elements(flow)) {
            if ("flowPara".equals(element.getLocalName()) || "flowDiv".equals(element.getLocalName())
                    && elements(element).stream().noneMatch(e -> "flowPara".equals(e.getLocalName()))) {
                paragraphs.add(element);
            }
        }
        return paragraphs;
    }

    /** @return x, y and width of the first flow region's shape; its rect, or its path's points' box */
    private static double[] regionBox(Element flow) {
        for (Element element : elements(flow)) {
            if ("rect".equals(element.getLocalName())) {
                return new double[]{parse(element.getAttribute("x")), parse(element.getAttribute("y")),
                        Math.max(1, parse(element.getAttribute("width")))};
            }
            if ("path".equals(element.getLocalName())) {
                Matcher m = Pattern.compile("(-?[0-9.]+)[ ,]+(-?[0-9.]+)").matcher(element.getAttribute("d"));
                double minX = Double.MAX_VALUE;
                double minY = Double.MAX_VALUE;
                double maxX = -Double.MAX_VALUE;
                while (m.find()) {
                    double x = parse(m.group(1));
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, parse(m.group(2)));
                }
                if (minX <= maxX) {
                    return new double[]{minX, minY, Math.max(1, maxX - minX)};
                }
            }
        }
        return new double[]{0, 0, 400};
    }

    private static List<String> wrap(String text, Font font, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && font.getStringBounds(candidate, METRICS).getWidth() > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static double fontSize(String style, String attribute) {
        Matcher m = Pattern.compile("font-size\\s*:\\s*([0-9.]+)").matcher(style);
        double size = m.find() ? parse(m.group(1)) : parse(attribute.replace("px", ""));
        return size > 0 ? size : 16;
    }

    private static String fontFamily(String style) {
        Matcher m = Pattern.compile("font-family\\s*:\\s*([^;]+)").matcher(style);
        return m.find() ? m.group(1).split(",")[0].replaceAll("['\"]", "").strip() : Font.SANS_SERIF;
    }

    private static double parse(String number) {
        try {
            return Double.parseDouble(number.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

package dev.schedex.renderers.internal.svg;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A {@code <foreignObject>} with HTML text and no fallback (Mermaid's labels, newer tldraw): the
 * text becomes an SVG {@code <text>} inside the box the foreign object had, one line per block
 * or {@code <br>}, wrapped to the box's width, centred in its height, aligned as the HTML's
 * {@code text-align} says, with the HTML's inline font size, weight, family and colour. Batik
 * cannot draw HTML; without this the labels would be missing.
 */
final class HtmlText extends ElementRule {

    private static final FontRenderContext METRICS = new FontRenderContext(new AffineTransform(), true, true);
    private static final Set<String> BLOCKS = Set.of(
            "div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre");

    HtmlText(Document document) {
        super("foreignObject", document);
    }

    @Override
    void rewrite(Element foreign) {
        List<Object> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        Map<String, String> style = new java.util.HashMap<>();
        collectHtml(foreign, lines, line, style);
        endLine(lines, line);
        Node parent = foreign.getParentNode();
        if (lines.isEmpty()) {
            parent.removeChild(foreign);
            return;
        }
        int verticalAlign = 0;
        double x = parse(foreign.getAttribute("x"));
        double y = parse(foreign.getAttribute("y"));
        double width = parse(foreign.getAttribute("width"));
        double height = parse(foreign.getAttribute("height"));
        Map<String, String> box = drawioBox(foreign);
        if (box.containsKey("margin-left") && box.containsKey("padding-top") && box.containsKey("width")) {
            // draw.io: a foreign object as large as the drawing, the label's box in its first div's style
            x = parse(box.get("margin-left").replace("px", ""));
            width = parse(box.get("width").replace("px", ""));
            y = parse(box.get("padding-top").replace("px", ""));
            height = 0; // the label is centred on padding-top, or hangs from it, or stands on it
            String vertical = box.getOrDefault("align-items", "center");
            verticalAlign = vertical.contains("flex-start") ? -1 : vertical.contains("flex-end") ? 1 : 0;
            style.putIfAbsent(
                    "text-align",
                    box.getOrDefault("justify-content", "").contains("center")
                            ? "center"
                            : box.getOrDefault("justify-content", "").contains("flex-end") ? "right" : "left");
        }
        double size =
                style.containsKey("font-size") ? parse(style.get("font-size").replace("px", "")) : 16;
        size = size > 0 ? size : 16;
        Font font = new Font(
                        style.getOrDefault("font-family", Font.SANS_SERIF)
                                .split(",")[0]
                                .replaceAll("['\"]", "")
                                .strip(),
                        Font.PLAIN,
                        1)
                .deriveFont((float) size);
        List<Object> wrapped = new ArrayList<>();
        for (Object item : lines) {
            boolean wraps = width > 0 && !style.getOrDefault("white-space", "").startsWith("nowrap");
            if (item instanceof String && wraps) {
                wrapped.addAll(wrap((String) item, font, width + size)); // a little slack: fonts differ
            } else {
                wrapped.add(item);
            }
        }
        String align = style.getOrDefault("text-align", "left").strip();
        String anchor =
                align.equals("center") ? "middle" : align.equals("right") || align.equals("end") ? "end" : "start";
        double anchorX = anchor.equals("middle") ? x + width / 2 : anchor.equals("end") ? x + width : x;
        double lineHeight = size * 1.25;
        double block = 0;
        for (Object item : wrapped) {
            block += item instanceof HtmlImage ? imageSize(((HtmlImage) item).height(), height) : lineHeight;
        }
        double top = verticalAlign < 0 ? y : verticalAlign > 0 ? y - block : y + (height - block) / 2;
        Element group = document.createElementNS(SvgTree.SVG, "g");
        Element text = document.createElementNS(SvgTree.SVG, "text");
        text.setAttribute("text-anchor", anchor);
        if (style.containsKey("font-size")) {
            text.setAttribute("font-size", String.valueOf(size));
        }
        if (style.containsKey("font-weight")) {
            text.setAttribute("font-weight", style.get("font-weight"));
        }
        if (style.containsKey("font-family")) {
            text.setAttribute("font-family", style.get("font-family"));
        }
        if (style.containsKey("color")) {
            CssNormaliser.colour("fill", style.get("color")).forEach(text::setAttribute);
        }
        double at = top;
        for (Object item : wrapped) {
            if (item instanceof HtmlImage) {
                HtmlImage picture = (HtmlImage) item;
                double w = imageSize(picture.width(), width);
                double h = imageSize(picture.height(), height);
                Element image = document.createElementNS(SvgTree.SVG, "image");
                image.setAttribute(
                        "x",
                        String.valueOf(
                                anchor.equals("middle")
                                        ? anchorX - w / 2
                                        : anchor.equals("end") ? anchorX - w : anchorX));
                image.setAttribute("y", String.valueOf(at));
                image.setAttribute("width", String.valueOf(w));
                image.setAttribute("height", String.valueOf(h));
                image.setAttributeNS(SvgTree.XLINK, "xlink:href", picture.source());
                group.appendChild(image);
                at += h;
            } else {
                Element tspan = document.createElementNS(SvgTree.SVG, "tspan");
                tspan.setAttribute("x", String.valueOf(anchorX));
                tspan.setAttribute("y", String.valueOf(at + size));
                tspan.setTextContent((String) item);
                text.appendChild(tspan);
                at += lineHeight;
            }
        }
        if (text.hasChildNodes()) {
            group.appendChild(text);
        }
        parent.replaceChild(group, foreign);
    }

    /** @return the declarations of the first HTML element in a foreign object */
    private static Map<String, String> drawioBox(Element foreign) {
        Map<String, String> declarations = new java.util.HashMap<>();
        for (Node child = foreign.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                Matcher m = SvgTree.DECLARATION.matcher(
                        ((Element) child).getAttribute("style").toLowerCase(Locale.ROOT));
                while (m.find()) {
                    declarations.put(m.group(1), m.group(2).strip());
                }
                break;
            }
        }
        return declarations;
    }

    /** An image inside HTML text: a {@code data:} image and the size it is shown at. */
    private record HtmlImage(String source, String width, String height) {}

    /** @return an HTML image's size in px: its attribute, or the box's size when it has none */
    private static double imageSize(String attribute, double box) {
        double size = parse(attribute.replace("px", ""));
        return size > 0 ? size : box > 0 ? box : 24;
    }

    private static void collectHtml(Node node, List<Object> lines, StringBuilder line, Map<String, String> style) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                line.append(child.getNodeValue());
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                Element element = (Element) child;
                String name = element.getLocalName().toLowerCase(Locale.ROOT);
                Matcher m = SvgTree.DECLARATION.matcher(
                        element.getAttribute("style").toLowerCase(Locale.ROOT));
                while (m.find()) {
                    String property = m.group(1);
                    if (List.of("font-size", "color", "font-weight", "text-align", "font-family", "white-space")
                                    .contains(property)
                            && !(property.equals("font-size")
                                    && m.group(2).strip().startsWith("0"))) {
                        style.put(property, m.group(2).strip());
                    }
                }
                if (element.hasAttribute("color")) { // <font color="...">
                    style.put("color", element.getAttribute("color"));
                }
                if (name.equals("br")) {
                    endLine(lines, line);
                } else if (name.equals("img")
                        && element.getAttribute("src").strip().startsWith("data:image/")) {
                    endLine(lines, line);
                    lines.add(new HtmlImage(
                            element.getAttribute("src").strip(),
                            element.getAttribute("width"),
                            element.getAttribute("height")));
                } else if (name.equals("style")) {
                    continue; // a stylesheet inside the HTML is not text
                } else if (BLOCKS.contains(name)) {
                    endLine(lines, line);
                    collectHtml(element, lines, line, style);
                    endLine(lines, line);
                } else {
                    collectHtml(element, lines, line, style);
                }
            }
        }
    }

    private static void endLine(List<Object> lines, StringBuilder line) {
        String text = line.toString().replaceAll("\\s+", " ").strip();
        if (!text.isEmpty()) {
            lines.add(text);
        }
        line.setLength(0);
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

    private static double parse(String number) {
        try {
            return Double.parseDouble(number.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

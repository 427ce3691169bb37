package dev.schedex.renderers.internal.svg;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A {@code <foreignObject>} of HTML (the labels of draw.io, Mermaid and tldraw) made into a small
 * page of its own, which the batik wing lays out and paints with a CSS engine at the label's place
 * ({@link HtmlLabelPage} says what the page holds). What a browser gives such HTML from outside it
 * comes along: the drawing's stylesheets as the tool wrote them (before they were rewritten for
 * Batik), and, as a chain of stand-in elements with the same names, ids and classes, the SVG
 * elements around the label, so that selectors such as {@code #diagram .nodeLabel p} match and the
 * fonts and colours they give are inherited.
 *
 * <p>The one CSS 2.1 engine cannot lay out is the flex box that draw.io and tldraw put around a
 * label to place it: that box is resolved here. Its content box becomes the page's box, and its
 * {@code justify-content} and {@code align-items} become how the label, sized as a flex item is
 * (shrink-to-fit), is aligned in that box.
 */
final class HtmlLabels extends ElementRule {

    static final String XHTML = "http://www.w3.org/1999/xhtml";
    /** HTML's block elements, where no {@code display} says otherwise. */
    private static final Set<String> BLOCKS = Set.of(
            "div",
            "p",
            "li",
            "ul",
            "ol",
            "table",
            "tr",
            "td",
            "th",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "pre",
            "section",
            "article",
            "header",
            "footer",
            "body",
            "html");
    /** Inline content that ends the search for a block's first or last text. */
    private static final Set<String> INLINE_STOPS = Set.of("br", "img", "svg", "math", "input");
    /** Names that mean something to HTML: the stand-in for an SVG element of this name is a span. */
    private static final Set<String> HTML_NAMES = Set.of("a", "title", "style", "image", "font");

    private static final Pattern FONT_FORMAT = Pattern.compile("\\s*format\\(\\s*[\"']?[\\w-]+[\"']?\\s*\\)");

    /** The width an unwrapped flex item is laid out in: one as wide as it needs (draw.io's are 1 px wide). */
    private static final double UNWRAPPED_FLEX_WIDTH = 100_000;

    private final String stylesheets;

    /**
     * @param document    the drawing
     * @param stylesheets the text of the drawing's {@code <style>} elements as sanitised, before they
     *                    were rewritten for Batik
     */
    HtmlLabels(Document document, String stylesheets) {
        super("foreignObject", document);
        this.stylesheets = stylesheets;
    }

    @Override
    void rewrite(Element foreign) {
        Element first = firstElement(foreign);
        if (first == null || !XHTML.equals(first.getNamespaceURI()) || !drawsSomething(foreign)) {
            foreign.getParentNode().removeChild(foreign);
            return;
        }
        double x = number(foreign.getAttribute("x"));
        double y = number(foreign.getAttribute("y"));
        double width = size(foreign.getAttribute("width"));
        double height = size(foreign.getAttribute("height"));
        boolean clips = !SvgTree.declared(foreign, "overflow")
                        .orElse(foreign.getAttribute("overflow"))
                        .equals("visible")
                && width >= 0
                && height >= 0;
        Map<String, String> outer = declarations(first);
        Element label;
        String align = "start start";
        boolean flex = outer.getOrDefault("display", "").contains("flex");
        if (flex) {
            // the flex box draw.io and tldraw place a label with: its content box is the label's box
            boolean borderBox = outer.getOrDefault("box-sizing", "").equals("border-box");
            double[] margin = sides(outer, "margin");
            double[] padding = sides(outer, "padding");
            double boxWidth = length(outer.getOrDefault("width", "auto"), width - margin[1] - margin[3]);
            double boxHeight = length(outer.getOrDefault("height", "auto"), height - margin[0] - margin[2]);
            if (borderBox || !outer.containsKey("width")) {
                boxWidth -= padding[1] + padding[3];
            }
            if (borderBox || !outer.containsKey("height")) {
                boxHeight -= padding[0] + padding[2];
            }
            x += margin[3] + padding[3];
            y += margin[0] + padding[0];
            String justify = alignment(outer, "justify-content", "place-content", 1);
            String items = alignment(outer, "align-items", "place-items", 0);
            align = outer.getOrDefault("flex-direction", "row").startsWith("column")
                    ? items + " " + justify
                    : justify + " " + items;
            label = first;
            label.setAttribute(
                    "style",
                    label.getAttribute("style") + "; display: block !important; position: absolute !important;"
                            + " left: 0 !important; top: 0 !important; margin: 0 !important; padding: 0 !important;"
                            + " width: auto !important; height: auto !important; min-width: 0 !important;"
                            + " max-width: none !important; border-style: none !important");
            setBox(foreign, x, y, Math.max(0, boxWidth), Math.max(0, boxHeight));
        } else {
            label = document.createElementNS(XHTML, "div");
            while (foreign.getFirstChild() != null) {
                label.appendChild(foreign.getFirstChild());
            }
            setBox(foreign, x, y, Math.max(0, width), Math.max(0, height));
        }
        if (unwrapped(label, false) && (flex || !percentWide(label))) {
            // the engine wraps such text between inline elements all the same, where its width is a hair wider than
            // the browser's ("GET <span>host</span>:9100" in a box sized to it): room to spare, and sized to fit
            double box = number(foreign.getAttribute(HtmlLabelPage.BOX).split(" ")[2]);
            foreign.setAttribute(
                    HtmlLabelPage.LAYOUT_WIDTH,
                    String.valueOf(flex ? UNWRAPPED_FLEX_WIDTH : box + Math.max(20, box / 10)));
            label.setAttribute(
                    "style",
                    label.getAttribute("style")
                            + "; position: absolute !important; left: 0 !important; top: 0 !important");
            Element only = onlyChild(label);
            if (!flex
                    && only != null
                    && SvgTree.declared(only, "display").orElse("").equals("inline-block")
                    && SvgTree.declared(only, "vertical-align").orElse("").equals("top")) {
                // draw.io's legacy labels: the engine aligns an inline-block by its baseline whatever its
                // vertical-align, 3 px lower than at the top; as the one child of a box sized to it, a block is the
                // same
                only.setAttribute("style", only.getAttribute("style") + "; display: block !important");
            }
        }
        trimLineEnds(label);
        label.setAttribute("id", HtmlLabelPage.LABEL_ID);
        foreign.setAttribute(HtmlLabelPage.ALIGN, align);
        if (clips) {
            foreign.setAttribute(
                    HtmlLabelPage.CLIP,
                    number(foreign.getAttribute("x")) + " " + number(foreign.getAttribute("y")) + " " + width + " "
                            + height);
        }
        while (foreign.getFirstChild() != null) {
            foreign.removeChild(foreign.getFirstChild());
        }
        foreign.appendChild(page(foreign, label));
    }

    private static void setBox(Element foreign, double x, double y, double width, double height) {
        // the clip, if any, is taken from the attributes first
        foreign.setAttribute(HtmlLabelPage.BOX, x + " " + y + " " + width + " " + height);
    }

    /** The label's page: the drawing's CSS, and the label inside stand-ins for the SVG around it. */
    private Element page(Element foreign, Element label) {
        Element html = document.createElementNS(XHTML, "html");
        Element head = document.createElementNS(XHTML, "head");
        Element style = document.createElementNS(XHTML, "style");
        head.appendChild(style);
        html.appendChild(head);
        Element body = document.createElementNS(XHTML, "body");
        html.appendChild(body);
        List<Element> around = new ArrayList<>();
        for (Node node = foreign; node instanceof Element element; node = node.getParentNode()) {
            around.add(0, element);
        }
        Element parent = body;
        for (Element svg : around) {
            Element standIn = document.createElementNS(
                    XHTML, HTML_NAMES.contains(svg.getLocalName()) ? "span" : svg.getLocalName());
            for (String attribute : List.of("id", "class")) {
                if (svg.hasAttribute(attribute)) {
                    standIn.setAttribute(attribute, svg.getAttribute(attribute));
                }
            }
            StringBuilder attributes = new StringBuilder();
            for (String property : List.of("font-family", "font-size", "font-weight", "font-style", "color")) {
                if (svg.hasAttribute(property)) {
                    attributes
                            .append(property)
                            .append(": ")
                            .append(svg.getAttribute(property))
                            .append("; ");
                }
            }
            if (!attributes.isEmpty()) {
                // a presentation attribute yields to every CSS rule: given to a span around the stand-in, it is
                // inherited where no rule for the element sets the property
                Element presentation = document.createElementNS(XHTML, "span");
                presentation.setAttribute("style", attributes + HtmlLabelPage.STAND_IN);
                parent.appendChild(presentation);
                parent = presentation;
            }
            standIn.setAttribute("style", svg.getAttribute("style") + "; " + HtmlLabelPage.STAND_IN);
            parent.appendChild(standIn);
            parent = standIn;
        }
        parent.appendChild(label);
        // custom properties are inherited: those declared anywhere in or around the label are in scope
        Map<String, String> custom = CssNormaliser.customProperties(stylesheets);
        List<Element> styled = descendants(html);
        styled.forEach(element ->
                CssNormaliser.customProperties(element.getAttribute("style")).forEach(custom::putIfAbsent));
        for (Element element : styled) {
            if (element.hasAttribute("style")) {
                element.setAttribute("style", CssNormaliser.forCss21(element.getAttribute("style"), custom));
            }
        }
        // the engine drops an @font-face source with a format(); the batik wing knows a font by its bytes
        String css =
                FONT_FORMAT.matcher(CssNormaliser.forCss21(stylesheets, custom)).replaceAll("");
        style.setTextContent(HtmlLabelPage.RESET + css);
        return html;
    }

    private static List<Element> descendants(Element element) {
        List<Element> all = new ArrayList<>();
        all.add(element);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                all.addAll(descendants(e));
            }
        }
        return all;
    }

    /**
     * @param inside true if an element around {@code node} in the label says {@code white-space: nowrap} or
     *               {@code pre}
     * @return true if every text in the label is in such an element (as its style attribute says)
     */
    private static boolean unwrapped(Node node, boolean inside) {
        boolean unwrapped = inside
                || node instanceof Element element
                        && SvgTree.declared(element, "white-space")
                                .map(value -> value.equals("nowrap") || value.equals("pre"))
                                .orElse(false);
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE && !child.getNodeValue().isBlank() && !unwrapped
                    || child instanceof Element && !unwrapped(child, unwrapped)) {
                return false;
            }
        }
        return true;
    }

    /** @return true if an element in the label is as wide as a share of its container: it takes more room given more */
    private static boolean percentWide(Element label) {
        return descendants(label).stream()
                .anyMatch(
                        element -> SvgTree.declared(element, "width").orElse("").endsWith("%"));
    }

    /** @return true if the HTML has text or an image: an empty label is left out */
    private static boolean drawsSomething(Element foreign) {
        return !foreign.getTextContent().isBlank()
                || foreign.getElementsByTagNameNS(XHTML, "img").getLength() > 0;
    }

    /**
     * Removes the spaces that start and end a block's text and each line a {@code <br>} ends (a
     * pretty-printed drawing's line breaks and indents), as CSS removes them at the start and end of
     * a line. The engine keeps the last ones in the
     * width a line must fit, though not in a shrink-to-fit box's width: a label sized to its text wrapped
     * its last word ("LOAD BALANCER FOR / SERVICES" in a 948 px box). Text whose spaces are kept
     * ({@code white-space: pre...}) is left alone.
     */
    private static void trimLineEnds(Element label) {
        for (Element element : descendants(label)) {
            if (!isBlock(element) || keepsSpaces(element)) {
                continue;
            }
            // each line a <br> ends, as well as the block's first and last: the space before a <br>
            // also counted in the line and not in the box ("安装脚手架(首次) <br/>" wrapped in a box its
            // own width)
            List<List<Node>> lines = new ArrayList<>();
            lines.add(new ArrayList<>());
            for (Node leaf : inlineLeaves(element)) {
                if (leaf instanceof Element stop && local(stop).equals("br")) {
                    lines.add(new ArrayList<>());
                } else {
                    lines.get(lines.size() - 1).add(leaf);
                }
            }
            // a line of white space alone that a <br> ends (after a block) is an empty line in a browser,
            // the height of a line; its space is what makes the engine give it one (Mermaid's
            // "<img style='display: flex'/> <br/> Red Circle")
            for (int i = 0; i < lines.size(); i++) {
                List<Node> line = lines.get(i);
                boolean text = line.stream()
                        .anyMatch(leaf -> leaf instanceof Element stop
                                ? !isBlock(stop)
                                : !leaf.getNodeValue().isBlank());
                if (i == 0 || text) {
                    trim(line, "^\\s+");
                }
                if (i == lines.size() - 1 || text) {
                    java.util.Collections.reverse(line);
                    trim(line, "\\s+$");
                }
            }
        }
    }

    /** Empties the blank texts before the first text, and trims that one, until an image, a break or a block. */
    private static void trim(List<Node> leaves, String spaces) {
        for (Node leaf : leaves) {
            if (leaf.getNodeType() != Node.TEXT_NODE) {
                return;
            }
            String trimmed = leaf.getNodeValue().replaceFirst(spaces, "");
            leaf.setNodeValue(trimmed);
            if (!trimmed.isEmpty()) {
                return;
            }
        }
    }

    /** @return a block's inline content in order: its texts, and the elements text does not flow through */
    private static List<Node> inlineLeaves(Element block) {
        List<Node> leaves = new ArrayList<>();
        for (Node child = block.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE) {
                leaves.add(child);
            } else if (child instanceof Element element) {
                if (isBlock(element) || INLINE_STOPS.contains(local(element))) {
                    leaves.add(element);
                } else {
                    leaves.addAll(inlineLeaves(element));
                }
            }
        }
        return leaves;
    }

    private static boolean isBlock(Element element) {
        String display = SvgTree.declared(element, "display").orElse("");
        return display.isEmpty() ? BLOCKS.contains(local(element)) : !display.equals("inline");
    }

    private static boolean keepsSpaces(Element element) {
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            String whiteSpace = SvgTree.declared(e, "white-space").orElse("");
            if (!whiteSpace.isEmpty()) {
                return whiteSpace.startsWith("pre") || whiteSpace.equals("break-spaces");
            }
            if (local(e).equals("pre")) {
                return true;
            }
        }
        return false;
    }

    private static String local(Element element) {
        return element.getLocalName().toLowerCase(Locale.ROOT);
    }

    /** @return the element's one element child, if it has no other child but blank text */
    private static @Nullable Element onlyChild(Element parent) {
        Element only = null;
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                if (only != null) {
                    return null;
                }
                only = element;
            } else if (!child.getTextContent().isBlank()) {
                return null;
            }
        }
        return only;
    }

    private static @Nullable Element firstElement(Element parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    private static Map<String, String> declarations(Element element) {
        Map<String, String> declarations = new HashMap<>();
        Matcher m = SvgTree.DECLARATION.matcher(element.getAttribute("style").toLowerCase(Locale.ROOT));
        while (m.find()) {
            declarations.put(m.group(1), m.group(2).replace("!important", "").strip());
        }
        return declarations;
    }

    /**
     * @return start, center or end: how the flex box aligns its item, from the longhand or from the
     *         shorthand's value at {@code index}
     */
    private static String alignment(Map<String, String> style, String longhand, String shorthand, int index) {
        String value = style.get(longhand);
        if (value == null && style.containsKey(shorthand)) {
            String[] values = style.get(shorthand).split("\\s+");
            value = values[Math.min(index, values.length - 1)];
        }
        String v = value == null
                ? ""
                : value.replace("unsafe", "").replace("safe", "").strip();
        return v.equals("center") ? "center" : v.equals("flex-end") || v.equals("end") ? "end" : "start";
    }

    /** @return top, right, bottom, left of a box property, from its longhands and shorthand, in px */
    private static double[] sides(Map<String, String> style, String property) {
        double[] sides = new double[4];
        if (style.containsKey(property)) {
            String[] values = style.get(property).split("\\s+");
            for (int i = 0; i < 4; i++) {
                int at =
                        values.length == 1 ? 0 : values.length == 2 ? i % 2 : values.length == 3 ? (i == 3 ? 1 : i) : i;
                sides[i] = length(values[Math.min(at, values.length - 1)], 0);
            }
        }
        String[] names = {"top", "right", "bottom", "left"};
        for (int i = 0; i < 4; i++) {
            String longhand = style.get(property + "-" + names[i]);
            if (longhand != null) {
                sides[i] = length(longhand, 0);
            }
        }
        return sides;
    }

    /** @return a CSS length in px, or {@code whole} for 100% and {@code auto} */
    private static double length(String value, double whole) {
        if (value.equals("auto") || value.equals("100%")) {
            return whole;
        }
        if (value.endsWith("%")) {
            return whole * number(value.substring(0, value.length() - 1)) / 100;
        }
        return number(value.replace("px", ""));
    }

    /** @return a width or height attribute in px, or -1 for a percentage (of a viewport not known here) */
    private static double size(String attribute) {
        return attribute.strip().endsWith("%") ? -1 : number(attribute);
    }

    private static double number(String number) {
        try {
            double value = Double.parseDouble(number.strip());
            return Double.isFinite(value) ? value : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

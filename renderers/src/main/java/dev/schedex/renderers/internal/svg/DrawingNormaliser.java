package dev.schedex.renderers.internal.svg;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites what diagram tools write and Batik 1.19 rejects into what Batik draws the same way, on a
 * sanitised drawing, before it is built. Each rule is one method:
 * <ul>
 *   <li>CSS in {@code <style>}, {@code style} attributes and colour attributes, as
 *       {@link CssNormaliser} rewrites it: rule by rule, so that one rule Batik does not know never
 *       costs the whole stylesheet.</li>
 *   <li>{@code <switch>}: the branch a browser draws, HTML included (draw.io's labels, not its
 *       truncated fallbacks); a {@code <foreignObject>} of HTML text: SVG text in its box (Mermaid's
 *       and draw.io's labels).</li>
 *   <li>SVG 2's plain {@code href}: also given as {@code xlink:href}, the only one Batik reads.</li>
 *   <li>{@code <rect>} without a width or height: SVG 2 reads the missing one as 0 (nothing is
 *       drawn); Batik refuses the whole drawing. It gets a 0.</li>
 *   <li>{@code <marker orient="auto-start-reverse">} (SVG 2, Mermaid's arrows): Batik reads only
 *       {@code auto}. The marker becomes {@code auto}, and a copy turned half round serves the shapes
 *       that use it as {@code marker-start}.</li>
 *   <li>{@code <feDropShadow>} (SVG 2 filters, Mermaid): the chain of SVG 1.1 primitives the
 *       specification defines it as: blur, offset, flood, composite, merge.</li>
 *   <li>{@code dominant-baseline} and {@code alignment-baseline} (tldraw's and Mermaid's way to centre
 *       a label on its y): Batik reads neither and draws on the alphabetic baseline, too high. They
 *       become the {@code baseline-shift} a browser's shift amounts to (see {@link #BASELINE_SHIFTS}).</li>
 *   <li>a {@code background-color} on the root {@code <svg>} (tldraw): browsers paint it behind the
 *       drawing; Batik ignores it. It becomes a rectangle behind everything else.</li>
 *   <li>fonts: a {@code font-family} list without a generic family ends in the browser's default, a
 *       serif, and so does a drawing that names no font (Batik's initial font is Arial); characters
 *       beyond Unicode's first plane get a font that falls back for them.</li>
 * </ul>
 * {@link #normalise} applies all of them, for Batik; {@link #makePortable} only those that draw the
 * same in a browser, for the {@code svg} format.
 */
final class DrawingNormaliser {

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final Pattern URL_REFERENCE = Pattern.compile("url\\(\\s*['\"]?#([^'\")\\s]+)['\"]?\\s*\\)");
    private static final FontRenderContext METRICS = new FontRenderContext(new AffineTransform(), true, true);

    private final Document document;
    private final CssNormaliser css = new CssNormaliser();
    private int generated;

    private DrawingNormaliser(Document document) {
        this.document = document;
    }

    /**
     * Everything above, for Batik (the {@code png} and {@code pdf} formats).
     *
     * @param document a sanitised drawing, changed in place
     */
    static void normalise(Document document) {
        DrawingNormaliser normaliser = new DrawingNormaliser(document);
        Element root = document.getDocumentElement();
        normaliser.paintBackground(root); // before its style loses what Batik does not read
        if (!root.hasAttribute("font-family") && declared(root, "font-family").isEmpty()) {
            root.setAttribute("font-family", "serif"); // a browser's initial font; Batik's is Arial
        }
        List<Element> elements = elements(document.getDocumentElement());
        // stylesheets first: the animations they define apply to style attributes anywhere
        elements.stream().filter(element -> "style".equals(element.getLocalName())).forEach(normaliser::css);
        for (Element element : elements) {
            if (element.getParentNode() == null) {
                continue; // taken out by an earlier rule
            }
            if (!"style".equals(element.getLocalName())) {
                normaliser.css(element);
            }
            normaliser.portable(element);
            switch (element.getLocalName()) {
                case "switch":
                    normaliser.chooseSwitchBranch(element);
                    break;
                case "foreignObject":
                    normaliser.htmlText(element);
                    break;
                case "text":
                    normaliser.drawBeyondTheBmp(element);
                    normaliser.shiftBaselines(element);
                    break;
                default:
                    break;
            }
        }
    }

    /**
     * Only the rewrites that draw the same in a browser and let older viewers (Batik, Inkscape 0.92,
     * librsvg) draw it too, for the {@code svg} format: plain {@code href} also as {@code xlink:href},
     * colour attributes as {@code rgb()} and an opacity, sizeless rectangles, reversed markers,
     * {@code feDropShadow}. The CSS, the HTML labels and the fonts stay as the tool wrote them:
     * browsers read them better than any rewrite.
     *
     * @param document a sanitised drawing, changed in place
     */
    static void makePortable(Document document) {
        DrawingNormaliser normaliser = new DrawingNormaliser(document);
        for (Element element : elements(document.getDocumentElement())) {
            if (element.getParentNode() != null) {
                normaliser.colourAttributes(element);
                normaliser.portable(element);
            }
        }
    }

    /** The rewrites that keep the drawing as it is in a browser, by element. */
    private void portable(Element element) {
        if (element.hasAttribute("href") && !element.hasAttributeNS(XLINK, "href")) {
            element.setAttributeNS(XLINK, "xlink:href", element.getAttribute("href"));
        }
        switch (element.getLocalName()) {
            case "rect":
                sizeRect(element);
                break;
            case "marker":
                reverseMarker(element);
                break;
            case "feDropShadow":
                expandDropShadow(element);
                break;
            default:
                break;
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

    /** Stylesheets, style attributes, fonts and colour attributes, as {@link CssNormaliser} rewrites them. */
    private void css(Element element) {
        if ("style".equals(element.getLocalName())) {
            element.setTextContent(this.css.stylesheet(element.getTextContent()));
        }
        if (element.hasAttribute("style")) {
            element.setAttribute("style", this.css.declarations(element.getAttribute("style")));
        }
        if (element.hasAttribute("font-family")) {
            element.setAttribute("font-family", CssNormaliser.withBrowserFallback(element.getAttribute("font-family")));
        }
        colourAttributes(element);
    }

    /** Colour attributes Batik and older viewers cannot read, as {@code rgb()} and an opacity. */
    private void colourAttributes(Element element) {
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

    /**
     * A {@code <switch>} draws its first child whose conditions hold. Browsers support the
     * {@code Extensibility} feature (HTML in {@code <foreignObject>}) and no private extension;
     * Batik supports neither, and so draws draw.io's truncated fallback labels and its "Text is not
     * SVG - cannot display" notice. Here the switch keeps the child a browser would draw, without its
     * conditions (a {@code <foreignObject>} then becomes SVG text, below), and loses the others.
     */
    private void chooseSwitchBranch(Element switchElement) {
        Element chosen = null;
        List<Element> children = new ArrayList<>();
        for (Node child = switchElement.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                Element element = (Element) child;
                children.add(element);
                boolean browserDraws = element.getAttribute("requiredExtensions").isBlank()
                        && List.of(element.getAttribute("requiredFeatures").strip().split("\\s+")).stream()
                        .allMatch(feature -> feature.isEmpty() || feature.startsWith("http://www.w3.org/TR/SVG11/feature#"));
                if (chosen == null && browserDraws) {
                    chosen = element;
                }
            }
        }
        for (Element child : children) {
            if (child == chosen) {
                child.removeAttribute("requiredFeatures");
                child.removeAttribute("systemLanguage");
            } else {
                switchElement.removeChild(child);
            }
        }
    }

    /**
     * A {@code <foreignObject>} with HTML text and no fallback (Mermaid's labels, newer tldraw): the
     * text becomes an SVG {@code <text>} inside the box the foreign object had, one line per block
     * or {@code <br>}, wrapped to the box's width, centred in its height, aligned as the HTML's
     * {@code text-align} says, with the HTML's inline font size, weight, family and colour. Batik
     * cannot draw HTML; without this the labels would be missing.
     */
    private void htmlText(Element foreign) {
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
            style.putIfAbsent("text-align", box.getOrDefault("justify-content", "").contains("center") ? "center"
                    : box.getOrDefault("justify-content", "").contains("flex-end") ? "right" : "left");
        }
        double size = style.containsKey("font-size") ? parse(style.get("font-size").replace("px", "")) : 16;
        size = size > 0 ? size : 16;
        Font font = new Font(style.getOrDefault("font-family", Font.SANS_SERIF).split(",")[0]
                .replaceAll("['\"]", "").strip(), Font.PLAIN, 1).deriveFont((float) size);
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
        String anchor = align.equals("center") ? "middle" : align.equals("right") || align.equals("end") ? "end" : "start";
        double anchorX = anchor.equals("middle") ? x + width / 2 : anchor.equals("end") ? x + width : x;
        double lineHeight = size * 1.25;
        double block = 0;
        for (Object item : wrapped) {
            block += item instanceof HtmlImage ? imageSize(((HtmlImage) item).height(), height) : lineHeight;
        }
        double top = verticalAlign < 0 ? y : verticalAlign > 0 ? y - block : y + (height - block) / 2;
        Element group = document.createElementNS(SVG, "g");
        Element text = document.createElementNS(SVG, "text");
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
                Element image = document.createElementNS(SVG, "image");
                image.setAttribute("x", String.valueOf(anchor.equals("middle") ? anchorX - w / 2
                        : anchor.equals("end") ? anchorX - w : anchorX));
                image.setAttribute("y", String.valueOf(at));
                image.setAttribute("width", String.valueOf(w));
                image.setAttribute("height", String.valueOf(h));
                image.setAttributeNS(XLINK, "xlink:href", picture.source());
                group.appendChild(image);
                at += h;
            } else {
                Element tspan = document.createElementNS(SVG, "tspan");
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
                Matcher m = DECLARATION.matcher(((Element) child).getAttribute("style").toLowerCase(Locale.ROOT));
                while (m.find()) {
                    declarations.put(m.group(1), m.group(2).strip());
                }
                break;
            }
        }
        return declarations;
    }

    /** An image inside HTML text: a {@code data:} image and the size it is shown at. */
    private record HtmlImage(String source, String width, String height) {
    }

    private static final Set<String> BLOCKS = Set.of("div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "ul", "ol", "table", "blockquote", "pre");
    private static final Pattern DECLARATION = Pattern.compile("([a-z-]+)\\s*:\\s*([^;]+)");

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
                Matcher m = DECLARATION.matcher(element.getAttribute("style").toLowerCase(Locale.ROOT));
                while (m.find()) {
                    String property = m.group(1);
                    if (List.of("font-size", "color", "font-weight", "text-align", "font-family", "white-space").contains(property)
                            && !(property.equals("font-size") && m.group(2).strip().startsWith("0"))) {
                        style.put(property, m.group(2).strip());
                    }
                }
                if (element.hasAttribute("color")) { // <font color="...">
                    style.put("color", element.getAttribute("color"));
                }
                if (name.equals("br")) {
                    endLine(lines, line);
                } else if (name.equals("img") && element.getAttribute("src").strip().startsWith("data:image/")) {
                    endLine(lines, line);
                    lines.add(new HtmlImage(element.getAttribute("src").strip(), element.getAttribute("width"),
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

    /**
     * How far each baseline lies above the alphabetic one, in percent of the font size, as Chromium
     * places it: central is half of ascent minus descent, middle half the x-height, mathematical half
     * the ascent, hanging 0.8 of the ascent, text-before-edge the ascent, text-after-edge and
     * ideographic the descent below. The font's own metrics are not known before Batik builds the
     * text, so these take a typical sans-serif's (ascent 0.9, descent 0.22, x-height 0.52 em); measured
     * in Chromium with DejaVu Sans they are within 2% of the em.
     */
    private static final Map<String, Integer> BASELINE_SHIFTS = Map.of(
            "central", 34, "middle", 26, "mathematical", 45, "hanging", 72, "text-before-edge", 90,
            "text-after-edge", -22, "ideographic", -22);

    /**
     * A browser shifts each piece of text by the baseline its nearest {@code alignment-baseline} names
     * (a tspan's, then the text's), or else by the text's {@code dominant-baseline}, inherited from
     * its ancestors; the shifts do not add up. Batik reads {@code baseline-shift} on tspans only, so
     * loose text is wrapped in one.
     */
    private void shiftBaselines(Element text) {
        String dominant = "";
        for (Node node = text; node instanceof Element element && dominant.isEmpty(); node = node.getParentNode()) {
            dominant = baseline(element, "dominant-baseline");
        }
        String own = baseline(text, "alignment-baseline");
        String textBaseline = own.isEmpty() ? dominant : own;
        for (Node child = text.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE && !child.getTextContent().isBlank()
                    && BASELINE_SHIFTS.containsKey(textBaseline)) {
                Element span = document.createElementNS(SVG, "tspan");
                text.replaceChild(span, child);
                span.appendChild(child);
                span.setAttribute("baseline-shift", -BASELINE_SHIFTS.get(textBaseline) + "%");
                child = span;
            } else if (child instanceof Element span && "tspan".equals(span.getLocalName())
                    && !span.hasAttribute("baseline-shift") && declared(span, "baseline-shift").isEmpty()) {
                String spanBaseline = baseline(span, "alignment-baseline");
                String effective = spanBaseline.isEmpty() ? textBaseline : spanBaseline;
                if (BASELINE_SHIFTS.containsKey(effective)) {
                    span.setAttribute("baseline-shift", -BASELINE_SHIFTS.get(effective) + "%");
                }
            }
        }
    }

    /**
     * Batik picks a font for each character from the text's font list, but for characters beyond
     * Unicode's first plane (emoji, historic scripts) it only ever tries the first font, and draws
     * a box where that one lacks them; a browser falls back to any font that has them. Runs of such
     * characters get a tspan in {@code Dialog}, Java's logical font, which falls back through every
     * font the system has.
     */
    private void drawBeyondTheBmp(Element text) {
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
                    Element span = document.createElementNS(SVG, "tspan");
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

    /** @return the baseline an element names itself (style before attribute), or "" for none or auto */
    private static String baseline(Element element, String property) {
        String value = declared(element, property).orElse(element.getAttribute(property)).strip();
        return value.equals("auto") || value.equals("baseline") || value.equals("inherit") ? "" : value;
    }

    /** @return the value a property has in the element's {@code style} attribute, if it is there */
    private static Optional<String> declared(Element element, String property) {
        Matcher declaration = DECLARATION.matcher(element.getAttribute("style").toLowerCase(Locale.ROOT));
        String value = null;
        while (declaration.find()) {
            if (declaration.group(1).equals(property)) {
                value = declaration.group(2).replace("!important", "").strip();
            }
        }
        return Optional.ofNullable(value);
    }

    private void paintBackground(Element root) {
        Optional<String> colour = declared(root, "background-color").or(() -> declared(root, "background"))
                .filter(value -> !value.contains("url(") && !value.equals("none") && !value.equals("transparent"));
        if (colour.isEmpty()) {
            return;
        }
        String[] viewBox = root.getAttribute("viewBox").strip().split("[\\s,]+");
        Element rect = document.createElementNS(SVG, "rect");
        boolean boxed = viewBox.length == 4;
        rect.setAttribute("x", boxed ? viewBox[0] : "0");
        rect.setAttribute("y", boxed ? viewBox[1] : "0");
        rect.setAttribute("width", boxed ? viewBox[2] : "100%");
        rect.setAttribute("height", boxed ? viewBox[3] : "100%");
        rect.setAttribute("fill", colour.get());
        root.insertBefore(rect, root.getFirstChild());
    }

    private void sizeRect(Element rect) {
        for (String dimension : List.of("width", "height")) {
            if (!rect.hasAttribute(dimension) && declared(rect, dimension).isEmpty()) {
                rect.setAttribute(dimension, "0");
            }
        }
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

    private static @Nullable Element previousElement(Node node) {
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

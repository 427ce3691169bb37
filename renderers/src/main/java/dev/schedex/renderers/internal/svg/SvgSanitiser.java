package dev.schedex.renderers.internal.svg;

import dev.schedex.spi.ExportException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a drawing that end users made and keeps only what is safe to draw and to open: no DOCTYPE
 * (so no entities and no external DTD), no script of any kind, no event attributes, no animation
 * (which could set a link to {@code javascript:}), no reference to anything outside the drawing but
 * {@code data:} images on images (a {@code data:} SVG image sanitised in turn), no {@code xml:base},
 * and no CSS that loads ({@link CssSanitiser}, on the CSS as a browser tokenises it).
 *
 * <p>The result is inert under an HTML5 parser as well as an XML parser, for hosts that put the SVG
 * inline in a page: no CDATA section, comment or processing instruction (which HTML reads
 * differently), no element whose content HTML reads as raw text, and no element in SVG content that
 * would make HTML leave the SVG. Text and attributes are escaped when written, so the only markup in
 * the output is the elements that were kept.
 * The input is bounded in size, element count and nesting depth.
 */
public final class SvgSanitiser {

    /** The largest drawing accepted, in characters. */
    public static final int MAX_CHARS = 10_000_000;
    /** The most elements a drawing may have. */
    public static final int MAX_ELEMENTS = 100_000;
    /** The deepest nesting of elements. */
    public static final int MAX_DEPTH = 200;
    /**
     * The most elements a drawing may draw once every {@code <use>} is replaced by what it refers to: a
     * few kilobytes of nested {@code <use>} can otherwise stand for billions of shapes.
     */
    static final long MAX_EXPANDED_ELEMENTS = 1_000_000;
    /** The longest chain of references through {@code <use>} (a use of a group holding a use...). */
    static final int MAX_REFERENCE_DEPTH = 20;
    /**
     * The drawing's own address, for Batik and its CSS engine: in the {@code .invalid} domain, which
     * never resolves (RFC 2606), and loads are refused before any lookup anyway (by the Batik wing's
     * user agent). It lives here, with the drawing's text, so that both the CSS rewriting and the
     * Batik wing read it without the lower wing knowing the upper.
     */
    public static final String BASE_URI = "http://drawing.invalid/drawing.svg";

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    /** Elements removed with everything in them, in any namespace (SVG, or XHTML inside foreignObject). */
    private static final Set<String> REMOVED = Set.of(
            "script",
            "handler",
            "listener",
            "set",
            "animate",
            "animatemotion",
            "animatetransform",
            "animatecolor",
            "iframe",
            "frame",
            "frameset",
            "object",
            "embed",
            "applet",
            "link",
            "meta",
            "base",
            "form",
            "input",
            "button",
            "textarea",
            "select",
            "audio",
            "video",
            "source",
            "track",
            "portal");
    /**
     * Elements whose content an HTML parser reads as raw text, up to an end tag or to the end of the
     * page (script, iframe and textarea among them are in {@link #REMOVED} already).
     */
    private static final Set<String> RAW_TEXT = Set.of("noscript", "xmp", "noembed", "noframes", "plaintext");
    /**
     * Start tags that make an HTML parser leave SVG content and read what follows as HTML (the HTML
     * standard's "breakout" list); none is an SVG element.
     */
    private static final Set<String> BREAKOUT = Set.of(
            "b",
            "big",
            "blockquote",
            "body",
            "br",
            "center",
            "code",
            "dd",
            "div",
            "dl",
            "dt",
            "em",
            "embed",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "head",
            "hr",
            "i",
            "img",
            "li",
            "listing",
            "menu",
            "meta",
            "nobr",
            "ol",
            "p",
            "pre",
            "ruby",
            "s",
            "small",
            "span",
            "strong",
            "strike",
            "sub",
            "sup",
            "table",
            "tt",
            "u",
            "ul",
            "var");
    /** Elements that draw only what they refer to. */
    private static final Set<String> REFERENCING = Set.of("image", "use", "feImage");

    private static final Set<String> LINK_ATTRIBUTES =
            Set.of("href", "src", "action", "formaction", "background", "poster", "srcset", "data");
    private static final Pattern STANDARD_DOCTYPE = Pattern.compile(
            "\\A(?:\\s*<\\?xml[^>]*\\?>)?(?:\\s*<!--.*?-->)*\\s*(<!DOCTYPE\\s+svg\\s+PUBLIC\\s+"
                    + "\"-//W3C//DTD SVG (?:1\\.[01](?: Basic| Tiny)?|20010904|20001102|20000802)//EN\"\\s+"
                    + "\"[^\"<>\\[\\]]*\"\\s*>)",
            Pattern.DOTALL);

    private SvgSanitiser() {}

    /**
     * @param svg      a drawing, as text
     * @param warnings told of every reference to the outside that was removed, in words for the
     *                 drawing's owner (a link in {@code <a>} is not a load and is not reported)
     * @return the drawing, sanitised
     * @throws ExportException if it is not SVG, has a DOCTYPE, or exceeds a limit
     */
    static Document sanitise(String svg, Consumer<String> warnings) {
        return sanitise(svg, warnings, 0);
    }

    /**
     * @param embedding how many {@code data:} SVG images this drawing is inside (0 for the drawing itself)
     */
    static Document sanitise(String svg, Consumer<String> warnings, int embedding) {
        if (svg.length() > MAX_CHARS) {
            throw new ExportException(
                    "the drawing is too large: " + svg.length() + " characters, at most " + MAX_CHARS);
        }
        Document document = parse(withoutStandardDoctype(svg));
        Element root = document.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !SVG.equals(root.getNamespaceURI())) {
            throw new ExportException("the drawing is not SVG: its root element is <" + root.getNodeName()
                    + "> (expected <svg> in the namespace " + SVG + ")");
        }
        clean(root, 0, new int[1], warnings, embedding);
        checkExpandedSize(root);
        // processing instructions and comments outside the root (xml-stylesheet and the like)
        for (Node child = document.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            if (child.getNodeType() != Node.ELEMENT_NODE) {
                document.removeChild(child);
            }
            child = next;
        }
        return document;
    }

    /**
     * Tools write the W3C's SVG document types (draw.io SVG 1.1's; Dia, old Inkscape and Illustrator
     * SVG 1.0's or its drafts': a public id, no internal subset). They declare nothing a drawing needs,
     * and a browser reads none of them, so they are dropped before parsing, and their system id is
     * never read; any other DOCTYPE, and every internal subset, still makes the drawing fail.
     */
    static String withoutStandardDoctype(String svg) {
        Matcher m = STANDARD_DOCTYPE.matcher(svg);
        return m.find() ? svg.substring(0, m.start(1)) + svg.substring(m.end(1)) : svg;
    }

    private static Document parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not stop a drawing
                }
            });
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed: " + systemId);
            });
            return builder.parse(new InputSource(new StringReader(svg)));
        } catch (SAXParseException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw new ExportException("the drawing has a DOCTYPE, which is not allowed (entities could read "
                        + "files or exhaust memory)");
            }
            throw new ExportException("the drawing is not valid SVG: " + message + " (line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ")");
        } catch (SAXException | IOException e) {
            throw new ExportException("the drawing cannot be read: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a safety feature schedex relies on", e);
        }
    }

    private static void clean(Element element, int depth, int[] count, Consumer<String> warnings, int embedding) {
        if (depth > MAX_DEPTH) {
            throw new ExportException("the drawing nests elements more than " + MAX_DEPTH + " deep");
        }
        if (++count[0] > MAX_ELEMENTS) {
            throw new ExportException("the drawing has more than " + MAX_ELEMENTS + " elements");
        }
        cleanAttributes(element, warnings, embedding);
        if ("style".equals(element.getLocalName())) {
            element.setTextContent(CssSanitiser.stylesheet(element.getTextContent(), warnings));
        }
        boolean svgContent = SVG.equals(element.getNamespaceURI()) && !"foreignObject".equals(element.getLocalName());
        for (Node child = element.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE:
                    if (isHtmlStylesheet((Element) child)) {
                        moveOutOfHtml((Element) child, depth, count, warnings, embedding);
                    } else if (isRemoved((Element) child, svgContent)) {
                        element.removeChild(child);
                    } else {
                        clean((Element) child, depth + 1, count, warnings, embedding);
                        if (refersToNothing((Element) child)) {
                            element.removeChild(child);
                        }
                    }
                    break;
                case Node.CDATA_SECTION_NODE:
                    // an HTML parser reads <![CDATA[ outside SVG and MathML as a comment that ends at the first
                    // '>': the text inside would become markup. As text, it is escaped when written out.
                    element.replaceChild(element.getOwnerDocument().createTextNode(child.getNodeValue()), child);
                    break;
                case Node.COMMENT_NODE:
                case Node.PROCESSING_INSTRUCTION_NODE:
                    // they draw nothing, and an HTML parser ends a comment where XML does not ("<!-->", "--!>")
                    element.removeChild(child);
                    break;
                default:
                    break;
            }
            child = next;
        }
    }

    /** @return true for an HTML {@code <style>} inside a {@code <foreignObject>} */
    private static boolean isHtmlStylesheet(Element element) {
        if (!"style".equals(local(element)) || SVG.equals(element.getNamespaceURI())) {
            return false;
        }
        return foreignObjectAround(element) != null;
    }

    private static @Nullable Element foreignObjectAround(Element element) {
        for (Node node = element.getParentNode(); node instanceof Element ancestor; node = node.getParentNode()) {
            if ("foreignObject".equals(ancestor.getLocalName()) && SVG.equals(ancestor.getNamespaceURI())) {
                return ancestor;
            }
        }
        return null;
    }

    /**
     * An HTML {@code <style>} in a label applies, in a browser, to the whole drawing, as an SVG one does:
     * it becomes an SVG {@code <style>} before its {@code <foreignObject>}, sanitised as every stylesheet.
     * Left in the HTML, its text would be raw text to an HTML parser (the drawing inline in a page).
     */
    private static void moveOutOfHtml(Element html, int depth, int[] count, Consumer<String> warnings, int embedding) {
        Element foreign = Objects.requireNonNull(foreignObjectAround(html), "an HTML stylesheet is in a foreignObject");
        Element svg = html.getOwnerDocument().createElementNS(SVG, "style");
        svg.setTextContent(html.getTextContent());
        html.getParentNode().removeChild(html);
        foreign.getParentNode().insertBefore(svg, foreign);
        clean(svg, depth, count, warnings, embedding);
    }

    /**
     * @param svgContent true if the parent is SVG content (an SVG element other than foreignObject)
     * @return true if the element goes, with everything in it: script and what loads or acts; an
     *         element whose text an HTML parser reads raw ({@code <style>} and {@code <title>} only
     *         outside the SVG namespace, where they are raw text); and in SVG content, an element an
     *         HTML parser would take out of the SVG ({@code <p>}, {@code <img>}...: "breakout")
     */
    private static boolean isRemoved(Element element, boolean svgContent) {
        String name = local(element);
        if (REMOVED.contains(name) || RAW_TEXT.contains(name)) {
            return true;
        }
        if ((name.equals("style") || name.equals("title")) && !SVG.equals(element.getNamespaceURI())) {
            return true;
        }
        return svgContent
                && (BREAKOUT.contains(name)
                        || name.equals("font")
                                && (element.hasAttribute("color")
                                        || element.hasAttribute("face")
                                        || element.hasAttribute("size")));
    }

    /**
     * @return true for an {@code <image>}, {@code <use>} or {@code <feImage>} without a reference (none
     *         given, or the one given taken away): it draws nothing, and Batik refuses the whole drawing
     */
    private static boolean refersToNothing(Element element) {
        return REFERENCING.contains(element.getLocalName())
                && SVG.equals(element.getNamespaceURI())
                && !element.hasAttributeNS(XLINK, "href")
                && !element.hasAttribute("href");
    }

    private static void cleanAttributes(Element element, Consumer<String> warnings, int embedding) {
        NamedNodeMap attributes = element.getAttributes();
        List<Attr> removed = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = local(attribute);
            String value = attribute.getValue();
            if (name.startsWith("on")
                    || "base".equals(name) && XMLConstants.XML_NS_URI.equals(attribute.getNamespaceURI())) {
                removed.add(attribute);
            } else if (LINK_ATTRIBUTES.contains(name) && !isAllowedReference(element, name, value)) {
                removed.add(attribute);
                if (!"a".equals(local(element)) && !value.isBlank()) {
                    warnings.accept(notLoaded("<" + local(element) + ">", value));
                }
            } else if (LINK_ATTRIBUTES.contains(name) && EmbeddedSvg.isSvgImage(value)) {
                Optional<String> image = EmbeddedSvg.sanitised(value, warnings, embedding);
                if (image.isPresent()) {
                    attribute.setValue(image.get());
                } else {
                    removed.add(attribute);
                }
            } else if (value.indexOf('(') >= 0 || "style".equals(name)) {
                // style="...", and fill="url(...)" and the other presentation attributes that take CSS
                attribute.setValue(CssSanitiser.declarations(value, warnings));
            }
        }
        removed.forEach(element::removeAttributeNode);
    }

    /**
     * Counts the elements the drawing stands for with every {@code <use>} expanded, and fails if that
     * count passes {@link #MAX_EXPANDED_ELEMENTS}, if references chain deeper than
     * {@link #MAX_REFERENCE_DEPTH}, or if a {@code <use>} refers to itself through others.
     */
    private static void checkExpandedSize(Element root) {
        Map<String, Element> byId = new HashMap<>();
        collectIds(root, byId);
        long expanded = expandedSize(root, byId, new HashMap<>(), new HashSet<>(), 0);
        if (expanded > MAX_EXPANDED_ELEMENTS) {
            throw new ExportException("the drawing stands for more than " + MAX_EXPANDED_ELEMENTS
                    + " elements once its <use> references are expanded");
        }
    }

    private static void collectIds(Element element, Map<String, Element> byId) {
        String id = element.getAttribute("id");
        if (!id.isEmpty()) {
            byId.putIfAbsent(id, element);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                collectIds((Element) child, byId);
            }
        }
    }

    private static long expandedSize(
            Element element, Map<String, Element> byId, Map<Element, Long> known, Set<Element> open, int references) {
        Long size = known.get(element);
        if (size != null) {
            return size;
        }
        if (!open.add(element)) {
            throw new ExportException("the drawing's <use> elements refer to each other in a circle (through id '"
                    + element.getAttribute("id") + "')");
        }
        long total = 1;
        for (Node child = element.getFirstChild();
                child != null && total <= MAX_EXPANDED_ELEMENTS;
                child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                total += expandedSize((Element) child, byId, known, open, references);
            }
        }
        if ("use".equals(local(element))) {
            String href = element.hasAttributeNS(XLINK, "href")
                    ? element.getAttributeNS(XLINK, "href")
                    : element.getAttribute("href");
            Element target = href.startsWith("#") ? byId.get(href.substring(1)) : null;
            if (target != null) {
                if (references >= MAX_REFERENCE_DEPTH) {
                    throw new ExportException(
                            "the drawing chains <use> references more than " + MAX_REFERENCE_DEPTH + " deep");
                }
                total += expandedSize(target, byId, known, open, references + 1);
            }
        }
        open.remove(element);
        long bounded = Math.min(total, MAX_EXPANDED_ELEMENTS + 1);
        known.put(element, bounded);
        return bounded;
    }

    /**
     * Internal references anywhere; {@code data:image/} URLs as the source of an image ({@code <image>},
     * or {@code <img>} inside a foreignObject) and nowhere else; from an {@code <a>}, also absolute http,
     * https and mailto links (a relative link means nothing once the drawing is exported elsewhere).
     */
    private static boolean isAllowedReference(Element element, String attribute, String value) {
        String trimmed = value.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("#")) {
            return true;
        }
        if (lower.startsWith("data:")) {
            // only as an image: behind a link, a <use> or a filter, a data: document can carry script
            String name = local(element);
            return lower.startsWith("data:image/")
                    && (name.equals("image") && attribute.equals("href")
                            || name.equals("img") && attribute.equals("src"));
        }
        boolean absolute = lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:");
        return "a".equals(local(element)) && absolute && UrlPolicy.isSafe(trimmed);
    }

    /**
     * @param what   what named the resource, for the drawing's owner ("a style")
     * @param target the resource it named
     * @return the warning that it was not loaded
     */
    static String notLoaded(String what, String target) {
        String shown = target.length() > 100 ? target.substring(0, 97) + "..." : target;
        return what + " refers to " + shown + ", which was not loaded: an export reads nothing outside the drawing";
    }

    private static String local(Node node) {
        String name = node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * @param document a sanitised drawing
     * @return it as text, the same for the same drawing
     */
    static String serialise(Document document) {
        return serialise(document, false);
    }

    /**
     * The XML declaration is written here, not by the JDK's serialiser: that one declares the
     * encoding the drawing declared when it was read ({@code iso-8859-1}, {@code UTF-16}) whatever
     * it is told, and the text is written out as UTF-8.
     *
     * @param document           a sanitised drawing
     * @param omitXmlDeclaration true to leave out the XML declaration, for a drawing inside an HTML page
     * @return it as text, the same for the same drawing, to be written as UTF-8
     */
    static String serialise(Document document, boolean omitXmlDeclaration) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            if (!omitXmlDeclaration) {
                out.write("<?xml version=\"" + document.getXmlVersion() + "\" encoding=\"UTF-8\" standalone=\"no\"?>");
            }
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write a sanitised drawing", e);
        }
    }
}

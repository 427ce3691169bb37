package dev.schedex.renderers.internal.svg;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * References to elements the drawing does not have, drawn as a browser draws them. D2 writes
 * {@code mask="url(#legend-…)"} for masks it never writes, and stylesheet rules with
 * {@code fill: url(#streaks-…)} for patterns it leaves out; Batik refuses the whole drawing at the
 * first one ("Cannot find the referenced element"). Chromium 156 (measured on one drawing of each):
 * a paint whose server is missing falls back to its fallback colour ({@code url(#x) red}), or to
 * none; a missing mask, clip path, filter or marker is ignored, and the element drawn without it;
 * a {@code <use>} of a missing element draws nothing. So here: the paint becomes its fallback or
 * {@code none}, the others {@code none}, in presentation attributes, {@code style} attributes and
 * stylesheets alike, and such a {@code <use>} is taken out.
 *
 * <p>Applied last, to the whole drawing at once, so that it sees the elements the other rules made
 * (generated filters, reversed markers).
 */
final class MissingReferences {

    /** A local reference, {@code url(#id)}, with or without quotes. */
    private static final Pattern LOCAL_URL = Pattern.compile("url\\(\\s*(['\"]?)#([^'\")\\s]+)\\1\\s*\\)");
    /** A declaration in a stylesheet or a {@code style} attribute, with the text around its value. */
    private static final Pattern DECLARATION = Pattern.compile("([A-Za-z-]+)(\\s*:\\s*)([^;{}]*)");
    /** The properties that paint, whose value may give a fallback after the reference. */
    private static final Set<String> PAINTS = Set.of("fill", "stroke");
    /** The properties a missing reference is dropped from. */
    private static final Set<String> PROPERTIES = Set.of(
            "fill", "stroke", "mask", "clip-path", "filter", "marker", "marker-start", "marker-mid", "marker-end");

    private MissingReferences() {}

    /** @param document a normalised drawing, changed in place */
    static void drop(Document document) {
        List<Element> elements = SvgTree.elements(document.getDocumentElement());
        Set<String> ids = new HashSet<>();
        for (Element element : elements) {
            if (element.hasAttribute("id")) {
                ids.add(element.getAttribute("id"));
            }
        }
        for (Element element : elements) {
            for (String property : PROPERTIES) {
                if (element.hasAttribute(property)) {
                    String value = element.getAttribute(property);
                    String kept = value(property, value, ids);
                    if (!kept.equals(value)) {
                        element.setAttribute(property, kept);
                    }
                }
            }
            if (element.hasAttribute("style")) {
                element.setAttribute("style", declarations(element.getAttribute("style"), ids));
            }
            if ("style".equals(element.getLocalName())) {
                element.setTextContent(declarations(element.getTextContent(), ids));
            }
            if ("use".equals(element.getLocalName()) && element.getParentNode() != null) {
                String href = element.hasAttributeNS(SvgTree.XLINK, "href")
                        ? element.getAttributeNS(SvgTree.XLINK, "href")
                        : element.getAttribute("href");
                if (href.startsWith("#") && !ids.contains(href.substring(1))) {
                    element.getParentNode().removeChild(element);
                }
            }
        }
    }

    /**
     * @param property a property name
     * @param value    its value
     * @param ids      the drawing's ids
     * @return the value, or what a browser draws instead of its reference to a missing element
     */
    private static String value(String property, String value, Set<String> ids) {
        String name = property.toLowerCase(Locale.ROOT);
        Matcher reference = LOCAL_URL.matcher(value);
        if (!PROPERTIES.contains(name) || !reference.find() || ids.contains(reference.group(2))) {
            return value;
        }
        String rest = value.substring(reference.end()).strip();
        if (!PAINTS.contains(name) && !rest.isEmpty() && !rest.equalsIgnoreCase("!important")) {
            return value; // a list (url() among filter functions), which Batik does not read: left as written
        }
        String important = "";
        if (rest.toLowerCase(Locale.ROOT).endsWith("!important")) {
            important = " !important";
            rest = rest.substring(0, rest.length() - "!important".length()).strip();
        }
        return (PAINTS.contains(name) && !rest.isEmpty() ? rest : "none") + important;
    }

    private static String declarations(String text, Set<String> ids) {
        if (!text.contains("url(")) {
            return text;
        }
        Matcher declaration = DECLARATION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (declaration.find()) {
            String value = declaration.group(3);
            String kept = value(declaration.group(1), value.strip(), ids);
            declaration.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            kept.equals(value.strip())
                                    ? declaration.group()
                                    : declaration.group(1) + declaration.group(2) + kept));
        }
        declaration.appendTail(out);
        return out.toString();
    }
}

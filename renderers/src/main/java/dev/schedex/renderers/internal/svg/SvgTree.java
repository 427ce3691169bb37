package dev.schedex.renderers.internal.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** What the drawing rules share: the namespaces, the elements in order, a property of a {@code style}. */
final class SvgTree {

    static final String SVG = "http://www.w3.org/2000/svg";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final Pattern DECLARATION = Pattern.compile("([a-z-]+)\\s*:\\s*([^;]+)");

    private SvgTree() {}

    /** @return the element and every SVG element inside it, in document order (a copy: safe to change the tree) */
    static List<Element> elements(Element root) {
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

    /** @return the value a property has in the element's {@code style} attribute, if it is there */
    static Optional<String> declared(Element element, String property) {
        Matcher declaration = DECLARATION.matcher(element.getAttribute("style").toLowerCase(Locale.ROOT));
        String value = null;
        while (declaration.find()) {
            if (declaration.group(1).equals(property)) {
                value = declaration.group(2).replace("!important", "").strip();
            }
        }
        return Optional.ofNullable(value);
    }
}

package dev.schedex.renderers.internal.svg;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A {@code <switch>} draws its first child whose conditions hold. Browsers support the
 * {@code Extensibility} feature (HTML in {@code <foreignObject>}) and no private extension;
 * Batik supports neither, and so draws draw.io's truncated fallback labels and its "Text is not
 * SVG - cannot display" notice. Here the switch keeps the child a browser would draw, without its
 * conditions (a {@code <foreignObject>} is then a label for the CSS engine, by {@link HtmlLabels}), and loses
 * the others.
 */
final class SwitchBranches implements DrawingRule {

    @Override
    public void apply(Element element) {
        if ("switch".equals(element.getLocalName())) {
            chooseSwitchBranch(element);
        }
    }

    private void chooseSwitchBranch(Element switchElement) {
        Element chosen = null;
        List<Element> children = new ArrayList<>();
        for (Node child = switchElement.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                Element element = (Element) child;
                children.add(element);
                boolean browserDraws =
                        element.getAttribute("requiredExtensions").isBlank()
                                && List.of(element.getAttribute("requiredFeatures")
                                                .strip()
                                                .split("\\s+"))
                                        .stream()
                                        .allMatch(feature -> feature.isEmpty()
                                                || feature.startsWith("http://www.w3.org/TR/SVG11/feature#"));
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
}

package dev.schedex.renderers.internal.svg;

import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A browser shifts each piece of text by the baseline its nearest {@code alignment-baseline} names
 * (a tspan's, then the text's), or else by the text's {@code dominant-baseline}, inherited from
 * its ancestors; the shifts do not add up. Batik reads {@code baseline-shift} on tspans only, so
 * loose text is wrapped in one.
 */
final class Baselines extends ElementRule {

    /**
     * How far each baseline lies above the alphabetic one, in percent of the font size, as Chromium
     * places it: central is half of ascent minus descent, middle half the x-height, mathematical half
     * the ascent, hanging 0.8 of the ascent, text-before-edge the ascent, text-after-edge and
     * ideographic the descent below. The font's own metrics are not known before Batik builds the
     * text, so these take a typical sans-serif's (ascent 0.9, descent 0.22, x-height 0.52 em); measured
     * in Chromium with DejaVu Sans they are within 2% of the em.
     */
    private static final Map<String, Integer> BASELINE_SHIFTS = Map.of(
            "central",
            34,
            "middle",
            26,
            "mathematical",
            45,
            "hanging",
            72,
            "text-before-edge",
            90,
            "text-after-edge",
            -22,
            "ideographic",
            -22);

    Baselines(Document document) {
        super("text", document);
    }

    @Override
    void rewrite(Element text) {
        String dominant = "";
        for (Node node = text; node instanceof Element element && dominant.isEmpty(); node = node.getParentNode()) {
            dominant = baseline(element, "dominant-baseline");
        }
        String own = baseline(text, "alignment-baseline");
        String textBaseline = own.isEmpty() ? dominant : own;
        for (Node child = text.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE
                    && !child.getTextContent().isBlank()
                    && BASELINE_SHIFTS.containsKey(textBaseline)) {
                Element span = document.createElementNS(SvgTree.SVG, "tspan");
                text.replaceChild(span, child);
                span.appendChild(child);
                span.setAttribute("baseline-shift", -BASELINE_SHIFTS.get(textBaseline) + "%");
                child = span;
            } else if (child instanceof Element span
                    && "tspan".equals(span.getLocalName())
                    && !span.hasAttribute("baseline-shift")
                    && SvgTree.declared(span, "baseline-shift").isEmpty()) {
                String spanBaseline = baseline(span, "alignment-baseline");
                String effective = spanBaseline.isEmpty() ? textBaseline : spanBaseline;
                if (BASELINE_SHIFTS.containsKey(effective)) {
                    span.setAttribute("baseline-shift", -BASELINE_SHIFTS.get(effective) + "%");
                }
            }
        }
    }

    /** @return the baseline an element names itself (style before attribute), or "" for none or auto */
    private static String baseline(Element element, String property) {
        String value = SvgTree.declared(element, property)
                .orElse(element.getAttribute(property))
                .strip();
        return value.equals("auto") || value.equals("baseline") || value.equals("inherit") ? "" : value;
    }
}

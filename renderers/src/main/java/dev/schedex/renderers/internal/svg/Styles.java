package dev.schedex.renderers.internal.svg;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/** Stylesheets, style attributes, fonts and colour attributes, as {@link CssNormaliser} rewrites them. */
final class Styles implements DrawingRule {

    /**
     * {@code vector-effect} in a style attribute: Batik's CSS engine does not know the property, so it
     * goes on as the attribute, which the Batik wing reads (its {@code NonScalingStrokes}).
     */
    private static final Pattern VECTOR_EFFECT =
            Pattern.compile("(?:^|;)\\s*vector-effect\\s*:\\s*([^;!]+)", Pattern.CASE_INSENSITIVE);

    private final CssNormaliser css = new CssNormaliser();

    @Override
    public void apply(Element element) {
        if ("style".equals(element.getLocalName())) {
            element.setTextContent(css.stylesheet(element.getTextContent()));
        }
        if (element.hasAttribute("style")) {
            Matcher effect = VECTOR_EFFECT.matcher(element.getAttribute("style"));
            if (effect.find()) {
                element.setAttribute("vector-effect", effect.group(1).strip());
            }
            element.setAttribute("style", css.declarations(element.getAttribute("style")));
        }
        if (element.hasAttribute("font-family")) {
            element.setAttribute("font-family", CssNormaliser.withBrowserFallback(element.getAttribute("font-family")));
        }
        ColourAttributes.apply(element);
    }
}

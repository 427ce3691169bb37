package dev.schedex.renderers.internal.svg;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Rewrites what diagram tools write and Batik 1.19 rejects into what Batik draws the same way, on a
 * sanitised drawing, before it is built. Each rule is a class of its own ({@link DrawingRule}),
 * applied in this order to each SVG element in document order:
 * <ul>
 *   <li>first, on the root: {@link RootBackground} (a {@code background-color} browsers paint and
 *       Batik ignores) and {@link FontFallbacks#initialFont} (a browser's serif, not Batik's
 *       Arial);</li>
 *   <li>{@link Styles}: CSS in {@code <style>} (every stylesheet before anything else: the
 *       animations they define apply to style attributes anywhere), {@code style} attributes, font
 *       lists and colour attributes, as {@link CssNormaliser} rewrites them: rule by rule, so that
 *       one rule Batik does not know never costs the whole stylesheet;</li>
 *   <li>{@link Hrefs}, {@link SizelessRects}, {@link Markers}, {@link DropShadows}: SVG 2 that
 *       Batik and older viewers cannot read, as SVG 1.1 that draws the same;</li>
 *   <li>{@link HtmlLabels}, first on each {@code <foreignObject>} (before its style is rewritten):
 *       its HTML as a page of its own, with the drawing's stylesheets as sanitised, which the Batik
 *       wing lays out with a CSS engine (Mermaid's, draw.io's and tldraw's labels);
 *       {@link FilterFunctions}, also before the style is rewritten: CSS filter functions
 *       ({@code invert()}, {@code drop-shadow()}...) as a {@code <filter>} of the primitives they
 *       are defined as (Excalidraw's dark mode);
 *       {@link SwitchBranches}: the branch a browser draws, HTML included (draw.io's labels, not its
 *       truncated fallbacks);</li>
 *   <li>{@link FontFallbacks}: characters beyond Unicode's first plane get a font that falls back
 *       for them; {@link Baselines}: {@code dominant-baseline} and {@code alignment-baseline}, which
 *       Batik does not read, as the {@code baseline-shift} a browser's shift amounts to;</li>
 *   <li>last, on the whole drawing: {@link MissingReferences}, references to elements the drawing
 *       does not have (D2's masks), which Batik refuses the drawing for, as a browser draws them.</li>
 * </ul>
 * The root's {@code version} is dropped first: Batik draws a {@code "1.2"} drawing with SVG 1.2's
 * bridges, which browsers never had.
 * {@link #normalise} applies all of them, for Batik; {@link #makePortable} only those that draw the
 * same in a browser, for the {@code svg} format.
 */
final class DrawingNormaliser {

    private DrawingNormaliser() {}

    /**
     * Everything above, for Batik (the {@code png} and {@code pdf} formats).
     *
     * @param document a sanitised drawing, changed in place
     */
    static void normalise(Document document) {
        Element root = document.getDocumentElement();
        RootBackground.paint(root); // before its style loses what Batik does not read
        // browsers ignore the version; Batik draws a "1.2" drawing with SVG 1.2's bridges, which fail
        // on its text when the drawing is disposed (LibreOffice's SVG Tiny 1.2 exports)
        root.removeAttribute("version");
        FontFallbacks.initialFont(root);
        List<Element> elements = SvgTree.elements(root);
        StringBuilder stylesheets = new StringBuilder();
        elements.stream()
                .filter(DrawingNormaliser::isStylesheet)
                .forEach(sheet -> stylesheets.append(sheet.getTextContent()).append('\n'));
        Styles styles = new Styles();
        // stylesheets first: the animations they define apply to style attributes anywhere
        elements.stream().filter(DrawingNormaliser::isStylesheet).forEach(styles::apply);
        List<DrawingRule> rules = new ArrayList<>();
        // before the label's own style is rewritten for Batik
        rules.add(new HtmlLabels(document, stylesheets.toString()));
        rules.add(new FilterFunctions(document)); // before Batik's CSS engine drops the functions from a style
        rules.add(element -> {
            if (!isStylesheet(element)) {
                styles.apply(element);
            }
        });
        rules.addAll(portable(document));
        rules.addAll(List.of(new SwitchBranches(), new FontFallbacks(document), new Baselines(document)));
        apply(elements, rules);
        MissingReferences.drop(document); // last: it sees the elements the rules above made
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
        List<DrawingRule> rules = new ArrayList<>();
        rules.add(ColourAttributes::apply);
        rules.addAll(portable(document));
        apply(SvgTree.elements(document.getDocumentElement()), rules);
    }

    /** The rewrites that keep the drawing as it is in a browser, for both of the above. */
    private static List<DrawingRule> portable(Document document) {
        return List.of(new Hrefs(), new SizelessRects(), new Markers(document), new DropShadows(document));
    }

    private static void apply(List<Element> elements, List<DrawingRule> rules) {
        for (Element element : elements) {
            if (element.getParentNode() == null) {
                continue; // taken out by an earlier rule
            }
            for (DrawingRule rule : rules) {
                rule.apply(element);
            }
        }
    }

    private static boolean isStylesheet(Element element) {
        return "style".equals(element.getLocalName());
    }
}

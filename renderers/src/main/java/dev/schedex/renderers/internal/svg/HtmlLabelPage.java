package dev.schedex.renderers.internal.svg;

/**
 * What a {@code <foreignObject>} of HTML holds once {@code HtmlLabels} has made it a label for the
 * batik wing to lay out: one XHTML {@code <html>} element, a page with the drawing's stylesheets
 * and the label, whose outermost element has the id {@link #LABEL_ID}; and on the foreign object,
 * the label's box ({@link #BOX}), its alignment in that box ({@link #ALIGN}) and the rectangle it
 * is clipped to, if any ({@link #CLIP}).
 */
public final class HtmlLabelPage {

    /** The id of the label's outermost element, whose size is the label's size. */
    public static final String LABEL_ID = "schedex-label";
    /** "x y width height": the box the label is laid out in, in the foreign object's user space. */
    public static final String BOX = "data-schedex-box";
    /** "horizontal vertical", each start, center or end: where in its box the label goes. */
    public static final String ALIGN = "data-schedex-align";
    /** "x y width height": what the foreign object clips its content to; absent if it does not. */
    public static final String CLIP = "data-schedex-clip";
    /**
     * The width, in px, the label is laid out in, where it is not its box's: a label none of whose text
     * wraps ({@code white-space: nowrap} or {@code pre}) is given room to spare (the engine would wrap it
     * between inline elements where it is a hair wider than the browser measured it), and sized to its
     * content: a flex item as wide as it needs, a foreign object's content a tenth wider, at least 20 px
     * (unless something in it is as wide as a share of its container, as an image of {@code width: 100%}).
     */
    public static final String LAYOUT_WIDTH = "data-schedex-layout-width";
    /**
     * The page's own style, before the drawing's; for MathML, a browser's (MathML Core's): a formula
     * in the {@code math} font family, one of {@code display="block"} a block of its own, centred.
     */
    static final String RESET = "html, body { margin: 0; padding: 0; }\n"
            + "math { font-family: math; font-style: normal; font-weight: normal; }\n"
            + "math[display=\"block\"] { display: block; margin-left: auto; margin-right: auto; }\n";
    /** The style of a stand-in for an SVG element around the label: it adds no box of its own. */
    static final String STAND_IN = "display: inline !important; position: static !important;"
            + " margin: 0 !important; padding: 0 !important; border-style: none !important;"
            + " background: transparent !important; width: auto !important; height: auto !important";

    private HtmlLabelPage() {}
}

package dev.schedex.renderers.internal.batik;

import com.openhtmltopdf.bidi.BidiSplitter;
import com.openhtmltopdf.bidi.SimpleBidiReorderer;
import com.openhtmltopdf.context.StyleReference;
import com.openhtmltopdf.java2d.Java2DFontContext;
import com.openhtmltopdf.java2d.Java2DOutputDevice;
import com.openhtmltopdf.java2d.Java2DTextRenderer;
import com.openhtmltopdf.layout.BoxBuilder;
import com.openhtmltopdf.layout.Layer;
import com.openhtmltopdf.layout.LayoutContext;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.outputdevice.helper.NullUserInterface;
import com.openhtmltopdf.render.BlockBox;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.PageBox;
import com.openhtmltopdf.render.RenderingContext;
import com.openhtmltopdf.render.ViewportBox;
import com.openhtmltopdf.render.simplepainter.SimplePainter;
import com.openhtmltopdf.simple.extend.XhtmlNamespaceHandler;
import dev.schedex.renderers.internal.svg.HtmlLabelPage;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import org.w3c.dom.Document;

/**
 * One label laid out by openhtmltopdf's CSS engine (CSS 2.1, as screen media: no pages), ready to
 * paint onto any {@link Graphics2D}. The engine places boxes and measures text in whole units; it
 * works here in twentieths of a pixel ({@link #DOTS}), as its PDF renderer does in twentieths of a
 * point: in whole pixels, a text measured in pieces came out a pixel wider than measured whole, and
 * a label sized to it wrapped ("linked .drawio.svg"). Its Java2D text is replaced
 * ({@link LabelText}): at such units it lost the space before an inline element.
 */
final class LabelLayout {

    /** Engine units per CSS pixel. */
    static final int DOTS = 20;

    private final SharedContext context;
    private final BlockBox root;
    private final Rectangle2D label;

    private LabelLayout(SharedContext context, BlockBox root, Rectangle2D label) {
        this.context = context;
        this.root = root;
        this.label = label;
    }

    /**
     * @param page   the label's page ({@link HtmlLabelPage})
     * @param width  the width of the box it is laid out in, in px
     * @param labels the drawing's labels: fonts, user agent, the graphics text is measured with
     * @return the page laid out
     */
    static LabelLayout of(Document page, double width, Labels labels) {
        SharedContext context = new SharedContext();
        context.registerWithThread();
        context.setUserAgentCallback(labels.userAgent());
        context.setCss(new StyleReference(labels.userAgent()));
        context.setReplacedElementFactory(labels.images());
        context.setTextRenderer(new LabelText());
        context.setDPI(96 * DOTS); // units per CSS inch
        context.setDotsPerPixel(DOTS);
        context.setPrint(false);
        context.setInteractive(false);
        context.setLineBreaker(labels.lineBreaker());
        context.setBaseURL("");
        context.setNamespaceHandler(new XhtmlNamespaceHandler());
        context.getCss().setDocumentContext(context, context.getNamespaceHandler(), page, new NullUserInterface());
        context.setFontResolver(labels.fonts(context));

        LayoutContext layout = context.newLayoutContextInstance();
        layout.setFontContext(new Java2DFontContext(labels.measuring()));
        layout.setDefaultTextDirection(BidiSplitter.LTR);
        ((Java2DTextRenderer) context.getTextRenderer()).setup(layout.getFontContext(), new SimpleBidiReorderer());
        BlockBox root = BoxBuilder.createRootBox(layout, page);
        root.setContainingBlock(new ViewportBox(new Rectangle(0, 0, (int) Math.round(width * DOTS), 0)));
        root.layout(layout);
        Box box = context.getBoxById(HtmlLabelPage.LABEL_ID);
        Rectangle2D label = box == null
                ? new Rectangle2D.Double(0, 0, width, root.getHeight())
                : new Rectangle2D.Double(
                        box.getAbsX() / (double) DOTS,
                        box.getAbsY() / (double) DOTS,
                        box.getWidth() / (double) DOTS,
                        box.getHeight() / (double) DOTS);
        return new LabelLayout(context, root, label);
    }

    /** @return where the label's outermost box lies on its page, in px */
    Rectangle2D label() {
        return label;
    }

    /** @param graphics where to paint the page, its top left at the origin, one unit per px */
    void paint(Graphics2D graphics) {
        context.registerWithThread();
        // no Graphics2D.create(): what OpenPDF's PdfGraphics2D is given through a graphics made so is lost
        Graphics2D g = graphics;
        AffineTransform transform = g.getTransform();
        Shape clip = g.getClip();
        try {
            g.scale(1.0 / DOTS, 1.0 / DOTS);
            Java2DOutputDevice device = new Java2DOutputDevice(g);
            RenderingContext rendering = context.newRenderingContextInstance();
            rendering.setFontContext(new Java2DFontContext(g));
            rendering.setOutputDevice(device);
            device.setRenderingContext(rendering);
            ((Java2DTextRenderer) context.getTextRenderer())
                    .setup(rendering.getFontContext(), new SimpleBidiReorderer());
            rendering.setRootLayer(root.getLayer());
            device.setRoot(root);
            device.initializePage(g);
            root.getLayer().assignPagePaintingPositions(rendering, Layer.PAGED_MODE_SCREEN);
            // no pages on screen, but list markers are painted only inside the current page: one page, everywhere
            PageBox everywhere = Layer.createPageBox(rendering, "first");
            everywhere.setPaintingTop(Integer.MIN_VALUE / 2);
            everywhere.setPaintingBottom(Integer.MAX_VALUE / 2);
            rendering.setPage(0, everywhere);
            TextShadows.paint(root, rendering, g);
            new SimplePainter(0, 0).paintLayer(rendering, root.getLayer());
            device.finish(rendering, root);
        } finally {
            g.setTransform(transform);
            g.setClip(clip);
        }
    }
}

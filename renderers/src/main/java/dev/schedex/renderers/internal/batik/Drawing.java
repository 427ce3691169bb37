package dev.schedex.renderers.internal.batik;

import dev.schedex.renderers.internal.svg.SafeSvg;
import dev.schedex.renderers.internal.svg.SvgSanitiser;
import dev.schedex.spi.ExportException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Dimension2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import org.apache.batik.anim.dom.SVGDOMImplementation;
import org.apache.batik.anim.dom.SVGOMDocument;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.BridgeException;
import org.apache.batik.ext.awt.image.GraphicsUtil;
import org.apache.batik.gvt.GraphicsNode;
import org.apache.batik.util.ParsedURL;
import org.w3c.dom.Attr;
import org.w3c.dom.DOMException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A user's drawing, sanitised and built into Batik's graphics tree, ready to paint onto any
 * {@link Graphics2D}: a PNG's image or a PDF page. Built and painted on one render thread (see
 * {@link TimedRender}), then closed.
 */
public final class Drawing implements AutoCloseable {

    /** What a browser makes of an {@code <svg>} with neither a size nor a viewBox. */
    private static final double DEFAULT_WIDTH = 300;

    private static final double DEFAULT_HEIGHT = 150;
    private static final String SVG = SVGDOMImplementation.SVG_NAMESPACE_URI;
    /**
     * Why an element is left out, where there is more to say than that the renderer does not know
     * it. Inkscape's flowed text is a draft of SVG 1.2 that no browser ever drew: the export shows
     * what a browser shows, and the owner learns how to keep the text.
     */
    private static final Map<String, String> LEFT_OUT = Map.of(
            "flowRoot",
            "browsers do not draw flowed text "
                    + "(a draft of SVG 1.2) either; in Inkscape, Text > Convert to Text makes it text every viewer draws");

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    static {
        BatikSetup.prepare();
    }

    private final BridgeContext context;
    private final Labels labels;
    private final NonScalingStrokes strokes;
    private final GraphicsNode root;
    private final double width;
    private final double height;

    private Drawing(
            BridgeContext context,
            Labels labels,
            NonScalingStrokes strokes,
            GraphicsNode root,
            double width,
            double height) {
        this.context = context;
        this.labels = labels;
        this.strokes = strokes;
        this.root = root;
        this.width = width;
        this.height = height;
    }

    /**
     * @param svg      the drawing as the user made it
     * @param warnings told of everything left out of the drawing (outside references, elements
     *                 Batik does not know), in words for the drawing's owner
     * @return the drawing, built
     * @throws ExportException if it is not SVG, breaks a limit of {@link SvgSanitiser}, or Batik
     *                         cannot build it
     */
    public static Drawing read(String svg, Consumer<String> warnings) {
        Document sanitised = SafeSvg.read(svg, warnings).forBatik();
        SafeUserAgent agent = new SafeUserAgent(viewport(sanitised.getDocumentElement()), warnings);
        SVGOMDocument document = forBatik(sanitised, agent);
        BridgeContext context = new SafeBridgeContext(agent, new ImageDocuments(agent));
        context.setDynamicState(BridgeContext.STATIC);
        Labels labels = new Labels(agent::warn);
        context.putBridge(new LabelBridge(labels));
        try {
            NonScalingStrokes strokes = new NonScalingStrokes();
            GraphicsNode root = strokes.builder().build(context, document);
            Dimension2D size = context.getDocumentSize();
            if (!(size.getWidth() > 0 && size.getHeight() > 0)) {
                throw new ExportException(
                        "the drawing has no area: its size is " + size.getWidth() + " by " + size.getHeight());
            }
            StoppableShape.wrapPaths(root);
            return new Drawing(context, labels, strokes, root, size.getWidth(), size.getHeight());
        } catch (BridgeException e) {
            context.dispose();
            labels.close();
            throw new ExportException("the drawing cannot be drawn: " + SafeBridgeContext.reason(e), e);
        } catch (RuntimeException | Error e) {
            context.dispose();
            labels.close();
            throw e;
        }
    }

    /**
     * Copies a sanitised drawing, or an SVG image inside one ({@link ImageDocuments}), into Batik's
     * DOM, in the form Batik 1.19 reads:
     * <ul>
     *   <li>an element Batik does not know (SVG 2's, or a tool's own in the SVG namespace) is left out
     *       with a warning, instead of failing the whole drawing;</li>
     *   <li>the document gets an address ({@link SvgSanitiser#BASE_URI}), which Batik needs to tell
     *       its own {@code #id} references from others and to report a stylesheet it cannot read
     *       (an image gets it too: each document resolves references against its own address to
     *       itself).</li>
     * </ul>
     */
    static SVGOMDocument forBatik(Document sanitised, SafeUserAgent agent) {
        SVGOMDocument document =
                (SVGOMDocument) SVGDOMImplementation.getDOMImplementation().createDocument(SVG, "svg", null);
        document.setParsedURL(new ParsedURL(SvgSanitiser.BASE_URI));
        document.setDocumentURI(SvgSanitiser.BASE_URI);
        Element root = document.getDocumentElement();
        copyAttributes(sanitised.getDocumentElement(), root);
        copyChildren(sanitised.getDocumentElement(), root, document, agent);
        return document;
    }

    private static void copyChildren(Element from, Element to, Document document, SafeUserAgent agent) {
        for (Node child = from.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE:
                    Element source = (Element) child;
                    String name = source.getLocalName();
                    Element copy;
                    try {
                        copy = document.createElementNS(source.getNamespaceURI(), source.getNodeName());
                    } catch (DOMException e) {
                        agent.warn("<" + name + "> was left out: "
                                + LEFT_OUT.getOrDefault(name, "the renderer does not know it"));
                        continue;
                    }
                    copyAttributes(source, copy);
                    copyChildren(source, copy, document, agent);
                    to.appendChild(copy);
                    break;
                case Node.TEXT_NODE:
                    to.appendChild(document.createTextNode(child.getNodeValue()));
                    break;
                case Node.CDATA_SECTION_NODE:
                    to.appendChild(document.createCDATASection(child.getNodeValue()));
                    break;
                default:
                    break; // comments and processing instructions draw nothing
            }
        }
    }

    private static void copyAttributes(Element from, Element to) {
        NamedNodeMap attributes = from.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
                continue; // namespaces come with the names
            }
            to.setAttributeNS(attribute.getNamespaceURI(), attribute.getName(), attribute.getValue());
        }
    }

    /**
     * The size percentages on the outermost {@code <svg>} refer to: its viewBox, as a browser does for
     * a drawing shown on its own, or 300 by 150 without one.
     */
    private static Dimension2D viewport(Element root) {
        String[] viewBox = SEPARATORS.split(root.getAttribute("viewBox").strip());
        if (viewBox.length == 4) {
            try {
                double w = Double.parseDouble(viewBox[2]);
                double h = Double.parseDouble(viewBox[3]);
                if (w > 0 && h > 0 && Double.isFinite(w) && Double.isFinite(h)) {
                    return new Size(w, h);
                }
            } catch (NumberFormatException e) {
                // an unreadable viewBox: Batik reports it when it builds the drawing
            }
        }
        return new Size(DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /** @return the drawing's width in CSS pixels */
    public double width() {
        return width;
    }

    /** @return the drawing's height in CSS pixels */
    public double height() {
        return height;
    }

    /**
     * Paints the drawing with its top left at the origin, one unit per CSS pixel; scale the graphics
     * first for any other size.
     *
     * @param graphics where to paint
     */
    public void paint(Graphics2D graphics) {
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        strokes.paintingOn(graphics);
        root.paint(graphics);
    }

    /**
     * Paints the drawing onto a new image: the raster a PNG is encoded from.
     *
     * @param pixelWidth  the image's width
     * @param pixelHeight the image's height
     * @param scale       pixels per CSS pixel; the drawing is centred where its shape differs
     *                    from the image's
     * @param background  the colour under the drawing, or none for a transparent image
     * @return the image, non-premultiplied ARGB
     */
    public BufferedImage raster(int pixelWidth, int pixelHeight, double scale, Optional<Color> background) {
        BufferedImage image = new BufferedImage(pixelWidth, pixelHeight, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = GraphicsUtil.createGraphics(image);
        try {
            if (background.isPresent()) {
                graphics.setColor(background.get());
                graphics.fillRect(0, 0, pixelWidth, pixelHeight);
            }
            graphics.translate((pixelWidth - width * scale) / 2, (pixelHeight - height * scale) / 2);
            graphics.scale(scale, scale);
            paint(graphics);
        } finally {
            graphics.dispose();
        }
        return image;
    }

    /**
     * Paints the drawing as {@link #paint(Graphics2D)} does, onto a PDF: gradients that a PDF can
     * draw as vectors are made so first ({@link VectorGradients}).
     *
     * @param graphics OpenPDF's graphics
     */
    public void paintAsVectors(Graphics2D graphics) {
        VectorGradients.convert(root);
        paint(graphics);
    }

    @Override
    public void close() {
        context.dispose();
        labels.close();
    }

    /** A size in fractional pixels (the JDK has only abstract and whole-number ones). */
    private static final class Size extends Dimension2D {
        private double width;
        private double height;

        Size(double width, double height) {
            this.width = width;
            this.height = height;
        }

        @Override
        public double getWidth() {
            return width;
        }

        @Override
        public double getHeight() {
            return height;
        }

        @Override
        public void setSize(double width, double height) {
            this.width = width;
            this.height = height;
        }
    }
}

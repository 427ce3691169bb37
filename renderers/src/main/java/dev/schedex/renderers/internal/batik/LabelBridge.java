package dev.schedex.renderers.internal.batik;

import dev.schedex.renderers.internal.svg.HtmlLabelPage;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.bridge.AbstractGraphicsNodeBridge;
import org.apache.batik.bridge.Bridge;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.InterruptedBridgeException;
import org.apache.batik.gvt.GraphicsNode;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Batik's bridge for a {@code <foreignObject>} that holds an HTML label ({@link HtmlLabelPage}):
 * the label is laid out by the CSS engine when the drawing is built ({@link LabelLayout}), and
 * painted by a {@link LabelNode} in its place among the drawing's shapes, with the foreign object's
 * transform, opacity, clip, mask and filter, as any shape. Batik itself draws no foreign object.
 * A label the engine cannot lay out is left out with a warning; the drawing still renders.
 */
final class LabelBridge extends AbstractGraphicsNodeBridge {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private final Labels labels;

    /** @param labels what the drawing's labels share */
    LabelBridge(Labels labels) {
        this.labels = labels;
    }

    @Override
    public String getLocalName() {
        return "foreignObject";
    }

    @Override
    public Bridge getInstance() {
        return new LabelBridge(labels);
    }

    @Override
    public boolean isComposite() {
        return false;
    }

    @Override
    protected GraphicsNode instantiateGraphicsNode() {
        return new LabelNode(labels::warn);
    }

    @Override
    public @Nullable GraphicsNode createGraphicsNode(BridgeContext context, Element foreign) {
        Element html = html(foreign);
        double[] box = numbers(foreign.getAttribute(HtmlLabelPage.BOX));
        if (html == null || box.length != 4) {
            return null;
        }
        GraphicsNode node = super.createGraphicsNode(context, foreign);
        if (node == null) {
            return null;
        }
        try {
            Document page =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            page.appendChild(page.importNode(html, true));
            double[] width = numbers(foreign.getAttribute(HtmlLabelPage.LAYOUT_WIDTH));
            LabelLayout layout = LabelLayout.of(page, width.length == 1 ? width[0] : box[2], labels);
            String[] align = foreign.getAttribute(HtmlLabelPage.ALIGN).split(" ");
            ((LabelNode) node).place(layout, box, align, numbers(foreign.getAttribute(HtmlLabelPage.CLIP)));
            return node;
        } catch (InterruptedBridgeException e) {
            throw e;
        } catch (ParserConfigurationException | RuntimeException e) {
            labels.warn("a label was left out: its HTML cannot be laid out (" + e + ")");
            return null;
        }
    }

    private static @Nullable Element html(Element foreign) {
        for (Node child = foreign.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && XHTML.equals(element.getNamespaceURI())) {
                return element;
            }
        }
        return null;
    }

    private static double[] numbers(String text) {
        if (text.isBlank()) {
            return new double[0];
        }
        String[] parts = text.strip().split("\\s+");
        double[] numbers = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i].toLowerCase(Locale.ROOT));
            } catch (NumberFormatException e) {
                return new double[0];
            }
        }
        return numbers;
    }
}

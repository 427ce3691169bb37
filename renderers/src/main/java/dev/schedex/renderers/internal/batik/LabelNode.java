package dev.schedex.renderers.internal.batik;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.function.Consumer;
import org.apache.batik.bridge.InterruptedBridgeException;
import org.apache.batik.gvt.AbstractGraphicsNode;
import org.jspecify.annotations.Nullable;

/**
 * An HTML label in Batik's graphics tree: the laid-out page ({@link LabelLayout}) painted with the
 * label's box aligned in the box the drawing gave it, as a browser aligns a flex item, and clipped
 * as the foreign object clips.
 */
final class LabelNode extends AbstractGraphicsNode {

    private final Consumer<String> warnings;

    private @Nullable LabelLayout layout;
    private Rectangle2D bounds = new Rectangle2D.Double();
    private @Nullable Rectangle2D clip;
    private double x;
    private double y;

    /**
     * @param layout the label, laid out
     * @param box    x, y, width and height of the box it goes in
     * @param align  horizontal and vertical: start, center or end
     * @param clip   x, y, width and height of the rectangle it is clipped to; empty for none
     */
    /** @param warnings told of a label that cannot be painted, for the drawing's owner */
    LabelNode(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    void place(LabelLayout layout, double[] box, String[] align, double[] clip) {
        this.layout = layout;
        Rectangle2D label = layout.label();
        double dx = offset(align.length > 0 ? align[0] : "start", box[2] - label.getWidth());
        double dy = offset(align.length > 1 ? align[1] : "start", box[3] - label.getHeight());
        x = box[0] + dx - label.getX();
        y = box[1] + dy - label.getY();
        bounds = new Rectangle2D.Double(box[0] + dx, box[1] + dy, label.getWidth(), label.getHeight());
        if (clip.length == 4) {
            this.clip = new Rectangle2D.Double(clip[0], clip[1], clip[2], clip[3]);
            bounds = bounds.createIntersection(this.clip);
        }
        invalidateGeometryCache();
    }

    private static double offset(String align, double room) {
        return align.equals("center") ? room / 2 : align.equals("end") ? room : 0;
    }

    @Override
    public void primitivePaint(Graphics2D graphics) {
        if (layout == null) {
            return;
        }
        // no Graphics2D.create(): what OpenPDF's PdfGraphics2D is given through a graphics made so is lost
        AffineTransform transform = graphics.getTransform();
        Shape outside = graphics.getClip();
        try {
            if (clip != null) {
                graphics.clip(clip);
            }
            graphics.translate(x, y);
            layout.paint(graphics);
        } catch (InterruptedBridgeException e) {
            throw e;
        } catch (RuntimeException e) { // the engine's own failure: the label is left out, the drawing still drawn
            layout = null;
            warnings.accept("a label was left out: the CSS engine cannot paint its HTML (" + e + ")");
        } finally {
            graphics.setTransform(transform);
            graphics.setClip(outside);
        }
    }

    @Override
    public Rectangle2D getPrimitiveBounds() {
        return bounds;
    }

    @Override
    public Rectangle2D getSensitiveBounds() {
        return bounds;
    }

    @Override
    public Rectangle2D getGeometryBounds() {
        return bounds;
    }

    @Override
    public Shape getOutline() {
        return bounds;
    }
}

package dev.schedex.renderers.internal.batik;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.GVTBuilder;
import org.apache.batik.gvt.CompositeGraphicsNode;
import org.apache.batik.gvt.CompositeShapePainter;
import org.apache.batik.gvt.ShapeNode;
import org.apache.batik.gvt.ShapePainter;
import org.apache.batik.gvt.StrokeShapePainter;
import org.w3c.dom.Element;

/**
 * {@code vector-effect="non-scaling-stroke"} (SVG 2; Batik 1.19 ignores it): the stroke's width and
 * dashes are in the drawing's own pixels, whatever the transforms and viewBoxes between. A 1 px line
 * under a tenfold viewBox was drawn 10 px wide. The stroke is computed around the shape as it lies
 * in the drawing's pixels, then taken back into the shape's space, so that it is exact under any
 * transform, skewed or stretched ones too. One instance per drawing, shared by the drawing and the
 * SVG images in it.
 */
final class NonScalingStrokes {

    private static final String NON_SCALING = "non-scaling-stroke";

    /** From the drawing's pixels to the device's, while the drawing paints. */
    private AffineTransform drawingToDevice = new AffineTransform();

    /**
     * @param graphics what the drawing is about to paint on, its transform from the drawing's pixels
     */
    void paintingOn(Graphics2D graphics) {
        drawingToDevice = graphics.getTransform();
    }

    /** @return a builder of Batik's graphics tree that gives each such element its stroke */
    GVTBuilder builder() {
        return new GVTBuilder() {
            @Override
            protected void buildGraphicsNode(BridgeContext ctx, Element e, CompositeGraphicsNode parent) {
                int built = parent.getChildren().size();
                super.buildGraphicsNode(ctx, e, parent);
                if (NON_SCALING.equalsIgnoreCase(e.getAttribute("vector-effect").strip())
                        && parent.getChildren().size() > built
                        && parent.getChildren().get(built) instanceof ShapeNode shape
                        && shape.getShapePainter() != null) {
                    shape.setShapePainter(nonScaling(shape.getShapePainter()));
                }
            }
        };
    }

    private ShapePainter nonScaling(ShapePainter painter) {
        if (painter instanceof StrokeShapePainter stroke) {
            return new NonScalingStroke(stroke);
        }
        if (painter instanceof CompositeShapePainter composite) {
            CompositeShapePainter copy = new CompositeShapePainter(composite.getShape());
            for (int i = 0; i < composite.getShapePainterCount(); i++) {
                copy.addShapePainter(nonScaling(composite.getShapePainter(i)));
            }
            return copy;
        }
        return painter; // a fill, or markers
    }

    private final class NonScalingStroke extends StrokeShapePainter {
        NonScalingStroke(StrokeShapePainter stroke) {
            super(stroke.getShape());
            setStroke(stroke.getStroke());
            setPaint(stroke.getPaint());
        }

        @Override
        public void paint(Graphics2D graphics) {
            AffineTransform toDrawing;
            AffineTransform fromDrawing;
            try {
                toDrawing = drawingToDevice.createInverse();
                toDrawing.concatenate(graphics.getTransform());
                fromDrawing = toDrawing.createInverse();
            } catch (NoninvertibleTransformException e) {
                return; // a shape squashed flat draws nothing, nor does its stroke
            }
            Shape stroked = getStroke().createStrokedShape(toDrawing.createTransformedShape(getShape()));
            graphics.setPaint(getPaint());
            graphics.fill(fromDrawing.createTransformedShape(stroked));
        }
    }
}

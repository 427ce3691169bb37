package dev.schedex.renderers.internal.batik;

import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RectangularShape;
import org.apache.batik.gvt.CompositeGraphicsNode;
import org.apache.batik.gvt.GraphicsNode;
import org.apache.batik.gvt.ShapeNode;

/**
 * A path that stops whoever walks it once the render thread has been halted ({@link TimedRender}).
 *
 * <p>Batik checks for a halted thread between the elements it builds and paints, but one path of
 * millions of segments is a single element: Java2D fills and strokes it, and PDF writes it, in one
 * call that walks the path's segments (a long path went on for 18 seconds after its render's
 * limit). Every few thousand segments walked, this checks the thread ({@link HaltCheck}).
 */
final class StoppableShape implements Shape {

    private final Shape shape;

    private StoppableShape(Shape shape) {
        this.shape = shape;
    }

    /**
     * Makes every path the drawing paints a stoppable one. Rectangles, ellipses and lines are left as
     * they are: they have a handful of segments, and Java2D fills them faster as what they are.
     *
     * @param node a built drawing's root, changed in place
     */
    static void wrapPaths(GraphicsNode node) {
        if (node instanceof CompositeGraphicsNode) {
            for (Object child : ((CompositeGraphicsNode) node).getChildren()) {
                wrapPaths((GraphicsNode) child);
            }
        } else if (node instanceof ShapeNode) {
            ShapeNode shapeNode = (ShapeNode) node;
            Shape shape = shapeNode.getShape();
            if (shape != null
                    && !(shape instanceof RectangularShape)
                    && !(shape instanceof Line2D)
                    && !(shape instanceof StoppableShape)) {
                shapeNode.setShape(new StoppableShape(shape));
            }
        }
    }

    @Override
    public Rectangle getBounds() {
        return shape.getBounds();
    }

    @Override
    public Rectangle2D getBounds2D() {
        return shape.getBounds2D();
    }

    @Override
    public boolean contains(double x, double y) {
        return shape.contains(x, y);
    }

    @Override
    public boolean contains(Point2D p) {
        return shape.contains(p);
    }

    @Override
    public boolean intersects(double x, double y, double w, double h) {
        return shape.intersects(x, y, w, h);
    }

    @Override
    public boolean intersects(Rectangle2D r) {
        return shape.intersects(r);
    }

    @Override
    public boolean contains(double x, double y, double w, double h) {
        return shape.contains(x, y, w, h);
    }

    @Override
    public boolean contains(Rectangle2D r) {
        return shape.contains(r);
    }

    @Override
    public PathIterator getPathIterator(AffineTransform at) {
        return new Segments(shape.getPathIterator(at));
    }

    @Override
    public PathIterator getPathIterator(AffineTransform at, double flatness) {
        return new Segments(shape.getPathIterator(at, flatness));
    }

    /** The path's segments, with a check of the thread every 2048. */
    private static final class Segments implements PathIterator {
        private final PathIterator segments;
        private final HaltCheck halt = new HaltCheck(2048);

        Segments(PathIterator segments) {
            this.segments = segments;
        }

        @Override
        public int getWindingRule() {
            return segments.getWindingRule();
        }

        @Override
        public boolean isDone() {
            return segments.isDone();
        }

        @Override
        public void next() {
            halt.step();
            segments.next();
        }

        @Override
        public int currentSegment(float[] coords) {
            return segments.currentSegment(coords);
        }

        @Override
        public int currentSegment(double[] coords) {
            return segments.currentSegment(coords);
        }
    }
}

package dev.schedex.renderers.internal.batik;

import com.lowagie.text.pdf.PdfGraphics2D;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Paint;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Point2D;
import org.apache.batik.ext.awt.LinearGradientPaint;
import org.apache.batik.ext.awt.MultipleGradientPaint;
import org.apache.batik.gvt.CompositeGraphicsNode;
import org.apache.batik.gvt.CompositeShapePainter;
import org.apache.batik.gvt.FillShapePainter;
import org.apache.batik.gvt.GraphicsNode;
import org.apache.batik.gvt.Marker;
import org.apache.batik.gvt.MarkerShapePainter;
import org.apache.batik.gvt.ShapeNode;
import org.apache.batik.gvt.ShapePainter;
import org.apache.batik.gvt.StrokeShapePainter;

/**
 * Turns the linear gradients of a drawing's graphics tree into the kind OpenPDF writes as vectors.
 *
 * <p>OpenPDF's {@link PdfGraphics2D} turns any paint it does not know into a tiled raster image:
 * slow (a second for a few dozen gradient-filled shapes), large, and blurred when zoomed. It knows
 * {@link GradientPaint}, a two-colour axial gradient, and writes that as a PDF shading. SVG's linear
 * gradients with two stops, opaque colours, sRGB interpolation and the default {@code pad} spread
 * (what diagram tools write) are converted to one, exactly: the gradient transform is folded into
 * the end points. Other gradients (more stops, transparency, repeat or reflect, radial) keep
 * OpenPDF's raster fallback. The tree is changed in place: it belongs to one render.
 */
final class VectorGradients {

    private VectorGradients() {}

    /** @param node the root of a drawing's graphics tree, about to be painted onto a PDF */
    static void convert(GraphicsNode node) {
        if (node instanceof CompositeGraphicsNode) {
            for (Object child : ((CompositeGraphicsNode) node).getChildren()) {
                convert((GraphicsNode) child);
            }
        } else if (node instanceof ShapeNode) {
            convert(((ShapeNode) node).getShapePainter());
        }
    }

    private static void convert(ShapePainter painter) {
        if (painter instanceof FillShapePainter) {
            FillShapePainter fill = (FillShapePainter) painter;
            fill.setPaint(asAxial(fill.getPaint()));
        } else if (painter instanceof StrokeShapePainter) {
            StrokeShapePainter stroke = (StrokeShapePainter) painter;
            stroke.setPaint(asAxial(stroke.getPaint()));
        } else if (painter instanceof CompositeShapePainter) {
            CompositeShapePainter composite = (CompositeShapePainter) painter;
            for (int i = 0; i < composite.getShapePainterCount(); i++) {
                convert(composite.getShapePainter(i));
            }
        } else if (painter instanceof MarkerShapePainter) {
            MarkerShapePainter markers = (MarkerShapePainter) painter;
            for (Marker marker :
                    new Marker[] {markers.getStartMarker(), markers.getMiddleMarker(), markers.getEndMarker()}) {
                if (marker != null) {
                    convert(marker.getMarkerNode());
                }
            }
        }
    }

    /** @return the same gradient as a {@link GradientPaint}, or the paint itself where none is exact */
    static Paint asAxial(Paint paint) {
        if (!(paint instanceof LinearGradientPaint)) {
            return paint;
        }
        LinearGradientPaint gradient = (LinearGradientPaint) paint;
        float[] fractions = gradient.getFractions();
        Color[] colours = gradient.getColors();
        if (colours.length != 2
                || colours[0].getAlpha() != 255
                || colours[1].getAlpha() != 255
                || gradient.getCycleMethod() != MultipleGradientPaint.NO_CYCLE
                || gradient.getColorSpace() != MultipleGradientPaint.SRGB) {
            return gradient;
        }
        AffineTransform transform = gradient.getTransform();
        AffineTransform inverse;
        try {
            inverse = transform.createInverse();
        } catch (NoninvertibleTransformException e) {
            return gradient;
        }
        Point2D start = gradient.getStartPoint();
        Point2D end = gradient.getEndPoint();
        double dx = end.getX() - start.getX();
        double dy = end.getY() - start.getY();
        double length2 = dx * dx + dy * dy;
        if (length2 == 0) {
            return gradient;
        }
        // t(q) = (T⁻¹q - start) · d / |d|²: its gradient in drawing space is (T⁻¹)ᵀ d / |d|²
        double gx = (inverse.getScaleX() * dx + inverse.getShearY() * dy) / length2;
        double gy = (inverse.getShearX() * dx + inverse.getScaleY() * dy) / length2;
        double g2 = gx * gx + gy * gy;
        Point2D origin = transform.transform(start, null);
        // the points where t reaches the first and the last stop
        Point2D first =
                new Point2D.Double(origin.getX() + gx / g2 * fractions[0], origin.getY() + gy / g2 * fractions[0]);
        Point2D last =
                new Point2D.Double(origin.getX() + gx / g2 * fractions[1], origin.getY() + gy / g2 * fractions[1]);
        if (first.distance(last) == 0) {
            return gradient;
        }
        return new GradientPaint(first, colours[0], last, colours[1], false);
    }
}

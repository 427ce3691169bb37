package dev.schedex.renderers.internal.batik;

import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import org.apache.batik.bridge.Bridge;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.SVGRectElementBridge;
import org.apache.batik.gvt.ShapeNode;
import org.w3c.dom.Element;

/**
 * A rounded {@code <rect>} outlined as SVG defines it: from ({@code x + rx}, {@code y}), clockwise.
 * Batik draws it as the JDK's {@link RoundRectangle2D}, whose outline starts on the left side and
 * runs the other way round, so the dashes of a dashed rounded rectangle (PlantUML's and Mermaid's
 * boundaries) fell elsewhere than in a browser. The shape is the same; only where its outline starts
 * and which way it runs change.
 */
final class SvgOrderRects extends SVGRectElementBridge {

    /** The control point distance of a cubic Bézier that approximates a quarter ellipse, as the JDK's. */
    private static final double KAPPA = 0.5522847498;

    @Override
    public Bridge getInstance() {
        return new SvgOrderRects();
    }

    @Override
    protected void buildShape(BridgeContext ctx, Element e, ShapeNode node) {
        super.buildShape(ctx, e, node);
        if (node.getShape() instanceof RoundRectangle2D rounded) {
            node.setShape(outline(rounded));
        }
    }

    private static Path2D outline(RoundRectangle2D r) {
        double x = r.getX();
        double y = r.getY();
        double right = x + r.getWidth();
        double bottom = y + r.getHeight();
        double rx = Math.min(r.getArcWidth(), r.getWidth()) / 2;
        double ry = Math.min(r.getArcHeight(), r.getHeight()) / 2;
        double kx = KAPPA * rx;
        double ky = KAPPA * ry;
        Path2D.Double outline = new Path2D.Double();
        outline.moveTo(x + rx, y);
        outline.lineTo(right - rx, y);
        outline.curveTo(right - rx + kx, y, right, y + ry - ky, right, y + ry);
        outline.lineTo(right, bottom - ry);
        outline.curveTo(right, bottom - ry + ky, right - rx + kx, bottom, right - rx, bottom);
        outline.lineTo(x + rx, bottom);
        outline.curveTo(x + rx - kx, bottom, x, bottom - ry + ky, x, bottom - ry);
        outline.lineTo(x, y + ry);
        outline.curveTo(x, y + ry - ky, x + rx - kx, y, x + rx, y);
        outline.closePath();
        return outline;
    }
}

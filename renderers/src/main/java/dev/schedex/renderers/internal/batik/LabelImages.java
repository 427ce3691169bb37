package dev.schedex.renderers.internal.batik;

import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.ReplacedElement;
import com.openhtmltopdf.extend.ReplacedElementFactory;
import com.openhtmltopdf.extend.UserAgentCallback;
import com.openhtmltopdf.java2d.Java2DOutputDevice;
import com.openhtmltopdf.java2d.api.Java2DRendererBuilder;
import com.openhtmltopdf.layout.LayoutContext;
import com.openhtmltopdf.render.BlockBox;
import com.openhtmltopdf.render.RenderingContext;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * The replaced elements of labels: images and formulas. An image is an {@code <img>} whose source is
 * a {@code data:} image the sanitiser kept. A raster image is drawn scaled into its box; an SVG image
 * is a drawing of its own, built by Batik and painted as vectors ({@link Labels#svgImage}). Any other
 * image, and every {@code <object>} or inline {@code <svg>}, is drawn as an empty inline box. A
 * formula is a MathML {@code <math>} element, laid out by {@link LabelMath}.
 */
final class LabelImages implements ReplacedElementFactory {

    private final Labels labels;

    /** @param labels what the drawing's labels share, images read once among them */
    LabelImages(Labels labels) {
        this.labels = labels;
    }

    @Override
    public boolean isReplacedElement(Element element) {
        return "img".equals(element.getLocalName()) || LabelMath.isMath(element);
    }

    @Override
    public @Nullable ReplacedElement createReplacedElement(
            LayoutContext context, BlockBox box, UserAgentCallback userAgent, int cssWidth, int cssHeight) {
        Element element = box.getElement();
        if (element == null || !isReplacedElement(element)) {
            return null;
        }
        if (LabelMath.isMath(element)) {
            return labels.math().create(context, box);
        }
        String source = element.getAttribute("src").strip();
        Image image = source.toLowerCase(Locale.ROOT).startsWith("data:image/svg+xml")
                ? labels.svgImage(source).map(Image::of).orElse(null)
                : labels.userAgent().raster(source).map(Image::of).orElse(null);
        if (image == null) {
            return null;
        }
        double ratio = image.width() > 0 ? image.height() / image.width() : 1;
        int width = cssWidth >= 0
                ? cssWidth
                : cssHeight >= 0 && ratio > 0
                        ? (int) Math.round(cssHeight / ratio)
                        : (int) Math.round(image.width() * LabelLayout.DOTS);
        int height = cssHeight >= 0 ? cssHeight : (int) Math.round(width * ratio);
        return new Java2DRendererBuilder.Graphics2DPaintingReplacedElement(width, height) {
            @Override
            public void paint(OutputDevice device, RenderingContext rendering, double x, double y, double w, double h) {
                // no Graphics2D.create(): what OpenPDF's PdfGraphics2D is given through a graphics made so is lost
                Graphics2D g = ((Java2DOutputDevice) device).getGraphics();
                AffineTransform transform = g.getTransform();
                try {
                    g.translate(x, y);
                    g.scale(w / image.width(), h / image.height());
                    image.painter().paint(g);
                } finally {
                    g.setTransform(transform);
                }
            }
        };
    }

    /** An image's size in px and how to paint it there, its top left at the origin. */
    private record Image(double width, double height, Painter painter) {

        static Image of(Drawing drawing) {
            return new Image(drawing.width(), drawing.height(), drawing::paint);
        }

        static Image of(java.awt.image.BufferedImage raster) {
            return new Image(raster.getWidth(), raster.getHeight(), g -> g.drawImage(raster, 0, 0, null));
        }
    }

    @FunctionalInterface
    private interface Painter {
        void paint(Graphics2D graphics);
    }
}

package dev.schedex.renderers;

import dev.schedex.FormatSettings;
import dev.schedex.Violation;
import dev.schedex.renderers.internal.batik.Drawing;
import dev.schedex.renderers.internal.batik.TimedRender;
import dev.schedex.renderers.internal.png.PngEncoder;
import dev.schedex.renderers.internal.svg.SvgSanitiser;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code png}: the drawing as a raster image, drawn by Apache Batik from the sanitised drawing (see
 * {@link SvgSanitiser}) with nothing loaded from outside it, within {@link RenderLimits}, and encoded
 * by {@link PngEncoder} (RGB when opaque, deflate level and row filter chosen by measurement).
 *
 * <p>Settings:
 * <ul>
 *   <li>{@code scale} (0.01 to 20, default 1): the drawing's own size in CSS pixels, times this;</li>
 *   <li>{@code width} and/or {@code height} (1 to 20,000 pixels), instead of scale: one of them gives
 *       the other by the drawing's aspect ratio; both give an image of exactly that size with the
 *       drawing scaled to fit inside and centred;</li>
 *   <li>{@code dpi} (1 to 2,400, default 96): pixels per inch, written into the file (its
 *       {@code pHYs} chunk) so that the image prints at the drawing's size. Without width or height
 *       it also sets the pixel count, as in Inkscape: 192 dpi gives twice the pixels of 96;</li>
 *   <li>{@code background} (a colour such as {@code #ffffff}, the default, or {@code none} for a
 *       transparent image).</li>
 * </ul>
 */
public final class PngFormat extends BuiltInFormat {

    /** CSS pixels per inch: the drawing's own size is at this resolution. */
    private static final int CSS_DPI = 96;

    private final RenderLimits limits;

    /** Creates the format with the default {@link RenderLimits}; it is found with {@link java.util.ServiceLoader}. */
    public PngFormat() {
        this(RenderLimits.DEFAULT);
    }

    /**
     * Creates the format with other bounds on each render; register it with the service's builder.
     *
     * @param limits the time and pixel bounds of each render
     */
    public PngFormat(RenderLimits limits) {
        super(
                "png",
                "image/png",
                "png",
                new SettingRules("png")
                        .number("scale", "0.01", "20", false)
                        .number("width", "1", "20000", true)
                        .number("height", "1", "20000", true)
                        .number("dpi", "1", "2400", true)
                        .colour("background", "#ffffff"));
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    List<Violation> combinationProblems(FormatSettings formatSettings) {
        if (formatSettings.get("scale").isPresent()
                && (formatSettings.get("width").isPresent()
                        || formatSettings.get("height").isPresent())) {
            return List.of(new Violation(
                    "scale",
                    "conflict",
                    "give scale, or width and/or height, not both: either one sets the image's size"));
        }
        return List.of();
    }

    @Override
    public void render(ExportDocument document, FormatSettings formatSettings, ExportContext context, OutputStream out)
            throws IOException {
        String svg = document.drawing()
                .orElseThrow(
                        () -> new ExportException("document '" + document.id() + "' has no drawing to export as PNG"));
        out.write(TimedRender.run("PNG", limits.timeLimit(), limits.maxOutputBytes(), () -> {
            try (Drawing drawing = Drawing.read(svg, context::warn)) {
                return PngEncoder.encode(paint(drawing, formatSettings), dpi(formatSettings));
            }
        }));
    }

    private BufferedImage paint(Drawing drawing, FormatSettings formatSettings) {
        Optional<BigDecimal> width = formatSettings.getNumber("width");
        Optional<BigDecimal> height = formatSettings.getNumber("height");
        double aspect = drawing.width() / drawing.height();
        double scale =
                formatSettings.getNumber("scale").map(BigDecimal::doubleValue).orElse(1.0)
                        * dpi(formatSettings)
                        / CSS_DPI;
        long pixelWidth;
        long pixelHeight;
        if (width.isPresent() || height.isPresent()) {
            pixelWidth = width.map(BigDecimal::longValue)
                    .orElseGet(() -> Math.round(height.get().doubleValue() * aspect));
            pixelHeight = height.map(BigDecimal::longValue)
                    .orElseGet(() -> Math.round(width.get().doubleValue() / aspect));
            scale = Math.min(pixelWidth / drawing.width(), pixelHeight / drawing.height());
        } else {
            pixelWidth = Math.round(drawing.width() * scale);
            pixelHeight = Math.round(drawing.height() * scale);
        }
        pixelWidth = Math.max(1, pixelWidth);
        pixelHeight = Math.max(1, pixelHeight);
        if (pixelWidth * pixelHeight > limits.maxPixels() || pixelWidth > Integer.MAX_VALUE / 4) {
            throw new ExportException("the PNG would be " + pixelWidth + " by " + pixelHeight + " pixels, more than "
                    + "the limit of " + limits.maxPixels() + " pixels; choose a smaller scale, width or height");
        }
        return drawing.raster((int) pixelWidth, (int) pixelHeight, scale, rules.paint(formatSettings, "background"));
    }

    private int dpi(FormatSettings formatSettings) {
        return formatSettings.getNumber("dpi").map(BigDecimal::intValue).orElse(CSS_DPI);
    }
}

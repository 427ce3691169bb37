package dev.schedex.renderers.internal.batik;

import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.layout.SharedContext;
import dev.schedex.spi.ExportException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What the HTML labels of one drawing share while the CSS engine lays them out and paints them
 * ({@link LabelLayout}): the user agent that loads nothing ({@link LabelUserAgent}), the fonts,
 * read once for all labels ({@link LabelFonts}), and the graphics text is measured with, set as the
 * drawing is painted (antialiased, fractional metrics). One per render, used on its thread.
 */
final class Labels implements AutoCloseable {

    static {
        LabelLog.install();
    }

    private final Consumer<String> warnings;
    private final LabelUserAgent userAgent;
    private final Graphics2D measuring;
    private final HaltCheck halt = new HaltCheck(64);
    private final LabelImages images = new LabelImages(this);
    private final LabelMath math = new LabelMath(this);
    private @Nullable LabelFonts fonts;
    /** The SVG images in labels, built once each, by their {@code data:} URI; empty for one that cannot be. */
    private final Map<String, Optional<Drawing>> svgImages = new HashMap<>();

    /** @param warnings told of what is left out of a label, for the drawing's owner */
    Labels(Consumer<String> warnings) {
        this.warnings = warnings;
        this.userAgent = new LabelUserAgent(warnings);
        this.measuring = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        measuring.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        measuring.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        measuring.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    /** @param warning something left out of a label, and why, for the drawing's owner */
    void warn(String warning) {
        warnings.accept(warning);
    }

    LabelImages images() {
        return images;
    }

    LabelMath math() {
        return math;
    }

    /** @return the render's halt check, to run at every step of work that has no check of its own */
    Runnable halt() {
        return halt::step;
    }

    LabelUserAgent userAgent() {
        return userAgent;
    }

    Graphics2D measuring() {
        return measuring;
    }

    /**
     * @param uri a {@code data:image/svg+xml} URI the sanitiser kept (and so rewrote as base64 of UTF-8)
     * @return the image, built as a drawing of its own; none, with a warning, if it cannot be
     */
    Optional<Drawing> svgImage(String uri) {
        return svgImages.computeIfAbsent(uri, u -> {
            byte[] svg = LabelUserAgent.data(u, "data:image/svg+xml");
            try {
                return Optional.of(Drawing.read(new String(svg, StandardCharsets.UTF_8), warnings));
            } catch (ExportException e) {
                warnings.accept("an SVG image in a label was left out: " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** Disposes of the SVG images. */
    @Override
    public void close() {
        svgImages.values().forEach(image -> image.ifPresent(Drawing::close));
        svgImages.clear();
    }

    /**
     * @param first the context of the label being laid out, whose stylesheets are the drawing's
     * @return the drawing's fonts: made with the first label, its {@code @font-face} rules read then
     */
    LabelFonts fonts(SharedContext first) {
        if (fonts == null) {
            fonts = new LabelFonts(first);
            fonts.importFontFaces(first.getCss().getFontFaceRules());
        }
        return fonts;
    }

    /** @return where lines break ({@link LineBreaks}), checking the render's halt at every break: no long layout goes unchecked */
    FSTextBreaker lineBreaker() {
        return new LineBreaks(halt());
    }
}

package dev.schedex.renderers.internal.batik;

import com.openhtmltopdf.extend.UserAgentCallback;
import com.openhtmltopdf.java2d.image.AWTFSImage;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.resource.CSSResource;
import com.openhtmltopdf.resource.ImageResource;
import com.openhtmltopdf.resource.XMLResource;
import dev.schedex.renderers.internal.fonts.WebFonts;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.apache.batik.util.ParsedURL;
import org.jspecify.annotations.Nullable;

/**
 * The CSS engine's view of the world while it lays out a drawing's labels: nothing loads but a
 * {@code data:} URI the sanitiser kept (an image, or an {@code @font-face} font, WOFF and WOFF2
 * made TrueType), decoded here in memory; every other URI, whatever names it, is refused before
 * anything is opened. No document, stylesheet or link is ever followed.
 */
final class LabelUserAgent implements UserAgentCallback {

    private final Consumer<String> warnings;

    /** @param warnings told of what is left out of a label, for the drawing's owner */
    LabelUserAgent(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    @Override
    public CSSResource getCSSResource(String uri, ExternalResourceType type) {
        return new CSSResource(new StringReader("")); // the sanitiser removed every @import: nothing to read
    }

    @Override
    public ImageResource getImageResource(String uri, ExternalResourceType type) {
        return new ImageResource(uri, raster(uri).map(AWTFSImage::createImage).orElse(null));
    }

    /** @return the raster image of a {@code data:image/} URI; none, with a warning, if it cannot be read */
    Optional<BufferedImage> raster(String uri) {
        byte[] bytes = data(uri, "data:image/");
        if (bytes.length > 0) {
            try {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
                if (image != null) {
                    return Optional.of(image);
                }
            } catch (IOException | RuntimeException e) {
                // below: an image that cannot be read is left out with a warning
            }
            warnings.accept("an image in a label cannot be read and was left out");
        }
        return Optional.empty();
    }

    @Override
    public @Nullable XMLResource getXMLResource(String uri, ExternalResourceType type) {
        return null; // no document is loaded from a label
    }

    @Override
    public byte @Nullable [] getBinaryResource(String uri, ExternalResourceType type) {
        byte[] bytes = data(uri, "data:");
        if (bytes.length == 0) {
            return null;
        }
        try {
            // the engine asks for an @font-face font as any binary: WOFF and WOFF2 are known by their signature
            return WebFonts.toSfnt(bytes);
        } catch (IOException e) {
            warnings.accept("a font embedded in the drawing cannot be read (" + e.getMessage()
                    + "); its labels are drawn in a fallback font");
            return null;
        }
    }

    /** @return the bytes of a {@code data:} URI that starts with {@code prefix}; none for any other URI */
    static byte[] data(String uri, String prefix) {
        if (!uri.strip().toLowerCase(Locale.ROOT).startsWith(prefix)) {
            return new byte[0];
        }
        try (InputStream in = new ParsedURL(uri.strip()).openStream()) { // Batik's data: decoder, in memory
            return in.readNBytes(64 << 20);
        } catch (IOException | RuntimeException e) {
            return new byte[0];
        }
    }

    @Override
    public boolean isVisited(String uri) {
        return false;
    }

    @Override
    public void setBaseURL(String url) {
        // a label has no address of its own: nothing relative resolves
    }

    @Override
    public String getBaseURL() {
        return "";
    }

    @Override
    public String resolveURI(String uri) {
        return uri;
    }

    @Override
    public String resolveUri(String baseUri, String uri) {
        return uri;
    }
}

package dev.schedex.renderers.internal.svg;

import dev.schedex.spi.ExportException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@code data:image/svg+xml} image inside a drawing is a drawing too: it is sanitised as the
 * drawing is, so that what it names outside is left out of it with a warning (a browser's image
 * would not load it either; Batik would refuse the whole render), and it is written back as base64.
 */
final class EmbeddedSvg {

    /** How deep SVG images may sit inside SVG images. */
    static final int MAX_EMBEDDING = 3;

    private static final String PREFIX = "data:image/svg+xml";

    private EmbeddedSvg() {}

    /** @return true if the URL is a {@code data:} SVG image */
    static boolean isSvgImage(String url) {
        return url.strip().toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    /**
     * @param url       a {@code data:image/svg+xml} URL
     * @param warnings  told of what is left out of the image, and of an image left out whole
     * @param embedding how many SVG images the image's element is inside already
     * @return the URL of the sanitised image, or empty if it cannot be read or nests too deep
     */
    static Optional<String> sanitised(String url, Consumer<String> warnings, int embedding) {
        if (embedding >= MAX_EMBEDDING) {
            warnings.accept("an SVG image nested more than " + MAX_EMBEDDING + " deep in SVG images was left out");
            return Optional.empty();
        }
        String data = url.strip();
        int comma = data.indexOf(',');
        if (comma < 0) {
            warnings.accept("an SVG image without data was left out");
            return Optional.empty();
        }
        String header = data.substring(0, comma).toLowerCase(Locale.ROOT);
        try {
            String svg = header.endsWith(";base64")
                    ? new String(Base64.getMimeDecoder().decode(data.substring(comma + 1)), StandardCharsets.UTF_8)
                    : URLDecoder.decode(data.substring(comma + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
            String clean = SvgSanitiser.serialise(SvgSanitiser.sanitise(svg, warnings, embedding + 1));
            return Optional.of(
                    PREFIX + ";base64," + Base64.getEncoder().encodeToString(clean.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | ExportException e) {
            warnings.accept("an SVG image in the drawing was left out: " + e.getMessage());
            return Optional.empty();
        }
    }
}

package dev.schedex.renderers.internal.batik;

import dev.schedex.renderers.internal.svg.SafeSvg;
import dev.schedex.spi.ExportException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.batik.bridge.DocumentLoader;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;

/**
 * The documents Batik loads while it builds a drawing: the drawing's SVG images, built the way the
 * drawing is ({@link Drawing#forBatik}), not by Batik's own parser from the image's bytes.
 * <ul>
 *   <li>An image is sanitised and normalised as a drawing ({@link SafeSvg#readImage}), so it draws
 *       as it would on its own.</li>
 *   <li>It gets the drawing's address, not its {@code data:} URL. Batik 1.19 resolves a reference
 *       such as {@code url(#gradient)} against a {@code data:} URL to {@code data:,#gradient}, a
 *       document of its own whose text is a comma: every gradient, pattern, clip path or
 *       {@code <use>} inside an SVG image failed the whole render ("Content is not allowed in
 *       prolog").</li>
 *   <li>Nothing but a {@code data:image/svg+xml} URL is read as a document. Batik tries every image
 *       that is not a known raster format as SVG, so an SVG labelled {@code image/png} was drawn
 *       without the sanitiser; a browser shows it as a broken image, and so, with a warning, does
 *       an export.</li>
 * </ul>
 * One instance per render; an image drawn several times is built once.
 */
final class ImageDocuments extends DocumentLoader {

    private final SafeUserAgent agent;
    private final Map<String, Document> built = new HashMap<>();

    ImageDocuments(SafeUserAgent agent) {
        super(agent);
        this.agent = agent;
    }

    @Override
    public @Nullable Document checkCache(String uri) { // null for an image not built yet, as Batik asks
        return built.get(uri);
    }

    @Override
    public Document loadDocument(String uri) throws IOException {
        Document document = built.get(uri);
        if (document == null) {
            try {
                document = Drawing.forBatik(SafeSvg.readImage(uri, agent::warn).forBatik(), agent);
            } catch (ExportException e) {
                // Batik goes on to read the image as a raster, and reports it broken if it is none
                throw new IOException(e.getMessage(), e);
            }
            built.put(uri, document);
        }
        return document;
    }

    /** The bytes are Batik's decoding of the URL: the image is read from the URL itself instead. */
    @Override
    public Document loadDocument(String uri, InputStream bytes) throws IOException {
        return loadDocument(uri);
    }
}

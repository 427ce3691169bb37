package dev.schedex.renderers.internal.svg;

import dev.schedex.spi.ExportException;
import java.util.function.Consumer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A user's drawing, sanitised ({@link SvgSanitiser}): the svg wing's door, with the routes a drawing
 * takes to a format in one place rather than assembled by each format:
 * <ul>
 *   <li>{@link #forBatik()}: every rewrite Batik needs ({@link DrawingNormaliser#normalise}), for
 *       {@code png} and {@code pdf};</li>
 *   <li>{@link #portable()}: the rewrites that draw the same in a browser
 *       ({@link DrawingNormaliser#makePortable}), for {@code svg};</li>
 *   <li>{@link #serialise(boolean)} as read, inline for {@code html} and as a file for {@code md}.</li>
 * </ul>
 * An SVG image inside a drawing is read the same way ({@link #readImage}) when a renderer draws it.
 * The routes rewrite the document in place, so a drawing read once takes one route.
 */
public final class SafeSvg {

    private final Document document;

    private SafeSvg(Document document) {
        this.document = document;
    }

    /**
     * @param svg      the drawing as the user made it
     * @param warnings told of everything left out of the drawing, in words for the drawing's owner
     * @return the drawing, sanitised
     * @throws ExportException if it is not SVG or breaks a limit of {@link SvgSanitiser}
     */
    public static SafeSvg read(String svg, Consumer<String> warnings) {
        return new SafeSvg(SvgSanitiser.sanitise(svg, warnings));
    }

    /**
     * An SVG image inside a drawing, read as the sanitiser reads it there ({@link EmbeddedSvg}: its
     * bytes in the encoding they are in) and sanitised as a drawing, for a renderer that draws it.
     *
     * @param url      the image's {@code data:image/svg+xml} URL
     * @param warnings told of everything left out of the image
     * @return the image, sanitised
     * @throws ExportException if the URL is not an SVG image, cannot be read, or the image breaks a
     *                         limit of {@link SvgSanitiser}
     */
    public static SafeSvg readImage(String url, Consumer<String> warnings) {
        if (!EmbeddedSvg.isSvgImage(url)) {
            throw new ExportException("it is not an SVG image");
        }
        return new SafeSvg(SvgSanitiser.sanitise(EmbeddedSvg.text(url), warnings));
    }

    /** @return the drawing rewritten for Batik, to be copied into Batik's DOM */
    public Document forBatik() {
        DrawingNormaliser.normalise(document);
        return document;
    }

    /** @return this drawing, rewritten so that older viewers draw it as a browser does */
    public SafeSvg portable() {
        DrawingNormaliser.makePortable(document);
        return this;
    }

    /**
     * Paints a rectangle of {@code fill} behind the whole drawing.
     *
     * @param fill a colour, as an SVG {@code fill} attribute takes it
     * @return this drawing
     */
    public SafeSvg paintedOn(String fill) {
        Element root = document.getDocumentElement();
        Element rect = document.createElementNS(root.getNamespaceURI(), "rect");
        rect.setAttribute("width", "100%");
        rect.setAttribute("height", "100%");
        rect.setAttribute("fill", fill);
        root.insertBefore(rect, root.getFirstChild());
        return this;
    }

    /**
     * @param inline true for a drawing inside an HTML page, which leaves out the XML declaration
     * @return the drawing as text, the same for the same drawing
     */
    public String serialise(boolean inline) {
        return SvgSanitiser.serialise(document, inline);
    }
}

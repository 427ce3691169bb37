package dev.schedex.spi;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/**
 * One export on its way to a destination: the body, what it is, and the run it belongs to.
 *
 * <p>The body is sized before delivery starts ({@link #size()}), so that a destination can choose a
 * single call or a multipart or session upload, and set a content length; read it with {@link
 * #openStream()}, as often as needed (a retried part, say). Today it is held in memory, as the
 * formats render it.
 *
 * @param parameters    the schedule's parameters for the destination, from its owner; validated
 * @param context       the run it belongs to, with its {@link ExportContext#idempotencyKey()}
 * @param documentId    the exported document's id
 * @param documentTitle the exported document's title
 * @param fileExtension the format's file name extension, without a dot
 * @param mediaType     the format's media type
 * @param checksum      the body's SHA-256, lower-case hex
 * @param content       the body; not to be modified
 */
public record Delivery(
        Map<String, String> parameters,
        ExportContext context,
        String documentId,
        String documentTitle,
        String fileExtension,
        String mediaType,
        String checksum,
        byte[] content) {

    /** Checks that no component is null and copies the parameters. */
    public Delivery {
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(documentTitle, "documentTitle");
        Objects.requireNonNull(fileExtension, "fileExtension");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(content, "content");
    }

    /** @return the body's length in bytes */
    public long size() {
        return content.length;
    }

    /** @return a new stream over the body, from its first byte */
    public InputStream openStream() {
        return new ByteArrayInputStream(content);
    }

    @Override
    public String toString() {
        return "Delivery[" + context.idempotencyKey() + ", " + mediaType + ", " + content.length + " bytes]";
    }
}

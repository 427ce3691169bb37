package dev.schedex.spi;

import java.util.Map;
import java.util.Objects;

/**
 * One export on its way to a destination.
 *
 * @param parameters    the schedule's destination parameters
 * @param context       the run it belongs to
 * @param documentId    the exported document's id
 * @param documentTitle the exported document's title
 * @param fileExtension the format's file name extension, without a dot
 * @param mediaType     the format's media type
 * @param content       the bytes; not to be modified
 */
public record Delivery(
        Map<String, String> parameters,
        ExportContext context,
        String documentId,
        String documentTitle,
        String fileExtension,
        String mediaType,
        byte[] content) {

    /** Checks that no component is null and copies the parameters. */
    public Delivery {
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(documentTitle, "documentTitle");
        Objects.requireNonNull(fileExtension, "fileExtension");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
    }
}

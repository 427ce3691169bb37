package dev.schedex.spi;

import dev.schedex.FormatSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/** A format made by {@link ExportFormat#of}. */
record SimpleFormat(String id, String mediaType, String fileExtension, ExportFormat.Renderer renderer)
        implements ExportFormat {

    SimpleFormat {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(fileExtension, "fileExtension");
        Objects.requireNonNull(renderer, "renderer");
    }

    @Override
    public void render(ExportDocument document, FormatSettings settings, ExportContext context, OutputStream out)
            throws IOException {
        renderer.render(document, settings, context, out);
    }
}

package dev.schedex.testing;

import dev.schedex.FormatSettings;
import dev.schedex.Violation;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportFormat;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** A format with a given id that writes the same bytes for every document and takes no settings. */
public final class FixedFormat implements ExportFormat {

    private final String id;
    private final byte[] content;

    public FixedFormat(String id, byte[] content) {
        this.id = id;
        this.content = content.clone();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String mediaType() {
        return "application/octet-stream";
    }

    @Override
    public String fileExtension() {
        return "bin";
    }

    @Override
    public List<Violation> validateSettings(FormatSettings settings) {
        return List.of();
    }

    @Override
    public void render(ExportDocument document, FormatSettings settings, ExportContext context, OutputStream out)
            throws IOException {
        out.write(content);
    }
}

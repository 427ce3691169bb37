package dev.schedex.renderers;

import dev.schedex.FormatSettings;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code md}: the document's notes as a Markdown file, headed by its title (unless the notes already
 * start with a heading that is the title). Settings:
 * {@code includeDrawing} (default false) adds the drawing at the end, sanitised as by the {@code svg}
 * format and embedded as an SVG image in a {@code data:} URL, so that the file stands alone.
 *
 * <p>The notes are written as they are: the file is the user's own Markdown, and whatever displays it
 * is responsible for rendering it safely (the {@code html} format does). The title is put on one line
 * so that it cannot break out of its heading.
 */
public final class MarkdownFormat extends BuiltInFormat {


    /** Creates the format; it is found with {@link java.util.ServiceLoader}. */
    public MarkdownFormat() {
        super("md", "text/markdown", "md", new SettingRules("md").flag("includeDrawing", false));
    }





    @Override
    public void render(ExportDocument document, FormatSettings formatSettings, ExportContext context, OutputStream out)
            throws IOException {
        boolean includeDrawing = settings.flag(formatSettings, "includeDrawing");
        String notes = document.notes().orElseThrow(() -> new ExportException("document '" + document.id()
                + "' has no notes to export as Markdown"));
        StringBuilder markdown = new StringBuilder();
        String title = document.title().replaceAll("\\s+", " ").strip();
        boolean headedAlready = notes.strip().lines().findFirst().map(line -> line.replaceFirst("^#\\s+", "")
                .strip().equalsIgnoreCase(title) && line.startsWith("#")).orElse(false);
        if (!title.isEmpty() && !headedAlready) {
            markdown.append("# ").append(title).append("\n\n");
        }
        markdown.append(notes.strip()).append('\n');
        if (includeDrawing) {
            String svg = document.drawing().orElseThrow(() -> new ExportException("document '" + document.id()
                    + "' has no drawing to include in its Markdown export (setting includeDrawing)"));
            markdown.append("\n![").append(title.isEmpty() ? "Drawing" : title.replace("]", "\\]"))
                    .append("](data:image/svg+xml;base64,")
                    .append(Base64.getEncoder().encodeToString(SvgSanitizer.serialize(SvgSanitizer.sanitize(svg, context::warn)).getBytes(StandardCharsets.UTF_8))).append(")\n");
        }
        out.write(markdown.toString().getBytes(StandardCharsets.UTF_8));
    }
}

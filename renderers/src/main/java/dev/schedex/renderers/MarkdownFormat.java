package dev.schedex.renderers;

import dev.schedex.FormatSettings;
import dev.schedex.renderers.internal.batik.TimedRender;
import dev.schedex.renderers.internal.notes.Notes;
import dev.schedex.renderers.internal.notes.SafeMarkdown;
import dev.schedex.renderers.internal.svg.SafeSvg;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * {@code md}: the document's notes as a Markdown file, headed by its title (unless the notes already
 * start with a heading that is the title). Settings:
 * {@code includeDrawing} (default false) adds the drawing at the end, sanitised as by the {@code svg}
 * format (but without its rewrites for older viewers, {@link SafeSvg#portable()}) and embedded as an
 * SVG image in a {@code data:} URL, so that the file stands alone;
 * {@code trustedNotes} (default false) writes the notes exactly as they are.
 *
 * <p>Many viewers render a {@code .md} file as HTML, so by default the notes are made inert first
 * ({@link SafeMarkdown}): raw HTML is escaped and shows as text, and link and image destinations
 * that could run script ({@code javascript:}, {@code vbscript:}, {@code data:} but images...) become
 * {@code #}, in inline, reference and autolink form. A host whose notes come from people it trusts
 * (and who mean their HTML) sets {@code trustedNotes}. The title is put on one line so that it
 * cannot break out of its heading, and {@code <} in it is escaped.
 */
public final class MarkdownFormat extends BuiltInFormat {

    private final RenderLimits limits;

    /** Creates the format with the default {@link RenderLimits}; it is found with {@link java.util.ServiceLoader}. */
    public MarkdownFormat() {
        this(RenderLimits.DEFAULT);
    }

    /**
     * Creates the format with other bounds on each render; register it with the service's builder.
     *
     * @param limits the time and output size bounds of each render
     */
    public MarkdownFormat(RenderLimits limits) {
        super(
                "md",
                "text/markdown",
                "md",
                new SettingRules("md").flag("includeDrawing", false).flag("trustedNotes", false));
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public void render(ExportDocument document, FormatSettings formatSettings, ExportContext context, OutputStream out)
            throws IOException {
        // reading the notes to make them inert is flexmark's work, as slow on some notes as the html format's
        out.write(TimedRender.run(
                "Markdown",
                limits.timeLimit(),
                limits.maxOutputBytes(),
                () -> markdown(document, formatSettings, context)));
    }

    private byte[] markdown(ExportDocument document, FormatSettings formatSettings, ExportContext context) {
        boolean includeDrawing = rules.flag(formatSettings, "includeDrawing");
        String notes = Notes.bounded(document.notes()
                .orElseThrow(() ->
                        new ExportException("document '" + document.id() + "' has no notes to export as Markdown")));
        StringBuilder markdown = new StringBuilder();
        boolean trusted = rules.flag(formatSettings, "trustedNotes");
        String oneLine = document.title().replaceAll("\\s+", " ").strip();
        String title = trusted ? oneLine : oneLine.replace("<", "&lt;");
        boolean headedAlready = notes.strip()
                .lines()
                .findFirst()
                .map(line -> line.replaceFirst("^#\\s+", "").strip().equalsIgnoreCase(title) && line.startsWith("#"))
                .orElse(false);
        if (!title.isEmpty() && !headedAlready) {
            markdown.append("# ").append(title).append("\n\n");
        }
        markdown.append(trusted ? notes.strip() : Notes.read("Markdown", () -> SafeMarkdown.neutralise(notes.strip())))
                .append('\n');
        if (includeDrawing) {
            String svg = document.drawing()
                    .orElseThrow(() -> new ExportException("document '" + document.id()
                            + "' has no drawing to include in its Markdown export (setting includeDrawing)"));
            markdown.append("\n![")
                    .append(title.isEmpty() ? "Drawing" : title.replace("]", "\\]"))
                    .append("](data:image/svg+xml;base64,")
                    .append(Base64.getEncoder()
                            .encodeToString(SafeSvg.read(svg, context::warn)
                                    .serialise(false)
                                    .getBytes(StandardCharsets.UTF_8)))
                    .append(")\n");
        }
        return markdown.toString().getBytes(StandardCharsets.UTF_8);
    }
}

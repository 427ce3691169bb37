package dev.schedex.renderers;

import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.schedex.FormatSettings;
import dev.schedex.renderers.internal.batik.TimedRender;
import dev.schedex.renderers.internal.notes.Notes;
import dev.schedex.renderers.internal.svg.SafeSvg;
import dev.schedex.renderers.internal.svg.UrlPolicy;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code html}: one standalone page with the document's title, its drawing inline (sanitised as by
 * the {@code svg} format) and its notes rendered from Markdown (GitHub-flavoured tables,
 * strikethrough, task lists and autolinks).
 *
 * <p>The notes are untrusted, and the page can never run script: raw HTML in the Markdown is escaped,
 * not passed through; link URLs are kept only for http, https, mailto, relative URLs and fragments,
 * whatever the case, character references or percent-encoding hiding the scheme ({@link UrlPolicy});
 * images only from {@code data:} URLs (any other keeps its alternative text, and the page makes no
 * request); and a Content-Security-Policy allows no script, no request for anything but
 * {@code data:} images, no base URI and no form target, as a second line of defence.
 *
 * <p>Each page is made within {@link RenderLimits}, on a thread of its own ({@link TimedRender}).
 *
 * <p>Settings: {@code theme} ({@code light} or {@code dark}, default light); {@code includeDrawing}
 * (default true) and {@code includeNotes} (default true) leave either part out.
 */
public final class HtmlFormat extends BuiltInFormat {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; img-src data:; style-src 'unsafe-inline'; " + "base-uri 'none'; form-action 'none'";
    private static final DateTimeFormatter EXPORTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", Locale.ROOT);
    private static final String STYLE = String.join(
            "\n",
            "body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; line-height: 1.5;",
            "       max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }",
            "body.light { background: #ffffff; color: #1f2328; }",
            "body.dark { background: #0d1117; color: #e6edf3; }",
            "body.dark a { color: #58a6ff; }",
            "header .exported { opacity: 0.7; font-size: 0.9rem; }",
            "table { border-collapse: collapse; }",
            "th, td { border: 1px solid #8c959f; padding: 0.3rem 0.6rem; }",
            "pre { padding: 0.8rem; overflow: auto; background: rgba(127, 127, 127, 0.12); }",
            "code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }",
            "li.task-list-item { list-style: none; }",
            "img { max-width: 100%; }",
            "figure.drawing { margin: 1rem 0; }",
            "figure.drawing svg { max-width: 100%; height: auto; background: #ffffff; }");

    private final Parser parser;
    private final HtmlRenderer renderer;

    private final RenderLimits limits;

    /** Creates the format with the default {@link RenderLimits}; it is found with {@link java.util.ServiceLoader}. */
    public HtmlFormat() {
        this(RenderLimits.DEFAULT);
    }

    /**
     * Creates the format with other bounds on each render; register it with the service's builder.
     *
     * @param limits the time and output size bounds of each render
     */
    public HtmlFormat(RenderLimits limits) {
        super(
                "html",
                "text/html",
                "html",
                new SettingRules("html")
                        .choice("theme", "light", "dark")
                        .flag("includeDrawing", true)
                        .flag("includeNotes", true));
        this.limits = Objects.requireNonNull(limits, "limits");
        MutableDataSet options = Notes.options();
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options)
                .attributeProviderFactory(new SafeUrls())
                .build();
    }

    @Override
    public void render(ExportDocument document, FormatSettings formatSettings, ExportContext context, OutputStream out)
            throws IOException {
        // flexmark takes minutes on some notes (thousands of unclosed links): the page has a time limit too
        out.write(TimedRender.run(
                "HTML", limits.timeLimit(), limits.maxOutputBytes(), () -> page(document, formatSettings, context)));
    }

    private byte[] page(ExportDocument document, FormatSettings formatSettings, ExportContext context) {
        String drawing = rules.flag(formatSettings, "includeDrawing")
                ? document.drawing()
                        .map(svg -> "<figure class=\"drawing\">\n"
                                + SafeSvg.read(svg, context::warn).serialise(true) + "\n</figure>\n")
                        .orElse("")
                : "";
        String notes = rules.flag(formatSettings, "includeNotes")
                ? document.notes()
                        .map(markdown ->
                                "<main>\n" + Notes.read("HTML", () -> renderer.render(Notes.parse(parser, markdown)))
                                        + "</main>\n")
                        .orElse("")
                : "";
        if (drawing.isEmpty() && notes.isEmpty()) {
            throw new ExportException("document '" + document.id() + "' has no drawing or notes to export as HTML"
                    + " (with the settings includeDrawing and includeNotes)");
        }
        String title = escape(document.title().isBlank() ? document.id() : document.title());
        String page = "<!DOCTYPE html>\n"
                + "<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CONTENT_SECURITY_POLICY + "\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + title + "</title>\n<style>\n" + STYLE + "\n</style>\n</head>\n"
                + "<body class=\"" + rules.choice(formatSettings, "theme") + "\">\n"
                + "<header>\n<h1>" + title + "</h1>\n<p class=\"exported\">Exported for "
                + EXPORTED.format(context.occurrence().atZone(context.zone())) + "</p>\n</header>\n"
                + drawing + notes + "</body>\n</html>\n";
        return page.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /**
     * Drops every link target that {@link UrlPolicy} does not allow, and every image source but a
     * {@code data:} image (the alternative text stays).
     */
    private static final class SafeUrls extends IndependentAttributeProviderFactory {
        @Override
        public AttributeProvider apply(LinkResolverContext context) {
            return (node, part, attributes) -> {
                if (attributes.contains("href") && !UrlPolicy.isSafe(attributes.getValue("href"))) {
                    attributes.replaceValue("href", "#");
                }
                // an image is shown only from inside the page: the page makes no request
                if (attributes.contains("src")
                        && !attributes
                                .getValue("src")
                                .strip()
                                .toLowerCase(Locale.ROOT)
                                .startsWith("data:image/")) {
                    attributes.remove("src");
                }
            };
        }
    }
}

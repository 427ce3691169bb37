package dev.schedex.renderers;

import dev.schedex.FormatSettings;
import dev.schedex.renderers.internal.batik.TimedRender;
import dev.schedex.renderers.internal.svg.SafeSvg;
import dev.schedex.renderers.internal.svg.SvgSanitiser;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * {@code svg}: the drawing, sanitised (see {@link SvgSanitiser}: no script, no event attributes, no
 * external references, no DOCTYPE), so that it opens safely anywhere, and with the SVG 2 constructs
 * older viewers cannot read rewritten into SVG 1.1 that draws the same in a browser
 * ({@link SafeSvg#portable()}). Settings: {@code background}
 * ({@code none}, the default, or a colour such as {@code #ffffff}) paints a rectangle behind the
 * drawing.
 */
public final class SvgFormat extends BuiltInFormat {

    private final RenderLimits limits;

    /** Creates the format with the default {@link RenderLimits}; it is found with {@link java.util.ServiceLoader}. */
    public SvgFormat() {
        this(RenderLimits.DEFAULT);
    }

    /**
     * Creates the format with other bounds on each render; register it with the service's builder.
     *
     * @param limits the time and output size bounds of each render
     */
    public SvgFormat(RenderLimits limits) {
        super("svg", "image/svg+xml", "svg", new SettingRules("svg").colour("background", "none"));
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public void render(ExportDocument document, FormatSettings formatSettings, ExportContext context, OutputStream out)
            throws IOException {
        String drawing = document.drawing()
                .orElseThrow(
                        () -> new ExportException("document '" + document.id() + "' has no drawing to export as SVG"));
        out.write(TimedRender.run(
                "SVG", limits.timeLimit(), limits.maxOutputBytes(), () -> portable(drawing, formatSettings, context)));
    }

    private byte[] portable(String drawing, FormatSettings formatSettings, ExportContext context) {
        SafeSvg svg = SafeSvg.read(drawing, context::warn).portable();
        String background = rules.colour(formatSettings, "background");
        if (!"none".equals(background)) {
            svg.paintedOn(background);
        }
        return svg.serialise(false).getBytes(StandardCharsets.UTF_8);
    }
}

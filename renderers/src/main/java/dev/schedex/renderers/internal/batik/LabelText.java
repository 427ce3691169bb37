package dev.schedex.renderers.internal.batik;

import com.openhtmltopdf.extend.FontContext;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.java2d.Java2DFont;
import com.openhtmltopdf.java2d.Java2DFontContext;
import com.openhtmltopdf.java2d.Java2DOutputDevice;
import com.openhtmltopdf.java2d.Java2DTextRenderer;
import com.openhtmltopdf.render.FSFont;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.text.AttributedString;
import java.util.List;

/**
 * The CSS engine's Java2D text, measured and drawn with the fractional advances of its fonts, as
 * browsers and Batik draw text. The engine's own turns fractional metrics off for both: every glyph
 * then advances by whole pixels, and a word came out up to a pixel wider, so labels sized to their
 * text wrapped early. Each character is drawn in the first of the element's fonts that has it (the
 * last of which is Java's logical {@code Dialog}: {@link LabelFonts}).
 */
final class LabelText extends Java2DTextRenderer {

    private final LineBreaks pieces = new LineBreaks(() -> {});

    @Override
    public int getWidth(FontContext context, FSFont font, String text) {
        // the sum of the pieces the line layout measures (LineBreaks), each rounded to the engine's units: the
        // width of a whole text is then the width of the line it makes, and a box sized to it does not wrap it
        FontRenderContext metrics = ((Java2DFontContext) context).getGraphics().getFontRenderContext();
        List<Font> fonts = ((Java2DFont) font).getAWTFonts();
        pieces.setText(text);
        int width = 0;
        int start = 0;
        while (start < text.length()) {
            int end = pieces.next();
            int stop = end > start && end <= text.length() ? end : text.length();
            TextLayout piece =
                    new TextLayout(runs(fonts, text.substring(start, stop)).getIterator(), metrics);
            width += (int) Math.round(piece.getAdvance());
            start = stop;
        }
        return width;
    }

    @Override
    public void drawString(OutputDevice device, String text, float x, float y) {
        draw(
                ((Java2DOutputDevice) device).getGraphics(),
                ((Java2DOutputDevice) device).getFont().getAWTFonts(),
                text,
                x,
                y);
    }

    /** Draws text as the engine's text is drawn: each character in the first of the fonts that has it. */
    static void draw(Graphics2D graphics, List<Font> fonts, String text, float x, float y) {
        if (!text.isEmpty()) {
            graphics.drawString(runs(fonts, text).getIterator(), x, y);
        }
    }

    /** @return the text, each character in the first of the fonts that has it (else the first) */
    private static AttributedString runs(List<Font> fonts, String text) {
        AttributedString runs = new AttributedString(text);
        int start = 0;
        while (start < text.length()) {
            Font font = fontFor(fonts, text.codePointAt(start));
            int end = start + Character.charCount(text.codePointAt(start));
            while (end < text.length() && fontFor(fonts, text.codePointAt(end)).equals(font)) {
                end += Character.charCount(text.codePointAt(end));
            }
            runs.addAttribute(TextAttribute.FONT, font, start, end);
            start = end;
        }
        return runs;
    }

    private static Font fontFor(List<Font> fonts, int codePoint) {
        for (Font font : fonts) {
            if (font.canDisplay(codePoint)) {
                return font;
            }
        }
        return fonts.get(0);
    }
}

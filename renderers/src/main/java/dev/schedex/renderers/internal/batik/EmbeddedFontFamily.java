package dev.schedex.renderers.internal.batik;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextAttribute;
import java.awt.geom.Point2D;
import java.text.AttributedCharacterIterator;
import java.text.CharacterIterator;
import java.util.Map;
import org.apache.batik.gvt.font.AWTFontFamily;
import org.apache.batik.gvt.font.AWTGVTFont;
import org.apache.batik.gvt.font.AWTGVTGlyphVector;
import org.apache.batik.gvt.font.GVTFont;
import org.apache.batik.gvt.font.GVTFontFace;
import org.apache.batik.gvt.font.GVTGlyphMetrics;
import org.apache.batik.gvt.font.GVTGlyphVector;

/**
 * A font a drawing embeds in an {@code @font-face} rule, laid out with the font's own kerning, as
 * browsers lay it out. Batik places glyphs by their advances alone; for the hand-drawn fonts of
 * tldraw and Excalidraw, whose kerning pairs are many and large, that made a long word several
 * percent wider than in a browser. Text that is laid out from right to left, or whose layout would
 * merge characters into ligatures, keeps Batik's own layout.
 */
final class EmbeddedFontFamily extends AWTFontFamily {

    /**
     * @param face the {@code @font-face} rule's description of the font
     * @param font the font it loaded
     */
    EmbeddedFontFamily(GVTFontFace face, Font font) {
        super(face, font);
    }

    @Override
    public GVTFont deriveFont(float size, AttributedCharacterIterator text) {
        return new KernedFont(font, size);
    }

    @SuppressWarnings("rawtypes") // Batik's signature
    @Override
    public GVTFont deriveFont(float size, Map attributes) {
        return new KernedFont(font, size);
    }

    private static final class KernedFont extends AWTGVTFont {
        private final Font kerned;

        KernedFont(Font font, double size) {
            super(font, size);
            kerned = awtFont.deriveFont(Map.of(TextAttribute.KERNING, TextAttribute.KERNING_ON));
        }

        @Override
        public GVTGlyphVector createGlyphVector(FontRenderContext context, CharacterIterator text) {
            StringBuilder characters = new StringBuilder();
            for (char c = text.first(); c != CharacterIterator.DONE; c = text.next()) {
                byte direction = Character.getDirectionality(c);
                if (Character.isSurrogate(c)
                        || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                        || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                    return super.createGlyphVector(context, text);
                }
                characters.append(c);
            }
            char[] chars = characters.toString().toCharArray();
            GlyphVector laidOut = kerned.layoutGlyphVector(context, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
            if (laidOut.getNumGlyphs() != chars.length) {
                return super.createGlyphVector(context, text);
            }
            Point2D[] kerned = new Point2D[chars.length + 1];
            for (int i = 0; i <= chars.length; i++) {
                Point2D at = laidOut.getGlyphPosition(i);
                kerned[i] = new Point2D.Double(at.getX() * scale, at.getY() * scale);
            }
            text.first();
            return new KernedGlyphVector(laidOut, this, scale, text, kerned);
        }
    }

    /**
     * Batik lays text out glyph after glyph by each glyph's advance, not by the positions a font's
     * layout gave: this glyph vector's advances are the kerned distances between its glyphs.
     */
    private static final class KernedGlyphVector extends AWTGVTGlyphVector {
        private final Point2D[] kerned;

        KernedGlyphVector(GlyphVector glyphs, AWTGVTFont font, double scale, CharacterIterator text, Point2D[] kerned) {
            super(glyphs, font, scale, text);
            this.kerned = kerned;
        }

        @Override
        public GVTGlyphMetrics getGlyphMetrics(int index) {
            GVTGlyphMetrics metrics = super.getGlyphMetrics(index);
            if (kerned == null || index + 1 >= kerned.length) { // null while Batik's constructor runs
                return metrics;
            }
            float advance = (float) (kerned[index + 1].getX() - kerned[index].getX());
            return new GVTGlyphMetrics(
                    advance, metrics.getVerticalAdvance(), metrics.getBounds2D(), (byte) metrics.getType());
        }
    }
}

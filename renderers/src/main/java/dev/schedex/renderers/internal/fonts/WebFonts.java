package dev.schedex.renderers.internal.fonts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Turns the fonts drawings embed in {@code @font-face} rules into the TrueType/OpenType bytes that
 * Java's {@link java.awt.Font#createFont(int, InputStream)} reads: WOFF 1.0 (tables compressed with
 * zlib) and WOFF 2.0 (one Brotli stream, with the {@code glyf}, {@code loca} and {@code hmtx} tables
 * transformed as the W3C recommendation describes); TTF and OTF pass through unchanged.
 *
 * <p>Excalidraw and tldraw embed their hand-drawn and sans fonts as WOFF2, D2 as WOFF: without them
 * the drawing falls back to a system font and no longer looks like what its author saw.
 *
 * <p>The fonts come from untrusted drawings, so every length and offset is checked against the bytes
 * that are there, and no font grows beyond {@link #MAX_BYTES} (also the JDK's own limit for one created
 * font): a malformed font fails with an {@link IOException} that says why, and the drawing renders
 * with a fallback font and a warning. Font collections ({@code ttcf}) are not supported; browsers do
 * not accept them in {@code @font-face} either.
 *
 * <p>This class is the wing's door; each format has a class of its own: {@code Woff}, {@code Woff2}
 * (with {@code Woff2Glyphs}, its {@code glyf} transform undone) and {@code Sfnt}, the file both write.
 */
public final class WebFonts {

    /** The largest font, compressed or not, that a drawing may embed: 32 MiB. */
    static final int MAX_BYTES = 32 << 20;

    private static final int WOFF = 0x774F4646; // "wOFF"
    private static final int WOFF2 = 0x774F4632; // "wOF2"

    private WebFonts() {}

    /**
     * @param in an embedded font, read to its end (at most {@link #MAX_BYTES})
     * @return the font as TrueType/OpenType bytes
     * @throws IOException if the font is larger than the limit, malformed, or a kind not supported
     */
    public static byte[] readSfnt(InputStream in) throws IOException {
        byte[] font = in.readNBytes(MAX_BYTES + 1);
        if (font.length > MAX_BYTES) {
            throw new IOException("the embedded font is larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        return toSfnt(font);
    }

    /**
     * @param font a WOFF, WOFF2, TTF or OTF font
     * @return the font as TrueType/OpenType bytes: {@code font} itself unless it is WOFF or WOFF2
     * @throws IOException if a WOFF or WOFF2 font is malformed or a kind not supported
     */
    public static byte[] toSfnt(byte[] font) throws IOException {
        int signature = font.length < 4 ? 0 : ByteBuffer.wrap(font).getInt(0);
        if (signature != WOFF && signature != WOFF2) {
            return font;
        }
        String kind = signature == WOFF ? "WOFF" : "WOFF2";
        try {
            return signature == WOFF ? Woff.toSfnt(ByteBuffer.wrap(font)) : Woff2.toSfnt(ByteBuffer.wrap(font));
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IOException("malformed " + kind + " font: a length or offset points past its data", e);
        }
    }
}

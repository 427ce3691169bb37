package dev.schedex.renderers;

import static dev.schedex.renderers.JsonFormatTest.render;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.renderers.internal.fonts.WebFonts;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.PathIterator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class WebFontsTest {

    private static final FontRenderContext CONTEXT = new FontRenderContext(null, false, false);

    static byte[] ttf() throws IOException {
        try (InputStream in =
                Font.class.getClassLoader().getSystemResourceAsStream("font-fallback/LiberationSans-Regular.ttf")) {
            assertTrue(in != null, "OpenPDF's jar brings Liberation Sans");
            return in.readAllBytes();
        }
    }

    /** The same font as {@link #ttf()}, made into WOFF2 by Google's reference encoder (see fonts/README.md). */
    static byte[] woff2() throws IOException {
        try (InputStream in = WebFontsTest.class.getResourceAsStream("/fonts/LiberationSans-Regular.woff2")) {
            return in.readAllBytes();
        }
    }

    /** WOFF 1.0 written the simple way the format allows: each table zlib-compressed, in the TTF's order. */
    static byte[] woff(byte[] ttf) {
        ByteBuffer in = ByteBuffer.wrap(ttf);
        int numTables = in.getShort(4) & 0xFFFF;
        List<byte[]> stored = new ArrayList<>();
        int size = 44 + 20 * numTables;
        for (int i = 0; i < numTables; i++) {
            int record = 12 + 16 * i;
            byte[] table =
                    Arrays.copyOfRange(ttf, in.getInt(record + 8), in.getInt(record + 8) + in.getInt(record + 12));
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            deflater.setInput(table);
            deflater.finish();
            byte[] buffer = new byte[table.length + 64];
            byte[] compressed = Arrays.copyOf(buffer, deflater.deflate(buffer));
            deflater.end();
            stored.add(compressed.length < table.length ? compressed : table);
            size += (stored.get(i).length + 3) & ~3;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(0x774F4646)
                .putInt(in.getInt(0))
                .putInt(size)
                .putShort((short) numTables)
                .putShort((short) 0)
                .putInt(ttf.length)
                .putShort((short) 1)
                .putShort((short) 0)
                .putInt(0)
                .putInt(0)
                .putInt(0)
                .putInt(0)
                .putInt(0);
        int offset = 44 + 20 * numTables;
        for (int i = 0; i < numTables; i++) {
            int record = 12 + 16 * i;
            out.putInt(in.getInt(record))
                    .putInt(offset)
                    .putInt(stored.get(i).length)
                    .putInt(in.getInt(record + 12))
                    .putInt(in.getInt(record + 4));
            out.put(offset, stored.get(i));
            offset += (stored.get(i).length + 3) & ~3;
        }
        return out.array();
    }

    private static Font font(byte[] sfnt) throws IOException, FontFormatException {
        return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(sfnt))
                .deriveFont(1000f);
    }

    /** Every glyph's outline and advance, compared point by point. */
    private static void assertSameGlyphs(Font expected, Font actual) {
        assertEquals(expected.getFontName(), actual.getFontName());
        assertEquals(expected.getNumGlyphs(), actual.getNumGlyphs());
        for (int glyph = 0; glyph < expected.getNumGlyphs(); glyph++) {
            GlyphVector want = expected.createGlyphVector(CONTEXT, new int[] {glyph});
            GlyphVector got = actual.createGlyphVector(CONTEXT, new int[] {glyph});
            assertEquals(
                    want.getGlyphMetrics(0).getAdvance(),
                    got.getGlyphMetrics(0).getAdvance(),
                    "advance of glyph " + glyph);
            assertEquals(
                    segments(want.getGlyphOutline(0)), segments(got.getGlyphOutline(0)), "outline of glyph " + glyph);
        }
    }

    private static List<String> segments(Shape shape) {
        List<String> segments = new ArrayList<>();
        double[] coordinates = new double[6];
        for (PathIterator path = shape.getPathIterator(null); !path.isDone(); path.next()) {
            int type = path.currentSegment(coordinates);
            segments.add(type + Arrays.toString(coordinates));
        }
        return segments;
    }

    @Test
    void woff2DecodesToTheSameGlyphsAsTheTtfItWasMadeFrom() throws Exception {
        Font decoded = font(WebFonts.toSfnt(woff2()));
        assertTrue(decoded.getNumGlyphs() > 2000, "Liberation Sans has thousands of glyphs, composites among them");
        assertSameGlyphs(font(ttf()), decoded);
    }

    @Test
    void woffDecodesToTheSameGlyphsAsTheTtfItWasMadeFrom() throws Exception {
        byte[] woff = woff(ttf());
        assertTrue(woff.length < ttf().length * 0.7, "the tables really are compressed");
        assertSameGlyphs(font(ttf()), font(WebFonts.toSfnt(woff)));
    }

    @Test
    void trueTypeAndAnythingElsePassThroughUnchanged() throws IOException {
        byte[] ttf = ttf();
        assertSame(ttf, WebFonts.toSfnt(ttf));
        byte[] junk = {1, 2};
        assertSame(junk, WebFonts.toSfnt(junk));
    }

    @Test
    void aFontBeyondTheLimitIsRefusedBeforeItIsDecoded() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }
        };
        IOException e = assertThrows(IOException.class, () -> WebFonts.readSfnt(endless));
        assertEquals("the embedded font is larger than 32 MiB", e.getMessage());
    }

    @Test
    void aWoff2WhoseTablesClaimMoreThanTheLimitIsRefused() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(60);
        header.putInt(0x774F4632)
                .putInt(0x00010000)
                .putInt(60)
                .putShort((short) 1)
                .position(48);
        header.put((byte) 5).put(new byte[] {(byte) 0xA0, (byte) 0x80, (byte) 0x80, 0}); // 'name', 64 MiB
        byte[] font = header.array();
        IOException e = assertThrows(IOException.class, () -> WebFonts.toSfnt(font));
        assertTrue(e.getMessage().contains("32 MiB"), e.getMessage());
    }

    @Test
    void truncatedOrCorruptedFontsFailWithAnIoExceptionAndNothingElse() throws IOException {
        Random random = new Random(7);
        for (byte[] font : List.of(woff2(), woff(ttf()))) {
            for (int i = 0; i < 40; i++) {
                byte[] cut = Arrays.copyOf(font, random.nextInt(font.length));
                assertThrows(IOException.class, () -> WebFonts.toSfnt(cut), "cut to " + cut.length + " bytes");
            }
            for (int i = 0; i < 60; i++) {
                byte[] corrupt = font.clone();
                int at = 4 + random.nextInt(i < 30 ? 300 : font.length - 4); // headers first, then anywhere
                corrupt[at] ^= (byte) (1 + random.nextInt(255));
                try {
                    WebFonts.toSfnt(corrupt);
                } catch (IOException expected) {
                    assertFalse(expected.getMessage().isBlank());
                }
            }
        }
    }

    @Test
    void aDrawingsEmbeddedWoff2FontDrawsItsTextAsTheTtfWould() throws IOException {
        String woff2 = Base64.getEncoder().encodeToString(woff2());
        String ttf = Base64.getEncoder().encodeToString(ttf());
        PngFormat png = new PngFormat();
        byte[] withWoff2 = render(png, PngFormatTest.drawing(textIn("font/woff2", woff2)), Map.of());
        byte[] withTtf = render(png, PngFormatTest.drawing(textIn("font/ttf", ttf)), Map.of());
        byte[] fallback = render(png, PngFormatTest.drawing(textIn("font/woff2", "")), Map.of());
        assertArrayEquals(withTtf, withWoff2, "the same pixels from the WOFF2 as from the TTF");
        assertFalse(Arrays.equals(withTtf, fallback), "and not the fallback font's");
    }

    @Test
    void anEmbeddedFontIsLaidOutWithItsKerningAsABrowserDoes() throws Exception {
        String text = "AVAVAVAVAV";
        Font font = font(ttf()).deriveFont(100f);
        FontRenderContext context = new FontRenderContext(null, true, true);
        double plain = font.createGlyphVector(context, text).getLogicalBounds().getWidth();
        double kerned = new java.awt.font.TextLayout(
                        text,
                        font.deriveFont(
                                Map.of(java.awt.font.TextAttribute.KERNING, java.awt.font.TextAttribute.KERNING_ON)),
                        context)
                .getAdvance();
        assertTrue(plain - kerned > 40, "Liberation Sans kerns AV: " + plain + " vs " + kerned);
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\" height=\"120\"><style>@font-face {"
                + " font-family: 'Drawn Hand'; src: url(data:font/woff2;base64,"
                + Base64.getEncoder().encodeToString(woff2())
                + "); }</style><text x=\"0\" y=\"100\" font-family=\"Drawn Hand\" font-size=\"100\">" + text
                + "</text></svg>";
        java.awt.image.BufferedImage image =
                PngFormatTest.decode(render(new PngFormat(), PngFormatTest.drawing(svg), Map.of()));
        int right = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if (PngFormatTest.rgb(image, x, y) < 0x808080) {
                    right = x;
                }
            }
        }
        assertTrue(
                Math.abs(right - kerned) < 6,
                "the ink ends where the kerned text does: " + right + " vs " + kerned + " (without kerning: " + plain
                        + ")");
    }

    private static String textIn(String mediaType, String base64) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"60\"><style>"
                + "@font-face { font-family: 'Drawn Hand'; src: url(data:" + mediaType + ";base64," + base64 + "); }"
                + "</style><text x=\"4\" y=\"44\" font-family=\"Drawn Hand\" font-size=\"36\">Quartz Éclair</text>"
                + "</svg>";
    }

    @Test
    void woff2WithTransformedHorizontalMetricsTakesLeftBearingsFromTheGlyphs() throws Exception {
        byte[] font = withTransformedHmtx(woff2());
        assertSameGlyphs(font(ttf()), font(WebFonts.toSfnt(font)));
    }

    /**
     * The WOFF2 fixture with its hmtx table in WOFF2's transformed form (advances only: every left side
     * bearing in Liberation Sans equals its glyph's xMin), recompressed as stored Brotli blocks.
     */
    private static byte[] withTransformedHmtx(byte[] woff2) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(woff2);
        int numTables = in.getShort(12) & 0xFFFF;
        in.position(48);
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        List<int[]> entries = new ArrayList<>(); // flags, length, stored length, tag
        for (int i = 0; i < numTables; i++) {
            int flags = in.get() & 0xFF;
            int tag = (flags & 0x3F) == 63 ? in.getInt() : 0;
            int length = base128(in);
            boolean transformed = (flags & 0x3F) == 10 || (flags & 0x3F) == 11;
            entries.add(new int[] {flags, length, transformed ? base128(in) : length, tag});
        }
        byte[] data;
        try (InputStream brotli =
                new org.brotli.dec.BrotliInputStream(new ByteArrayInputStream(woff2, in.position(), in.getInt(20)))) {
            data = brotli.readAllBytes();
        }
        ByteArrayOutputStream tables = new ByteArrayOutputStream();
        int offset = 0;
        for (int[] entry : entries) {
            byte[] table = Arrays.copyOfRange(data, offset, offset + entry[2]);
            offset += entry[2];
            directory.write(entry[0] == 3 ? 3 | 1 << 6 : entry[0]);
            if ((entry[0] & 0x3F) == 63) {
                directory.write(ByteBuffer.allocate(4).putInt(entry[3]).array());
            }
            writeBase128(directory, entry[1]);
            if (entry[0] == 3) { // hmtx: a flags byte (no bearings at all), then each advance
                ByteBuffer advances = ByteBuffer.allocate(1 + table.length / 2).put((byte) 3);
                for (int at = 0; at < table.length; at += 4) {
                    advances.putShort(ByteBuffer.wrap(table).getShort(at));
                }
                table = advances.array();
                writeBase128(directory, table.length);
            } else if ((entry[0] & 0x3F) == 10 || (entry[0] & 0x3F) == 11) {
                writeBase128(directory, entry[2]);
            }
            tables.write(table);
        }
        byte[] stored = storedBrotli(tables.toByteArray());
        ByteBuffer out = ByteBuffer.allocate(48 + directory.size() + stored.length);
        out.put(Arrays.copyOf(woff2, 48)).put(directory.toByteArray()).put(stored);
        out.putInt(8, out.capacity()).putInt(20, stored.length);
        return out.array();
    }

    private static int base128(ByteBuffer in) {
        int value = 0;
        int b;
        do {
            b = in.get() & 0xFF;
            value = value << 7 | b & 0x7F;
        } while ((b & 0x80) != 0);
        return value;
    }

    private static void writeBase128(ByteArrayOutputStream out, int value) {
        int shift = 28;
        while (shift > 0 && value >>> shift == 0) {
            shift -= 7;
        }
        for (; shift > 0; shift -= 7) {
            out.write(0x80 | (value >>> shift) & 0x7F);
        }
        out.write(value & 0x7F);
    }

    /**
     * A Brotli stream (RFC 7932) of uncompressed meta-blocks of up to 64 KiB: window bits 16 (one 0 bit);
     * per block ISLAST 0, MNIBBLES 4 (00), MLEN-1 in 16 bits, ISUNCOMPRESSED 1, padding to the byte,
     * the bytes; at the end ISLAST 1 and ISLASTEMPTY 1. Bits fill each byte from its lowest.
     */
    private static byte[] storedBrotli(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long bits = 0;
        int count = 1; // the window bit, 0
        for (int start = 0; start < data.length; start += 65536) {
            int length = Math.min(65536, data.length - start);
            bits |= (long) (length - 1) << (count + 3) | 1L << (count + 19);
            count += 20;
            for (; count > 0; count -= 8, bits >>>= 8) {
                out.write((int) bits & 0xFF);
            }
            bits = 0;
            count = 0;
            out.write(data, start, length);
        }
        out.write(0b11);
        return out.toByteArray();
    }
}

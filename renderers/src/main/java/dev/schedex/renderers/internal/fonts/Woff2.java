package dev.schedex.renderers.internal.fonts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brotli.dec.BrotliInputStream;

/**
 * WOFF 2.0 to sfnt: one Brotli stream holding every table, with the {@code glyf} and {@code loca}
 * tables ({@link Woff2Glyphs}) and {@code hmtx} transformed as the W3C recommendation describes.
 */
final class Woff2 {

    private static final int TTCF = 0x74746366; // "ttcf"
    private static final int GLYF = Sfnt.tag("glyf");
    private static final int LOCA = Sfnt.tag("loca");
    private static final int HMTX = Sfnt.tag("hmtx");
    private static final int HHEA = Sfnt.tag("hhea");
    private static final int MAXP = Sfnt.tag("maxp");

    /** WOFF2's table tags by the index its directory gives instead of a tag (index 63: the tag follows). */
    private static final String[] KNOWN_TAGS = {
        "cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post", "cvt ", "fpgm", "glyf", "loca",
        "prep", "CFF ", "VORG", "EBDT", "EBLC", "gasp", "hdmx", "kern", "LTSH", "PCLT", "VDMX", "vhea",
        "vmtx", "BASE", "GDEF", "GPOS", "GSUB", "EBSC", "JSTF", "MATH", "CBDT", "CBLC", "COLR", "CPAL",
        "SVG ", "sbix", "acnt", "avar", "bdat", "bloc", "bsln", "cvar", "fdsc", "feat", "fmtx", "fvar",
        "gvar", "hsty", "just", "lcar", "mort", "morx", "opbd", "prop", "trak", "Zapf", "Silf", "Glat",
        "Gloc", "Feat", "Sill"
    };

    private Woff2() {}

    private record Woff2Entry(int tag, int version, int length, int storedLength) {
        boolean transformed() {
            return (tag == GLYF || tag == LOCA) ? version != 3 : version != 0;
        }
    }

    static byte[] toSfnt(ByteBuffer in) throws IOException {
        int flavor = in.getInt(4);
        if (flavor == TTCF) {
            throw new IOException("WOFF2 font collections are not supported");
        }
        int numTables = in.getShort(12) & 0xFFFF;
        int compressedSize = Sfnt.checkedLength(in.getInt(20), "compressed size");
        in.position(48);
        List<Woff2Entry> entries = new ArrayList<>(numTables);
        long total = 0;
        for (int i = 0; i < numTables; i++) {
            int flags = in.get() & 0xFF;
            int index = flags & 0x3F;
            int tag = index == 63 ? in.getInt() : Sfnt.tag(KNOWN_TAGS[checkIndex(index)]);
            int version = flags >>> 6;
            int length = base128(in);
            Woff2Entry probe = new Woff2Entry(tag, version, length, length);
            Woff2Entry entry = probe.transformed() ? new Woff2Entry(tag, version, length, base128(in)) : probe;
            total += entry.storedLength();
            if (total > WebFonts.MAX_BYTES || length > WebFonts.MAX_BYTES) {
                throw new IOException("WOFF2 font tables add up to more than " + (WebFonts.MAX_BYTES >> 20) + " MiB");
            }
            entries.add(entry);
        }
        byte[] data = brotli(in.array(), in.position(), compressedSize, (int) total);

        Map<Integer, byte[]> tables = new LinkedHashMap<>();
        Map<Integer, Woff2Entry> transformed = new LinkedHashMap<>();
        int offset = 0;
        for (Woff2Entry entry : entries) {
            byte[] table = new byte[entry.storedLength()];
            System.arraycopy(data, offset, table, 0, table.length);
            offset += table.length;
            tables.put(entry.tag(), table);
            if (entry.transformed()) {
                transformed.put(entry.tag(), entry);
            }
        }
        for (Woff2Entry entry : transformed.values()) {
            boolean known = (entry.tag() == GLYF || entry.tag() == LOCA) && entry.version() == 0
                    || entry.tag() == HMTX && entry.version() == 1;
            if (!known) {
                throw new IOException("WOFF2 table " + Sfnt.tagName(entry.tag()) + " uses transform " + entry.version()
                        + ", which is not defined");
            }
        }
        if (transformed.containsKey(GLYF) != transformed.containsKey(LOCA)) {
            throw new IOException("WOFF2 font transforms only one of glyf and loca");
        }
        short[] xMins = null;
        if (transformed.containsKey(GLYF)) {
            Woff2Glyphs glyphs = Woff2Glyphs.decode(ByteBuffer.wrap(tables.get(GLYF)));
            tables.put(GLYF, glyphs.glyf());
            tables.put(LOCA, glyphs.loca());
            xMins = glyphs.xMins();
        }
        if (transformed.containsKey(HMTX)) {
            if (xMins == null) {
                throw new IOException("WOFF2 font transforms hmtx without a transformed glyf table");
            }
            tables.put(HMTX, horizontalMetrics(tables, xMins));
        }
        return Sfnt.write(flavor, tables);
    }

    private static byte[] brotli(byte[] font, int offset, int length, int expected) throws IOException {
        if (offset + length > font.length) {
            throw new IOException("malformed WOFF2 font: its compressed data ends early");
        }
        byte[] data;
        try (InputStream in = new BrotliInputStream(new ByteArrayInputStream(font, offset, length))) {
            data = in.readNBytes(expected);
        } catch (IOException e) { // how the decoder reports data that is not Brotli
            throw new IOException("WOFF2 font data is not valid Brotli: " + e.getMessage(), e);
        }
        if (data.length != expected) {
            throw new IOException("WOFF2 font data decompresses to " + data.length + " bytes, not the " + expected
                    + " its tables need");
        }
        return data;
    }

    /** Undoes WOFF2's hmtx transform: left side bearings left out are the glyphs' xMin. */
    private static byte[] horizontalMetrics(Map<Integer, byte[]> tables, short[] xMins) throws IOException {
        if (!tables.containsKey(HHEA) || !tables.containsKey(MAXP)) {
            throw new IOException("WOFF2 font transforms hmtx but lacks hhea or maxp");
        }
        int metrics = ByteBuffer.wrap(tables.get(HHEA)).getShort(34) & 0xFFFF;
        int glyphs = ByteBuffer.wrap(tables.get(MAXP)).getShort(4) & 0xFFFF;
        if (metrics < 1 || metrics > glyphs || glyphs > xMins.length) {
            throw new IOException("WOFF2 font: hhea, maxp and glyf disagree on the number of glyphs");
        }
        ByteBuffer in = ByteBuffer.wrap(tables.get(HMTX));
        int flags = in.get() & 0xFF;
        short[] advances = new short[metrics];
        for (int i = 0; i < metrics; i++) {
            advances[i] = in.getShort();
        }
        ByteBuffer out = ByteBuffer.allocate(4 * metrics + 2 * (glyphs - metrics));
        short[] bearings = new short[glyphs];
        for (int i = 0; i < glyphs; i++) {
            boolean omitted = (flags & (i < metrics ? 1 : 2)) != 0;
            bearings[i] = omitted ? xMins[i] : in.getShort();
        }
        for (int i = 0; i < glyphs; i++) {
            if (i < metrics) {
                out.putShort(advances[i]);
            }
            out.putShort(bearings[i]);
        }
        return out.array();
    }

    /** WOFF2's variable-length unsigned number: 7 bits a byte, high bit set on all but the last. */
    private static int base128(ByteBuffer in) throws IOException {
        int value = 0;
        for (int i = 0; i < 5; i++) {
            int b = in.get() & 0xFF;
            if (i == 0 && b == 0x80 || (value & 0xFE000000) != 0) {
                throw new IOException("malformed WOFF2 font: a length is encoded wrongly");
            }
            value = (value << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                return Sfnt.checkedLength(value, "table length");
            }
        }
        throw new IOException("malformed WOFF2 font: a length is longer than five bytes");
    }

    private static int checkIndex(int index) throws IOException {
        if (index >= KNOWN_TAGS.length) {
            throw new IOException("malformed WOFF2 font: table index " + index + " names no table");
        }
        return index;
    }
}

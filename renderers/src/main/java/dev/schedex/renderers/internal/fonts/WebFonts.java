package dev.schedex.renderers.internal.fonts;

import org.brotli.dec.BrotliInputStream;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

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
 */
public final class WebFonts {

    /** The largest font, compressed or not, that a drawing may embed: 32 MiB. */
    static final int MAX_BYTES = 32 << 20;

    private static final int WOFF = 0x774F4646;   // "wOFF"
    private static final int WOFF2 = 0x774F4632;  // "wOF2"
    private static final int TTCF = 0x74746366;   // "ttcf"
    private static final int GLYF = tag("glyf");
    private static final int LOCA = tag("loca");
    private static final int HMTX = tag("hmtx");
    private static final int HHEA = tag("hhea");
    private static final int MAXP = tag("maxp");
    private static final int HEAD = tag("head");

    /** WOFF2's table tags by the index its directory gives instead of a tag (index 63: the tag follows). */
    private static final String[] KNOWN_TAGS = {
            "cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post", "cvt ", "fpgm", "glyf", "loca",
            "prep", "CFF ", "VORG", "EBDT", "EBLC", "gasp", "hdmx", "kern", "LTSH", "PCLT", "VDMX", "vhea",
            "vmtx", "BASE", "GDEF", "GPOS", "GSUB", "EBSC", "JSTF", "MATH", "CBDT", "CBLC", "COLR", "CPAL",
            "SVG ", "sbix", "acnt", "avar", "bdat", "bloc", "bsln", "cvar", "fdsc", "feat", "fmtx", "fvar",
            "gvar", "hsty", "just", "lcar", "mort", "morx", "opbd", "prop", "trak", "Zapf", "Silf", "Glat",
            "Gloc", "Feat", "Sill"};

    private WebFonts() {
    }

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
            return signature == WOFF ? fromWoff(ByteBuffer.wrap(font)) : fromWoff2(ByteBuffer.wrap(font));
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IOException("malformed " + kind + " font: a length or offset points past its data", e);
        }
    }

    private static byte[] fromWoff(ByteBuffer in) throws IOException {
        int flavor = in.getInt(4);
        int numTables = in.getShort(12) & 0xFFFF;
        in.position(44);
        Map<Integer, byte[]> tables = new LinkedHashMap<>();
        long total = 0;
        for (int i = 0; i < numTables; i++) {
            int tag = in.getInt();
            int offset = checkedLength(in.getInt(), "table offset");
            int compressed = checkedLength(in.getInt(), "compressed table length");
            int length = checkedLength(in.getInt(), "table length");
            in.getInt(); // the original checksum: written afresh below
            total += length;
            if (total > MAX_BYTES) {
                throw new IOException("WOFF font tables add up to more than " + (MAX_BYTES >> 20) + " MiB");
            }
            byte[] stored = new byte[compressed];
            in.get(offset, stored);
            if (compressed == length) {
                tables.put(tag, stored);
            } else if (compressed < length) {
                tables.put(tag, inflate(stored, length, tagName(tag)));
            } else {
                throw new IOException("WOFF table " + tagName(tag) + " is stored larger than it is");
            }
        }
        return sfnt(flavor, tables);
    }

    private static byte[] inflate(byte[] compressed, int length, String table) throws IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            byte[] out = new byte[length];
            int n = inflater.inflate(out);
            if (n != length || !inflater.finished()) {
                throw new IOException("WOFF table " + table + " does not inflate to its stated length " + length);
            }
            return out;
        } catch (DataFormatException e) {
            throw new IOException("WOFF table " + table + " is not valid zlib data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private record Woff2Entry(int tag, int version, int length, int storedLength) {
        boolean transformed() {
            return (tag == GLYF || tag == LOCA) ? version != 3 : version != 0;
        }
    }

    private static byte[] fromWoff2(ByteBuffer in) throws IOException {
        int flavor = in.getInt(4);
        if (flavor == TTCF) {
            throw new IOException("WOFF2 font collections are not supported");
        }
        int numTables = in.getShort(12) & 0xFFFF;
        int compressedSize = checkedLength(in.getInt(20), "compressed size");
        in.position(48);
        List<Woff2Entry> entries = new ArrayList<>(numTables);
        long total = 0;
        for (int i = 0; i < numTables; i++) {
            int flags = in.get() & 0xFF;
            int index = flags & 0x3F;
            int tag = index == 63 ? in.getInt() : tag(KNOWN_TAGS[checkIndex(index)]);
            int version = flags >>> 6;
            int length = base128(in);
            Woff2Entry probe = new Woff2Entry(tag, version, length, length);
            Woff2Entry entry = probe.transformed() ? new Woff2Entry(tag, version, length, base128(in)) : probe;
            total += entry.storedLength();
            if (total > MAX_BYTES || length > MAX_BYTES) {
                throw new IOException("WOFF2 font tables add up to more than " + (MAX_BYTES >> 20) + " MiB");
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
                throw new IOException("WOFF2 table " + tagName(entry.tag()) + " uses transform "
                        + entry.version() + ", which is not defined");
            }
        }
        if (transformed.containsKey(GLYF) != transformed.containsKey(LOCA)) {
            throw new IOException("WOFF2 font transforms only one of glyf and loca");
        }
        short[] xMins = null;
        if (transformed.containsKey(GLYF)) {
            GlyphTables glyphs = GlyphTables.decode(ByteBuffer.wrap(tables.get(GLYF)));
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
        return sfnt(flavor, tables);
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
            throw new IOException("WOFF2 font data decompresses to " + data.length + " bytes, not the "
                    + expected + " its tables need");
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

    /** The font file: offset table, table records sorted by tag, tables on 4-byte boundaries. */
    private static byte[] sfnt(int flavor, Map<Integer, byte[]> tables) throws IOException {
        List<Map.Entry<Integer, byte[]>> sorted = new ArrayList<>(tables.entrySet());
        sorted.sort(Comparator.comparing(e -> Integer.toUnsignedLong(e.getKey())));
        int n = sorted.size();
        long size = 12 + 16L * n;
        for (Map.Entry<Integer, byte[]> table : sorted) {
            size += (table.getValue().length + 3) & ~3;
        }
        if (size > MAX_BYTES) {
            throw new IOException("the font would be larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        int selector = 31 - Integer.numberOfLeadingZeros(Math.max(n, 1));
        out.putInt(flavor).putShort((short) n).putShort((short) (16 << selector)).putShort((short) selector)
                .putShort((short) (16 * n - (16 << selector)));
        int offset = 12 + 16 * n;
        int headOffset = -1;
        for (Map.Entry<Integer, byte[]> table : sorted) {
            byte[] data = table.getValue();
            if (table.getKey() == HEAD && data.length >= 12) {
                ByteBuffer.wrap(data).putInt(8, 0); // checkSumAdjustment, set below over the whole file
                headOffset = offset;
            }
            out.putInt(table.getKey()).putInt(checksum(data, 0, data.length)).putInt(offset).putInt(data.length);
            out.put(offset, data);
            offset += (data.length + 3) & ~3;
        }
        if (headOffset >= 0) {
            out.putInt(headOffset + 8, 0xB1B0AFBA - checksum(out.array(), 0, out.capacity()));
        }
        return out.array();
    }

    private static int checksum(byte[] data, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i += 4) {
            int word = 0;
            for (int j = 0; j < 4; j++) {
                word = (word << 8) | (i + j < to ? data[i + j] & 0xFF : 0);
            }
            sum += word;
        }
        return sum;
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
                return checkedLength(value, "table length");
            }
        }
        throw new IOException("malformed WOFF2 font: a length is longer than five bytes");
    }

    private static int checkedLength(int value, String what) throws IOException {
        if (value < 0 || value > MAX_BYTES) {
            throw new IOException("malformed web font: " + what + " " + Integer.toUnsignedString(value)
                    + " is beyond " + (MAX_BYTES >> 20) + " MiB");
        }
        return value;
    }

    private static int checkIndex(int index) throws IOException {
        if (index >= KNOWN_TAGS.length) {
            throw new IOException("malformed WOFF2 font: table index " + index + " names no table");
        }
        return index;
    }

    private static int tag(String name) {
        return name.charAt(0) << 24 | name.charAt(1) << 16 | name.charAt(2) << 8 | name.charAt(3);
    }

    private static String tagName(int tag) {
        return "'" + (char) (tag >>> 24) + (char) (tag >>> 16 & 0xFF) + (char) (tag >>> 8 & 0xFF)
                + (char) (tag & 0xFF) + "'";
    }

    /**
     * WOFF2's transformed {@code glyf} table turned back into {@code glyf} and {@code loca}: the glyph
     * outlines come split into streams (contour counts, point counts, flags, packed coordinate
     * triplets, composite records, bounding boxes, instructions) and are reassembled glyph by glyph.
     */
    private record GlyphTables(byte[] glyf, byte[] loca, short[] xMins) {

        private static final int ARG_1_AND_2_ARE_WORDS = 0x0001;
        private static final int WE_HAVE_A_SCALE = 0x0008;
        private static final int MORE_COMPONENTS = 0x0020;
        private static final int WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
        private static final int WE_HAVE_A_TWO_BY_TWO = 0x0080;
        private static final int WE_HAVE_INSTRUCTIONS = 0x0100;
        private static final int OVERLAP_SIMPLE = 0x40;

        static GlyphTables decode(ByteBuffer in) throws IOException {
            in.getShort(); // reserved
            int options = in.getShort() & 0xFFFF;
            int numGlyphs = in.getShort() & 0xFFFF;
            int indexFormat = in.getShort() & 0xFFFF;
            int[] sizes = new int[7];
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = in.getInt();
            }
            ByteBuffer contours = stream(in, sizes[0]);
            ByteBuffer points = stream(in, sizes[1]);
            ByteBuffer flags = stream(in, sizes[2]);
            ByteBuffer glyphs = stream(in, sizes[3]);
            ByteBuffer composites = stream(in, sizes[4]);
            ByteBuffer boxes = stream(in, sizes[5]);
            ByteBuffer instructions = stream(in, sizes[6]);
            ByteBuffer overlaps = (options & 1) != 0 ? stream(in, (numGlyphs + 7) >> 3) : null;
            byte[] boxBitmap = new byte[((numGlyphs + 31) >> 5) << 2];
            boxes.get(boxBitmap);

            ByteArrayOutputStream glyf = new ByteArrayOutputStream();
            int[] offsets = new int[numGlyphs + 1];
            short[] xMins = new short[numGlyphs];
            for (int g = 0; g < numGlyphs; g++) {
                offsets[g] = glyf.size();
                int contourCount = contours.getShort();
                boolean hasBox = (boxBitmap[g >> 3] & (0x80 >> (g & 7))) != 0;
                ByteBuffer glyph;
                if (contourCount == 0) {
                    if (hasBox) {
                        throw new IOException("malformed WOFF2 font: empty glyph " + g + " has a bounding box");
                    }
                    continue;
                } else if (contourCount > 0) {
                    boolean overlap = overlaps != null && (overlaps.get(g >> 3) & (0x80 >> (g & 7))) != 0;
                    glyph = simpleGlyph(contourCount, points, flags, glyphs, instructions,
                            hasBox ? boxes : null, overlap);
                } else if (contourCount == -1) {
                    if (!hasBox) {
                        throw new IOException("malformed WOFF2 font: composite glyph " + g + " has no bounding box");
                    }
                    glyph = compositeGlyph(composites, glyphs, instructions, boxes);
                } else {
                    throw new IOException("malformed WOFF2 font: glyph " + g + " has " + contourCount + " contours");
                }
                xMins[g] = glyph.getShort(2);
                glyf.write(glyph.array(), 0, glyph.position());
                while (glyf.size() % 4 != 0) {
                    glyf.write(0);
                }
                if (glyf.size() > MAX_BYTES) {
                    throw new IOException("WOFF2 glyphs add up to more than " + (MAX_BYTES >> 20) + " MiB");
                }
            }
            offsets[numGlyphs] = glyf.size();
            return new GlyphTables(glyf.toByteArray(), loca(offsets, indexFormat), xMins);
        }

        private static ByteBuffer stream(ByteBuffer in, int size) throws IOException {
            ByteBuffer stream = in.slice(in.position(), checkedLength(size, "glyph stream size"));
            in.position(in.position() + size);
            return stream;
        }

        private static ByteBuffer simpleGlyph(int contourCount, ByteBuffer pointCounts, ByteBuffer flagStream,
                                              ByteBuffer glyphStream, ByteBuffer instructions, @Nullable ByteBuffer box,
                                              boolean overlap) throws IOException {
            int[] ends = new int[contourCount];
            int total = 0;
            for (int c = 0; c < contourCount; c++) {
                total += read255(pointCounts);
                if (total > 0xFFFF) {
                    throw new IOException("malformed WOFF2 font: a glyph has more than 65535 points");
                }
                ends[c] = total - 1;
            }
            int[] xs = new int[total];
            int[] ys = new int[total];
            boolean[] onCurve = new boolean[total];
            int x = 0;
            int y = 0;
            for (int p = 0; p < total; p++) {
                int flag = flagStream.get() & 0xFF;
                onCurve[p] = (flag & 0x80) == 0;
                int[] delta = triplet(flag & 0x7F, glyphStream);
                x += delta[0];
                y += delta[1];
                xs[p] = x;
                ys[p] = y;
            }
            int instructionLength = read255(glyphStream);
            byte[] code = new byte[instructionLength];
            instructions.get(code);

            ByteBuffer out = ByteBuffer.allocate(12 + 2 * contourCount + instructionLength + 5 * total);
            out.putShort((short) contourCount);
            putBox(out, box, xs, ys);
            for (int end : ends) {
                out.putShort((short) end);
            }
            out.putShort((short) instructionLength).put(code);
            for (int p = 0; p < total; p++) {
                int dx = xs[p] - (p == 0 ? 0 : xs[p - 1]);
                int dy = ys[p] - (p == 0 ? 0 : ys[p - 1]);
                int flag = (onCurve[p] ? 1 : 0) | axisFlag(dx, 0x02, 0x10) | axisFlag(dy, 0x04, 0x20)
                        | (p == 0 && overlap ? OVERLAP_SIMPLE : 0);
                out.put((byte) flag);
            }
            putDeltas(out, xs);
            putDeltas(out, ys);
            return out;
        }

        /** The flag bits for one coordinate delta: zero, a byte with its sign in the flag, or a short. */
        private static int axisFlag(int delta, int shortBit, int sameOrPositiveBit) {
            if (delta == 0) {
                return sameOrPositiveBit;
            }
            if (Math.abs(delta) < 256) {
                return shortBit | (delta > 0 ? sameOrPositiveBit : 0);
            }
            return 0;
        }

        private static void putDeltas(ByteBuffer out, int[] coordinates) throws IOException {
            for (int p = 0; p < coordinates.length; p++) {
                int delta = coordinates[p] - (p == 0 ? 0 : coordinates[p - 1]);
                if (delta == 0) {
                    continue;
                }
                if (Math.abs(delta) < 256) {
                    out.put((byte) Math.abs(delta));
                } else if (delta >= Short.MIN_VALUE && delta <= Short.MAX_VALUE) {
                    out.putShort((short) delta);
                } else {
                    throw new IOException("malformed WOFF2 font: a glyph point lies outside 16-bit coordinates");
                }
            }
        }

        private static void putBox(ByteBuffer out, @Nullable ByteBuffer box, int[] xs, int[] ys) {
            if (box != null) {
                out.putLong(box.getLong());
                return;
            }
            int minX = 0;
            int minY = 0;
            int maxX = 0;
            int maxY = 0;
            for (int p = 0; p < xs.length; p++) {
                minX = p == 0 ? xs[p] : Math.min(minX, xs[p]);
                minY = p == 0 ? ys[p] : Math.min(minY, ys[p]);
                maxX = p == 0 ? xs[p] : Math.max(maxX, xs[p]);
                maxY = p == 0 ? ys[p] : Math.max(maxY, ys[p]);
            }
            out.putShort((short) minX).putShort((short) minY).putShort((short) maxX).putShort((short) maxY);
        }

        /**
         * One point's packed coordinate delta: the flag's low seven bits say how many bytes follow and
         * how their bits split between x and y; bit 0 of the flag (and bit 1, for y) gives the sign.
         */
        private static int[] triplet(int flag, ByteBuffer in) {
            int dx;
            int dy;
            if (flag < 10) {
                dx = 0;
                dy = signed(flag, ((flag & 14) << 7) + u8(in));
            } else if (flag < 20) {
                dx = signed(flag, (((flag - 10) & 14) << 7) + u8(in));
                dy = 0;
            } else if (flag < 84) {
                int b0 = flag - 20;
                int b1 = u8(in);
                dx = signed(flag, 1 + (b0 & 0x30) + (b1 >> 4));
                dy = signed(flag >> 1, 1 + ((b0 & 0x0C) << 2) + (b1 & 0x0F));
            } else if (flag < 120) {
                int b0 = flag - 84;
                dx = signed(flag, 1 + ((b0 / 12) << 8) + u8(in));
                dy = signed(flag >> 1, 1 + (((b0 % 12) >> 2) << 8) + u8(in));
            } else if (flag < 124) {
                int b1 = u8(in);
                int b2 = u8(in);
                int b3 = u8(in);
                dx = signed(flag, (b1 << 4) + (b2 >> 4));
                dy = signed(flag >> 1, ((b2 & 0x0F) << 8) + b3);
            } else {
                int x = in.getShort() & 0xFFFF;
                int y = in.getShort() & 0xFFFF;
                dx = signed(flag, x);
                dy = signed(flag >> 1, y);
            }
            return new int[] {dx, dy};
        }

        private static int signed(int flag, int value) {
            return (flag & 1) != 0 ? value : -value;
        }

        private static ByteBuffer compositeGlyph(ByteBuffer composites, ByteBuffer glyphStream,
                                                 ByteBuffer instructions, ByteBuffer boxes) throws IOException {
            int start = composites.position();
            int flags;
            boolean hasInstructions = false;
            do {
                flags = composites.getShort() & 0xFFFF;
                hasInstructions |= (flags & WE_HAVE_INSTRUCTIONS) != 0;
                int size = 2 + ((flags & ARG_1_AND_2_ARE_WORDS) != 0 ? 4 : 2);
                if ((flags & WE_HAVE_A_SCALE) != 0) {
                    size += 2;
                } else if ((flags & WE_HAVE_AN_X_AND_Y_SCALE) != 0) {
                    size += 4;
                } else if ((flags & WE_HAVE_A_TWO_BY_TWO) != 0) {
                    size += 8;
                }
                composites.position(composites.position() + size);
            } while ((flags & MORE_COMPONENTS) != 0);
            byte[] records = new byte[composites.position() - start];
            composites.get(start, records);
            byte[] code = new byte[hasInstructions ? read255(glyphStream) : 0];
            instructions.get(code);

            ByteBuffer out = ByteBuffer.allocate(10 + records.length + (hasInstructions ? 2 + code.length : 0));
            out.putShort((short) -1).putLong(boxes.getLong()).put(records);
            if (hasInstructions) {
                out.putShort((short) code.length).put(code);
            }
            return out;
        }

        private static byte[] loca(int[] offsets, int indexFormat) throws IOException {
            ByteBuffer out = ByteBuffer.allocate(offsets.length * (indexFormat == 0 ? 2 : 4));
            for (int offset : offsets) {
                if (indexFormat == 0) {
                    if (offset / 2 > 0xFFFF) {
                        throw new IOException("WOFF2 font: glyphs too large for its short loca table");
                    }
                    out.putShort((short) (offset / 2));
                } else {
                    out.putInt(offset);
                }
            }
            return out.array();
        }

        /** WOFF2's 255UInt16: one byte below 253, or a code byte saying how the value follows. */
        private static int read255(ByteBuffer in) {
            int code = u8(in);
            return switch (code) {
                case 253 -> in.getShort() & 0xFFFF;
                case 254 -> u8(in) + 253 * 2;
                case 255 -> u8(in) + 253;
                default -> code;
            };
        }

        private static int u8(ByteBuffer in) {
            return in.get() & 0xFF;
        }
    }
}

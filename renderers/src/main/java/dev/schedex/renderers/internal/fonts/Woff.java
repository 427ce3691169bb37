package dev.schedex.renderers.internal.fonts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** WOFF 1.0 to sfnt: each table zlib-compressed on its own, or stored as it is. */
final class Woff {

    private Woff() {}

    static byte[] toSfnt(ByteBuffer in) throws IOException {
        int flavor = in.getInt(4);
        int numTables = in.getShort(12) & 0xFFFF;
        in.position(44);
        Map<Integer, byte[]> tables = new LinkedHashMap<>();
        long total = 0;
        for (int i = 0; i < numTables; i++) {
            int tag = in.getInt();
            int offset = Sfnt.checkedLength(in.getInt(), "table offset");
            int compressed = Sfnt.checkedLength(in.getInt(), "compressed table length");
            int length = Sfnt.checkedLength(in.getInt(), "table length");
            in.getInt(); // the original checksum: written afresh below
            total += length;
            if (total > WebFonts.MAX_BYTES) {
                throw new IOException("WOFF font tables add up to more than " + (WebFonts.MAX_BYTES >> 20) + " MiB");
            }
            byte[] stored = new byte[compressed];
            in.get(offset, stored);
            if (compressed == length) {
                tables.put(tag, stored);
            } else if (compressed < length) {
                tables.put(tag, inflate(stored, length, Sfnt.tagName(tag)));
            } else {
                throw new IOException("WOFF table " + Sfnt.tagName(tag) + " is stored larger than it is");
            }
        }
        return Sfnt.write(flavor, tables);
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
}

package dev.schedex.renderers.internal.fonts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The sfnt (TrueType/OpenType) font file that WOFF and WOFF2 fonts are unpacked into, and its tags. */
final class Sfnt {

    private static final int HEAD = tag("head");

    private Sfnt() {}

    /** The font file: offset table, table records sorted by tag, tables on 4-byte boundaries. */
    static byte[] write(int flavor, Map<Integer, byte[]> tables) throws IOException {
        List<Map.Entry<Integer, byte[]>> sorted = new ArrayList<>(tables.entrySet());
        sorted.sort(Comparator.comparing(e -> Integer.toUnsignedLong(e.getKey())));
        int n = sorted.size();
        long size = 12 + 16L * n;
        for (Map.Entry<Integer, byte[]> table : sorted) {
            size += (table.getValue().length + 3) & ~3;
        }
        if (size > WebFonts.MAX_BYTES) {
            throw new IOException("the font would be larger than " + (WebFonts.MAX_BYTES >> 20) + " MiB");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        int selector = 31 - Integer.numberOfLeadingZeros(Math.max(n, 1));
        out.putInt(flavor)
                .putShort((short) n)
                .putShort((short) (16 << selector))
                .putShort((short) selector)
                .putShort((short) (16 * n - (16 << selector)));
        int offset = 12 + 16 * n;
        int headOffset = -1;
        for (Map.Entry<Integer, byte[]> table : sorted) {
            byte[] data = table.getValue();
            if (table.getKey() == HEAD && data.length >= 12) {
                ByteBuffer.wrap(data).putInt(8, 0); // checkSumAdjustment, set below over the whole file
                headOffset = offset;
            }
            out.putInt(table.getKey())
                    .putInt(checksum(data, 0, data.length))
                    .putInt(offset)
                    .putInt(data.length);
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

    static int checkedLength(int value, String what) throws IOException {
        if (value < 0 || value > WebFonts.MAX_BYTES) {
            throw new IOException("malformed web font: " + what + " " + Integer.toUnsignedString(value) + " is beyond "
                    + (WebFonts.MAX_BYTES >> 20) + " MiB");
        }
        return value;
    }

    static int tag(String name) {
        return name.charAt(0) << 24 | name.charAt(1) << 16 | name.charAt(2) << 8 | name.charAt(3);
    }

    static String tagName(int tag) {
        return "'" + (char) (tag >>> 24) + (char) (tag >>> 16 & 0xFF) + (char) (tag >>> 8 & 0xFF) + (char) (tag & 0xFF)
                + "'";
    }
}

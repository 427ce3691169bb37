package dev.schedex.renderers.internal.fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * WOFF2's transformed {@code glyf} table turned back into {@code glyf} and {@code loca}: the glyph
 * outlines come split into streams (contour counts, point counts, flags, packed coordinate
 * triplets, composite records, bounding boxes, instructions) and are reassembled glyph by glyph.
 */
record Woff2Glyphs(byte[] glyf, byte[] loca, short[] xMins) {

    private static final int ARG_1_AND_2_ARE_WORDS = 0x0001;
    private static final int WE_HAVE_A_SCALE = 0x0008;
    private static final int MORE_COMPONENTS = 0x0020;
    private static final int WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
    private static final int WE_HAVE_A_TWO_BY_TWO = 0x0080;
    private static final int WE_HAVE_INSTRUCTIONS = 0x0100;
    private static final int OVERLAP_SIMPLE = 0x40;

    static Woff2Glyphs decode(ByteBuffer in) throws IOException {
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
                glyph = simpleGlyph(contourCount, points, flags, glyphs, instructions, hasBox ? boxes : null, overlap);
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
            if (glyf.size() > WebFonts.MAX_BYTES) {
                throw new IOException("WOFF2 glyphs add up to more than " + (WebFonts.MAX_BYTES >> 20) + " MiB");
            }
        }
        offsets[numGlyphs] = glyf.size();
        return new Woff2Glyphs(glyf.toByteArray(), loca(offsets, indexFormat), xMins);
    }

    private static ByteBuffer stream(ByteBuffer in, int size) throws IOException {
        ByteBuffer stream = in.slice(in.position(), Sfnt.checkedLength(size, "glyph stream size"));
        in.position(in.position() + size);
        return stream;
    }

    private static ByteBuffer simpleGlyph(
            int contourCount,
            ByteBuffer pointCounts,
            ByteBuffer flagStream,
            ByteBuffer glyphStream,
            ByteBuffer instructions,
            @Nullable ByteBuffer box,
            boolean overlap)
            throws IOException {
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
            int flag = (onCurve[p] ? 1 : 0)
                    | axisFlag(dx, 0x02, 0x10)
                    | axisFlag(dy, 0x04, 0x20)
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

    private static ByteBuffer compositeGlyph(
            ByteBuffer composites, ByteBuffer glyphStream, ByteBuffer instructions, ByteBuffer boxes)
            throws IOException {
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

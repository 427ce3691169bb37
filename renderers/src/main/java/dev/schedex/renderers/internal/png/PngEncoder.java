package dev.schedex.renderers.internal.png;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes an image as an 8-bit PNG: RGB when every pixel is opaque, RGBA otherwise, with the
 * resolution in a {@code pHYs} chunk and nothing else. It exists instead of the JDK's PNG writer
 * because that writer always tries all five row filters and lets only the deflate level be chosen;
 * here both are chosen, and an opaque image loses the alpha channel it does not need (a quarter of
 * the bytes to filter and deflate). The defaults are what measured best on drawings (see
 * docs/benchmarks.md, "PNG encoding").
 */
public final class PngEncoder {

    /** How each row is predicted from the row above and the pixel to its left, before deflate. */
    public enum Filter {
        /** Each row as it is. */
        NONE,
        /** Each byte less the same byte of the pixel to its left. */
        SUB,
        /** Each byte less the same byte of the pixel above. */
        UP,
        /** Each byte less the average of the left and upper ones. */
        AVERAGE,
        /** Each byte less the nearest of left, upper and upper-left (Paeth's predictor). */
        PAETH,
        /**
         * Per row, the filter whose output has the smallest sum of absolute values, as the PNG
         * specification suggests and the JDK and batik-codec do.
         */
        ADAPTIVE
    }

    /**
     * The deflate level schedex writes with, chosen by measurement: on the benchmark's flowcharts,
     * level 6 with no filter is 0.83-0.87x the size of batik-codec's level-9 file at a fraction of
     * the JDK writer's time; 7 to 9 gain a few percent for up to four times the time.
     */
    public static final int DEFAULT_LEVEL = 6;

    /**
     * The row filter schedex writes with, chosen by measurement: drawings are flat colours with
     * sharp edges, which deflate finds as repeats in the rows as they are; every predictor turns
     * those repeats into noise at the edges. Every single filter and the smallest-sum choice
     * ({@link Filter#ADAPTIVE}) gave 10-50% larger files at level 6, and the choice does five
     * filters' work per row.
     */
    public static final Filter DEFAULT_FILTER = Filter.NONE;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngEncoder() {}

    /**
     * @param image the image, of any type (integer ARGB or RGB images are read directly)
     * @param dpi   pixels per inch, written as pixels per metre
     * @return the PNG file, with the default level and filter
     */
    public static byte[] encode(BufferedImage image, int dpi) {
        return encode(image, dpi, DEFAULT_LEVEL, DEFAULT_FILTER);
    }

    /**
     * @param image  the image, of any type (integer ARGB or RGB images are read directly)
     * @param dpi    pixels per inch, written as pixels per metre
     * @param level  the deflate level, 0 (stored) to 9 (smallest)
     * @param filter the row filter
     * @return the PNG file
     */
    public static byte[] encode(BufferedImage image, int dpi, int level, Filter filter) {
        Objects.requireNonNull(filter, "filter");
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("deflate level " + level + " is not 0 to 9");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        Pixels pixels = new Pixels(image);
        boolean alpha = !pixels.opaque();
        int channels = alpha ? 4 : 3;
        int rowBytes = width * channels;

        ByteArrayOutputStream file = new ByteArrayOutputStream(width * height / 2 + 1024);
        file.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bits per channel
        header[9] = (byte) (alpha ? 6 : 2); // RGBA or RGB
        chunk(file, "IHDR", header, header.length);
        int pixelsPerMetre = (int) Math.round(dpi / 0.0254);
        byte[] physical = new byte[9];
        putInt(physical, 0, pixelsPerMetre);
        putInt(physical, 4, pixelsPerMetre);
        physical[8] = 1; // the unit is the metre
        chunk(file, "pHYs", physical, physical.length);

        Deflater deflater = new Deflater(level);
        try {
            Idat idat = new Idat(file);
            byte[] previous = new byte[rowBytes];
            byte[] current = new byte[rowBytes];
            byte[][] candidates = new byte[5][1 + rowBytes];
            for (int y = 0; y < height; y++) {
                pixels.row(y, current, alpha);
                byte[] filtered = filter(filter, current, previous, channels, candidates);
                deflater.setInput(filtered);
                idat.drain(deflater);
                byte[] swap = previous;
                previous = current;
                current = swap;
            }
            deflater.finish();
            idat.drain(deflater);
            idat.flush();
        } finally {
            deflater.end();
        }
        chunk(file, "IEND", new byte[0], 0);
        return file.toByteArray();
    }

    private static byte[] filter(Filter filter, byte[] row, byte[] above, int bpp, byte[][] candidates) {
        switch (filter) {
            case ADAPTIVE:
                int best = 0;
                long bestSum = Long.MAX_VALUE;
                for (int type = 0; type < 5; type++) {
                    long sum = apply(type, row, above, bpp, candidates[type]);
                    if (sum < bestSum) {
                        bestSum = sum;
                        best = type;
                    }
                }
                return candidates[best];
            default:
                int type = filter.ordinal();
                apply(type, row, above, bpp, candidates[type]);
                return candidates[type];
        }
    }

    /** Filters one row with PNG filter {@code type} into {@code out}; returns the sum of |bytes|. */
    private static long apply(int type, byte[] row, byte[] above, int bpp, byte[] out) {
        out[0] = (byte) type;
        long sum = 0;
        int n = row.length;
        for (int i = 0; i < n; i++) {
            int x = row[i] & 0xff;
            int a = i >= bpp ? row[i - bpp] & 0xff : 0;
            int b = above[i] & 0xff;
            int predicted;
            switch (type) {
                case 0:
                    predicted = 0;
                    break;
                case 1:
                    predicted = a;
                    break;
                case 2:
                    predicted = b;
                    break;
                case 3:
                    predicted = (a + b) >>> 1;
                    break;
                default:
                    int c = i >= bpp ? above[i - bpp] & 0xff : 0;
                    int p = a + b - c;
                    int pa = Math.abs(p - a);
                    int pb = Math.abs(p - b);
                    int pc = Math.abs(p - c);
                    predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                    break;
            }
            byte value = (byte) (x - predicted);
            out[i + 1] = value;
            sum += Math.abs(value);
        }
        return sum;
    }

    private static void chunk(ByteArrayOutputStream file, String type, byte[] data, int length) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        byte[] size = new byte[4];
        putInt(size, 0, length);
        file.writeBytes(size);
        file.writeBytes(name);
        file.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, 0, length);
        byte[] check = new byte[4];
        putInt(check, 0, (int) crc.getValue());
        file.writeBytes(check);
    }

    private static void putInt(byte[] into, int at, int value) {
        into[at] = (byte) (value >>> 24);
        into[at + 1] = (byte) (value >>> 16);
        into[at + 2] = (byte) (value >>> 8);
        into[at + 3] = (byte) value;
    }

    /** Deflated bytes gathered into IDAT chunks of up to 64 KiB. */
    private static final class Idat {
        private final ByteArrayOutputStream file;
        private final byte[] buffer = new byte[64 * 1024];
        private int used;

        Idat(ByteArrayOutputStream file) {
            this.file = file;
        }

        void drain(Deflater deflater) {
            while (true) {
                int n = deflater.deflate(buffer, used, buffer.length - used);
                used += n;
                if (used == buffer.length) {
                    flush();
                } else if (n == 0 && (deflater.needsInput() || deflater.finished())) {
                    return;
                }
            }
        }

        void flush() {
            if (used > 0) {
                chunk(file, "IDAT", buffer, used);
                used = 0;
            }
        }
    }

    /** The image's pixels as non-premultiplied ARGB, read straight from the buffer when it is one. */
    private static final class Pixels {
        private final BufferedImage image;
        private final int width;
        private final int @org.jspecify.annotations.Nullable [] data;
        private final int offset;
        private final int stride;
        private final int[] line;

        Pixels(BufferedImage image) {
            this.image = image;
            this.width = image.getWidth();
            this.line = new int[width];
            int type = image.getType();
            if ((type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_INT_RGB)
                    && image.getRaster().getDataBuffer() instanceof DataBufferInt
                    && image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel
                    && image.getRaster().getParent() == null) {
                SinglePixelPackedSampleModel model =
                        (SinglePixelPackedSampleModel) image.getRaster().getSampleModel();
                DataBufferInt buffer = (DataBufferInt) image.getRaster().getDataBuffer();
                this.data = buffer.getData();
                this.offset = buffer.getOffset();
                this.stride = model.getScanlineStride();
            } else {
                this.data = null;
                this.offset = 0;
                this.stride = 0;
            }
        }

        private int[] argb(int y) {
            int[] pixels = data;
            if (pixels != null) {
                if (image.getType() == BufferedImage.TYPE_INT_RGB) {
                    for (int x = 0; x < width; x++) {
                        line[x] = 0xff000000 | pixels[offset + y * stride + x];
                    }
                } else {
                    System.arraycopy(pixels, offset + y * stride, line, 0, width);
                }
                return line;
            }
            return image.getRGB(0, y, width, 1, line, 0, width);
        }

        boolean opaque() {
            if (!image.getColorModel().hasAlpha()) {
                return true;
            }
            for (int y = 0; y < image.getHeight(); y++) {
                for (int value : argb(y)) {
                    if (value >>> 24 != 0xff) {
                        return false;
                    }
                }
            }
            return true;
        }

        void row(int y, byte[] into, boolean alpha) {
            int[] values = argb(y);
            int i = 0;
            for (int x = 0; x < width; x++) {
                int value = values[x];
                into[i++] = (byte) (value >>> 16);
                into[i++] = (byte) (value >>> 8);
                into[i++] = (byte) value;
                if (alpha) {
                    into[i++] = (byte) (value >>> 24);
                }
            }
        }
    }
}

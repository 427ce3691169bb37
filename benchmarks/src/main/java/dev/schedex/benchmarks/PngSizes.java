package dev.schedex.benchmarks;

import dev.schedex.renderers.SampleDocuments;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The size table beside {@link PngEncodeBenchmark}'s times: every encoder on schedex's raster of the
 * 50- and 500-shape flowchart, with a rough median time (of 9, after 3 warm-up runs; JMH's figures
 * are the ones to quote) and the size against batik-codec's level-9 file. Also checks that both
 * rasters have the same pixels' size and how many pixels differ.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.schedex.benchmarks.PngSizes [encoder ...]</pre>
 *
 * Without arguments it tries the peers and every level 1 to 9 with every filter of schedex's encoder.
 */
public final class PngSizes {

    private PngSizes() {}

    /**
     * @param args encoders to try (see {@link PngEncoders#encode}), or none for all
     */
    public static void main(String[] args) {
        List<String> encoders = new ArrayList<>(List.of("batik", "jdk", "jdk-1", "jdk-6", "jdk-9", "schedex"));
        if (args.length > 0) {
            encoders = List.of(args);
        } else {
            for (String filter : List.of("none", "sub", "up", "average", "paeth", "adaptive")) {
                for (int level = 1; level <= 9; level++) {
                    encoders.add("schedex-" + level + "-" + filter);
                }
            }
        }
        for (int nodes : new int[] {50, 500}) {
            String svg = SampleDocuments.document(nodes).drawing().orElseThrow();
            BufferedImage image = PngEncoders.schedexRaster(svg);
            BufferedImage batik = PngEncoders.batikRaster(svg);
            System.out.printf(
                    Locale.ROOT,
                    "%d shapes: schedex raster %dx%d, Batik raster %dx%d, %d of %d pixels differ%n",
                    nodes,
                    image.getWidth(),
                    image.getHeight(),
                    batik.getWidth(),
                    batik.getHeight(),
                    differing(image, batik),
                    (long) image.getWidth() * image.getHeight());
            long reference = PngEncoders.encode("batik", image).length;
            System.out.printf(Locale.ROOT, "%-22s %10s %8s %10s%n", "encoder", "bytes", "÷ batik", "median ms");
            for (String encoder : encoders) {
                long[] times = new long[9];
                int size = 0;
                for (int i = 0; i < 3; i++) {
                    PngEncoders.encode(encoder, image);
                }
                for (int i = 0; i < times.length; i++) {
                    long start = System.nanoTime();
                    size = PngEncoders.encode(encoder, image).length;
                    times[i] = System.nanoTime() - start;
                }
                Arrays.sort(times);
                System.out.printf(
                        Locale.ROOT,
                        "%-22s %,10d %8.3f %10.1f%n",
                        encoder,
                        size,
                        size / (double) reference,
                        times[times.length / 2] / 1e6);
            }
        }
    }

    private static long differing(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return -1;
        }
        long n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }
}

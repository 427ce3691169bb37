package dev.schedex.benchmarks;

import dev.schedex.FormatSettings;
import dev.schedex.renderers.PngFormat;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.jspecify.annotations.Nullable;

/**
 * How faithfully the {@code png} format draws real drawings, against what a browser shows.
 *
 * <p>For each SVG in the corpus: the {@code png} format renders it at its own size; headless
 * Chromium shows the same file as an image ({@code <img>}, which loads nothing from outside the
 * file and runs nothing) at the same pixel size and takes a screenshot after ten seconds of virtual time
 * (so that CSS animations have finished, as for a reader); bare Batik 1.19
 * ({@link PNGTranscoder}, default settings, white background) renders it too. Then, for ours and
 * for bare Batik against the browser:
 * <ul>
 *   <li>recall: the share of the browser's ink that the render also has within 2 px (missing labels
 *       and shapes lower it);</li>
 *   <li>precision: the share of the render's ink that the browser also has within 2 px;</li>
 *   <li>F1 of the two, and the mean colour difference over pixels inked in both (0 to 100%).</li>
 * </ul>
 * "Ink" is a pixel more than 40 levels away from white in some channel. A render that fails scores
 * 0. The table goes to standard output; side-by-side images (browser | schedex | bare Batik) to the
 * output folder.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.schedex.benchmarks.CorpusFidelity ../shared/corpus/svg benchmarks/target/fidelity
 * </pre>
 *
 * Needs Chromium ({@code /usr/bin/chromium}, Debian package {@code chromium}; another with
 * {@code -Dchromium=/path}).
 */
public final class CorpusFidelity {

    private static final int INK = 40;
    private static final int NEAR = 2;
    private static final ExportContext CONTEXT =
            new ExportContext(UUID.randomUUID(), "fidelity", "bench", Instant.EPOCH, ZoneOffset.UTC);

    private CorpusFidelity() {}

    /** Ours and bare Batik against the browser, for one file. */
    record Score(String file, int width, int height, Match ours, Match bare, String note) {}

    /** One render against the browser. */
    record Match(double recall, double precision, double colour) {
        static final Match FAILED = new Match(0, 0, 1);

        double f1() {
            return recall + precision == 0 ? 0 : 2 * recall * precision / (recall + precision);
        }
    }

    /**
     * @param args the corpus folder and the output folder
     * @throws Exception if a file cannot be read or Chromium cannot be started
     */
    public static void main(String[] args) throws Exception {
        Path corpus =
                Path.of(args.length > 0 ? args[0] : "../shared/corpus/svg").toAbsolutePath();
        Path out = Path.of(args.length > 1 ? args[1] : "benchmarks/target/fidelity")
                .toAbsolutePath();
        Files.createDirectories(out);
        List<Path> files;
        try (Stream<Path> list = Files.list(corpus)) {
            files = list.filter(p -> p.toString().endsWith(".svg")).sorted().toList();
        }
        List<Score> scores = new ArrayList<>();
        System.out.printf(
                "%-46s %11s  %6s %6s %6s %6s  %7s  %s%n",
                "file", "size", "F1", "recall", "prec.", "colour", "bare F1", "");
        for (Path file : files) {
            Score score = score(file, out);
            scores.add(score);
            System.out.printf(
                    Locale.ROOT,
                    "%-46s %5dx%-5d  %6.3f %6.3f %6.3f %5.1f%%  %7.3f  %s%n",
                    score.file(),
                    score.width(),
                    score.height(),
                    score.ours().f1(),
                    score.ours().recall(),
                    score.ours().precision(),
                    100 * score.ours().colour(),
                    score.bare().f1(),
                    score.note());
        }
        double mean = scores.stream().mapToDouble(s -> s.ours().f1()).average().orElse(0);
        double bareMean =
                scores.stream().mapToDouble(s -> s.bare().f1()).average().orElse(0);
        Score worst = scores.stream()
                .min((a, b) -> Double.compare(a.ours().f1(), b.ours().f1()))
                .orElseThrow();
        long below = scores.stream().filter(s -> s.ours().f1() < 0.75).count();
        long worse = scores.stream()
                .filter(s -> s.ours().f1() + 0.005 < s.bare().f1())
                .count();
        System.out.printf(
                Locale.ROOT,
                "%nmean F1 %.3f (bare Batik %.3f); lowest %.3f (%s); %d below 0.75; %d worse than bare Batik%n",
                mean,
                bareMean,
                worst.ours().f1(),
                worst.file(),
                below,
                worse);
    }

    private static Score score(Path file, Path out) throws Exception {
        String name = file.getFileName().toString();
        String svg = Files.readString(file);
        BufferedImage ours;
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            new PngFormat()
                    .render(
                            ExportDocument.of(name, name, "v1", Instant.EPOCH).withDrawing(svg),
                            FormatSettings.empty(),
                            CONTEXT,
                            png);
            ours = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        } catch (Exception | Error e) {
            return new Score(name, 0, 0, Match.FAILED, Match.FAILED, "schedex failed: " + e.getMessage());
        }
        int width = ours.getWidth();
        int height = ours.getHeight();
        BufferedImage browser = screenshot(file, width, height, out);
        String note = "";
        @Nullable BufferedImage bare = null;
        try {
            bare = resized(bareBatik(svg), width, height);
        } catch (Exception | Error e) {
            note = "bare Batik failed: " + String.valueOf(e.getMessage()).replace('\n', ' ');
            note = note.substring(0, Math.min(note.length(), 90));
        }
        Match bareMatch = bare == null ? Match.FAILED : compare(browser, bare);
        sideBySide(out.resolve(name + ".png"), browser, ours, bare);
        return new Score(name, width, height, compare(browser, ours), bareMatch, note);
    }

    private static BufferedImage bareBatik(String svg) throws Exception {
        PNGTranscoder transcoder = new PNGTranscoder();
        transcoder.addTranscodingHint(ImageTranscoder.KEY_BACKGROUND_COLOR, Color.WHITE);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        transcoder.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(png));
        return ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
    }

    /** The file as a browser shows it in an image of the given size, on white. */
    private static BufferedImage screenshot(Path file, int width, int height, Path out) throws Exception {
        Path page = out.resolve(file.getFileName() + ".html");
        Files.writeString(
                page,
                "<!DOCTYPE html><html><head><style>html,body{margin:0;background:#fff;overflow:hidden}"
                        + "img{display:block}</style></head><body><img src=\"" + file.toUri() + "\" width=\"" + width
                        + "\" height=\"" + height + "\"></body></html>",
                StandardCharsets.UTF_8);
        Path shot = out.resolve(file.getFileName() + ".browser.png");
        Files.deleteIfExists(shot);
        Path profile = Files.createTempDirectory("schedex-chromium");
        Process chromium = new ProcessBuilder(
                        System.getProperty("chromium", "/usr/bin/chromium"),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--hide-scrollbars",
                        "--force-device-scale-factor=1",
                        // let CSS animations (D2's, Mermaid's) run to their end, as a reader sees the drawing
                        "--virtual-time-budget=10000",
                        "--user-data-dir=" + profile,
                        "--window-size=" + width + "," + height,
                        "--screenshot=" + shot,
                        page.toUri().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!chromium.waitFor(120, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new IOException("Chromium did not finish a screenshot of " + file.getFileName());
        }
        BufferedImage image = ImageIO.read(shot.toFile());
        if (image == null) {
            throw new IOException("Chromium wrote no screenshot of " + file.getFileName());
        }
        return resized(image, width, height);
    }

    private static BufferedImage resized(BufferedImage image, int width, int height) {
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = result.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        if (image.getWidth() == width && image.getHeight() == height) {
            g.drawImage(image, 0, 0, null);
        } else {
            g.drawImage(image, 0, 0, width, height, null);
        }
        g.dispose();
        return result;
    }

    static Match compare(BufferedImage browser, BufferedImage render) {
        int w = browser.getWidth();
        int h = browser.getHeight();
        int[] a = browser.getRGB(0, 0, w, h, null, 0, w);
        int[] b = render.getRGB(0, 0, w, h, null, 0, w);
        int[] inkA = integral(a, w, h);
        int[] inkB = integral(b, w, h);
        long totalA = 0;
        long totalB = 0;
        long foundA = 0;
        long foundB = 0;
        double colour = 0;
        long both = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                boolean ia = inked(a[i]);
                boolean ib = inked(b[i]);
                if (ia) {
                    totalA++;
                    foundA += near(inkB, w, h, x, y) ? 1 : 0;
                }
                if (ib) {
                    totalB++;
                    foundB += near(inkA, w, h, x, y) ? 1 : 0;
                }
                if (ia && ib) {
                    both++;
                    int dr = (a[i] >> 16 & 0xff) - (b[i] >> 16 & 0xff);
                    int dg = (a[i] >> 8 & 0xff) - (b[i] >> 8 & 0xff);
                    int db = (a[i] & 0xff) - (b[i] & 0xff);
                    colour += Math.sqrt(dr * dr + dg * dg + db * db) / 441.67;
                }
            }
        }
        double recall = totalA == 0 ? (totalB == 0 ? 1 : 0) : (double) foundA / totalA;
        double precision = totalB == 0 ? (totalA == 0 ? 1 : 0) : (double) foundB / totalB;
        return new Match(recall, precision, both == 0 ? 0 : colour / both);
    }

    private static boolean inked(int rgb) {
        return 255 - (rgb >> 16 & 0xff) > INK || 255 - (rgb >> 8 & 0xff) > INK || 255 - (rgb & 0xff) > INK;
    }

    /** @return a summed-area table of inked pixels, (w + 1) by (h + 1) */
    private static int[] integral(int[] rgb, int w, int h) {
        int[] sums = new int[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            int row = 0;
            for (int x = 0; x < w; x++) {
                row += inked(rgb[y * w + x]) ? 1 : 0;
                sums[(y + 1) * (w + 1) + x + 1] = sums[y * (w + 1) + x + 1] + row;
            }
        }
        return sums;
    }

    private static boolean near(int[] sums, int w, int h, int x, int y) {
        int x0 = Math.max(0, x - NEAR);
        int y0 = Math.max(0, y - NEAR);
        int x1 = Math.min(w, x + NEAR + 1);
        int y1 = Math.min(h, y + NEAR + 1);
        int stride = w + 1;
        return sums[y1 * stride + x1] - sums[y0 * stride + x1] - sums[y1 * stride + x0] + sums[y0 * stride + x0] > 0;
    }

    private static void sideBySide(Path file, BufferedImage browser, BufferedImage ours, @Nullable BufferedImage bare)
            throws IOException {
        double scale = Math.min(1, 700.0 / Math.max(browser.getWidth(), browser.getHeight()));
        int w = Math.max(1, (int) (browser.getWidth() * scale));
        int h = Math.max(1, (int) (browser.getHeight() * scale));
        BufferedImage joined = new BufferedImage(3 * w + 20, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = joined.createGraphics();
        g.setColor(new Color(0xdddddd));
        g.fillRect(0, 0, joined.getWidth(), h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(browser, 0, 0, w, h, null);
        g.drawImage(ours, w + 10, 0, w, h, null);
        if (bare != null) {
            g.drawImage(bare, 2 * w + 20, 0, w, h, null);
        }
        g.dispose();
        ImageIO.write(joined, "png", file.toFile());
    }
}

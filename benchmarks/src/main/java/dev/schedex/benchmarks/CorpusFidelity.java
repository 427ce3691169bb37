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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.jspecify.annotations.Nullable;

/**
 * How faithfully the {@code png} format draws real drawings, against what a browser shows.
 *
 * <p>For each SVG in each corpus folder: the {@code png} format renders it at its own size, or, when
 * its longer side is over 2,000 pixels, scaled down uniformly to 2,000 on that side (as an image viewer
 * fits a big drawing to the screen); headless Chromium shows the same file as an image ({@code <img>},
 * which loads nothing from outside the file and runs nothing) at that same pixel size and takes a
 * screenshot after ten seconds of virtual time (so that CSS animations have finished, as for a
 * reader); bare Batik 1.19 ({@link PNGTranscoder}, default settings, white background, the same
 * 2,000-pixel cap) renders it too. Then, for ours and for bare Batik against the browser:
 * <ul>
 *   <li>recall: the share of the browser's ink that the render also has within 2 px (missing labels
 *       and shapes lower it);</li>
 *   <li>precision: the share of the render's ink that the browser also has within 2 px;</li>
 *   <li>F1 of the two, and the mean colour difference over pixels inked in both (0 to 100%);</li>
 *   <li>object recall: the share of the browser's objects that the render has. An object is an
 *       8-connected blob of the browser's ink of at least {@value #MIN_OBJECT} pixels (a glyph, an
 *       arrow head, a box outline); it is found when at least half of its pixels have ink in the render
 *       within 2 px. Pixel recall lets a large filled shape outweigh every label beside it; object
 *       recall counts a lost word's letters as much as the box around them. Ink that touches (a filled
 *       background behind everything) makes one object, so a full-bleed fill hides what lies on it.</li>
 * </ul>
 * "Ink" is a pixel more than 40 levels away from white in some channel. A render that fails scores
 * 0. Per folder, a Markdown table goes to standard output with mean, median and minimum of F1 and
 * object recall for ours and bare Batik, the files below 0.85 and the files where ours is worse than
 * bare Batik; side-by-side images (browser | schedex | bare Batik) go to the output folder.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.schedex.benchmarks.CorpusFidelity \
 *     --out benchmarks/target/fidelity ../shared/corpus/svg [more folders]
 * </pre>
 *
 * Needs Chromium ({@code /usr/bin/chromium}, Debian package {@code chromium}; another with
 * {@code -Dchromium=/path}).
 */
public final class CorpusFidelity {

    private static final int INK = 40;
    private static final int NEAR = 2;
    /** The longest side a viewer shows a drawing at; bigger drawings are scaled down to it. */
    private static final int MAX_SIDE = 2000;
    /**
     * Blobs smaller than this are anti-aliasing fringes and specks left where a hairline crosses the
     * ink threshold, not objects a reader sees; counting them would make object recall a measure of
     * anti-aliasing.
     */
    private static final int MIN_OBJECT = 6;

    private static final double LOW = 0.85;
    private static final double TIE = 0.005;
    /** The smallest window Chromium shoots a drawing in; the screenshot is cropped to the drawing. */
    private static final int MIN_WINDOW_WIDTH = 800;

    private static final int MIN_WINDOW_HEIGHT = 600;

    private static final ExportContext CONTEXT =
            new ExportContext(UUID.randomUUID(), "fidelity", "bench", Instant.EPOCH, ZoneOffset.UTC);

    private CorpusFidelity() {}

    /** Ours and bare Batik against the browser, for one file. */
    record Score(String file, int width, int height, Match ours, Match bare, String note) {}

    /** One render against the browser. */
    record Match(double recall, double precision, double colour, double objectRecall) {
        static final Match FAILED = new Match(0, 0, 1, 0);

        double f1() {
            return recall + precision == 0 ? 0 : 2 * recall * precision / (recall + precision);
        }
    }

    /**
     * @param args {@code --out FOLDER} (default {@code benchmarks/target/fidelity}) and the corpus
     *     folders (default {@code ../shared/corpus/svg})
     * @throws Exception if a file cannot be read or Chromium cannot be started
     */
    public static void main(String[] args) throws Exception {
        Path out = Path.of("benchmarks/target/fidelity");
        List<Path> corpora = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else {
                corpora.add(Path.of(args[i]).toAbsolutePath());
            }
        }
        if (corpora.isEmpty()) {
            corpora.add(Path.of("../shared/corpus/svg").toAbsolutePath());
        }
        for (Path corpus : corpora) {
            // one image folder per corpus, named after its path: two corpora may both end in svg/
            Path images = out.toAbsolutePath()
                    .resolve(corpus.toString().replaceAll("[^A-Za-z0-9]+", "-").substring(1));
            Files.createDirectories(images);
            report(corpus, images);
        }
    }

    private static void report(Path corpus, Path images) throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(corpus)) {
            files = list.filter(p -> p.toString().endsWith(".svg")).sorted().toList();
        }
        System.out.printf("%n## %s%n%nSide-by-side images (browser | schedex | bare Batik): %s%n%n", corpus, images);
        System.out.println("| file | size | F1 | recall | prec. | colour | obj. recall | bare F1 | bare obj. | note |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        List<Score> scores = new ArrayList<>();
        for (Path file : files) {
            Score score = score(file, images);
            scores.add(score);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %dx%d | %.3f | %.3f | %.3f | %.1f%% | %.3f | %.3f | %.3f | %s |%n",
                    score.file(),
                    score.width(),
                    score.height(),
                    score.ours().f1(),
                    score.ours().recall(),
                    score.ours().precision(),
                    100 * score.ours().colour(),
                    score.ours().objectRecall(),
                    score.bare().f1(),
                    score.bare().objectRecall(),
                    score.note());
        }
        summary(scores);
    }

    private static void summary(List<Score> scores) {
        System.out.printf("%n| %d files | mean | median | min |%n|---|---|---|---|%n", scores.size());
        statistic(scores, "F1, schedex", s -> s.ours().f1());
        statistic(scores, "F1, bare Batik", s -> s.bare().f1());
        statistic(scores, "object recall, schedex", s -> s.ours().objectRecall());
        statistic(scores, "object recall, bare Batik", s -> s.bare().objectRecall());
        System.out.printf("%nBelow %.2f (schedex F1 or object recall):%n", LOW);
        scores.stream()
                .filter(s -> s.ours().f1() < LOW || s.ours().objectRecall() < LOW)
                .forEach(s -> System.out.printf(
                        Locale.ROOT,
                        "- %s: F1 %.3f, object recall %.3f%n",
                        s.file(),
                        s.ours().f1(),
                        s.ours().objectRecall()));
        System.out.println("\nWorse than bare Batik (F1 or object recall lower by more than 0.005):");
        scores.stream()
                .filter(s -> s.ours().f1() + TIE < s.bare().f1()
                        || s.ours().objectRecall() + TIE < s.bare().objectRecall())
                .forEach(s -> System.out.printf(
                        Locale.ROOT,
                        "- %s: F1 %.3f vs %.3f, object recall %.3f vs %.3f%n",
                        s.file(),
                        s.ours().f1(),
                        s.bare().f1(),
                        s.ours().objectRecall(),
                        s.bare().objectRecall()));
    }

    private static void statistic(List<Score> scores, String name, ToDoubleFunction<Score> value) {
        double[] values = scores.stream().mapToDouble(value).sorted().toArray();
        if (values.length == 0) {
            return;
        }
        int middle = values.length / 2;
        double median = values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        System.out.printf(
                Locale.ROOT,
                "| %s | %.3f | %.3f | %.3f |%n",
                name,
                Arrays.stream(values).average().orElse(0),
                median,
                values[0]);
    }

    private static Score score(Path file, Path out) throws Exception {
        String name = file.getFileName().toString();
        String svg = Files.readString(file);
        BufferedImage ours;
        try {
            ours = ours(name, svg, FormatSettings.empty());
            if (Math.max(ours.getWidth(), ours.getHeight()) > MAX_SIDE) {
                String side = ours.getWidth() >= ours.getHeight() ? "width" : "height";
                ours = ours(name, svg, FormatSettings.of(Map.of(side, MAX_SIDE)));
            }
        } catch (Exception | Error e) {
            return new Score(name, 0, 0, Match.FAILED, Match.FAILED, "schedex failed: " + oneLine(e));
        }
        int width = ours.getWidth();
        int height = ours.getHeight();
        BufferedImage browser = screenshot(file, width, height, out);
        String note = "";
        @Nullable BufferedImage bare = null;
        try {
            bare = resized(bareBatik(svg), width, height);
        } catch (Exception | Error e) {
            note = "bare Batik failed: " + oneLine(e);
        }
        Match bareMatch = bare == null ? Match.FAILED : compare(browser, bare);
        sideBySide(out.resolve(name + ".png"), browser, ours, bare);
        return new Score(name, width, height, compare(browser, ours), bareMatch, note);
    }

    private static String oneLine(Throwable e) {
        String message = String.valueOf(e.getMessage()).replace('\n', ' ').replace('|', '/');
        return message.substring(0, Math.min(message.length(), 90));
    }

    private static BufferedImage ours(String name, String svg, FormatSettings settings) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        new PngFormat()
                .render(ExportDocument.of(name, name, "v1", Instant.EPOCH).withDrawing(svg), settings, CONTEXT, png);
        return ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
    }

    private static BufferedImage bareBatik(String svg) throws Exception {
        PNGTranscoder transcoder = new PNGTranscoder();
        transcoder.addTranscodingHint(ImageTranscoder.KEY_BACKGROUND_COLOR, Color.WHITE);
        transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_MAX_WIDTH, (float) MAX_SIDE);
        transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_MAX_HEIGHT, (float) MAX_SIDE);
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
                        // a window the size of a small drawing is sometimes painted only in part (a
                        // 220 by 136 tldraw sketch came out as a few strokes): shoot a larger one, crop
                        "--window-size=" + Math.max(width, MIN_WINDOW_WIDTH) + ","
                                + Math.max(height, MIN_WINDOW_HEIGHT),
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
        return resized(
                image.getSubimage(0, 0, Math.min(width, image.getWidth()), Math.min(height, image.getHeight())),
                width,
                height);
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
        boolean[] found = new boolean[w * h];
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
                    found[i] = near(inkB, w, h, x, y);
                    foundA += found[i] ? 1 : 0;
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
        return new Match(recall, precision, both == 0 ? 0 : colour / both, objectRecall(a, found, w, h));
    }

    /**
     * @param found for each inked pixel of the browser's image, whether the render has ink within 2 px
     * @return the share of the browser's objects (8-connected ink blobs of {@value #MIN_OBJECT} pixels or
     *     more) of which at least half the pixels are found; 1 when there are none
     */
    private static double objectRecall(int[] browser, boolean[] found, int w, int h) {
        boolean[] seen = new boolean[w * h];
        int[] queue = new int[w * h];
        int objects = 0;
        int foundObjects = 0;
        for (int start = 0; start < w * h; start++) {
            if (seen[start] || !inked(browser[start])) {
                continue;
            }
            // breadth-first over the blob; the queue holds each pixel once, so it never overflows
            int head = 0;
            int tail = 0;
            int hits = 0;
            seen[start] = true;
            queue[tail++] = start;
            while (head < tail) {
                int i = queue[head++];
                hits += found[i] ? 1 : 0;
                int x = i % w;
                int y = i / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        int n = ny * w + nx;
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h && !seen[n] && inked(browser[n])) {
                            seen[n] = true;
                            queue[tail++] = n;
                        }
                    }
                }
            }
            if (tail >= MIN_OBJECT) {
                objects++;
                foundObjects += 2 * hits >= tail ? 1 : 0;
            }
        }
        return objects == 0 ? 1 : (double) foundObjects / objects;
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
        double scale = Math.min(1, 900.0 / Math.max(browser.getWidth(), browser.getHeight()));
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

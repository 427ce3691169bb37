package dev.schedex.benchmarks;

import dev.schedex.FormatSettings;
import dev.schedex.renderers.PngFormat;
import dev.schedex.renderers.SampleDocuments;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The key render comparisons with the two sides interleaved operation by operation (A B, B A, A B,
 * ...), so that a change in the machine's load falls on both alike, which JMH, running one benchmark
 * after the other, cannot promise on a shared machine. Prints each side's median and quartiles and
 * the median of the per-round ratios.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.schedex.benchmarks.InterleavedRender [rounds]
 * java -cp benchmarks/target/benchmarks.jar dev.schedex.benchmarks.InterleavedRender formats [rounds]</pre>
 */
public final class InterleavedRender {

    private static final ExportContext CONTEXT = new ExportContext(
            UUID.randomUUID(), "bench", "owner", Instant.parse("2026-11-28T01:00:00Z"), ZoneId.of("Europe/Berlin"));

    private InterleavedRender() {}

    /**
     * @param args the rounds for 50 shapes (default 30; a quarter of them for 500), after {@code formats}
     *     for the other formats
     */
    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("formats")) {
            formats(args.length > 1 ? Integer.parseInt(args[1]) : 30);
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        PngFormat png = new PngFormat();
        for (int nodes : new int[] {50, 500}) {
            ExportDocument document = SampleDocuments.document(nodes);
            String svg = document.drawing().orElseThrow();
            int n = nodes == 50 ? rounds : Math.max(4, rounds / 4);
            compare(
                    nodes + " shapes, rendering: schedexRaster / bareBatikRaster",
                    () -> PngEncoders.schedexRaster(svg),
                    () -> PngEncoders.batikRaster(svg),
                    n);
            compare(
                    nodes + " shapes, PNG: schedexPng / bareBatikJdkPng",
                    () -> {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        try {
                            png.render(document, FormatSettings.empty(), CONTEXT, out);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        return out.toByteArray();
                    },
                    () -> PngEncoders.jdk(PngEncoders.batikRaster(svg), -1),
                    n);
        }
    }

    /**
     * The other formats, on {@link RenderBenchmark}'s inputs: the {@code html} notes page against
     * flexmark alone, interleaved; {@code pdf} and {@code svg}, which wrap no single library call,
     * timed alone (for the scale-out arithmetic in docs/benchmarks.md).
     */
    private static void formats(int rounds) throws IOException {
        for (int nodes : new int[] {50, 500}) {
            RenderBenchmark inputs = new RenderBenchmark();
            inputs.nodes = nodes;
            inputs.setUp();
            int n = nodes == 50 ? rounds : Math.max(4, rounds / 4);
            if (nodes == 50) {
                compare(
                        "html, notes only: schedexHtmlNotes / bareFlexmarkHtml",
                        unchecked(inputs::schedexHtmlNotes),
                        inputs::bareFlexmarkHtml,
                        rounds);
            }
            alone(nodes + " shapes, pdf (A4, drawing and notes)", unchecked(inputs::schedexPdf), n);
            alone(nodes + " shapes, svg (sanitised)", unchecked(inputs::schedexSvg), n);
        }
    }

    /** A render that may throw, as a supplier. */
    private interface Render {
        byte[] get() throws IOException;
    }

    private static Supplier<byte[]> unchecked(Render render) {
        return () -> {
            try {
                return render.get();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static void alone(String what, Supplier<?> work, int rounds) {
        warmUp(work, work);
        double[] t = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            t[i] = time(work);
        }
        System.out.printf(Locale.ROOT, "%s, %d rounds: %s ms%n", what, rounds, quartiles(t));
    }

    private static void compare(String what, Supplier<?> a, Supplier<?> b, int rounds) {
        warmUp(a, b);
        double[] ta = new double[rounds];
        double[] tb = new double[rounds];
        double[] ratio = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            if (i % 2 == 0) {
                ta[i] = time(a);
                tb[i] = time(b);
            } else {
                tb[i] = time(b);
                ta[i] = time(a);
            }
            ratio[i] = ta[i] / tb[i];
        }
        System.out.printf(
                Locale.ROOT,
                "%s, %d rounds: %s ms vs %s ms; ratio of medians %.2f, median of per-round ratios %.2f (quartiles %.2f-%.2f)%n",
                what,
                rounds,
                quartiles(ta),
                quartiles(tb),
                median(ta) / median(tb),
                median(ratio),
                quantile(ratio, 0.25),
                quantile(ratio, 0.75));
    }

    /** Both sides, alternately, at least 5 times and for at least 3 seconds, so that the JIT has compiled them. */
    private static void warmUp(Supplier<?> a, Supplier<?> b) {
        long until = System.nanoTime() + 3_000_000_000L;
        for (int i = 0; i < 5 || System.nanoTime() < until; i++) {
            time(a);
            time(b);
        }
    }

    private static double time(Supplier<?> work) {
        long start = System.nanoTime();
        Object result = work.get();
        long end = System.nanoTime();
        if (result.hashCode() == 42) {
            System.out.print(""); // keeps the result alive
        }
        return (end - start) / 1e6;
    }

    private static String quartiles(double[] values) {
        return String.format(
                Locale.ROOT, "%.1f [%.1f-%.1f]", median(values), quantile(values, 0.25), quantile(values, 0.75));
    }

    private static double median(double[] values) {
        return quantile(values, 0.5);
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }
}

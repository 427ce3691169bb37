package dev.schedex.benchmarks;

import dev.schedex.FormatSettings;
import dev.schedex.renderers.PdfFormat;
import dev.schedex.renderers.PngFormat;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportFormat;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * How long label-heavy drawings take to render as PNG and as PDF: each file rendered a few times
 * to warm up, then {@code rounds} times each way, the median and quartiles printed. The HTML labels
 * are the slow part of such drawings (draw.io's 800-label stress file: 800 layouts by the CSS engine).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.schedex.benchmarks.LabelRenderTime rounds file.svg...</pre>
 */
public final class LabelRenderTime {

    private static final ExportContext CONTEXT =
            new ExportContext(UUID.randomUUID(), "labels", "bench", Instant.EPOCH, ZoneOffset.UTC);

    private LabelRenderTime() {}

    /**
     * @param args the rounds, then the drawings
     * @throws Exception if a file cannot be read or a render fails
     */
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        for (int i = 1; i < args.length; i++) {
            Path file = Path.of(args[i]);
            ExportDocument document =
                    ExportDocument.of("d", "d", "v1", Instant.EPOCH).withDrawing(Files.readString(file));
            for (ExportFormat format : new ExportFormat[] {new PngFormat(), new PdfFormat()}) {
                for (int warm = 0; warm < 3; warm++) {
                    render(format, document);
                }
                double[] ms = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    long start = System.nanoTime();
                    render(format, document);
                    ms[r] = (System.nanoTime() - start) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf(
                        Locale.ROOT,
                        "%-44s %-4s median %7.1f ms  (quartiles %.1f-%.1f, %d rounds)%n",
                        file.getFileName(),
                        format.id(),
                        ms[rounds / 2],
                        ms[rounds / 4],
                        ms[3 * rounds / 4],
                        rounds);
            }
        }
    }

    private static void render(ExportFormat format, ExportDocument document) throws Exception {
        format.render(document, FormatSettings.empty(), CONTEXT, new ByteArrayOutputStream());
    }
}

package dev.schedex.benchmarks;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.schedex.FormatSettings;
import dev.schedex.renderers.HtmlFormat;
import dev.schedex.renderers.PdfFormat;
import dev.schedex.renderers.PngFormat;
import dev.schedex.renderers.SampleDocuments;
import dev.schedex.renderers.SvgFormat;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportFormat;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The built-in formats on a flowchart of 50 or 500 shapes with notes, each next to the bare library
 * call it wraps, on the same input in the same run:
 * <ul>
 *   <li>{@code png} against Batik's {@link PNGTranscoder} at the same size on the same white
 *       background (schedex adds sanitising, normalising, a locked-down user agent and a render
 *       thread), and against Batik's raster encoded by the JDK's writer ({@code bareBatikJdkPng});
 *       rendering alone, {@code schedexRaster} against {@code bareBatikRaster} (the same pixels'
 *       size and background, no encoding); the encoders alone are in {@link PngEncodeBenchmark};</li>
 *   <li>{@code html} with the notes only against flexmark's parse and render of the same notes with
 *       the same extensions (schedex adds URL checks, the page and a render thread);</li>
 *   <li>{@code pdf} and {@code svg} have no single library call to compare with; their times are
 *       reported as they are.</li>
 * </ul>
 * Throughput with several threads: run with {@code -t 2} or {@code -t 4} and read the schedex rows
 * ({@code bareBatikPng} must stay single-threaded: that is the font-cache race schedex guards
 * against).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderBenchmark {

    private static final ExportContext CONTEXT = new ExportContext(
            UUID.randomUUID(), "bench", "owner", Instant.parse("2026-11-28T01:00:00Z"), ZoneId.of("Europe/Berlin"));

    @Param({"50", "500"})
    int nodes;

    private ExportDocument document;
    private String svg;
    private final ExportFormat png = new PngFormat();
    private final ExportFormat pdf = new PdfFormat();
    private final ExportFormat svgFormat = new SvgFormat();
    private final ExportFormat html = new HtmlFormat();
    private final FormatSettings notesOnly = FormatSettings.of(Map.of("includeDrawing", false));
    private Parser parser;
    private HtmlRenderer renderer;

    @Setup
    public void setUp() {
        document = SampleDocuments.document(nodes);
        svg = document.drawing().orElseThrow();
        MutableDataSet options = new MutableDataSet();
        options.set(
                Parser.EXTENSIONS,
                List.of(
                        TablesExtension.create(),
                        StrikethroughExtension.create(),
                        TaskListExtension.create(),
                        AutolinkExtension.create()));
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        parser = Parser.builder(options).build();
        renderer = HtmlRenderer.builder(options).build();
    }

    private static byte[] render(ExportFormat format, ExportDocument document, FormatSettings settings)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.render(document, settings, CONTEXT, out);
        return out.toByteArray();
    }

    @Benchmark
    public byte[] schedexPng() throws IOException {
        return render(png, document, FormatSettings.empty());
    }

    @Benchmark
    public byte[] bareBatikPng() throws TranscoderException {
        PNGTranscoder transcoder = new PNGTranscoder();
        transcoder.addTranscodingHint(ImageTranscoder.KEY_BACKGROUND_COLOR, Color.WHITE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transcoder.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(out));
        return out.toByteArray();
    }

    /** Rendering alone: schedex's raster (sanitise, build, paint), no render thread, no encoding. */
    @Benchmark
    public BufferedImage schedexRaster() {
        return PngEncoders.schedexRaster(svg);
    }

    /** Rendering alone: bare Batik's transcoder up to the image, same size and background. */
    @Benchmark
    public BufferedImage bareBatikRaster() {
        return PngEncoders.batikRaster(svg);
    }

    /** Bare Batik's raster, encoded by the JDK's ImageIO writer at its default (deflate level 4). */
    @Benchmark
    public byte[] bareBatikJdkPng() {
        return PngEncoders.jdk(PngEncoders.batikRaster(svg), -1);
    }

    @Benchmark
    public byte[] schedexHtmlNotes() throws IOException {
        return render(html, document, notesOnly);
    }

    @Benchmark
    public String bareFlexmarkHtml() {
        return renderer.render(parser.parse(document.notes().orElseThrow()));
    }

    @Benchmark
    public byte[] schedexPdf() throws IOException {
        return render(pdf, document, FormatSettings.empty());
    }

    @Benchmark
    public byte[] schedexSvg() throws IOException {
        return render(svgFormat, document, FormatSettings.empty());
    }
}

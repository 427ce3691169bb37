package dev.schedex.renderers;

import static dev.schedex.renderers.JsonFormatTest.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.FormatSettings;
import dev.schedex.renderers.internal.batik.TimedRender;
import dev.schedex.renderers.internal.notes.Notes;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportException;
import dev.schedex.spi.ExportFormat;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A render that passes its time limit fails at the limit, in every format, and its thread stops
 * working: the hostile inputs here take from tens of seconds to minutes without a limit. The render
 * thread's CPU time is read (ThreadMXBean) from the moment the render call returns.
 */
class RenderLimitTest {

    private static final Duration LIMIT = Duration.ofSeconds(1);
    private static final RenderLimits LIMITS = RenderLimits.DEFAULT.withTimeLimit(LIMIT);
    /**
     * For drawings: past the second or so Batik takes to read the long path, so that the limit falls
     * while it is painted (Batik stops itself between elements, not inside one).
     */
    private static final RenderLimits DRAWING_LIMITS = RenderLimits.DEFAULT.withTimeLimit(LIMIT.multipliedBy(2));
    /** How long the thread may go on after the call returns, and how much CPU it may use meanwhile. */
    private static final Duration AFTER = Duration.ofMillis(1500);
    /** The title of a drawing tested as PNG only. */
    private static final String PNG_ONLY = "PNG only";

    private static final long MAX_CPU_AFTER_NANOS = Duration.ofMillis(300).toNanos();

    /** The slowest inputs found, one of each kind; see docs/benchmarks.md. */
    static Map<String, ExportDocument> slowDocuments() {
        Map<String, ExportDocument> documents = new LinkedHashMap<>();
        // as PNG: a PDF writes the path in about the time Batik takes to read it, too close to the limit
        documents.put(
                "a path of a million segments",
                ExportDocument.of("slow", PNG_ONLY, "v1", Instant.EPOCH).withDrawing(longPath(1_000_000)));
        StringBuilder filters = new StringBuilder(
                "<filter id=\"t\" x=\"-10\" y=\"-10\" width=\"20\" height=\"20\">"
                        + "<feTurbulence baseFrequency=\"0.9\" numOctaves=\"30\"/><feGaussianBlur stdDeviation=\"300\"/></filter>");
        for (int i = 0; i < 400; i++) {
            filters.append("<rect width=\"200\" height=\"100\" filter=\"url(#t)\"/>");
        }
        documents.put(
                "big filter regions",
                drawing("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"3000\" " + "height=\"3000\">" + filters
                        + "</svg>"));
        documents.put("formulas slow to lay out", drawing(slowFormulas(30)));
        documents.put("unclosed link openers", notes("[a](".repeat(50_000)));
        documents.put("reference definitions and uses", notes("[a]: b\n".repeat(50_000) + "[a] ".repeat(50_000)));
        documents.put("runs of backticks", notes("`a``b```c".repeat(30_000)));
        return documents;
    }

    /** A path Batik reads in under a second and paints in several: wide round joins at a million segments. */
    static String longPath(int segments) {
        StringBuilder d = new StringBuilder("M0 0");
        for (int i = 0; i < segments; i++) {
            d.append('L').append(i % 1999).append(' ').append(i * 7 % 1999);
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2000\" height=\"2000\"><path d=\"" + d
                + "\" fill=\"#336699\" stroke=\"#000\" stroke-width=\"3\" stroke-linejoin=\"round\"/></svg>";
    }

    /**
     * Labels of formulas JEuclid takes about a second each to lay out: rows of the most elements a formula's
     * element may hold, every other one a stretchy operator (each stretches to the row's height, measured anew).
     */
    static String slowFormulas(int labels) {
        String row = "<mtr><mtd><mrow>" + "<mi>x</mi><mo stretchy=\"true\">|</mo>".repeat(199) + "</mrow></mtd></mtr>";
        StringBuilder svg =
                new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2000\" height=\"2000\">");
        for (int i = 0; i < labels; i++) {
            svg.append("<foreignObject y=\"")
                    .append(i * 60)
                    .append("\" width=\"2000\" height=\"60\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><math"
                            + " xmlns=\"http://www.w3.org/1998/Math/MathML\"><mtable>")
                    .append(row.repeat(4))
                    .append("</mtable></math></div></foreignObject>");
        }
        return svg.append("</svg>").toString();
    }

    private static ExportDocument drawing(String svg) {
        return ExportDocument.of("slow", "Slow", "v1", Instant.EPOCH).withDrawing(svg);
    }

    private static ExportDocument notes(String markdown) {
        return ExportDocument.of("slow", "Slow", "v1", Instant.EPOCH).withNotes(markdown);
    }

    private static List<ExportFormat> formatsFor(ExportDocument document) {
        if (document.title().equals(PNG_ONLY)) {
            return List.of(new PngFormat(DRAWING_LIMITS));
        }
        return document.drawing().isPresent()
                ? List.of(new PngFormat(DRAWING_LIMITS), new PdfFormat(DRAWING_LIMITS))
                : List.of(new HtmlFormat(LIMITS), new MarkdownFormat(LIMITS), new PdfFormat(LIMITS));
    }

    @TestFactory
    Stream<DynamicTest> aRenderPastItsLimitFailsAtTheLimitAndItsThreadStopsUsingCpu() {
        return slowDocuments().entrySet().stream()
                .flatMap(document -> formatsFor(document.getValue()).stream()
                        .map(format -> DynamicTest.dynamicTest(document.getKey() + " as " + format.id(), () -> {
                            List<Long> before = renderThreads();
                            long start = System.nanoTime();
                            ExportException failure = assertThrows(
                                    ExportException.class,
                                    () -> format.render(
                                            document.getValue(),
                                            FormatSettings.empty(),
                                            CONTEXT,
                                            new ByteArrayOutputStream()));
                            Duration took = Duration.ofNanos(System.nanoTime() - start);
                            Duration limit =
                                    document.getValue().drawing().isPresent() ? DRAWING_LIMITS.timeLimit() : LIMIT;
                            assertTrue(
                                    failure.getMessage()
                                            .contains("took longer than its limit of " + limit.toMillis() + " ms"),
                                    failure.getMessage());
                            assertTrue(
                                    took.compareTo(limit.plusSeconds(2)) < 0,
                                    "the call returns at the limit, took " + took);
                            List<Long> threads = renderThreads();
                            threads.removeAll(before);
                            ThreadMXBean bean = ManagementFactory.getThreadMXBean();
                            for (long id : threads) {
                                long cpuAtReturn = Math.max(0, bean.getThreadCpuTime(id));
                                Thread.sleep(AFTER.toMillis());
                                long cpuAfter = bean.getThreadCpuTime(id); // -1 once the thread has ended
                                assertTrue(
                                        cpuAfter < 0 || cpuAfter - cpuAtReturn < MAX_CPU_AFTER_NANOS,
                                        "the render thread used "
                                                + (cpuAfter - cpuAtReturn) / 1_000_000 + " ms of CPU in the "
                                                + AFTER.toMillis()
                                                + " ms after its render failed");
                                assertEquals(-1, bean.getThreadCpuTime(id), "the render thread has ended");
                            }
                        })));
    }

    /** @return the ids of the live render threads ({@link TimedRender} names them) */
    private static List<Long> renderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("schedex-render-"))
                .filter(Thread::isAlive)
                .map(Thread::getId)
                .collect(java.util.stream.Collectors.toList());
    }

    @Test
    void notesThatAreTooDeepOrTooLargeAreCalledTheNotesInEveryFormat() {
        Map<String, String> notes = Map.of(
                "deep quotes",
                ">".repeat(20_000) + " deep",
                "deep quotes and lists",
                "> - ".repeat(10_000) + "deep",
                "too long",
                "x".repeat(Notes.MAX_CHARS + 1));
        for (ExportFormat format : List.of(new HtmlFormat(), new MarkdownFormat(), new PdfFormat())) {
            notes.forEach((kind, markdown) -> {
                ExportException failure = assertThrows(
                        ExportException.class,
                        () -> format.render(
                                notes(markdown), FormatSettings.empty(), CONTEXT, new ByteArrayOutputStream()),
                        kind + " as " + format.id());
                assertTrue(
                        failure.getMessage().startsWith("the notes are too "),
                        kind + " as " + format.id() + ": " + failure.getMessage());
                assertFalse(failure.getMessage().contains("drawing"), failure.getMessage());
            });
        }
    }

    @Test
    void aTableTooWideSaysSoWithTheLimitAndOneAtTheLimitRenders() throws Exception {
        for (ExportFormat format : List.of(new HtmlFormat(), new MarkdownFormat(), new PdfFormat())) {
            for (int columns : List.of(Notes.MAX_TABLE_COLUMNS + 1, 1_000, 5_000)) {
                ExportException failure = assertThrows(
                        ExportException.class,
                        () -> format.render(
                                notes(table(columns, 3)),
                                FormatSettings.empty(),
                                CONTEXT,
                                new ByteArrayOutputStream()));
                assertEquals(
                        "the table is too wide: a table in the notes has " + columns + " columns, at most "
                                + Notes.MAX_TABLE_COLUMNS,
                        failure.getMessage());
            }
            format.render(
                    notes(table(Notes.MAX_TABLE_COLUMNS, 3)),
                    FormatSettings.empty(),
                    CONTEXT,
                    new ByteArrayOutputStream());
        }
    }

    private static String table(int columns, int rows) {
        return "|" + "a|".repeat(columns) + "\n|" + "---|".repeat(columns) + "\n"
                + ("|" + "x|".repeat(columns) + "\n").repeat(rows);
    }
}

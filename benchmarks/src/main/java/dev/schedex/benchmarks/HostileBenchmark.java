package dev.schedex.benchmarks;

import dev.schedex.FormatSettings;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportFormat;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The worst hostile input of each kind found for issue 13, through every format that reads it, with
 * the formats' default limits (30 s): how long the render call takes, how it ends, the peak heap
 * during it, and the CPU the process still uses in the 5 s after the call returns (a render that
 * hits its limit must stop working). Not a JMH benchmark: one run per case, each in a JVM of its own
 * (so that a render that goes on after its call cannot slow the next case, and so that the heap peak
 * is the case's own), killed if it has not ended after {@value #CAP_SECONDS} s.
 *
 * <p>Uses only what e71a0fa already had (the formats' no-argument constructors, found by
 * {@link ServiceLoader}), so that the same class measures the code before the change:
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.schedex.benchmarks.HostileBenchmark
 * </pre>
 */
public final class HostileBenchmark {

    private static final int CAP_SECONDS = 150;
    private static final long AFTER_MILLIS = 5_000;

    private HostileBenchmark() {}

    /** The cases: a name and the document; a drawing goes through png, pdf, svg and html, notes through html, md and pdf. */
    static Map<String, Supplier<ExportDocument>> cases() {
        Map<String, Supplier<ExportDocument>> cases = new LinkedHashMap<>();
        cases.put("long path (1M segments)", () -> drawing(longPath()));
        cases.put(
                "long dashed path (1M segments, dashes of 0.5 px)",
                () -> drawing(longPath().replace("stroke-width=\"3\"", "stroke-width=\"3\" stroke-dasharray=\"0.5\"")));
        cases.put("big filter regions", () -> drawing(bigFilters()));
        cases.put("deep nesting (5,000 <g>)", () -> drawing(svg(2000, "<g>".repeat(5_000) + "</g>".repeat(5_000))));
        cases.put("unclosed link openers (50,000 \"[a](\")", () -> notes("[a](".repeat(50_000)));
        cases.put(
                "references (50,000 definitions and uses)",
                () -> notes("[a]: b\n".repeat(50_000) + "[a] ".repeat(50_000)));
        cases.put("backtick runs (30,000)", () -> notes("`a``b```c".repeat(30_000)));
        cases.put("nested brackets (100,000)", () -> notes("[".repeat(100_000) + "a" + "]".repeat(100_000)));
        cases.put("deep quotes (20,000 \">\")", () -> notes(">".repeat(20_000) + " deep"));
        cases.put("wide table (500 columns)", () -> notes(table(500, 200)));
        return cases;
    }

    private static String svg(int size, String body) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + size + "\" height=\"" + size + "\">" + body
                + "</svg>";
    }

    private static String longPath() {
        StringBuilder d = new StringBuilder("M0 0");
        for (int i = 0; i < 1_000_000; i++) {
            d.append('L').append(i % 1999).append(' ').append(i * 7 % 1999);
        }
        return svg(
                2000,
                "<path d=\"" + d
                        + "\" fill=\"#336699\" stroke=\"#000\" stroke-width=\"3\" stroke-linejoin=\"round\"/>");
    }

    private static String bigFilters() {
        StringBuilder body = new StringBuilder(
                "<filter id=\"t\" x=\"-10\" y=\"-10\" width=\"20\" height=\"20\">"
                        + "<feTurbulence baseFrequency=\"0.9\" numOctaves=\"30\"/><feGaussianBlur stdDeviation=\"300\"/></filter>");
        for (int i = 0; i < 400; i++) {
            body.append("<rect width=\"200\" height=\"100\" filter=\"url(#t)\"/>");
        }
        return svg(3000, body.toString());
    }

    private static String table(int columns, int rows) {
        return "|" + "a|".repeat(columns) + "\n|" + "---|".repeat(columns) + "\n"
                + ("|" + "x|".repeat(columns) + "\n").repeat(rows);
    }

    private static ExportDocument drawing(String svg) {
        return ExportDocument.of("hostile", "Hostile", "v1", Instant.EPOCH).withDrawing(svg);
    }

    private static ExportDocument notes(String markdown) {
        return ExportDocument.of("hostile", "Hostile", "v1", Instant.EPOCH).withNotes(markdown);
    }

    private static List<String> formatsFor(ExportDocument document) {
        return document.drawing().isPresent() ? List.of("png", "pdf", "svg", "html") : List.of("html", "md", "pdf");
    }

    /**
     * With no argument, runs every case in a JVM of its own and prints a Markdown table (with one, only
     * the cases whose name contains it); with a case and a format, runs that one and prints its row's cells.
     *
     * @param args nothing, a part of cases' names, or a case's name and a format id
     * @throws Exception if a child JVM cannot be run
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 2) {
            var input = cases().get(args[0]);
            if (input == null) {
                throw new IllegalArgumentException(
                        "no hostile case named '" + args[0] + "'; run without arguments to list them");
            }
            System.out.println(measure(input.get(), args[1]));
            System.exit(0); // a render thread that goes on would keep the JVM alive
        }
        System.out.println("| input | format | time | outcome | peak heap | CPU in the 5 s after |");
        System.out.println("|---|---|---|---|---|---|");
        for (Map.Entry<String, Supplier<ExportDocument>> c : cases().entrySet()) {
            if (args.length == 1 && !c.getKey().contains(args[0])) {
                continue;
            }
            for (String format : formatsFor(c.getValue().get())) {
                System.out.println("| " + c.getKey() + " | " + format + " | " + child(c.getKey(), format) + " |");
            }
        }
    }

    private static String child(String name, String format) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Xmx2g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        HostileBenchmark.class.getName(),
                        name,
                        format)
                .redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(CAP_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return "over " + CAP_SECONDS + " s | killed, still running | |";
        }
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            return out.lines().reduce("", (a, b) -> b);
        }
    }

    private static String measure(ExportDocument document, String formatId) throws InterruptedException {
        ExportFormat format = ServiceLoader.load(ExportFormat.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(f -> f.id().equals(formatId))
                .findFirst()
                .orElseThrow();
        ExportContext context = new ExportContext(UUID.randomUUID(), "hostile", "bench", Instant.EPOCH, ZoneOffset.UTC);
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        String outcome;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            format.render(document, FormatSettings.empty(), context, out);
            outcome = "ok, " + out.size() / 1024 + " KiB";
        } catch (IOException | RuntimeException | StackOverflowError e) { // ExportException, and what escapes a render
            String message = String.valueOf(e.getMessage());
            outcome = "failed: " + (message.length() > 70 ? message.substring(0, 67) + "..." : message);
        }
        long took = System.nanoTime() - start;
        long peak =
                heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuAtReturn = os.getProcessCpuTime();
        Thread.sleep(AFTER_MILLIS);
        long cpuAfter = os.getProcessCpuTime() - cpuAtReturn;
        return String.format(
                java.util.Locale.ROOT,
                "%.1f s | %s | %d MiB | %.1f s",
                took / 1e9,
                outcome.replace("|", "\\|"),
                peak >> 20,
                cpuAfter / 1e9);
    }
}

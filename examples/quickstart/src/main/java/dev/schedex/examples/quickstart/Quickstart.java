package dev.schedex.examples.quickstart;

import dev.schedex.ExportRun;
import dev.schedex.ExportSchedule;
import dev.schedex.ExportScheduleService;
import dev.schedex.NewExportSchedule;
import dev.schedex.TickReport;
import dev.schedex.destination.FileSystemDestination;
import dev.schedex.jdbc.JdbiScheduleStore;
import dev.schedex.schedule.Schedule;
import dev.schedex.spi.ExportDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The quickstart: a small host that exports three documents on seven schedules, in every built-in
 * format, through two simulated weeks.
 *
 * <ul>
 *   <li>The schedules live in an embedded H2 database in a file ({@code <base>/schedex-db.mv.db}),
 *       created and migrated on the first run.</li>
 *   <li>The documents are the host's: a release flowchart with notes and data, an architecture
 *       drawing, and team notes with data (in this example's resources).</li>
 *   <li>A simulated clock ticks every 15 minutes from 2026-10-20 to 2026-11-03, across the end of
 *       daylight saving in Europe (25 October) and North America (1 November).</li>
 *   <li>The exports are written below {@code <base>/exports} by the file-system destination.</li>
 * </ul>
 *
 * <p>Run it from the project root with
 * {@code mvn -q install -DskipTests && mvn -q -pl examples/quickstart exec:java}; the base folder is
 * {@code examples/quickstart/target/quickstart}, or the first argument. Each run starts afresh.
 */
public final class Quickstart {

    private static final String OWNER = "demo";
    private static final Instant START = Instant.parse("2026-10-20T00:00:00Z");
    private static final Duration SIMULATED = Duration.ofDays(14);
    private static final Duration TICK = Duration.ofMinutes(15);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm xxx", Locale.ROOT);

    private Quickstart() {}

    /**
     * @param args the base folder, optionally
     * @throws IOException if the database or the exports cannot be written
     */
    public static void main(String[] args) throws IOException {
        run(Path.of(args.length > 0 ? args[0] : "target/quickstart").toAbsolutePath(), System.out);
    }

    /**
     * Sets up the host, simulates two weeks of ticks and prints what happened.
     *
     * @param base where the database and the exports go; emptied first
     * @param out  where the report goes
     * @return the runs, in order of occurrence
     * @throws IOException if the database or the exports cannot be written
     */
    public static List<ExportRun> run(Path base, PrintStream out) throws IOException {
        startAfresh(base);

        // 1. the store: H2 in a file, through H2's own connection pool, migrated by schedex's migrations
        JdbcConnectionPool dataSource =
                JdbcConnectionPool.create("jdbc:h2:file:" + base.resolve("schedex-db"), "sa", "");
        try {
            JdbiScheduleStore store = JdbiScheduleStore.builder(dataSource).build();
            store.migrate();
            return simulate(store, base, out);
        } finally {
            dataSource.dispose();
        }
    }

    private static List<ExportRun> simulate(JdbiScheduleStore store, Path base, PrintStream out) throws IOException {
        Path exports = base.resolve("exports");

        // 2. the host's documents, and the service; formats are found on the class path
        Map<String, ExportDocument> documents = Map.of(
                "release-flow", document("release-flow", "Release flow", true, true, true),
                "architecture", document("architecture", "How a host uses schedex", true, false, false),
                "team-notes", document("team-notes", "Platform team weekly", false, true, true));
        ExportScheduleService service = ExportScheduleService.builder()
                .store(store)
                .documentSource(
                        (owner, id) -> OWNER.equals(owner) ? Optional.ofNullable(documents.get(id)) : Optional.empty())
                .destination(new FileSystemDestination(exports))
                .clock(Clock.fixed(START, ZoneOffset.UTC)) // schedules are created at the simulation's start
                .hostName("quickstart")
                .build();

        // 3. one schedule of each kind (and a biweekly one), in several zones, using every built-in format
        List<ExportSchedule> schedules = List.of(
                create(
                        service,
                        "Nightly flowchart PNG",
                        "release-flow",
                        Schedule.daily(LocalTime.of(2, 0)),
                        "Europe/Berlin",
                        "png",
                        Map.of("width", 1200)),
                create(
                        service,
                        "Monday and Friday PDF",
                        "release-flow",
                        Schedule.weekly(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(7, 30)),
                        "America/New_York",
                        "pdf",
                        Map.of("pageSize", "Letter")),
                create(
                        service,
                        "Month-end HTML page",
                        "release-flow",
                        Schedule.monthlyOnLastDay(LocalTime.of(18, 0)),
                        "Asia/Tokyo",
                        "html",
                        Map.of("theme", "light")),
                create(
                        service,
                        "Weekly architecture SVG",
                        "architecture",
                        Schedule.cron("0 12 */7 * *"),
                        "Europe/London",
                        "svg",
                        Map.of("background", "#ffffff")),
                create(
                        service,
                        "Sunday team notes",
                        "team-notes",
                        Schedule.weekly(EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(20, 0)),
                        "Europe/Berlin",
                        "md",
                        Map.of()),
                create(
                        service,
                        "Monthly team data",
                        "team-notes",
                        Schedule.monthly(1, LocalTime.of(6, 0)),
                        "America/Sao_Paulo",
                        "json",
                        Map.of("pretty", true)),
                create(
                        service,
                        "Every other Friday PDF",
                        "architecture",
                        Schedule.every(
                                2,
                                ChronoUnit.WEEKS,
                                LocalDate.of(2026, 10, 16),
                                Schedule.weekly(EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(16, 0))),
                        "Australia/Sydney",
                        "pdf",
                        Map.of()));
        out.println("schedex quickstart: " + schedules.size() + " schedules in " + base.resolve("schedex-db.mv.db"));
        for (ExportSchedule schedule : schedules) {
            out.printf(
                    "  %-26s %-48s %-17s %s%n",
                    schedule.name(), schedule.schedule().describe(), schedule.zone(), schedule.formatId());
        }

        // 4. the host's timer: here a simulated one, every 15 minutes for two weeks
        int ticks = 0;
        int succeeded = 0;
        long started = System.nanoTime();
        for (Instant now = START; now.isBefore(START.plus(SIMULATED)); now = now.plus(TICK)) {
            TickReport report = service.tick(now);
            succeeded += report.succeeded();
            ticks++;
        }
        out.printf(
                "%nsimulated %s to %s: %d ticks, %d exports, in %.1f s%n%n",
                START, START.plus(SIMULATED), ticks, succeeded, (System.nanoTime() - started) / 1e9);

        // 5. what happened: the run history, and the files
        List<ExportRun> runs = new ArrayList<>();
        Map<java.util.UUID, ExportSchedule> byId = new java.util.HashMap<>();
        for (ExportSchedule schedule : schedules) {
            byId.put(schedule.id(), schedule);
            runs.addAll(service.runs(OWNER, schedule.id(), 100));
        }
        runs.sort(Comparator.comparing(ExportRun::occurrence));
        out.printf("%-26s %-28s %-9s %-58s %9s%n", "schedule", "occurrence (its zone)", "status", "file", "bytes");
        for (ExportRun run : runs) {
            ExportSchedule schedule =
                    Objects.requireNonNull(byId.get(run.scheduleId()), "every run is of a listed schedule");
            out.printf(
                    "%-26s %-28s %-9s %-58s %9s%n",
                    schedule.name(),
                    LOCAL.format(run.occurrence().atZone(schedule.zone())),
                    run.status(),
                    run.location().orElse(run.message().orElse("")),
                    run.size().map(String::valueOf).orElse(""));
        }
        out.println("\nfiles in " + exports + ":");
        try (Stream<Path> files = Files.walk(exports)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !exports.relativize(f).startsWith(".schedex"))
                    .sorted()
                    .toList()) {
                out.printf("  %-64s %9d%n", exports.relativize(file), Files.size(file));
            }
        }
        return runs;
    }

    private static ExportSchedule create(
            ExportScheduleService service,
            String name,
            String documentId,
            Schedule schedule,
            String zone,
            String format,
            Map<String, ?> settings) {
        return service.create(NewExportSchedule.builder()
                .ownerId(OWNER)
                .documentId(documentId)
                .name(name)
                .schedule(schedule)
                .zone(zone)
                .format(format, settings)
                .destination(FileSystemDestination.DEFAULT_NAME, Map.of("path", "{name}/{date}_{time}.{ext}"))
                .build());
    }

    /** A document as the host keeps it: here, files in this example's resources. */
    private static ExportDocument document(String id, String title, boolean drawing, boolean notes, boolean data) {
        ExportDocument document = ExportDocument.of(id, title, "v1", Instant.parse("2026-10-19T16:00:00Z"));
        if (drawing) {
            document = document.withDrawing(resource(id + ".svg"));
        }
        if (notes) {
            document = document.withNotes(resource(id + ".md"));
        }
        if (data) {
            document = document.withData(resource(id + ".json"));
        }
        return document;
    }

    private static String resource(String name) {
        try (InputStream in = Quickstart.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the quickstart's resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the database and the exports of an earlier run. */
    private static void startAfresh(Path base) throws IOException {
        if (Files.exists(base)) {
            try (Stream<Path> old = Files.walk(base)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(base);
    }
}

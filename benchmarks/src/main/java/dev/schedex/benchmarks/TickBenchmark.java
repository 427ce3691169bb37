package dev.schedex.benchmarks;

import dev.schedex.ExportSchedule;
import dev.schedex.ExportScheduleService;
import dev.schedex.NewExportSchedule;
import dev.schedex.TickReport;
import dev.schedex.Violation;
import dev.schedex.schedule.Schedule;
import dev.schedex.spi.Delivered;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.ExportDocument;
import dev.schedex.store.InMemoryScheduleStore;
import dev.schedex.testing.FixedFormat;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a tick with the in-memory store, a format that writes 64 bytes and a destination that
 * drops them: so what is measured is schedex's own work (claiming, the run record, the next run,
 * the checksum). {@code schedules} are stored; before each tick, {@code due} of them are made due
 * (outside the measurement), the rest are due tomorrow. A flat time across {@code schedules} means
 * the cost of a tick depends on what is due, not on how many schedules exist.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar TickBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx4g"})
public class TickBenchmark {

    private static final Instant START = Instant.parse("2024-03-01T10:00:00Z");

    /** How many schedules are stored. */
    @Param({"1000", "10000", "100000"})
    public int schedules;

    /** How many are due at each tick. */
    @Param({"0", "100"})
    public int due;

    private InMemoryScheduleStore store;
    private ExportScheduleService service;
    private final List<ExportSchedule> dueOnes = new ArrayList<>();
    private Instant now = START;

    @Setup(Level.Trial)
    public void setUp() {
        store = new InMemoryScheduleStore();
        ExportDocument document = ExportDocument.of("doc", "Doc", "v1", START).withNotes("notes");
        service = ExportScheduleService.builder()
                .store(store)
                .documentSource((owner, id) -> Optional.of(document))
                .discoverFormats(false)
                .format(new FixedFormat("noop", new byte[64]))
                .destination(new DroppingDestination())
                .clock(java.time.Clock.fixed(START, java.time.ZoneOffset.UTC))
                .build();
        for (int i = 0; i < schedules; i++) {
            ExportSchedule s = service.create(NewExportSchedule.builder()
                    .ownerId("owner-" + (i % 100))
                    .documentId("doc-" + i)
                    .name("schedule " + i)
                    .schedule(Schedule.daily(LocalTime.of(3, 0)))
                    .zone("Europe/Berlin")
                    .format("noop")
                    .destination("drop", Map.of())
                    .build());
            if (i < due) {
                dueOnes.add(s);
            }
        }
    }

    /**
     * Makes {@code due} schedules due at a new millisecond, so each tick's occurrences are new. (An
     * empty tick keeps its time: it is so quick that a millisecond per tick would bring the others'
     * next day within a run of the benchmark.)
     */
    @Setup(Level.Invocation)
    public void makeDue() {
        if (due == 0) {
            return;
        }
        now = now.plusMillis(1);
        for (int i = 0; i < dueOnes.size(); i++) {
            ExportSchedule current = store.find(dueOnes.get(i).id()).orElseThrow();
            ExportSchedule armed = current.withState(current.state().withNextRun(Optional.of(now)), now);
            store.update(armed, current.version());
        }
    }

    @Benchmark
    public TickReport tick() {
        TickReport report = service.tick(now);
        if (report.succeeded() != due) {
            throw new IllegalStateException("expected " + due + " runs, the tick made " + report.succeeded());
        }
        return report;
    }

    static final class DroppingDestination implements ExportDestination {
        @Override
        public String name() {
            return "drop";
        }

        @Override
        public List<Violation> validate(Map<String, String> parameters) {
            return List.of();
        }

        @Override
        public Delivered deliver(Delivery delivery) {
            return new Delivered("nowhere");
        }
    }
}

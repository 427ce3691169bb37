package dev.schedex.examples.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.schedex.ExportRun;
import dev.schedex.ExportSchedule;
import dev.schedex.ExportScheduleService;
import dev.schedex.NewExportSchedule;
import dev.schedex.Violation;
import dev.schedex.jdbc.JdbiScheduleStore;
import dev.schedex.schedule.Schedule;
import dev.schedex.spi.Delivered;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportFormat;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two hosts, each with its own connection pool and its own service, tick one PostgreSQL database at
 * the same simulated instants, as two instances of a web application would. 200 schedules run daily
 * for three simulated days; at the end every occurrence has exactly one run, and the two hosts have
 * shared the work.
 *
 * <p>Start PostgreSQL (on Debian: {@code pg_ctlcluster 15 main start}), then run
 * {@code mvn -q install -DskipTests && mvn -q -pl examples/cluster exec:java}. The JDBC URL is
 * {@code jdbc:postgresql://127.0.0.1:5432/test} as user {@code postgres}, or the first argument; the
 * example works in a schema of its own, {@code schedex_cluster_example}, which it empties first.
 */
public final class TwoHosts {

    private static final String SCHEMA = "schedex_cluster_example";
    private static final int SCHEDULES = 200;
    private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
    private static final Duration SIMULATED = Duration.ofDays(3);
    private static final Duration TICK = Duration.ofMinutes(5);

    private TwoHosts() {}

    /** What the simulation found. */
    public record Outcome(int occurrences, int runs, Map<String, Integer> runsByHost, int duplicates) {}

    /**
     * @param args the JDBC URL, optionally
     * @throws Exception if the database cannot be reached
     */
    public static void main(String[] args) throws Exception {
        Outcome outcome = run(args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test", "postgres");
        System.out.println(outcome.occurrences() + " occurrences, " + outcome.runs() + " runs, " + outcome.duplicates()
                + " run twice; by host: " + outcome.runsByHost());
    }

    /**
     * @param url  where PostgreSQL is
     * @param user who to connect as
     * @return what happened
     * @throws Exception if the database cannot be reached
     */
    public static Outcome run(String url, String user) throws Exception {
        resetSchema(url, user);
        // every export, by schedule and occurrence, with the host that made it: a real host would write files
        Map<String, String> exported = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        List<HikariDataSource> pools = new ArrayList<>();
        List<ExportScheduleService> hosts = new ArrayList<>();
        try {
            for (String host : List.of("host-a", "host-b")) {
                HikariDataSource pool = pool(url, user);
                pools.add(pool);
                JdbiScheduleStore store = JdbiScheduleStore.builder(pool)
                        .schema(SCHEMA)
                        .useDatabaseClock(false) // the hosts tick with simulated instants
                        .build();
                store.migrate(); // both may migrate at once: Flyway takes a lock
                hosts.add(ExportScheduleService.builder()
                        .store(store)
                        .documentSource((owner, id) -> Optional.of(ExportDocument.of(id, id, "v1", START)))
                        // a format that writes the occurrence it is for: enough to see which run made which export
                        .format(ExportFormat.of(
                                "occurrence",
                                "text/plain",
                                "txt",
                                (document, settings, context, out) -> out.write(
                                        context.occurrence().toString().getBytes(StandardCharsets.UTF_8))))
                        .discoverFormats(false)
                        .destination(new RecordingDestination(host, exported, duplicates))
                        .clock(Clock.fixed(START, ZoneOffset.UTC))
                        .hostName(host)
                        .build());
            }
            List<ExportSchedule> schedules = new ArrayList<>();
            for (int i = 0; i < SCHEDULES; i++) {
                schedules.add(hosts.get(i % 2)
                        .create(NewExportSchedule.builder()
                                .ownerId("team-" + i % 7)
                                .documentId("doc-" + i)
                                .name("Daily " + i)
                                .schedule(Schedule.daily(LocalTime.of(i % 24, i * 7 % 60)))
                                .zone("Europe/Berlin")
                                .format("occurrence")
                                .destination("recording", Map.of())
                                .build()));
            }
            // both hosts tick the same instants at the same time, as two timers would
            ExecutorService timers = Executors.newFixedThreadPool(2);
            try {
                for (Instant now = START; now.isBefore(START.plus(SIMULATED)); now = now.plus(TICK)) {
                    Instant tickTime = now;
                    List<Future<?>> ticks = new ArrayList<>();
                    for (ExportScheduleService host : hosts) {
                        ticks.add(timers.submit(() -> host.tick(tickTime)));
                    }
                    for (Future<?> tick : ticks) {
                        tick.get();
                    }
                }
            } finally {
                timers.shutdown();
            }
            Map<String, Integer> byHost = new HashMap<>();
            int runs = 0;
            for (ExportSchedule schedule : schedules) {
                for (ExportRun run : hosts.get(0).runs(schedule.ownerId(), schedule.id(), 100)) {
                    byHost.merge(run.host(), 1, Integer::sum);
                    runs++;
                }
            }
            return new Outcome(exported.size(), runs, byHost, duplicates.get());
        } finally {
            pools.forEach(HikariDataSource::close);
        }
    }

    private static HikariDataSource pool(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    private static void resetSchema(String url, String user) throws Exception {
        try (HikariDataSource pool = pool(url, user);
                Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
        }
    }

    /** A destination that remembers each export and counts any occurrence delivered twice. */
    private record RecordingDestination(String host, Map<String, String> exported, AtomicInteger duplicates)
            implements ExportDestination {
        @Override
        public String name() {
            return "recording";
        }

        @Override
        public List<Violation> validate(Map<String, String> parameters) {
            return List.of();
        }

        @Override
        public Delivered deliver(Delivery delivery) {
            String key =
                    delivery.context().scheduleId() + "@" + delivery.context().occurrence();
            if (exported.putIfAbsent(key, host) != null) {
                duplicates.incrementAndGet();
            }
            return new Delivered(host + ":" + key);
        }
    }
}

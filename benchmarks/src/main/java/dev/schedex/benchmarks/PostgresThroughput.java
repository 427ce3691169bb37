package dev.schedex.benchmarks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.schedex.ExportScheduleService;
import dev.schedex.TickReport;
import dev.schedex.jdbc.JdbiScheduleStore;
import dev.schedex.spi.ExportDocument;
import dev.schedex.testing.FixedFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jdbi.v3.core.Jdbi;

/**
 * A load harness on a local PostgreSQL (127.0.0.1:5432, user postgres, database test): how many
 * executions per second schedex and db-scheduler do with a no-op task, with 1 and with 4 hosts
 * (instances with their own connection pools, in this JVM; 10 threads each, as db-scheduler's default,
 * which for schedex is a render executor of 10 threads), on the same server in the same run, after
 * an untimed round of each to warm the JIT up; then the cost of schedex's due query with 10k, 100k and
 * 1M schedules stored and 100 due, with its query plan. Each part works in a schema of its own, dropped at the end.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.schedex.benchmarks.PostgresThroughput [executions | due | cost [executions] | rate [executions [rounds]]]
 * </pre>
 */
public final class PostgresThroughput {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    /** The database of the cost measurement: one of its own, so that its counters are its own. */
    static final String COST_DATABASE = "schedex_bench";

    private static volatile String database = "test";
    private static final Instant DUE = Instant.parse("2024-03-01T10:00:00Z");
    /** Parallel runs per schedex host; db-scheduler runs with 10 threads per instance. */
    private static final int RENDER_THREADS = 10;
    /** Claims measured per table size, after {@link #WARM_UP_CLAIMS} untimed. */
    private static final int WARM_UP_CLAIMS = 100;

    private static final int CLAIMS = 200;
    /** Executions of each system's untimed first round. */
    private static final int WARM_UP = 5_000;

    private PostgresThroughput() {}

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"); // not every pool's start
        }
        if (args.length > 0 && args[0].equals("due")) {
            dueQuery();
            return;
        }
        if (args.length > 0 && args[0].equals("rate")) {
            rate(args.length > 1 ? Integer.parseInt(args[1]) : 20_000, args.length > 2 ? Integer.parseInt(args[2]) : 5);
            return;
        }
        if (args.length > 0 && args[0].equals("cost")) {
            cost(args.length > 1 ? Integer.parseInt(args[1]) : 20_000);
            return;
        }
        int executions = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        // both systems run once untimed first, so that neither is measured while the JIT compiles it
        schedex(WARM_UP, 1);
        dbScheduler(WARM_UP, 1);
        System.out.printf(Locale.ROOT, "%d executions of a no-op task per row, PostgreSQL at %s%n%n", executions, URL);
        System.out.println("| system | hosts | seconds | executions per second |");
        System.out.println("|---|---|---|---|");
        for (int hosts : new int[] {1, 4}) {
            report("schedex", hosts, executions, schedex(executions, hosts));
            report("db-scheduler 15.6.0", hosts, executions, dbScheduler(executions, hosts));
        }
        System.out.println();
        dueQuery();
    }

    /**
     * The database's cost per execution of schedex, db-scheduler recurring and db-scheduler one-time,
     * in one run, with the rows all due at once and with them due over 20 seconds; one host each.
     */
    private static void cost(int executions) throws Exception {
        DatabaseCost.prepareDatabase();
        database = COST_DATABASE;
        schedex(WARM_UP, 1);
        dbScheduler(WARM_UP, 1, DbSchedulerTask.RECURRING, 1, Optional.empty());
        dbScheduler(WARM_UP, 1);
        System.out.printf(
                Locale.ROOT,
                "%d executions of a no-op task, 1 host, PostgreSQL database %s; per execution:%n%n",
                executions,
                COST_DATABASE);
        System.out.println("| system | due | executions per second | WAL bytes (no FPI) | FPI bytes | index entries"
                + " | rows written | statements | commits | backend CPU µs |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        Map<String, List<String>> breakdowns = new LinkedHashMap<>();
        for (int spread : new int[] {1, 20}) {
            String situation = spread == 1 ? "all at once" : "over " + spread + " s";
            DatabaseCost schedexCost = new DatabaseCost(executions);
            Duration took = schedex(executions, 1, spread, Optional.of(schedexCost));
            System.out.println(schedexCost.row("schedex", situation, perSecond(executions, took, spread)));
            breakdowns.put(situation, schedexCost.breakdown());
            for (DbSchedulerTask kind : DbSchedulerTask.values()) {
                DatabaseCost c = new DatabaseCost(executions);
                Duration dbTook = dbScheduler(executions, 1, kind, spread, Optional.of(c));
                System.out.println(c.row(
                        "db-scheduler 15.6.0, "
                                + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        situation,
                        perSecond(executions, dbTook, spread)));
            }
        }
        breakdowns.forEach((situation, breakdown) -> {
            System.out.println();
            System.out.println("Where schedex's WAL goes, due " + situation + ", per execution:");
            System.out.println();
            System.out.println("| relation | record | records | bytes (no FPI) |");
            System.out.println("|---|---|---|---|");
            breakdown.forEach(System.out::println);
        });
    }

    /**
     * Executions per second of schedex against db-scheduler recurring, one host, every row due: rounds
     * of one run each, the order alternating, so that on a shared machine a busy stretch slows both
     * runs of a round; the median of the rounds' ratios is the figure (docs/benchmarks.md).
     */
    private static void rate(int executions, int rounds) throws Exception {
        database = COST_DATABASE;
        DatabaseCost.prepareDatabase();
        schedex(WARM_UP, 1);
        dbScheduler(WARM_UP, 1, DbSchedulerTask.RECURRING, 1, Optional.empty());
        System.out.printf(
                Locale.ROOT, "%d executions of a no-op task, 1 host, every row due, %d rounds%n%n", executions, rounds);
        System.out.println("| round | schedex (/s) | db-scheduler 15.6.0 recurring (/s) | schedex ÷ db-scheduler |");
        System.out.println("|---|---|---|---|");
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            double ours;
            double theirs;
            if (round % 2 == 1) {
                ours = executions / (schedex(executions, 1).toNanos() / 1e9);
                theirs = executions
                        / (dbScheduler(executions, 1, DbSchedulerTask.RECURRING, 1, Optional.empty())
                                        .toNanos()
                                / 1e9);
            } else {
                theirs = executions
                        / (dbScheduler(executions, 1, DbSchedulerTask.RECURRING, 1, Optional.empty())
                                        .toNanos()
                                / 1e9);
                ours = executions / (schedex(executions, 1).toNanos() / 1e9);
            }
            ratios.add(ours / theirs);
            System.out.printf(Locale.ROOT, "| %d | %,.0f | %,.0f | %.2f |%n", round, ours, theirs, ours / theirs);
        }
        Collections.sort(ratios);
        System.out.printf(Locale.ROOT, "%nmedian ratio %.2f%n", ratios.get(ratios.size() / 2));
    }

    /** Executions per second when all were due at once; with due times spread out, the spread sets the pace. */
    private static double perSecond(int executions, Duration took, int spread) {
        return spread == 1 ? executions / (took.toNanos() / 1e9) : 0;
    }

    private static void report(String system, int hosts, int executions, Duration took) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %d | %.2f | %,.0f |%n",
                system,
                hosts,
                took.toMillis() / 1000.0,
                executions / (took.toNanos() / 1e9));
    }

    /**
     * Settles a freshly filled table as one that has been there a while (statistics, visibility map,
     * no autovacuum of the fresh rows during the measurement), and checkpoints, so that every system
     * starts with the same full-page-image debt. Only the table given: an empty runs table analysed
     * as empty is planned as a sequential scan, the planner trap that made run lookups grow with the
     * history (docs/benchmarks.md).
     */
    private static void settle(Jdbi jdbi, String... tables) {
        jdbi.useHandle(h -> {
            for (String table : tables) {
                h.execute("VACUUM ANALYZE " + table);
            }
            h.execute("CHECKPOINT");
        });
    }

    static HikariDataSource pool(String schema, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url() + "?currentSchema=" + schema + System.getProperty("bench.urlExtra", ""));
        config.setUsername("postgres");
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    static String url() {
        return URL.replace("/test", "/" + database);
    }

    private static String freshSchema(String name) {
        try (HikariDataSource admin = pool("public", 1)) {
            Jdbi.create(admin).useHandle(h -> {
                h.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
                h.execute("CREATE SCHEMA " + name);
            });
        }
        return name;
    }

    private static void dropSchema(String name) {
        try (HikariDataSource admin = pool("public", 1)) {
            Jdbi.create(admin).useHandle(h -> h.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE"));
        }
    }

    /** Inserts {@code count} hourly schedules, all due at {@link #DUE}, with plain SQL. */
    private static void insertDueSchedules(Jdbi jdbi, int count, int notDue) {
        insertDueSchedules(jdbi, count, notDue, 1);
    }

    /** Inserts {@code count} hourly schedules due at {@link #DUE} plus 0 to {@code spread - 1} seconds. */
    private static void insertDueSchedules(Jdbi jdbi, int count, int notDue, int spread) {
        // definitions and states, as the store writes them (migration V8): the same ids, from a
        // table of the numbers and ids made first
        jdbi.useTransaction(h -> {
            h.execute("CREATE TEMPORARY TABLE bench_ids ON COMMIT DROP AS"
                    + " SELECT i, gen_random_uuid() AS id FROM generate_series(1, " + (count + notDue)
                    + ") AS i");
            h.execute("INSERT INTO schedex_schedules (id, owner_id, document_id, name, kind, cron,"
                    + " zone, format_id, format_settings, destination_type, destination_parameters, misfire_policy,"
                    + " only_when_changed, created_at)"
                    + " SELECT id, 'owner-' || (i % 100), 'doc-' || i, 'bench ' || i, 'cron',"
                    + " '0 * * * *', 'UTC', 'noop', '{}', 'drop', '{}', 'RUN_ONCE', FALSE, " + DUE.toEpochMilli()
                    + " FROM bench_ids");
            h.createUpdate("INSERT INTO schedex_schedule_states (id, active, next_run_at, next_occurrence, run_count,"
                            + " error_count, consecutive_failures, updated_at, version, revision)"
                            + " SELECT id, TRUE,"
                            + " CASE WHEN i <= :due THEN :dueAt + (i % :spread) * 1000 ELSE :later END,"
                            + " CASE WHEN i <= :due THEN :dueAt + (i % :spread) * 1000 ELSE :later END,"
                            + " 0, 0, 0, :dueAt, 1, 1 FROM bench_ids")
                    .bind("due", count)
                    .bind("spread", spread)
                    .bind("dueAt", DUE.toEpochMilli())
                    .bind("later", DUE.plus(Duration.ofDays(365)).toEpochMilli())
                    .execute();
        });
    }

    private static Duration schedex(int executions, int hosts) throws Exception {
        return schedex(executions, hosts, 1, Optional.empty());
    }

    /**
     * @param spread the due rows' next runs spread over this many seconds, ticked second by second
     * @param cost   measures the run's cost in the database, if given
     */
    private static Duration schedex(int executions, int hosts, int spread, Optional<DatabaseCost> cost)
            throws Exception {
        String schema = freshSchema("bench_schedex");
        List<HikariDataSource> pools = new ArrayList<>();
        List<ExecutorService> executors = new ArrayList<>();
        try {
            HikariDataSource setup = pool(schema, 2);
            pools.add(setup);
            JdbiScheduleStore.builder(setup).build().migrate();
            insertDueSchedules(Jdbi.create(setup), executions, 0, spread);
            settle(Jdbi.create(setup), "schedex_schedules", "schedex_schedule_states");
            ExportDocument document = ExportDocument.of("doc", "Doc", "v1", DUE);
            List<ExportScheduleService> services = new ArrayList<>();
            for (int i = 0; i < hosts; i++) {
                // like db-scheduler's 10 threads: runs of a batch in parallel, each with its connection
                HikariDataSource pool = pool(schema, RENDER_THREADS + 1);
                pools.add(pool);
                ExecutorService renders = Executors.newFixedThreadPool(RENDER_THREADS);
                executors.add(renders);
                services.add(ExportScheduleService.builder()
                        .store(JdbiScheduleStore.builder(
                                        cost.map(c -> c.counting(pool)).orElse(pool))
                                .build())
                        .documentSource((owner, id) -> Optional.of(document))
                        .discoverFormats(false)
                        .format(new FixedFormat("noop", new byte[64]))
                        .destination(new TickBenchmark.DroppingDestination())
                        .renderExecutor(renders)
                        .hostName("host-" + i)
                        .build());
            }
            ExecutorService threads = Executors.newFixedThreadPool(hosts);
            cost.ifPresent(DatabaseCost::start);
            long start = System.nanoTime();
            long total = 0;
            for (int second = 0; second < spread; second++) {
                Instant now = DUE.plusSeconds(second + 1);
                List<Future<Long>> done = new ArrayList<>();
                for (ExportScheduleService service : services) {
                    done.add(threads.submit(() -> {
                        TickReport report = service.tick(now);
                        return (long) report.succeeded();
                    }));
                }
                for (Future<Long> f : done) {
                    total += f.get();
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            cost.ifPresent(DatabaseCost::stop);
            threads.shutdown();
            if (total != executions) {
                throw new IllegalStateException("schedex ran " + total + " of " + executions);
            }
            return took;
        } finally {
            executors.forEach(ExecutorService::shutdownNow);
            pools.forEach(HikariDataSource::close);
            cost.ifPresent(DatabaseCost::readAfterClose);
            dropSchema(schema);
        }
    }

    /** How a db-scheduler execution ends: a one-time task's delete, or a recurring task's reschedule. */
    enum DbSchedulerTask {
        ONE_TIME,
        RECURRING
    }

    private static Duration dbScheduler(int executions, int hosts) throws Exception {
        return dbScheduler(executions, hosts, DbSchedulerTask.ONE_TIME, 1, Optional.empty());
    }

    /**
     * @param kind   one-time tasks (each execution deleted) or recurring ones ({@code OnCompleteReschedule},
     *               each execution's row updated with its next time, as schedex's schedules are)
     * @param spread the executions' times spread over this many seconds from now
     * @param cost   measures the run's cost in the database, if given
     */
    private static Duration dbScheduler(
            int executions, int hosts, DbSchedulerTask kind, int spread, Optional<DatabaseCost> cost) throws Exception {
        String schema = freshSchema("bench_dbscheduler");
        List<HikariDataSource> pools = new ArrayList<>();
        List<Scheduler> schedulers = new ArrayList<>();
        try {
            HikariDataSource setup = pool(schema, 2);
            pools.add(setup);
            Jdbi.create(setup).useHandle(h -> {
                h.execute("CREATE TABLE scheduled_tasks (task_name TEXT NOT NULL, task_instance TEXT NOT NULL,"
                        + " task_data BYTEA, execution_time TIMESTAMP WITH TIME ZONE NOT NULL, picked BOOLEAN NOT NULL,"
                        + " picked_by TEXT, last_success TIMESTAMP WITH TIME ZONE, last_failure TIMESTAMP WITH TIME ZONE,"
                        + " consecutive_failures INT, last_heartbeat TIMESTAMP WITH TIME ZONE, version BIGINT NOT NULL,"
                        + " priority SMALLINT, PRIMARY KEY (task_name, task_instance))");
                h.execute("CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time)");
                h.execute("CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat)");
                h.execute(
                        "CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC)");
                h.createUpdate("INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version,"
                                + " priority) SELECT 'noop', 'i-' || i, now() - interval '1 second'"
                                + " + (i % :spread) * interval '1 second', FALSE, 1, 0"
                                + " FROM generate_series(1, :n) AS i")
                        .bind("n", executions)
                        .bind("spread", spread)
                        .execute();
            });
            settle(Jdbi.create(setup), "scheduled_tasks");
            LongAdder executed = new LongAdder();
            Task<Void> task = kind == DbSchedulerTask.ONE_TIME
                    ? Tasks.oneTime("noop").execute((instance, context) -> executed.increment())
                    : Tasks.custom("noop", Void.class).execute((instance, context) -> {
                        executed.increment();
                        return new CompletionHandler.OnCompleteReschedule<>(Schedules.fixedDelay(Duration.ofHours(1)));
                    });
            cost.ifPresent(DatabaseCost::start);
            long start = System.nanoTime();
            for (int i = 0; i < hosts; i++) {
                HikariDataSource pool = pool(schema, 12);
                pools.add(pool);
                Scheduler scheduler = Scheduler.create(
                                cost.map(c -> c.counting(pool)).orElse(pool), task)
                        .threads(10)
                        .pollingInterval(Duration.ofMillis(100))
                        .pollUsingLockAndFetch(0.5, 3.0)
                        .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed("host-" + i))
                        .build();
                schedulers.add(scheduler);
                scheduler.start();
            }
            while (executed.sum() < executions) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            // the last executions' completions are written after they count themselves
            schedulers.forEach(Scheduler::stop);
            cost.ifPresent(DatabaseCost::stop);
            return took;
        } finally {
            schedulers.forEach(Scheduler::stop);
            pools.forEach(HikariDataSource::close);
            cost.ifPresent(DatabaseCost::readAfterClose);
            dropSchema(schema);
        }
    }

    /** The claim of 100 due schedules with 10k, 100k and 1M stored: median and mean of 200 claims, and the plan. */
    private static void dueQuery() {
        System.out.println("| schedules stored | due | claimDue(100), median of " + CLAIMS + " | mean |");
        System.out.println("|---|---|---|---|");
        String plan = "";
        for (int stored : new int[] {10_000, 100_000, 1_000_000}) {
            String schema = freshSchema("bench_due");
            try (HikariDataSource pool = pool(schema, 2)) {
                JdbiScheduleStore store = JdbiScheduleStore.builder(pool).build();
                store.migrate();
                Jdbi jdbi = Jdbi.create(pool);
                insertDueSchedules(jdbi, 100, stored - 100);
                // settled as a table that has been there a while: statistics, visibility map, no
                // autovacuum or checkpoint of the fresh rows running into the measurement
                jdbi.useHandle(h -> {
                    h.execute("VACUUM ANALYZE schedex_schedules");
                    h.execute("VACUUM ANALYZE schedex_schedule_states");
                    h.execute("CHECKPOINT");
                });
                long[] took = new long[CLAIMS];
                for (int i = -WARM_UP_CLAIMS; i < CLAIMS; i++) {
                    long start = System.nanoTime();
                    int claimed = store.claimDue(DUE, 100, "bench", DUE.plusSeconds(60))
                            .size();
                    if (i >= 0) {
                        took[i] = System.nanoTime() - start;
                    }
                    if (claimed != 100) {
                        throw new IllegalStateException("claimed " + claimed);
                    }
                    jdbi.useHandle(
                            h -> h.execute("UPDATE schedex_schedule_states SET lease_owner = NULL, lease_token = NULL,"
                                    + " lease_until = NULL WHERE lease_token IS NOT NULL"));
                }
                Arrays.sort(took);
                System.out.printf(
                        Locale.ROOT,
                        "| %,d | 100 | %.2f ms | %.2f ms |%n",
                        stored,
                        took[CLAIMS / 2] / 1e6,
                        Arrays.stream(took).average().orElseThrow() / 1e6);
                // the store's due query, in a transaction set up as the store sets up a claim's
                plan = jdbi.inTransaction(h -> {
                    h.execute("SET LOCAL enable_bitmapscan = off; SET LOCAL plan_cache_mode = force_custom_plan");
                    return String.join(
                            "\n",
                            h.createQuery("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF)"
                                            + " SELECT id FROM schedex_schedule_states WHERE active = TRUE AND next_run_at <= :now"
                                            + " AND (lease_until IS NULL OR lease_until < :now) ORDER BY next_run_at LIMIT 100"
                                            + " FOR UPDATE SKIP LOCKED")
                                    .bind("now", DUE.toEpochMilli())
                                    .mapTo(String.class)
                                    .list());
                });
            } finally {
                dropSchema(schema);
            }
        }
        System.out.println();
        System.out.println("Plan of the due query with 1,000,000 stored:");
        System.out.println("```");
        System.out.println(plan);
        System.out.println("```");
    }
}

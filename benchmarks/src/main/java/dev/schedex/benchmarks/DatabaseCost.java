package dev.schedex.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * What one measured run cost PostgreSQL, from its own counters, machine-independent but for the CPU:
 * the WAL its data records took (with and without full-page images), the index entries written (B-tree
 * leaf insertions in that WAL), the rows written (heap inserts, updates and deletes in that WAL; row
 * locks are in the bytes but not counted as rows), the statements sent
 * (counted on the connections), the commits ({@code pg_stat_database}) and the CPU time of the
 * database's backends ({@code /proc}). It works in a database of its own ({@link
 * PostgresThroughput#COST_DATABASE}), so that the WAL it reads (through {@code pg_walinspect}) can be
 * told apart from other databases' by the blocks each record touches. Commit records touch no block
 * and are left out of the WAL figures; the commits are counted instead.
 */
final class DatabaseCost {

    private final LongAdder statements = new LongAdder();
    private final int executions;
    private String startLsn = "";
    private String endLsn = "";
    private long databaseOid;
    private long commitsAtStart;
    private Map<Integer, Long> cpuAtStart = Map.of();
    private long cpuTicks;
    private Result result = new Result(0, 0, 0, 0, 0, 0, 0);
    private List<String> breakdown = List.of();

    /** @param executions how many executions the run does, to divide by */
    DatabaseCost(int executions) {
        this.executions = executions;
    }

    /**
     * The figures, per execution.
     *
     * @param walBytes       WAL of the data records, without full-page images
     * @param fpiBytes       full-page images in that WAL
     * @param indexEntries   B-tree leaf insertions
     * @param rowsWritten    rows inserted, updated or deleted
     * @param statements     statements sent
     * @param commits        transactions committed
     * @param cpuMicros      CPU time of the database's backends, in microseconds
     */
    record Result(
            double walBytes,
            double fpiBytes,
            double indexEntries,
            double rowsWritten,
            double statements,
            double commits,
            double cpuMicros) {}

    /** Makes the cost database, with {@code pg_walinspect}, if it is not there. */
    static void prepareDatabase() {
        try (HikariDataSource admin = PostgresThroughput.pool("public", 1)) {
            Jdbi.create(admin).useHandle(h -> {
                boolean exists = h.createQuery("SELECT count(*) FROM pg_database WHERE datname = :name")
                                .bind("name", PostgresThroughput.COST_DATABASE)
                                .mapTo(Integer.class)
                                .one()
                        > 0;
                if (!exists) {
                    h.execute("CREATE DATABASE " + PostgresThroughput.COST_DATABASE);
                }
            });
        }
    }

    /** @param pool a pool of the measured system @return the same connections, with their statements counted */
    DataSource counting(DataSource pool) {
        return (DataSource) Proxy.newProxyInstance(
                DatabaseCost.class.getClassLoader(),
                new Class<?>[] {DataSource.class},
                forward(
                        pool,
                        (method, value) ->
                                value instanceof Connection connection ? countingConnection(connection) : value));
    }

    private Connection countingConnection(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                DatabaseCost.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                forward(
                        connection,
                        (method, value) ->
                                value instanceof Statement statement ? countingStatement(statement) : value));
    }

    private Object countingStatement(Statement statement) {
        List<Class<?>> interfaces = List.of(statement.getClass().getInterfaces());
        Class<?> face = interfaces.contains(java.sql.CallableStatement.class)
                ? java.sql.CallableStatement.class
                : statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
        return Proxy.newProxyInstance(
                DatabaseCost.class.getClassLoader(), new Class<?>[] {face}, (proxy, method, args) -> {
                    String name = method.getName();
                    // a batch counts each statement in it; a plain execute counts one
                    if (name.equals("addBatch") || (name.startsWith("execute") && !name.equals("executeBatch"))) {
                        statements.increment();
                    }
                    try {
                        return method.invoke(statement, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private interface Wrap {
        Object apply(java.lang.reflect.Method method, Object value);
    }

    private static InvocationHandler forward(Object target, Wrap wrap) {
        return (proxy, method, args) -> {
            try {
                Object value = method.invoke(target, args);
                return value == null ? null : wrap.apply(method, value);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }

    /** Reads the counters before the measured part. */
    void start() {
        try (HikariDataSource admin = PostgresThroughput.pool("public", 1)) {
            Jdbi.create(admin).useHandle(h -> {
                h.execute("CREATE EXTENSION IF NOT EXISTS pg_walinspect");
                databaseOid = h.createQuery("SELECT oid FROM pg_database WHERE datname = current_database()")
                        .mapTo(Long.class)
                        .one();
                commitsAtStart = commits(h);
                startLsn = h.createQuery("SELECT pg_current_wal_lsn()::text")
                        .mapTo(String.class)
                        .one();
            });
        }
        statements.reset();
        cpuAtStart = backendCpu();
    }

    /** Reads what must be read while the measured system's connections are open. */
    void stop() {
        Map<Integer, Long> now = backendCpu();
        cpuTicks = now.entrySet().stream()
                .mapToLong(e -> e.getValue() - cpuAtStart.getOrDefault(e.getKey(), 0L))
                .sum();
        try (HikariDataSource admin = PostgresThroughput.pool("public", 1)) {
            // the flushed end, not the inserted one: pg_walinspect refuses an end past what is flushed,
            // and every measured commit is flushed by now
            endLsn = Jdbi.create(admin)
                    .withHandle(h -> h.createQuery("SELECT pg_current_wal_flush_lsn()::text")
                            .mapTo(String.class)
                            .one());
        }
    }

    /** Reads the rest once the measured system's connections are closed, which flushes their statistics. */
    void readAfterClose() {
        if (endLsn.isEmpty()) {
            return;
        }
        try (HikariDataSource admin = PostgresThroughput.pool("public", 1)) {
            result = Jdbi.create(admin).withHandle(h -> {
                for (int i = 0; i < 100; i++) {
                    int others = h.createQuery(
                                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                            + " AND pid <> pg_backend_pid()")
                            .mapTo(Integer.class)
                            .one();
                    if (others == 0) {
                        break;
                    }
                    pause();
                }
                h.execute("SELECT pg_stat_force_next_flush()");
                long commits = commits(h) - commitsAtStart;
                String ours = "% rel %/" + databaseOid + "/%";
                Map<String, Object> wal = h.createQuery(
                                "SELECT coalesce(sum(record_length - fpi_length), 0) AS wal,"
                                        + " coalesce(sum(fpi_length), 0) AS fpi,"
                                        + " count(*) FILTER (WHERE resource_manager = 'Btree' AND (record_type LIKE 'INSERT_LEAF%'"
                                        + " OR record_type LIKE 'INSERT_POST%' OR record_type LIKE 'SPLIT%')) AS index_entries,"
                                        + " count(*) FILTER (WHERE resource_manager = 'Heap' AND (record_type LIKE 'INSERT%'"
                                        + " OR record_type LIKE 'UPDATE%' OR record_type LIKE 'HOT_UPDATE%'"
                                        + " OR record_type LIKE 'DELETE%')) AS rows"
                                        + " FROM pg_get_wal_records_info(:start::pg_lsn, :end::pg_lsn) WHERE block_ref LIKE :ours")
                        .bind("start", startLsn)
                        .bind("end", endLsn)
                        .bind("ours", ours)
                        .mapToMap()
                        .one();
                breakdown = h.createQuery("SELECT coalesce(c.relname, 'other') AS relation, w.resource_manager || '/'"
                                + " || split_part(w.record_type, ' ', 1) AS record, count(*) AS records,"
                                + " sum(w.record_length - w.fpi_length) AS bytes"
                                + " FROM pg_get_wal_records_info(:start::pg_lsn, :end::pg_lsn) w"
                                + " LEFT JOIN pg_class c ON c.relfilenode = substring(w.block_ref FROM"
                                + " 'rel [0-9]+/[0-9]+/([0-9]+)')::oid"
                                + " WHERE w.block_ref LIKE :ours GROUP BY 1, 2 ORDER BY 4 DESC")
                        .bind("start", startLsn)
                        .bind("end", endLsn)
                        .bind("ours", ours)
                        .map((rs, ctx) -> String.format(
                                Locale.ROOT,
                                "| %s | %s | %.2f | %,.0f |",
                                rs.getString("relation"),
                                rs.getString("record"),
                                rs.getLong("records") / (double) executions,
                                rs.getLong("bytes") / (double) executions))
                        .list();
                double n = executions;
                return new Result(
                        number(wal, "wal") / n,
                        number(wal, "fpi") / n,
                        number(wal, "index_entries") / n,
                        number(wal, "rows") / n,
                        statements.sum() / n,
                        commits / n,
                        cpuTicks * (1e6 / clockTicksPerSecond()) / n);
            });
        }
    }

    private static double number(Map<String, Object> row, String column) {
        return ((Number) java.util.Objects.requireNonNull(row.get(column), column)).doubleValue();
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return where the WAL went, per execution: a table row per relation and record type, the most bytes first */
    List<String> breakdown() {
        return breakdown;
    }

    /** @return the figures per execution, once {@link #readAfterClose()} ran */
    Result result() {
        return result;
    }

    private static long commits(org.jdbi.v3.core.Handle h) {
        return h.createQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
                .mapTo(Long.class)
                .one();
    }

    /** CPU time (user and system, in clock ticks) of each backend of the cost database, by process id. */
    private static Map<Integer, Long> backendCpu() {
        Map<Integer, Long> cpu = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.toList()) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String title = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (!title.startsWith("postgres: ")
                            || !title.contains(" " + PostgresThroughput.COST_DATABASE + " ")) {
                        continue;
                    }
                    String stat = Files.readString(process.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name
                    cpu.put(Integer.parseInt(name), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return cpu;
    }

    private static long clockTicksPerSecond() {
        return 100; // USER_HZ on Linux
    }

    /** @return the figures as a row of the cost table */
    String row(String system, String situation, double perSecond) {
        return String.format(
                Locale.ROOT,
                "| %s | %s | %s | %,.0f | %,.0f | %.1f | %.2f | %.2f | %.3f | %,.0f |",
                system,
                situation,
                perSecond > 0 ? String.format(Locale.ROOT, "%,.0f", perSecond) : "n/a",
                result.walBytes(),
                result.fpiBytes(),
                result.indexEntries(),
                result.rowsWritten(),
                result.statements(),
                result.commits(),
                result.cpuMicros());
    }
}

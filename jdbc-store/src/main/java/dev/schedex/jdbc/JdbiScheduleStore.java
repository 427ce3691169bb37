package dev.schedex.jdbc;

import dev.schedex.ExportRun;
import dev.schedex.ExportSchedule;
import dev.schedex.Page;
import dev.schedex.RunStatus;
import dev.schedex.ScheduleQuery;
import dev.schedex.spi.store.Claim;
import dev.schedex.spi.store.ClaimEnd;
import dev.schedex.spi.store.FinishResult;
import dev.schedex.spi.store.Lease;
import dev.schedex.spi.store.RunStart;
import dev.schedex.spi.store.ScheduleStore;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent {@link ScheduleStore}: schedules (their definitions, and apart from them their
 * changing states) and runs in three tables of an H2, PostgreSQL or MariaDB database, through Jdbi, with Flyway migrations. Many hosts may share one database: it does
 * the coordination.
 *
 * <pre>{@code
 * JdbiScheduleStore store = JdbiScheduleStore.builder(dataSource).build();
 * store.migrate();   // or run Dialect.migrationLocation() with the host's own Flyway
 * }</pre>
 *
 * <p>Claims on PostgreSQL and MariaDB take due rows with {@code SELECT ... FOR UPDATE SKIP LOCKED}
 * and lease them in the same transaction, so concurrent hosts take different rows without waiting
 * on each other; on H2 each row is leased by a conditional update. Every write after a claim is
 * fenced by the lease token (and finishing also by the revision). On PostgreSQL and MariaDB lease
 * expiry is judged by the database's clock ({@link Builder#useDatabaseClock(boolean)}), so a host
 * whose clock is off does not steal live work; every statement has a time limit
 * ({@link Builder#queryTimeout(Duration)}).
 *
 * <p>Instants are stored as epoch milliseconds in {@code BIGINT} columns: exact, and independent of
 * session and JVM time zones. See {@code docs/stores.md} for the schema.
 */
public final class JdbiScheduleStore implements ScheduleStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbiScheduleStore.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /**
     * The statements, one {@code .sql} resource each in {@code dev/schedex/jdbc/JdbiScheduleStore/}:
     * Jdbi's layout for a class's SQL. The comments say what each statement does and why; they are
     * removed before the statement is sent.
     */
    private static final ClasspathSqlLocator STATEMENTS = ClasspathSqlLocator.removingComments();

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final boolean databaseClock;
    private final Transactions transactions;
    private final Migrations migrations;

    private JdbiScheduleStore(Builder b) {
        this.jdbi = b.jdbi;
        this.dialect = b.dialect != null
                ? b.dialect
                : b.jdbi.withHandle(h -> {
                    try {
                        return Dialect.of(h.getConnection());
                    } catch (SQLException e) {
                        throw new IllegalStateException("cannot read the database's metadata to detect its dialect", e);
                    }
                });
        Optional<String> schema = Optional.ofNullable(b.schema);
        this.databaseClock = b.databaseClock != null ? b.databaseClock : dialect.databaseClockByDefault();
        this.transactions = new Transactions(jdbi, (int) b.queryTimeout.getSeconds(), dialect.uuidArguments());
        this.migrations = new Migrations(b.dataSource, dialect, schema, b.prefix);
        String qualifier = schema.map(s -> s + ".").orElse("");
        jdbi.define("schedules", qualifier + b.prefix + "schedules")
                .define("states", qualifier + b.prefix + "schedule_states")
                .define("runs", qualifier + b.prefix + "runs")
                .define("scheduleColumns", sql("schedule-columns").strip())
                .define("runColumns", sql("run-columns").strip());
        dialect.defines().forEach(jdbi::define);
    }

    /** The text of a statement, by the name of its file. */
    private static String sql(String name) {
        return STATEMENTS.locate(JdbiScheduleStore.class, name);
    }

    /**
     * @param dataSource the database; the store takes a connection per operation and returns it
     * @return a builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Jdbi.create(Objects.requireNonNull(dataSource, "dataSource")), dataSource);
    }

    /**
     * @param jdbi       a Jdbi the host already has
     * @param dataSource the data source behind it, for Flyway
     * @return a builder
     */
    public static Builder builder(Jdbi jdbi, DataSource dataSource) {
        return new Builder(Objects.requireNonNull(jdbi, "jdbi"), Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** @return the dialect in use, detected or set */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Applies schedex's migrations with its own Flyway history table ({@code schedex_schema_history}),
     * in the configured schema, with the configured table prefix. A host's own Flyway history and
     * tables are not touched.
     *
     * @return how many migrations were applied
     */
    public int migrate() {
        return migrations.migrate();
    }

    /**
     * A Flyway configured for schedex's migrations, for a host that wants to inspect or drive them.
     *
     * @return the Flyway
     */
    public Flyway flyway() {
        return migrations.flyway();
    }

    @Override
    public void insert(ExportSchedule schedule) {
        transactions.run(h -> {
            if (exists(h, schedule.id())) {
                throw new IllegalStateException("a schedule with id " + schedule.id() + " exists");
            }
            ScheduleRows.bindDefinition(h.createUpdate(sql("insert-schedule")), schedule)
                    .execute();
            ScheduleRows.bindState(h.createUpdate(sql("insert-state")), schedule)
                    .execute();
            return null;
        });
    }

    private static boolean exists(Handle h, UUID id) {
        return h.createQuery(sql("schedule-exists"))
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    @Override
    public Optional<ExportSchedule> find(UUID id) {
        return transactions.run(h -> h.createQuery(sql("find-schedule"))
                .bind("id", id)
                .map(ScheduleRows.SCHEDULE)
                .findOne());
    }

    @Override
    public Page<ExportSchedule> query(ScheduleQuery query) {
        return transactions.run(h -> {
            long total = bindQuery(h.createQuery(sql("count-schedules")), query)
                    .mapTo(Long.class)
                    .one();
            List<ExportSchedule> items = bindQuery(h.createQuery(sql("list-schedules")), query)
                    .bind("limit", query.limit())
                    .bind("offset", query.offset())
                    .map(ScheduleRows.SCHEDULE)
                    .list();
            return new Page<>(items, total, query.offset(), query.limit());
        });
    }

    private static Query bindQuery(Query statement, ScheduleQuery query) {
        return statement
                .bind("owner", query.ownerId())
                .bind("document", query.documentId().orElse(null))
                .bind("active", query.active().orElse(null))
                .bind("format", query.formatId().orElse(null));
    }

    @Override
    public boolean update(ExportSchedule schedule, long expectedRevision) {
        return transactions.run(h -> {
            if (ScheduleRows.bindState(h.createUpdate(sql("update-state")), schedule)
                            .bind("expected", expectedRevision)
                            .execute()
                    != 1) {
                return false;
            }
            ScheduleRows.bindDefinition(h.createUpdate(sql("update-schedule")), schedule)
                    .execute();
            return true;
        });
    }

    @Override
    public boolean delete(UUID id) {
        return transactions.run(h -> {
            h.createUpdate(sql("delete-runs-of-schedule")).bind("id", id).execute();
            h.createUpdate(sql("delete-state")).bind("id", id).execute();
            return h.createUpdate(sql("delete-schedule")).bind("id", id).execute() == 1;
        });
    }

    @Override
    public List<Claim> claimDue(Instant now, int limit, String leaseOwner, Instant leaseUntil) {
        return transactions.run(h -> {
            dialect.claimSetting().map(JdbiScheduleStore::sql).ifPresent(h::execute);
            long leaseNow = leaseNow(h, now);
            long until = leaseNow + (leaseUntil.toEpochMilli() - now.toEpochMilli());
            Map<UUID, Boolean> dueLeased = new LinkedHashMap<>();
            h.createQuery(sql(dialect.claimDue()))
                    .bind("now", now.toEpochMilli())
                    .bind("leaseNow", leaseNow)
                    .bind("limit", limit)
                    .map((rs, ctx) -> Map.entry(ScheduleRows.uuid(rs, 1), rs.getObject(2) != null))
                    .forEach(row -> dueLeased.put(row.getKey(), row.getValue()));
            if (dueLeased.isEmpty()) {
                return List.<Claim>of();
            }
            List<UUID> due = List.copyOf(dueLeased.keySet());
            Lease lease = new Lease(leaseOwner, UUID.randomUUID(), Instant.ofEpochMilli(until));
            h.createUpdate(sql("lease-due"))
                    .bind("owner", leaseOwner)
                    .bind("token", lease.token())
                    .bind("until", until)
                    .bindList("ids", due)
                    .bind("now", now.toEpochMilli())
                    .bind("leaseNow", leaseNow)
                    .execute();
            List<UUID> expired = due.stream()
                    .filter(id -> Boolean.TRUE.equals(dueLeased.get(id)))
                    .toList();
            Map<UUID, Instant> unfinished = takeOver(h, expired, now, false);
            List<Claim> claims = new ArrayList<>(due.size());
            for (ScheduleRows.Read read : h.createQuery(sql("claimed-schedules"))
                    .bindList("ids", due)
                    .bind("token", lease.token())
                    .map(ScheduleRows.READ)
                    .list()) {
                if (read.schedule().isPresent()) {
                    ExportSchedule schedule = read.schedule().get();
                    claims.add(new Claim(
                            schedule,
                            lease,
                            !expired.contains(read.id())
                                    ? Optional.empty()
                                    : Optional.ofNullable(unfinished.get(read.id()))
                                            .or(() -> schedule.state().nextOccurrence())));
                } else {
                    quarantine(h, read, lease, now);
                }
            }
            return claims;
        });
    }

    /**
     * A row that cannot be read (a time zone this JVM does not know, a schedule written by hand
     * wrongly) must not stop the other schedules: it is paused with the reason, and a failed run for
     * its occurrence says so in its history.
     */
    private void quarantine(Handle h, ScheduleRows.Read read, Lease lease, Instant now) {
        String reason = "paused: the schedule cannot be read: " + read.problem();
        LOG.error("schedule {} {}", read.id(), reason);
        boolean recorded = h.createQuery(sql("unreadable-failure-recorded"))
                        .bind("id", read.id())
                        .mapTo(Integer.class)
                        .one()
                > 0;
        if (!recorded) {
            h.createUpdate(sql("record-unreadable-failure"))
                    .bind("run", UUID.randomUUID())
                    .bind("host", lease.owner())
                    .bind("now", now.toEpochMilli())
                    .bind("message", reason)
                    .bind("id", read.id())
                    .execute();
        }
        h.createUpdate(sql("pause-unreadable"))
                .bind("reason", reason.length() > 2000 ? reason.substring(0, 2000) : reason)
                .bind("now", now.toEpochMilli())
                .bind("id", read.id())
                .execute();
    }

    @Override
    public Optional<Claim> claim(UUID id, Instant now, String leaseOwner, Instant leaseUntil) {
        return transactions.run(h -> {
            long leaseNow = leaseNow(h, now);
            long until = leaseNow + (leaseUntil.toEpochMilli() - now.toEpochMilli());
            Lease lease = new Lease(leaseOwner, UUID.randomUUID(), Instant.ofEpochMilli(until));
            boolean expired = h.createQuery(sql("has-lease"))
                            .bind("id", id)
                            .mapTo(Integer.class)
                            .one()
                    > 0;
            int leased = h.createUpdate(sql("lease-one"))
                    .bind("owner", leaseOwner)
                    .bind("token", lease.token())
                    .bind("until", until)
                    .bind("id", id)
                    .bind("leaseNow", leaseNow)
                    .execute();
            if (leased != 1) {
                return Optional.<Claim>empty();
            }
            if (expired) {
                takeOver(h, List.of(id), now, true);
            }
            return h.createQuery(sql("find-schedule"))
                    .bind("id", id)
                    .map(ScheduleRows.SCHEDULE)
                    .findOne()
                    .map(schedule -> new Claim(schedule, lease));
        });
    }

    /**
     * Takes over what expired leases left on schedules (see {@link ScheduleStore#claimDue}): of each
     * schedule's RUNNING runs the latest stays so, to be started again, unless the claim is a run-now
     * call's; the others are recorded as abandoned. Expired leases are rare, so this costs a claim
     * nothing in the usual case.
     *
     * @return the occurrence of each schedule's run that stays RUNNING, by schedule id
     */
    private static Map<UUID, Instant> takeOver(Handle h, List<UUID> scheduleIds, Instant now, boolean forRunNow) {
        if (scheduleIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Instant> latest = new HashMap<>();
        PreparedBatch abandon = h.prepareBatch(sql("abandon-runs"));
        h.createQuery(sql("running-runs"))
                .bindList("ids", scheduleIds)
                .map((rs, ctx) -> Map.entry(ScheduleRows.uuid(rs, 1), rs.getLong(2)))
                .forEach(run -> {
                    if (forRunNow || latest.putIfAbsent(run.getKey(), Instant.ofEpochMilli(run.getValue())) != null) {
                        abandon.bind("schedule", run.getKey())
                                .bind("occurrence", run.getValue())
                                .bind("now", now.toEpochMilli())
                                .bind("message", ExportRun.ABANDONED)
                                .add();
                    }
                });
        if (abandon.size() > 0) {
            abandon.execute();
        }
        return latest;
    }

    /** Locks a schedule's row and tells whether the lease is still held on it. */
    private static boolean holds(Handle h, UUID scheduleId, Lease lease) {
        return h.createQuery(sql("lock-lease-token"))
                .bind("id", scheduleId)
                .mapTo(String.class)
                .findOne()
                .map(token -> UUID.fromString(token.strip()).equals(lease.token()))
                .orElse(false);
    }

    /** Starts the runs of a batch in one transaction: the common case is one batched statement for all. */
    @Override
    public List<Optional<ExportRun>> startRuns(List<RunStart> starts) {
        if (starts.isEmpty()) {
            return List.of();
        }
        return transactions.run(h -> {
            PreparedBatch batch = h.prepareBatch(sql("start-run-if-first"));
            for (RunStart start : starts) {
                ScheduleRows.bindRun(batch, start.run())
                        .bind("token", start.lease().token())
                        .add();
            }
            int[] inserted = batch.execute();
            List<Optional<ExportRun>> started = new ArrayList<>(starts.size());
            for (int i = 0; i < starts.size(); i++) {
                RunStart start = starts.get(i);
                started.add(inserted[i] == 1 ? Optional.of(start.run()) : startAgain(h, start.run(), start.lease()));
            }
            return started;
        });
    }

    /** A run whose occurrence has a run already (a retry, a take-over), or whose lease is gone. */
    private Optional<ExportRun> startAgain(Handle h, ExportRun run, Lease lease) {
        if (!holds(h, run.scheduleId(), lease)) {
            return Optional.empty();
        }
        ExportRun previous = h.createQuery(sql("find-run"))
                .bind("schedule", run.scheduleId())
                .bind("occurrence", run.occurrence().toEpochMilli())
                .map(ScheduleRows.RUN)
                .one();
        if (previous.status() == RunStatus.SUCCEEDED || previous.status() == RunStatus.SKIPPED) {
            return Optional.empty();
        }
        ExportRun takenOver = previous.takenOver(run);
        ScheduleRows.bindRun(h.createUpdate(sql("update-run")), takenOver).execute();
        return Optional.of(takenOver);
    }

    /**
     * Records the ends of claims in one transaction: the schedules' states in one batched update, fenced
     * by revision and lease token, then their runs in another. The revision fence guarantees that the
     * definitions are unchanged, so only the state columns are written.
     */
    @Override
    public List<FinishResult> finishAll(List<ClaimEnd> ends) {
        if (ends.isEmpty()) {
            return List.of();
        }
        return transactions.run(h -> {
            PreparedBatch states = h.prepareBatch(sql("finish-schedule"));
            for (ClaimEnd end : ends) {
                ScheduleRows.bindState(states, end.schedule())
                        .bind("expected", end.expectedRevision())
                        .bind("token", end.lease().token())
                        .add();
            }
            int[] updated = states.execute();
            List<FinishResult> results = new ArrayList<>(ends.size());
            List<ExportRun> runs = new ArrayList<>();
            for (int i = 0; i < ends.size(); i++) {
                ClaimEnd end = ends.get(i);
                if (updated[i] == 1) {
                    results.add(FinishResult.FINISHED);
                    end.run().ifPresent(runs::add);
                } else {
                    // nothing written: tell a lost lease from a changed schedule
                    results.add(
                            holds(h, end.schedule().id(), end.lease())
                                    ? FinishResult.VERSION_CHANGED
                                    : FinishResult.LEASE_LOST);
                }
            }
            if (!runs.isEmpty()) {
                PreparedBatch runUpdates = h.prepareBatch(sql("update-run"));
                runs.forEach(run -> ScheduleRows.bindRun(runUpdates, run).add());
                int[] written = runUpdates.execute();
                for (int i = 0; i < runs.size(); i++) {
                    if (written[i] == 0) {
                        ScheduleRows.bindRun(h.createUpdate(sql("insert-run")), runs.get(i))
                                .execute();
                    }
                }
            }
            return results;
        });
    }

    @Override
    public List<ExportRun> runs(UUID scheduleId, Optional<Instant> before, int limit) {
        return transactions.run(h -> {
            Query query = h.createQuery(sql(before.isPresent() ? "runs-before" : "runs-newest"))
                    .bind("schedule", scheduleId)
                    .bind("limit", limit);
            before.ifPresent(occurrence -> query.bind("before", occurrence.toEpochMilli()));
            return query.map(ScheduleRows.RUN).list();
        });
    }

    @Override
    public int releaseLeases(String leaseOwner) {
        return transactions.run(h ->
                h.createUpdate(sql("release-leases")).bind("owner", leaseOwner).execute());
    }

    @Override
    public int deleteRunsFinishedBefore(Instant cutoff) {
        return transactions.run(h -> h.createUpdate(sql("delete-runs-finished-before"))
                .bind("cutoff", cutoff.toEpochMilli())
                .execute());
    }

    /** The time leases are judged by: the host's {@code now}, or the database's clock. */
    private long leaseNow(Handle h, Instant now) {
        if (!databaseClock) {
            return now.toEpochMilli();
        }
        return h.createQuery(sql("database-clock")).mapTo(Long.class).one();
    }

    /** Configures a store. */
    public static final class Builder {
        private final Jdbi jdbi;
        private final DataSource dataSource;
        private @Nullable Dialect dialect;
        private @Nullable String schema;
        private String prefix = "schedex_";
        private @Nullable Boolean databaseClock;
        private Duration queryTimeout = Duration.ofSeconds(30);

        private Builder(Jdbi jdbi, DataSource dataSource) {
            this.jdbi = jdbi;
            this.dataSource = dataSource;
        }

        /** @param value the engine, instead of detecting it from the connection @return this builder */
        public Builder dialect(Dialect value) {
            this.dialect = Objects.requireNonNull(value, "dialect");
            return this;
        }

        /**
         * @param value the schema (a database, on MariaDB) the tables live in; default the connection's own
         * @return this builder
         */
        public Builder schema(String value) {
            this.schema = identifier("schema", value);
            return this;
        }

        /** @param value the prefix of the table names, default {@code schedex_} @return this builder */
        public Builder tablePrefix(String value) {
            this.prefix = value.isEmpty() ? value : identifier("table prefix", value);
            return this;
        }

        /**
         * Whether lease expiry is judged by the database's clock rather than by the instants the hosts
         * tick with. On by default for PostgreSQL and MariaDB, which many hosts share: a host whose
         * clock runs ahead would otherwise see live leases as expired and run their occurrences a
         * second time. Off by default for H2, whose clock is the JVM's when embedded. Turn it off where
         * ticks run on instants of their own (simulations, tests with a fixed clock): lease expiry would
         * then follow real time while due times follow the ticks'. See {@code docs/stores.md}.
         *
         * @param value true to judge lease expiry by the database's clock
         * @return this builder
         */
        public Builder useDatabaseClock(boolean value) {
            this.databaseClock = value;
            return this;
        }

        /**
         * A time limit for each statement the store runs (JDBC's query timeout), so that a tick is
         * bounded however the pool and driver are configured: a statement that waits on a lock or a
         * hung server fails with the driver's timeout error after it, and the tick throws.
         *
         * @param timeout at least a second, whole seconds (default 30 seconds)
         * @return this builder
         */
        public Builder queryTimeout(Duration timeout) {
            if (timeout.compareTo(Duration.ofSeconds(1)) < 0
                    || timeout.getNano() != 0
                    || timeout.getSeconds() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "the query timeout must be a whole number of seconds, at least one," + " was " + timeout);
            }
            this.queryTimeout = timeout;
            return this;
        }

        private static String identifier(String what, String value) {
            if (!IDENTIFIER.matcher(value).matches()) {
                throw new IllegalArgumentException(
                        what + " must be letters, digits and underscores, was '" + value + "'");
            }
            return value;
        }

        /** @return the store; the tables must exist (see {@link JdbiScheduleStore#migrate()}) */
        public JdbiScheduleStore build() {
            return new JdbiScheduleStore(this);
        }
    }
}

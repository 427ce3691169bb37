package dev.schedex.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.ExportRun;
import dev.schedex.ExportSchedule;
import dev.schedex.schedule.NonBusinessDay;
import dev.schedex.schedule.Schedule;
import dev.schedex.spi.store.Claim;
import dev.schedex.spi.store.ScheduleStore;
import dev.schedex.testing.ScheduleStoreContract;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The store contract on one engine, plus what only a database store has: CHECK constraints, the
 * database clock. Each test class gets its own schema; each test starts from empty tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcStoreContract extends ScheduleStoreContract {

    private TestDatabase database;
    private JdbiScheduleStore store;

    /** @return a fresh database for this class */
    abstract TestDatabase createDatabase();

    TestDatabase database() {
        if (database == null) {
            database = createDatabase();
            store = database.storeBuilder().build();
            assertEquals(9, store.migrate(), "every migration applied");
        }
        return database;
    }

    @Override
    protected ScheduleStore newStore() {
        TestDatabase db = database();
        try {
            db.execute("DELETE FROM " + db.table("runs"));
            db.execute("DELETE FROM " + db.table("schedule_states"));
            db.execute("DELETE FROM " + db.table("schedules"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return store;
    }

    @AfterAll
    void dropDatabase() throws SQLException {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theDialectIsDetected() {
        assertEquals(database().dialect(), store.dialect());
    }

    @Test
    void migratingAgainChangesNothing() {
        assertEquals(0, store.migrate());
    }

    @Test
    void rowsWrittenBeforeIdsBecameUuidsAreReadAfterIt() throws SQLException {
        try (TestDatabase old = createDatabase()) {
            JdbiScheduleStore upgraded = old.storeBuilder().build();
            Flyway.configure()
                    .configuration(upgraded.flyway().getConfiguration())
                    .target("8")
                    .load()
                    .migrate();
            // as the store wrote them until V9: ids and the lease token as text
            String id = "0b5c2f4e-6a1d-4c3b-9e8f-7a6b5c4d3e2f";
            String token = "9f8e7d6c-5b4a-4321-8fed-cba987654321";
            String run = "1a2b3c4d-5e6f-4a0b-8c1d-2e3f4a5b6c7d";
            String yes = old.dialect() == Dialect.MARIADB ? "1" : "TRUE";
            String no = old.dialect() == Dialect.MARIADB ? "0" : "FALSE";
            old.execute("INSERT INTO " + old.table("schedules") + " (id, owner_id, document_id, name, kind, cron,"
                    + " zone, format_id, format_settings, destination_type, destination_parameters, misfire_policy,"
                    + " only_when_changed, created_at) VALUES ('" + id + "', 'alice', 'doc', 'nightly', 'cron',"
                    + " '0 2 * * *', 'Europe/Berlin', 'png', '{}', 'filesystem', '{}', 'RUN_ONCE', " + no + ", 0)");
            old.execute("INSERT INTO " + old.table("schedule_states") + " (id, active, next_run_at, next_occurrence,"
                    + " run_count, error_count, consecutive_failures, updated_at, version, revision, lease_owner,"
                    + " lease_token, lease_until) VALUES ('" + id + "', " + yes + ", 5000, 5000, 1, 0, 0, 0, 1, 1,"
                    + " 'host-a', '" + token + "', 6000)");
            old.execute("INSERT INTO " + old.table("runs") + " (id, schedule_id, occurrence, attempt, host,"
                    + " started_at, format_id, status) VALUES ('" + run + "', '" + id + "', 4000, 1, 'host-a', 4100,"
                    + " 'png', 'RUNNING')");

            assertEquals(1, upgraded.migrate(), "V9 applied over the rows");

            UUID scheduleId = UUID.fromString(id);
            assertEquals("nightly", upgraded.find(scheduleId).orElseThrow().name());
            List<ExportRun> runs = upgraded.runs(scheduleId, Optional.empty(), 10);
            assertEquals(
                    List.of(UUID.fromString(run)),
                    runs.stream().map(ExportRun::id).toList());
            // the lease survived: it is live until 6000, so no claim at 5500 takes the schedule
            assertEquals(
                    List.of(), upgraded.claimDue(Instant.ofEpochMilli(5500), 10, "host-b", Instant.ofEpochMilli(9000)));
            // and once it has expired, a claim takes over the run it left RUNNING
            List<Claim> claims =
                    upgraded.claimDue(Instant.ofEpochMilli(7000), 10, "host-b", Instant.ofEpochMilli(9000));
            assertEquals(
                    List.of(scheduleId),
                    claims.stream().map(c -> c.schedule().id()).toList());
        }
    }

    @Test
    void rowsTheServiceWouldRefuseCannotBeWrittenByHand() throws SQLException {
        ExportSchedule valid = schedule("alice", T0);
        store().insert(valid);
        String table = database().table("schedules");
        String id = "'" + valid.id() + "'";
        List<String> badChanges = List.of(
                "owner_id = ''",
                "name = '   '",
                "kind = 'hourly'",
                "time_of_day = '25:00'",
                "time_of_day = '2:00'",
                "days = 'MON,XYZ'",
                "day_of_month = 15",
                "ordinal = 6",
                "misfire_policy = 'SOMETIMES'",
                "start_at = 100, end_at = 50");
        String states = database().table("schedule_states");
        List<String> badStates = List.of(
                "last_status = 'MAYBE'",
                "run_count = -1",
                "lease_token = 'x'",
                "next_run_at = NULL",
                "revision = 0",
                "active = " + (database().dialect() == Dialect.MARIADB ? "0" : "FALSE"));
        for (String change : badChanges) {
            assertThrows(
                    Exception.class,
                    () -> database().execute("UPDATE " + table + " SET " + change + " WHERE id = " + id),
                    change);
        }
        for (String change : badStates) {
            assertThrows(
                    Exception.class,
                    () -> database().execute("UPDATE " + states + " SET " + change + " WHERE id = " + id),
                    change);
        }
        assertEquals(valid, store().find(valid.id()).orElseThrow(), "the row is unchanged");
    }

    @Test
    void intervalRowsTheServiceWouldRefuseCannotBeWrittenByHand() throws SQLException {
        ExportSchedule s = schedule("alice", T0);
        ExportSchedule biweekly = withSchedule(
                s,
                Schedule.every(
                        2,
                        ChronoUnit.WEEKS,
                        LocalDate.of(2026, 12, 7),
                        Schedule.weekly(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(9, 0))));
        ExportSchedule plain = schedule("alice", T0);
        store().insert(biweekly);
        store().insert(plain);
        String table = database().table("schedules");
        List<String> badChanges = List.of(
                "interval_count = 0",
                "interval_count = 1000",
                "interval_count = NULL",
                "interval_unit = 'hours'",
                "interval_unit = 'days'",
                "interval_from = '2026-12-7'",
                "interval_from = NULL",
                "kind = 'weekly'",
                "cron = '0 0 * * *'",
                "days = NULL");
        for (String change : badChanges) {
            assertThrows(
                    Exception.class,
                    () -> database()
                            .execute("UPDATE " + table + " SET " + change + " WHERE id = '" + biweekly.id() + "'"),
                    change);
        }
        assertThrows(
                Exception.class,
                () -> database()
                        .execute("UPDATE " + table + " SET interval_count = 2" + " WHERE id = '" + plain.id() + "'"),
                "interval columns on another kind");
        assertEquals(biweekly, store().find(biweekly.id()).orElseThrow(), "the row is unchanged");
    }

    @Test
    void businessCalendarRowsTheServiceWouldRefuseCannotBeWrittenByHand() throws SQLException {
        ExportSchedule s = schedule("alice", T0);
        ExportSchedule shifted = withSchedule(
                s,
                Schedule.weekly(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(9, 0))
                        .onBusinessDaysOf("de-holidays", NonBusinessDay.NEXT));
        ExportSchedule counted = withSchedule(
                schedule("alice", T0), Schedule.monthlyOnBusinessDay(3, "de-holidays", LocalTime.of(9, 0)));
        store().insert(shifted);
        store().insert(counted);
        String table = database().table("schedules");
        Map<ExportSchedule, List<String>> badChanges = Map.of(
                shifted,
                List.of(
                        "non_business_day = NULL",
                        "non_business_day = 'later'",
                        "business_calendar = NULL",
                        "business_calendar = 'two words'",
                        "business_calendar = '-leading'",
                        "business_day = 1"),
                counted,
                List.of(
                        "business_day = NULL",
                        "business_day = 0",
                        "business_day = 32",
                        "business_calendar = NULL",
                        "non_business_day = 'next'",
                        "ordinal = 1",
                        "time_of_day = NULL"));
        badChanges.forEach((row, changes) -> {
            for (String change : changes) {
                assertThrows(
                        Exception.class,
                        () -> database()
                                .execute("UPDATE " + table + " SET " + change + " WHERE id = '" + row.id() + "'"),
                        change);
            }
        });
        assertEquals(shifted, store().find(shifted.id()).orElseThrow(), "the rows are unchanged");
        assertEquals(counted, store().find(counted.id()).orElseThrow());
    }

    @Test
    void badDataFailsThatScheduleAloneWithAClearMessage() throws SQLException {
        dev.schedex.testing.Documents documents = new dev.schedex.testing.Documents();
        documents.put("alice", "doc-alice", "v1");
        ExportSchedule badZone = schedule("alice", T0);
        ExportSchedule badFormat = schedule("alice", T0);
        ExportSchedule fine = schedule("alice", T0);
        List.of(badZone, badFormat, fine).forEach(store()::insert);
        String table = database().table("schedules");
        database().execute("UPDATE " + table + " SET zone = 'Mars/Olympus_Mons' WHERE id = '" + badZone.id() + "'");
        database().execute("UPDATE " + table + " SET format_id = 'gif' WHERE id = '" + badFormat.id() + "'");
        database()
                .execute("UPDATE " + table
                        + " SET format_id = 'txt', format_settings = '{}', destination_type = 'counting',"
                        + " destination_parameters = '{}' WHERE id = '"
                        + fine.id() + "'");
        dev.schedex.ExportScheduleService service = dev.schedex.ExportScheduleService.builder()
                .store(store())
                .documentSource(documents)
                .discoverFormats(false)
                .format(new dev.schedex.testing.TextFormat())
                .destination(new dev.schedex.testing.CountingDestination())
                .build();

        dev.schedex.TickReport report = service.tick(T0);

        assertEquals(1, report.succeeded());
        assertEquals(
                Optional.of("unknown format 'gif': no such format is installed"),
                store().runs(badFormat.id(), Optional.empty(), 1).get(0).message());
        ExportRun quarantined = store().runs(badZone.id(), Optional.empty(), 1).get(0);
        assertEquals(dev.schedex.RunStatus.FAILED, quarantined.status());
        assertTrue(
                quarantined.message().orElseThrow().contains("time zone this JVM does not know: 'Mars/Olympus_Mons'"),
                quarantined.message().orElseThrow());
        database().execute("UPDATE " + table + " SET zone = 'Europe/Berlin' WHERE id = '" + badZone.id() + "'");
        ExportSchedule paused = store().find(badZone.id()).orElseThrow();
        assertEquals(false, paused.active());
        assertTrue(paused.state().pausedReason().orElseThrow().startsWith("paused: the schedule cannot be read"));
        dev.schedex.TickReport later = service.tick(T0.plusSeconds(60));
        assertTrue(
                later.runs().stream().noneMatch(r -> r.scheduleId().equals(badZone.id())),
                "the paused row does not come back");
        assertEquals(1, store().runs(badZone.id(), Optional.empty(), 10).size());
    }

    @Test
    void aTickWhoseConnectionBreaksFailsClearlyRecordsNothingHalfAndTheNextTickCarriesOn() {
        BreakableDataSource network = new BreakableDataSource(database().dataSource());
        JdbiScheduleStore breakable = database().storeBuilder(network).build();
        dev.schedex.testing.Documents documents = new dev.schedex.testing.Documents();
        dev.schedex.testing.CountingDestination destination = new dev.schedex.testing.CountingDestination();
        dev.schedex.ExportScheduleService service = dev.schedex.ExportScheduleService.builder()
                .store(breakable)
                .documentSource(documents)
                .discoverFormats(false)
                .format(new dev.schedex.testing.TextFormat())
                .destination(destination)
                .clock(java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC))
                .leaseLength(java.time.Duration.ofMinutes(5))
                .build();
        List<ExportSchedule> schedules = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            documents.put("alice", "doc-" + i, "v1");
            schedules.add(service.create(dev.schedex.NewExportSchedule.builder()
                    .ownerId("alice")
                    .documentId("doc-" + i)
                    .name("s" + i)
                    .schedule(dev.schedex.schedule.Schedule.cron("0 * * * *"))
                    .zone("UTC")
                    .format("txt", java.util.Map.of())
                    .destination("counting", java.util.Map.of())
                    .build()));
        }
        Instant due = schedules.get(0).state().nextRunAt().orElseThrow();

        // connections: claim the batch, start its runs; the network breaks before they are recorded
        network.breakAfter(2);
        dev.schedex.StoreException failure = assertThrows(dev.schedex.StoreException.class, () -> service.tick(due));
        assertEquals("record finished runs", failure.step(), "the exception says which step failed");
        assertTrue(failure.getMessage().contains("the network to the database is down"), failure.getMessage());
        network.repair();

        for (ExportSchedule s : schedules) {
            List<ExportRun> runs = store().runs(s.id(), Optional.empty(), 10);
            assertEquals(1, runs.size());
            assertEquals(dev.schedex.RunStatus.RUNNING, runs.get(0).status(), "started, not half-finished");
            assertEquals(s, store().find(s.id()).orElseThrow(), "the schedule is as it was claimed");
        }
        assertEquals(0, service.tick(due.plusSeconds(60)).claimed(), "live leases are respected");

        dev.schedex.TickReport after = service.tick(due.plus(java.time.Duration.ofMinutes(6)));
        assertEquals(3, after.takenOver());
        assertEquals(3, after.succeeded());
        for (ExportSchedule s : schedules) {
            List<ExportRun> runs = store().runs(s.id(), Optional.empty(), 10);
            assertEquals(1, runs.size(), "one run per occurrence");
            assertEquals(dev.schedex.RunStatus.SUCCEEDED, runs.get(0).status());
            assertEquals(due, runs.get(0).occurrence());
            assertEquals(2, runs.get(0).attempt(), "the broken run was taken over");
            assertEquals(
                    Optional.of(due.plusSeconds(3600)),
                    store().find(s.id()).orElseThrow().state().nextRunAt());
        }
    }

    @Test
    void leasesCanBeJudgedByTheDatabaseClock() {
        JdbiScheduleStore byDatabase =
                database().storeBuilder().useDatabaseClock(true).build();
        ExportSchedule s = schedule("alice", T0);
        store().insert(s);
        // this host's clock says 2024; the database says now: the lease runs for an hour of database time
        List<Claim> claims = byDatabase.claimDue(T0, 10, "host-a", T0.plusSeconds(3600));
        assertEquals(1, claims.size());
        Instant until = claims.get(0).lease().until();
        assertTrue(
                until.isAfter(Instant.now().plusSeconds(3500))
                        && until.isBefore(Instant.now().plusSeconds(3700)),
                "lease until " + until);
        // a host whose clock is a day ahead does not see the lease as expired
        assertEquals(
                List.of(),
                byDatabase.claimDue(
                        Instant.now().plusSeconds(86_400),
                        10,
                        "host-b",
                        Instant.now().plusSeconds(90_000)));
    }

    @Test
    void leasesAreJudgedByTheDatabaseClockByDefaultOnSharedDatabasesOnly() {
        JdbiScheduleStore.Builder builder = JdbiScheduleStore.builder(database().dataSource());
        if (database().schema() != null) {
            builder.schema(database().schema());
        }
        JdbiScheduleStore byDefault = builder.build();
        ExportSchedule s = schedule("alice", T0);
        store().insert(s);
        Instant until = byDefault
                .claimDue(T0, 10, "host-a", T0.plusSeconds(3600))
                .get(0)
                .lease()
                .until();
        boolean databaseTime = until.isAfter(Instant.now().plusSeconds(3500));
        assertEquals(byDefault.dialect() != Dialect.H2, databaseTime, "lease until " + until);
    }

    @Test
    void aStatementThatWaitsPastTheQueryTimeoutFails() throws Exception {
        ExportSchedule s = schedule("alice", T0);
        store().insert(s);
        JdbiScheduleStore impatient = database()
                .storeBuilder()
                .queryTimeout(java.time.Duration.ofSeconds(1))
                .build();
        try (java.sql.Connection blocker = database().dataSource().getConnection()) {
            blocker.setAutoCommit(false);
            try (java.sql.Statement lock = blocker.createStatement()) {
                lock.executeUpdate(
                        "UPDATE " + database().table("schedules") + " SET name = name WHERE id = '" + s.id() + "'");
            }
            // bounded by the store's timeout, not the server's lock wait (none on PostgreSQL, 50 s on MariaDB)
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(15),
                    () -> assertThrows(
                            RuntimeException.class, () -> impatient.update(s.withState(s.state(), T0), s.revision())));
            blocker.rollback();
        }
    }
}

package dev.schedex.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.ExportSchedule;
import dev.schedex.testing.ScheduleStoreContract;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Migrations beside a host's own Flyway, and the table prefix and schema options (on H2). */
class MigrationTest {

    @Test
    void aHostsOwnFlywayHistoryAndTablesAreLeftAlone() throws Exception {
        try (TestDatabase db = TestDatabase.h2()) {
            Flyway host = Flyway.configure()
                    .dataSource(db.dataSource())
                    .locations("classpath:db/host")
                    .load();
            assertEquals(1, host.migrate().migrationsExecuted);
            JdbiScheduleStore store = JdbiScheduleStore.builder(db.dataSource()).build();
            assertEquals(9, store.migrate());
            Jdbi jdbi = Jdbi.create(db.dataSource());
            assertEquals(
                    List.of("kept"),
                    jdbi.withHandle(h -> h.createQuery("SELECT title FROM host_items")
                            .mapTo(String.class)
                            .list()));
            assertEquals(1, host.info().applied().length, "the host's history has only its own migration");
            assertEquals(0, host.migrate().migrationsExecuted);
            int applied = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM \"schedex_schema_history\""
                            + " WHERE \"success\" AND \"version\" IN ('1', '2', '3', '4', '5', '6', '7', '8', '9')")
                    .mapTo(Integer.class)
                    .one());
            assertEquals(9, applied, "schedex keeps its own history");
            assertEquals(0, store.migrate());
        }
    }

    @Test
    void theTablePrefixAndSchemaAreConfigurable() throws Exception {
        try (TestDatabase db = TestDatabase.h2()) {
            JdbiScheduleStore store = JdbiScheduleStore.builder(db.dataSource())
                    .schema("EXPORTS")
                    .tablePrefix("acme_")
                    .build();
            assertEquals(9, store.migrate());
            ExportSchedule schedule = ScheduleStoreContractAccess.sample();
            store.insert(schedule);
            assertEquals(schedule, store.find(schedule.id()).orElseThrow());
            int rows = Jdbi.create(db.dataSource())
                    .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM EXPORTS.acme_schedules")
                            .mapTo(Integer.class)
                            .one());
            assertEquals(1, rows);
        }
    }

    @Test
    void migrationsAreListedForAHostsFlyway() {
        assertEquals("classpath:db/schedex/migration/postgresql", Dialect.POSTGRESQL.migrationLocation());
        assertTrue(getClass().getResource("/db/schedex/migration/mariadb/V1__schedules_and_runs.sql") != null);
        assertTrue(getClass().getResource("/db/schedex/migration/h2/V1__schedules_and_runs.sql") != null);
    }

    /** Reaches the contract's sample schedule. */
    private static final class ScheduleStoreContractAccess extends ScheduleStoreContract {
        static ExportSchedule sample() {
            return schedule("alice", Instant.parse("2024-03-01T10:00:00Z"));
        }

        @Override
        protected dev.schedex.spi.store.ScheduleStore newStore() {
            throw new UnsupportedOperationException();
        }
    }
}

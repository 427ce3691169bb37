package dev.schedex.jdbc;

import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * schedex's own Flyway: the engine's migrations, in the configured schema, with the table prefix as
 * the {@code prefix} placeholder, and a history table apart from the host's.
 */
final class Migrations {

    /** schedex's Flyway history table; the host's {@code flyway_schema_history} is never touched. */
    static final String HISTORY_TABLE = "schedex_schema_history";

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Optional<String> schema;
    private final String prefix;

    Migrations(DataSource dataSource, Dialect dialect, Optional<String> schema, String prefix) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.schema = schema;
        this.prefix = prefix;
    }

    /** @return how many migrations were applied */
    int migrate() {
        return flyway().migrate().migrationsExecuted;
    }

    /** @return a Flyway configured as above, not yet run */
    Flyway flyway() {
        var configuration = Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrationLocation())
                .table(HISTORY_TABLE)
                .placeholders(Map.of("prefix", prefix))
                // a host's schema usually holds the host's own tables: start schedex's history at 0 there
                // instead of refusing a non-empty schema, so that schedex's V1 still applies
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("schedex history started in a schema with other tables")
                .failOnMissingLocations(true);
        schema.ifPresent(s -> configuration.schemas(s).defaultSchema(s).createSchemas(true));
        return configuration.load();
    }
}

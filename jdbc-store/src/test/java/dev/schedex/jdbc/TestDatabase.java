package dev.schedex.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A database for one test class: a fresh schema (PostgreSQL), a fresh database (MariaDB) or a fresh
 * in-memory database (H2), dropped when closed. PostgreSQL and MariaDB run when a server answers on
 * 127.0.0.1; otherwise their tests are skipped with a message saying how to start one, except when the
 * environment variable {@code CI} is set, where a missing server fails the test.
 */
final class TestDatabase implements AutoCloseable {

    private final Dialect dialect;
    private final String schema;
    private final HikariDataSource dataSource;

    private TestDatabase(Dialect dialect, String schema, HikariDataSource dataSource) {
        this.dialect = dialect;
        this.schema = schema;
        this.dataSource = dataSource;
    }

    static TestDatabase h2() {
        String name = "schedex_" + UUID.randomUUID().toString().replace("-", "");
        return new TestDatabase(Dialect.H2, null, pool("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", 8));
    }

    static TestDatabase postgres() {
        return server(
                Dialect.POSTGRESQL,
                "jdbc:postgresql://127.0.0.1:5432/test",
                "postgres",
                "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
    }

    static TestDatabase mariadb() {
        return server(
                Dialect.MARIADB,
                "jdbc:mariadb://127.0.0.1:3306/test",
                "root",
                "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd");
    }

    private static TestDatabase server(Dialect dialect, String url, String user, String startCommand) {
        String schema =
                "schedex_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = java.sql.DriverManager.getConnection(url, user, "")) {
            try (Statement s = c.createStatement()) {
                s.execute((dialect == Dialect.POSTGRESQL ? "CREATE SCHEMA " : "CREATE DATABASE ") + schema);
            }
        } catch (SQLException e) {
            String message = dialect + " is not reachable at " + url + " as " + user + " (" + e.getMessage()
                    + "); start it with: " + startCommand;
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI requires the database tests to run, but " + message, e);
            }
            Assumptions.abort("skipped: " + message);
        }
        return new TestDatabase(dialect, schema, pool(url, user, "", 8));
    }

    static HikariDataSource pool(String url, String user, String password, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setPoolName("schedex-test-" + UUID.randomUUID().toString().substring(0, 8));
        return new HikariDataSource(config);
    }

    Dialect dialect() {
        return dialect;
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    /** @return a builder for a store in this database's schema */
    JdbiScheduleStore.Builder storeBuilder() {
        return storeBuilder(dataSource);
    }

    /**
     * @param source the data source to reach this database through
     * @return a builder for a store in this database's schema, judging leases by the instants the
     *         tests tick with (they simulate time)
     */
    JdbiScheduleStore.Builder storeBuilder(javax.sql.DataSource source) {
        JdbiScheduleStore.Builder builder =
                JdbiScheduleStore.builder(source).dialect(dialect).useDatabaseClock(false);
        return schema == null ? builder : builder.schema(schema);
    }

    /** @return the schema name, or null for H2's default */
    String schema() {
        return schema;
    }

    /** Runs one statement, for tests that write rows by hand. */
    void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** @return a table's name as the store's statements use it */
    String table(String name) {
        return (schema == null ? "" : schema + ".") + "schedex_" + name;
    }

    @Override
    public void close() throws SQLException {
        try {
            if (schema != null) {
                execute((dialect == Dialect.POSTGRESQL
                                ? "DROP SCHEMA " + schema + " CASCADE"
                                : "DROP DATABASE " + schema)
                        .toLowerCase(Locale.ROOT));
            }
        } finally {
            dataSource.close();
        }
    }
}

package dev.schedex.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The database engines the JDBC store supports, and what differs between them. Detected from the
 * connection's metadata unless set.
 */
public enum Dialect {
    /** H2 2.x, the embedded default. Claims use conditional updates (H2 has no SKIP LOCKED). */
    H2("h2", false, "CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP(3)) * 1000 AS BIGINT)"),
    /** PostgreSQL 9.5 or later. Claims take due rows with {@code FOR UPDATE SKIP LOCKED}. */
    POSTGRESQL("postgresql", true, "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)"),
    /** MariaDB 10.6 or later. Claims take due rows with {@code FOR UPDATE SKIP LOCKED}. */
    MARIADB("mariadb", true, "CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)");

    private final String folder;
    private final boolean skipLocked;
    private final String currentMillis;

    Dialect(String folder, boolean skipLocked, String currentMillis) {
        this.folder = folder;
        this.skipLocked = skipLocked;
        this.currentMillis = currentMillis;
    }

    /** @return the classpath location of this engine's migrations, for a host's own Flyway */
    public String migrationLocation() {
        return "classpath:db/schedex/migration/" + folder;
    }

    boolean skipLocked() {
        return skipLocked;
    }

    /** @return an SQL expression for the database's current time in epoch milliseconds */
    String currentMillis() {
        return currentMillis;
    }

    /**
     * Detects the engine behind a connection.
     *
     * @param connection an open connection
     * @return its dialect
     * @throws SQLException             if the metadata cannot be read
     * @throws IllegalArgumentException if the engine is not supported
     */
    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String name = product.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (name.contains("mariadb")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("schedex's JDBC store supports H2, PostgreSQL and MariaDB, not " + product);
    }
}

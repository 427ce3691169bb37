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
    H2("h2", false, "CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP(3)) * 1000 AS BIGINT)", ""),
    /** PostgreSQL 9.5 or later. Claims take due rows with {@code FOR UPDATE SKIP LOCKED}. */
    POSTGRESQL("postgresql", true, "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)",
            // Both for the claim's transaction only, both against plans whose cost grows with the
            // number of due rows (measured at 20,000 due: a claim of 100 took 18 ms, now 4 ms).
            // The due query must walk the due index in order and stop after the batch; when the
            // statistics say few rows are due (a backlog, or a burst at 02:00 the last ANALYZE did not
            // see), the planner prefers a bitmap scan of every due row and a sort. And the driver's
            // prepared statements get generic plans after five runs, in which the lease update by id
            // (repeating the due conditions) scans the due index instead of the primary key.
            "SET LOCAL enable_bitmapscan = off; SET LOCAL plan_cache_mode = force_custom_plan"),
    /** MariaDB 10.6 or later. Claims take due rows with {@code FOR UPDATE SKIP LOCKED}. */
    MARIADB("mariadb", true, "CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)", "");

    private final String folder;
    private final boolean skipLocked;
    private final String currentMillis;
    private final String claimSetting;

    Dialect(String folder, boolean skipLocked, String currentMillis, String claimSetting) {
        this.folder = folder;
        this.skipLocked = skipLocked;
        this.currentMillis = currentMillis;
        this.claimSetting = claimSetting;
    }

    /** @return the classpath location of this engine's migrations, for a host's own Flyway */
    public String migrationLocation() {
        return "classpath:db/schedex/migration/" + folder;
    }

    boolean skipLocked() {
        return skipLocked;
    }

    /** @return a statement that sets up a claim's transaction for the due query, or "" for none */
    String claimSetting() {
        return claimSetting;
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

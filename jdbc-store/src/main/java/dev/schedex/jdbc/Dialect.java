package dev.schedex.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The database engines the JDBC store supports, and what differs between them. Detected from the
 * connection's metadata unless set.
 *
 * <p>Every engine difference of the store's statements is here, in two forms: the engine's spelling
 * of a value or expression, given to every statement as a Jdbi define ({@code <true>},
 * {@code <false>}, {@code <boolean>}, {@code <currentMillis>}); and, where a statement's shape
 * differs, the name of the engine's own statement file (the due claim, the claim's setting). The
 * statements are {@code .sql} resources beside {@link JdbiScheduleStore}. Ids and lease tokens are
 * UUID columns on H2 and PostgreSQL and their text on MariaDB ({@link UuidArguments}).
 */
public enum Dialect {
    /** H2 2.x, the embedded default. Claims use conditional updates (H2 has no SKIP LOCKED). */
    H2(
            "h2",
            false,
            true,
            "claim-due-in-id-order",
            Optional.empty(),
            Map.of(
                    "true",
                    "TRUE",
                    "false",
                    "FALSE",
                    "boolean",
                    "BOOLEAN",
                    "currentMillis",
                    "CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP(3)) * 1000 AS BIGINT)")),
    /** PostgreSQL 9.5 or later. Claims take due rows with {@code FOR UPDATE SKIP LOCKED}. */
    POSTGRESQL(
            "postgresql",
            true,
            true,
            "claim-due-skip-locked",
            Optional.of("claim-plan-postgresql"),
            Map.of(
                    "true",
                    "TRUE",
                    "false",
                    "FALSE",
                    "boolean",
                    "BOOLEAN",
                    // clock_timestamp() is the time of the statement; now() would be the transaction's start
                    "currentMillis",
                    "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)")),
    /** MariaDB 10.6 or later. Claims take due rows with {@code FOR UPDATE SKIP LOCKED}. */
    MARIADB(
            "mariadb",
            true,
            false,
            "claim-due-skip-locked",
            Optional.empty(),
            Map.of(
                    // BOOLEAN is TINYINT(1) on MariaDB, and CAST cannot target it: 1, 0 and SIGNED are what it stores
                    // and casts
                    "true",
                    "1",
                    "false",
                    "0",
                    "boolean",
                    "SIGNED",
                    "currentMillis",
                    "CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)"));

    private final String folder;
    private final boolean databaseClock;
    private final boolean uuidColumns;
    private final String claimDue;
    private final Optional<String> claimSetting;
    private final Map<String, String> defines;

    Dialect(
            String folder,
            boolean databaseClock,
            boolean uuidColumns,
            String claimDue,
            Optional<String> claimSetting,
            Map<String, String> defines) {
        this.folder = folder;
        this.databaseClock = databaseClock;
        this.uuidColumns = uuidColumns;
        this.claimDue = claimDue;
        this.claimSetting = claimSetting;
        this.defines = defines;
    }

    /** @return the classpath location of this engine's migrations, for a host's own Flyway */
    public String migrationLocation() {
        return "classpath:db/schedex/migration/" + folder;
    }

    /**
     * @return whether leases are judged by the database's clock unless the host says otherwise: yes for
     *     the engines many hosts share, no for H2, whose clock is the JVM's when embedded
     */
    boolean databaseClockByDefault() {
        return databaseClock;
    }

    /** @return how ids and lease tokens are bound: as UUIDs, or as their text (see {@link UuidArguments}) */
    UuidArguments uuidArguments() {
        return new UuidArguments(!uuidColumns);
    }

    /** @return the name of the statement that selects and locks a batch of due schedules */
    String claimDue() {
        return claimDue;
    }

    /** @return the name of a statement that sets up a claim's transaction for the due query, if any */
    Optional<String> claimSetting() {
        return claimSetting;
    }

    /** @return this engine's spellings, by define name: {@code true}, {@code false}, {@code boolean}, {@code currentMillis} */
    Map<String, String> defines() {
        return defines;
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

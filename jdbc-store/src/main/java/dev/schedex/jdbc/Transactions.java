package dev.schedex.jdbc;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's transactions: each with the store's query timeout and binding of ids on its handle, and tried again when
 * the database gives up on it for a deadlock or a serialization failure (SQL state class 40). These
 * are normal when hosts claim and release rows concurrently, and a retry of the whole transaction is
 * the remedy.
 */
final class Transactions {

    // under the store's name, which is the logger hosts know and configure
    private static final Logger LOG = LoggerFactory.getLogger(JdbiScheduleStore.class);
    /** How often a transaction the database rolled back for a deadlock is tried. */
    private static final int ATTEMPTS = 8;

    private final Jdbi jdbi;
    private final int queryTimeoutSeconds;
    private final UuidArguments uuids;

    Transactions(Jdbi jdbi, int queryTimeoutSeconds, UuidArguments uuids) {
        this.jdbi = jdbi;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
        this.uuids = uuids;
    }

    /** Runs the work in a transaction, again (the whole of it) after a transient rollback. */
    <T> T run(HandleCallback<T, RuntimeException> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(h -> {
                    // on the handle, so that it holds whatever the pool or the host's Jdbi say
                    h.getConfig(SqlStatements.class).setQueryTimeout(queryTimeoutSeconds);
                    h.registerArgument(uuids);
                    return work.withHandle(h);
                });
            } catch (JdbiException e) {
                if (attempt >= ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                LOG.debug(
                        "transaction rolled back by the database ({}), attempt {} of {}",
                        e.getMessage(),
                        attempt,
                        ATTEMPTS);
                pause(attempt);
            }
        }
    }

    private static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException
                    && ((SQLException) t).getSQLState() != null
                    && ((SQLException) t).getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    /** Waits a little, randomly, so that the transactions that collided do not collide again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", interrupted);
        }
    }
}

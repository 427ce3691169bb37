package dev.schedex;

/**
 * What the service throws for a request it does not carry out, one subclass per outcome, so that
 * a host maps each to its answer without reading messages or codes:
 *
 * <table>
 * <caption>The outcomes</caption>
 * <tr><th>type</th><th>meaning</th><th>HTTP</th></tr>
 * <tr><td>{@link ValidationException}</td><td>bad input; nothing stored</td><td>400</td></tr>
 * <tr><td>{@link ScheduleNotFoundException}</td><td>no such schedule for this owner</td><td>404</td></tr>
 * <tr><td>{@link StaleVersionException}</td><td>the change names an old version</td><td>409 or 412</td></tr>
 * <tr><td>{@link RunInProgressException}</td><td>run-now while a run is in progress</td><td>409</td></tr>
 * <tr><td>{@link StoreException}</td><td>the store failed (the database is down, say)</td><td>503</td></tr>
 * </table>
 */
public abstract sealed class SchedexException extends RuntimeException
        permits ValidationException,
                ScheduleNotFoundException,
                StaleVersionException,
                RunInProgressException,
                StoreException {

    private static final long serialVersionUID = 1L;

    SchedexException(String message) {
        super(message);
    }

    SchedexException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.schedex;

/**
 * Thrown when the schedule store fails: the database is unreachable, timed out or refused a
 * statement. The message says which step failed; the cause is the store's own exception. Nothing
 * half-done is left behind: claims whose runs were not recorded are taken over once their leases
 * expire (see {@code docs/stores.md}).
 */
public final class StoreException extends SchedexException {

    private static final long serialVersionUID = 1L;

    private final String step;

    /**
     * @param step  what the service asked of the store, such as {@code "claim due schedules"}
     * @param cause the store's exception
     */
    public StoreException(String step, RuntimeException cause) {
        super("the schedule store failed to " + step + ": " + cause.getMessage(), cause);
        this.step = step;
    }

    /** @return what the service asked of the store when it failed */
    public String step() {
        return step;
    }
}

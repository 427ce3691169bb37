package dev.schedex;

import java.util.function.Supplier;

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
    StoreException(String step, RuntimeException cause) {
        super("the schedule store failed to " + step + ": " + cause.getMessage(), cause);
        this.step = step;
    }

    /**
     * Asks something of the store, and turns its failure into a {@code StoreException}.
     *
     * @param step what is asked, for the message
     * @param work the call to the store
     * @return what the store answered
     */
    static <T> T during(String step, Supplier<T> work) {
        try {
            return work.get();
        } catch (SchedexException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException(step, e);
        }
    }

    /** @return what the service asked of the store when it failed */
    public String step() {
        return step;
    }
}

package dev.schedex.internal;

import dev.schedex.SchedexException;
import dev.schedex.StoreException;
import java.util.function.Supplier;

/** Every call the service makes to its store goes through here, so that a failure says which step it was. */
public final class StoreCalls {

    private StoreCalls() {}

    /**
     * Asks something of the store, and turns its failure into a {@link StoreException}.
     *
     * @param step what is asked, for the message, such as {@code "claim due schedules"}
     * @param work the call to the store
     * @param <T>  what the store answers
     * @return what the store answered
     */
    public static <T> T during(String step, Supplier<T> work) {
        try {
            return work.get();
        } catch (SchedexException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException(step, e);
        }
    }
}

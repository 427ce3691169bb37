package dev.schedex.spi;

/**
 * An export that cannot succeed, with a message for the person who owns the schedule: a PNG of a
 * document without a drawing, a destination that refuses the file. The run fails with this message.
 */
public class ExportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, for a person
     */
    public ExportException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, for a person
     * @param cause   the underlying problem
     */
    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.schedex.spring;

/**
 * Thrown at start-up when the application has no {@link dev.schedex.spi.DocumentSource} bean, or
 * several: the service cannot load the documents it exports without exactly one.
 */
public final class MissingDocumentSourceException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public MissingDocumentSourceException() {
        super("schedex needs exactly one bean of type dev.schedex.spi.DocumentSource: it loads the documents"
                + " the schedules export");
    }
}

package dev.schedex.spring.internal;

import dev.schedex.spring.MissingDocumentSourceException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says what to do when the application has no {@link dev.schedex.spi.DocumentSource} bean. */
public final class MissingDocumentSourceFailureAnalyzer
        extends AbstractFailureAnalyzer<MissingDocumentSourceException> {

    /** The description of the failure. */
    public static final String DESCRIPTION = "schedex could not start: the application has no DocumentSource bean"
            + " (or more than one). The export schedule service loads the documents it exports through"
            + " exactly one dev.schedex.spi.DocumentSource.";

    /** What the application should do. */
    public static final String ACTION = "Declare one bean of type dev.schedex.spi.DocumentSource that loads a"
            + " document by its owner and id, for example:\n\n"
            + "    @Bean\n"
            + "    DocumentSource documentSource(DrawingRepository drawings) {\n"
            + "        return (ownerId, documentId) -> drawings.find(ownerId, documentId).map(Drawing::toExportDocument);\n"
            + "    }\n\n"
            + "or set schedex.enabled=false to turn schedex off.";

    /** Creates the analyzer; Spring Boot calls it. */
    public MissingDocumentSourceFailureAnalyzer() {}

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingDocumentSourceException cause) {
        return new FailureAnalysis(DESCRIPTION, ACTION, cause);
    }
}

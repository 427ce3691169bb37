package dev.schedex.testing;

import dev.schedex.spi.DocumentSource;
import dev.schedex.spi.ExportDocument;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory {@link DocumentSource} whose documents and failures a test controls. Thread-safe.
 */
public final class Documents implements DocumentSource {

    private final Map<String, ExportDocument> byOwnerAndId = new ConcurrentHashMap<>();
    private final Map<String, RuntimeException> failures = new ConcurrentHashMap<>();

    /**
     * Adds or replaces a document, titled "Title of ID", with notes "# Notes of ID".
     *
     * @param owner   the owner who may load it
     * @param id      its id
     * @param version its version, for only-when-changed schedules
     * @return the document
     */
    public ExportDocument put(String owner, String id, String version) {
        ExportDocument document = ExportDocument.of(
                        id, "Title of " + id, version, Instant.parse("2024-01-01T00:00:00Z"))
                .withNotes("# Notes of " + id);
        byOwnerAndId.put(owner + "/" + id, document);
        return document;
    }

    /** @param owner the owner @param id the document that is gone from now on */
    public void remove(String owner, String id) {
        byOwnerAndId.remove(owner + "/" + id);
    }

    /**
     * @param owner   the owner
     * @param id      the document whose loads throw from now on
     * @param failure what they throw
     */
    public void failWith(String owner, String id, RuntimeException failure) {
        failures.put(owner + "/" + id, failure);
    }

    /** @param owner the owner @param id the document whose loads work again */
    public void stopFailing(String owner, String id) {
        failures.remove(owner + "/" + id);
    }

    @Override
    public Optional<ExportDocument> load(String ownerId, String documentId) {
        RuntimeException failure = failures.get(ownerId + "/" + documentId);
        if (failure != null) {
            throw failure;
        }
        return Optional.ofNullable(byOwnerAndId.get(ownerId + "/" + documentId));
    }
}

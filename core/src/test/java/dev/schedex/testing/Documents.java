package dev.schedex.testing;

import dev.schedex.spi.DocumentSource;
import dev.schedex.spi.ExportDocument;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory {@link DocumentSource} whose documents and failures a test controls. */
public final class Documents implements DocumentSource {

    private final Map<String, ExportDocument> byOwnerAndId = new ConcurrentHashMap<>();
    private final Map<String, RuntimeException> failures = new ConcurrentHashMap<>();

    public ExportDocument put(String owner, String id, String version) {
        ExportDocument document = ExportDocument.of(id, "Title of " + id, version, Instant.parse("2024-01-01T00:00:00Z"))
                .withNotes("# Notes of " + id);
        byOwnerAndId.put(owner + "/" + id, document);
        return document;
    }

    public void remove(String owner, String id) {
        byOwnerAndId.remove(owner + "/" + id);
    }

    public void failWith(String owner, String id, RuntimeException failure) {
        failures.put(owner + "/" + id, failure);
    }

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

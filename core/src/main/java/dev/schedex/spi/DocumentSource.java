package dev.schedex.spi;

import java.util.Optional;

/**
 * Implemented by the host: loads the document a schedule exports. Called during a tick, possibly on
 * the host's render executor, so it must be thread-safe.
 */
@FunctionalInterface
public interface DocumentSource {

    /**
     * Loads a document as its owner sees it.
     *
     * @param ownerId    the owner of the schedule
     * @param documentId the document's id
     * @return the document, or empty if it no longer exists (or the owner may no longer see it); the
     *         run then fails with a message saying so
     * @throws Exception if loading fails; the run fails with the exception's message and is retried
     *                   by the schedule's retry policy
     */
    Optional<ExportDocument> load(String ownerId, String documentId) throws Exception;
}

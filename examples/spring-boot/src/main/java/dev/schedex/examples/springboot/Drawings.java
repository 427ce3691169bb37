package dev.schedex.examples.springboot;

import dev.schedex.spi.DocumentSource;
import dev.schedex.spi.ExportDocument;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's documents, as its own repository would hold them: here a few drawings with
 * notes, in memory, per owner. Being a {@link DocumentSource}, it is what the starter loads exports
 * from.
 */
public final class Drawings implements DocumentSource {

    private final Map<String, ExportDocument> byOwnerAndId = new ConcurrentHashMap<>();

    /** @return alice's and bob's sample drawings, each with the id {@code floor-plan} */
    public static Drawings samples() {
        Drawings drawings = new Drawings();
        for (String owner : new String[] {"alice", "bob"}) {
            drawings.put(
                    owner,
                    ExportDocument.of(
                                    "floor-plan", "Floor plan of " + owner, "v1", Instant.parse("2026-11-30T09:00:00Z"))
                            .withDrawing("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\">"
                                    + "<rect x=\"10\" y=\"10\" width=\"180\" height=\"80\" fill=\"none\""
                                    + " stroke=\"black\"/></svg>")
                            .withNotes("# Floor plan\n\nThe ground floor of " + owner + "'s house.\n"));
        }
        return drawings;
    }

    /**
     * @param owner    the owner
     * @param document the document
     */
    public void put(String owner, ExportDocument document) {
        byOwnerAndId.put(owner + "/" + document.id(), document);
    }

    @Override
    public Optional<ExportDocument> load(String ownerId, String documentId) {
        return Optional.ofNullable(byOwnerAndId.get(ownerId + "/" + documentId));
    }
}

package dev.schedex.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A document as the host hands it to schedex for one export: identity, version and what it has.
 * A document may have any of a drawing (SVG text), notes (Markdown text) and data (JSON text); a
 * format that needs a part the document lacks fails the run with a message that says so.
 *
 * <p>The content is untrusted: it comes from end users, and every format treats it so.
 *
 * @param id        the host's id for the document
 * @param title     a title for people; may be empty
 * @param version   the host's version of the document; runs that export only on change compare it
 * @param updatedAt when the document last changed
 * @param drawing   the drawing, as SVG text
 * @param notes     the notes, as Markdown text
 * @param data      structured data, as JSON text
 */
public record ExportDocument(
        String id,
        String title,
        String version,
        Instant updatedAt,
        Optional<String> drawing,
        Optional<String> notes,
        Optional<String> data) {

    /** Checks that no component is null. */
    public ExportDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(drawing, "drawing");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(data, "data");
    }

    /**
     * Starts a document with no drawing, notes or data; add them with the {@code with...} methods.
     *
     * @param id        the host's id for the document
     * @param title     a title for people
     * @param version   the host's version of the document
     * @param updatedAt when the document last changed
     * @return the document
     */
    public static ExportDocument of(String id, String title, String version, Instant updatedAt) {
        return new ExportDocument(id, title, version, updatedAt, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * @param svg the drawing as SVG text
     * @return a copy with that drawing
     */
    public ExportDocument withDrawing(String svg) {
        return new ExportDocument(id, title, version, updatedAt, Optional.of(svg), notes, data);
    }

    /**
     * @param markdown the notes as Markdown text
     * @return a copy with those notes
     */
    public ExportDocument withNotes(String markdown) {
        return new ExportDocument(id, title, version, updatedAt, drawing, Optional.of(markdown), data);
    }

    /**
     * @param json the data as JSON text
     * @return a copy with that data
     */
    public ExportDocument withData(String json) {
        return new ExportDocument(id, title, version, updatedAt, drawing, notes, Optional.of(json));
    }
}

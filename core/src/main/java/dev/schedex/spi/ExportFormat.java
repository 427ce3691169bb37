package dev.schedex.spi;

import dev.schedex.FormatSettings;
import dev.schedex.Violation;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * An export format: turns a document into bytes. A format without settings is id, media type,
 * extension and render ({@link #of}); one with settings also says which it takes
 * ({@link #validateSettings}). Implementations are found with
 * {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/dev.schedex.spi.ExportFormat}) or passed to the service's builder. Ids are
 * unique: two formats with one id make the service fail to build.
 *
 * <p>Implementations must be thread-safe: several runs may render at once. The document is untrusted
 * input (see docs/security.md).
 */
public interface ExportFormat {

    /** @return the id schedules name the format by, such as {@code png}: lower case, stable */
    String id();

    /** @return the media type of the output, such as {@code image/png} */
    String mediaType();

    /** @return the file name extension for the output, without a dot, such as {@code png} */
    String fileExtension();

    /**
     * Checks settings before they are stored: unknown keys, wrong types and values out of range. The
     * default is a format that takes no settings: each key is refused as {@code unknown_setting}.
     *
     * @param settings the settings a schedule would use
     * @return every problem found, with fields named as the setting's key ({@code "scale"}); empty if
     *         the settings are fine
     */
    default List<Violation> validateSettings(FormatSettings settings) {
        return settings.asMap().keySet().stream()
                .map(key -> new Violation(
                        key, "unknown_setting", "the " + id() + " format takes no settings, so not '" + key + "'"))
                .toList();
    }

    /**
     * Renders a document.
     *
     * @param document the document, untrusted
     * @param settings settings that passed {@link #validateSettings(FormatSettings)}
     * @param context  the run this render belongs to
     * @param out      where the bytes go; not closed by the format
     * @throws ExportException if the document cannot be exported in this format (it lacks what the
     *                         format needs, or is invalid); the message is shown in the run history
     * @throws IOException     if writing fails
     */
    void render(ExportDocument document, FormatSettings settings, ExportContext context, OutputStream out)
            throws IOException;

    /**
     * A format without settings, from what it is and how it renders.
     *
     * <pre>{@code
     * ExportFormat occurrence = ExportFormat.of("occurrence", "text/plain", "txt",
     *         (document, settings, context, out) -> out.write(context.occurrence().toString().getBytes(UTF_8)));
     * }</pre>
     *
     * @param id            the id schedules name it by
     * @param mediaType     the media type of its output
     * @param fileExtension the extension of its files, without a dot
     * @param renderer      how it renders a document; thread-safe
     * @return the format
     */
    static ExportFormat of(String id, String mediaType, String fileExtension, Renderer renderer) {
        return new SimpleFormat(id, mediaType, fileExtension, renderer);
    }

    /** How a format made by {@link #of} renders a document, as {@link #render} does. */
    @FunctionalInterface
    interface Renderer {
        /**
         * @param document the document, untrusted
         * @param settings its settings (none, for a format made by {@link #of})
         * @param context  the run this render belongs to
         * @param out      where the bytes go; not closed by the format
         * @throws IOException if writing fails
         */
        void render(ExportDocument document, FormatSettings settings, ExportContext context, OutputStream out)
                throws IOException;
    }
}

package dev.schedex.spi;

import dev.schedex.FormatSettings;
import dev.schedex.Violation;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * An export format: turns a document into bytes. Implementations are found with
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
     * Checks settings before they are stored: unknown keys, wrong types and values out of range.
     *
     * @param settings the settings a schedule would use
     * @return every problem found, with fields named as the setting's key ({@code "scale"}); empty if
     *         the settings are fine
     */
    List<Violation> validateSettings(FormatSettings settings);

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
}

package dev.schedex.renderers;

import dev.schedex.FormatSettings;
import dev.schedex.Violation;
import dev.schedex.spi.ExportFormat;

import java.util.List;

/** What the built-in formats share: their id, media type, file extension and setting rules. */
abstract class BuiltInFormat implements ExportFormat {

    private final String id;
    private final String mediaType;
    private final String fileExtension;
    /** The format's settings, for its render to read. */
    final SettingRules settings;

    BuiltInFormat(String id, String mediaType, String fileExtension, SettingRules settings) {
        this.id = id;
        this.mediaType = mediaType;
        this.fileExtension = fileExtension;
        this.settings = settings;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String mediaType() {
        return mediaType;
    }

    @Override
    public final String fileExtension() {
        return fileExtension;
    }

    @Override
    public final List<Violation> validateSettings(FormatSettings formatSettings) {
        List<Violation> violations = settings.validate(formatSettings);
        if (!violations.isEmpty()) {
            return violations;
        }
        return combinationProblems(formatSettings);
    }

    /**
     * Checks settings that are each fine on their own, together ({@code scale} with {@code width});
     * called only when each is fine.
     *
     * @param formatSettings the settings
     * @return the problems; none by default
     */
    List<Violation> combinationProblems(FormatSettings formatSettings) {
        return List.of();
    }
}

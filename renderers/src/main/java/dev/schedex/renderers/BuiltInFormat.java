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
    /** The format's setting rules; its render reads the settings through them. */
    final SettingRules rules;

    BuiltInFormat(String id, String mediaType, String fileExtension, SettingRules rules) {
        this.id = id;
        this.mediaType = mediaType;
        this.fileExtension = fileExtension;
        this.rules = rules;
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
        List<Violation> violations = rules.validate(formatSettings);
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

package dev.schedex.examples.outline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.FormatSettings;
import dev.schedex.Violation;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportException;
import dev.schedex.spi.ExportFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutlineFormatTest {

    private static final ExportContext CONTEXT = new ExportContext(
            UUID.randomUUID(),
            "Weekly outline",
            "alice",
            Instant.parse("2026-11-30T01:00:00Z"),
            ZoneId.of("Europe/Berlin"));
    private static final ExportDocument DOCUMENT = ExportDocument.of("doc-1", "Plan", "v1", Instant.EPOCH)
            .withNotes("# Goals\ntext\n## Q1\n```\n# not a heading\n```\n### Detail\n#hashtag\n## Q2\n");

    private final OutlineFormat format = new OutlineFormat();

    private String render(Map<String, ?> settings) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.render(DOCUMENT, FormatSettings.of(settings), CONTEXT, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void serviceLoaderFindsTheFormat() {
        assertTrue(ServiceLoader.load(ExportFormat.class).stream()
                .anyMatch(provider -> provider.type() == OutlineFormat.class));
    }

    @Test
    void headingsBecomeAnIndentedOutline() throws IOException {
        assertEquals("Plan\n- Goals\n  - Q1\n    - Detail\n  - Q2\n", render(Map.of()));
        assertEquals("Plan\n* Goals\n  * Q1\n  * Q2\n", render(Map.of("maxLevel", 2, "bullet", "*")));
    }

    @Test
    void settingsAreCheckedBeforeAScheduleIsSaved() {
        List<Violation> violations = format.validateSettings(FormatSettings.of(Map.of("maxLevel", 9, "color", "red")));
        assertEquals(
                List.of("color:unknown_setting", "maxLevel:out_of_range"),
                violations.stream().map(v -> v.field() + ":" + v.code()).toList());
    }

    @Test
    void aDocumentWithoutNotesFailsTheRunWithAMessage() {
        ExportException e = assertThrows(
                ExportException.class,
                () -> format.render(
                        ExportDocument.of("doc-2", "Empty", "v1", Instant.EPOCH),
                        FormatSettings.empty(),
                        CONTEXT,
                        new ByteArrayOutputStream()));
        assertEquals("document 'doc-2' has no notes to outline", e.getMessage());
    }
}

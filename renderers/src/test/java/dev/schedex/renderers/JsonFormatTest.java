package dev.schedex.renderers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schedex.FormatSettings;
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
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JsonFormatTest {

    static final ExportContext CONTEXT = new ExportContext(
            UUID.fromString("00000000-0000-0000-0000-000000000042"),
            "Nightly",
            "alice",
            Instant.parse("2024-03-02T01:00:00Z"),
            ZoneId.of("Europe/Berlin"));
    static final ExportDocument DOCUMENT = ExportDocument.of(
                    "doc-1", "Quarterly plan", "v7", Instant.parse("2024-03-01T09:00:00Z"))
            .withNotes("# Plan\n\n- [ ] ship")
            .withData("{\"b\":[1,2.50,{\"c\":null}],\"a\":\"x\"}");

    private final JsonFormat format = new JsonFormat();

    static byte[] render(ExportFormat format, ExportDocument document, Map<String, ?> settings) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.render(document, FormatSettings.of(settings), CONTEXT, out);
        return out.toByteArray();
    }

    @Test
    void theEnvelopeReadsBackWithTheDataAsItWas() throws IOException {
        JsonNode json = new ObjectMapper().readTree(render(format, DOCUMENT, Map.of()));
        assertEquals("doc-1", json.at("/document/id").asText());
        assertEquals("Quarterly plan", json.at("/document/title").asText());
        assertEquals("v7", json.at("/document/version").asText());
        assertEquals("2024-03-01T09:00:00Z", json.at("/document/updatedAt").asText());
        assertEquals("Nightly", json.at("/schedule/name").asText());
        assertEquals("2024-03-02T01:00:00Z", json.at("/exportedAt").asText(), "the occurrence, not the wall clock");
        assertEquals(new ObjectMapper().readTree("{\"b\":[1,2.50,{\"c\":null}],\"a\":\"x\"}"), json.get("data"));
        assertEquals("# Plan\n\n- [ ] ship", json.get("notes").asText());
        assertEquals(List.of("document", "schedule", "exportedAt", "data", "notes"), iterable(json.fieldNames()));
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void missingPartsAreNull() throws IOException {
        JsonNode json = new ObjectMapper()
                .readTree(render(format, ExportDocument.of("doc-2", "", "v1", Instant.EPOCH), Map.of()));
        assertTrue(json.get("data").isNull());
        assertTrue(json.get("notes").isNull());
    }

    @Test
    void theSameInputGivesTheSameBytesPrettyWithUnixLineEndsOrCompact() throws IOException {
        byte[] pretty = render(format, DOCUMENT, Map.of());
        assertArrayEquals(pretty, render(format, DOCUMENT, Map.of("pretty", true)));
        String text = new String(pretty, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\n  \"document\" : {\n    \"id\" : \"doc-1\""), text);
        assertFalse(text.contains("\r"));
        String compact = new String(render(format, DOCUMENT, Map.of("pretty", false)), StandardCharsets.UTF_8);
        assertFalse(compact.contains("\n"));
        assertTrue(compact.contains("\"data\":{\"b\":[1,2.50,{\"c\":null}],\"a\":\"x\"}"), compact);
    }

    @Test
    void dataThatIsNotJsonFailsWithWhereItBroke() {
        ExportException e = assertThrows(
                ExportException.class, () -> render(format, DOCUMENT.withData("{\"a\": [1, 2,,]}"), Map.of()));
        assertTrue(e.getMessage().startsWith("the document's data is not valid JSON: "), e.getMessage());
        assertTrue(e.getMessage().contains("(line 1, column"), e.getMessage());
    }

    @Test
    void hostileNestingIsRefusedInsteadOfExhaustingTheStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        ExportException e =
                assertThrows(ExportException.class, () -> render(format, DOCUMENT.withData(deep), Map.of()));
        assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
    }

    @Test
    void settingsAreChecked() {
        assertEquals(
                Set.of("pretty:invalid_type", "indent:unknown_setting"),
                format.validateSettings(FormatSettings.of(Map.of("pretty", "yes", "indent", 4))).stream()
                        .map(v -> v.field() + ":" + v.code())
                        .collect(Collectors.toSet()));
        assertEquals(List.of(), format.validateSettings(FormatSettings.of(Map.of("pretty", false))));
    }

    @Test
    void theBuiltInFormatsAreFoundWithTheServiceLoader() {
        Set<String> ids = ServiceLoader.load(ExportFormat.class).stream()
                .map(p -> p.get().id())
                .collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of("json", "md", "html", "svg")), ids.toString());
    }
}

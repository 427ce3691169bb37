package dev.schedex.renderers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schedex.FormatSettings;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportException;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code json}: the document as a JSON envelope, for other programs to read.
 *
 * <pre>{@code
 * {
 *   "document" : { "id" : "doc-42", "title" : "...", "version" : "v7", "updatedAt" : "2024-03-01T09:00:00Z" },
 *   "schedule" : { "id" : "...", "name" : "Nightly JSON" },
 *   "exportedAt" : "2024-03-02T01:00:00Z",
 *   "data" : { ...the document's data, as it is... },
 *   "notes" : "# The notes, as Markdown text"
 * }
 * }</pre>
 * {@code exportedAt} is the occurrence the export is for, not the wall clock, so the same document
 * exported for the same occurrence gives the same bytes. {@code data} and {@code notes} are
 * {@code null} when the document has none. Settings: {@code pretty} (default true): indented, or one
 * compact line.
 *
 * <p>The document's data is untrusted: it is parsed with bounded nesting depth and string length, and
 * data that is not valid JSON fails the export with a message that says where.
 */
public final class JsonFormat extends BuiltInFormat {

    /** The deepest nesting of objects and arrays accepted in a document's data. */
    static final int MAX_DEPTH = 200;
    /** The longest string accepted in a document's data, in characters. */
    static final int MAX_STRING = 10_000_000;

    /** Numbers are kept as written (2.50 stays 2.50, 1e400 does not become Infinity). */
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(MAX_STRING)
                            .build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** Two spaces and "\n" on every platform: the same bytes everywhere. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    /** Creates the format; it is found with {@link java.util.ServiceLoader}. */
    public JsonFormat() {
        super("json", "application/json", "json", new SettingRules("json").flag("pretty", true));
    }

    @Override
    public void render(ExportDocument document, FormatSettings formatSettings, ExportContext context, OutputStream out)
            throws IOException {
        ObjectNode envelope = MAPPER.createObjectNode();
        ObjectNode about = envelope.putObject("document");
        about.put("id", document.id());
        about.put("title", document.title());
        about.put("version", document.version());
        about.put("updatedAt", document.updatedAt().toString());
        ObjectNode schedule = envelope.putObject("schedule");
        schedule.put("id", context.scheduleId().toString());
        schedule.put("name", context.scheduleName());
        envelope.put("exportedAt", context.occurrence().toString());
        envelope.set("data", document.data().map(JsonFormat::parse).orElse(envelope.nullNode()));
        if (document.notes().isPresent()) {
            envelope.put("notes", document.notes().get());
        } else {
            envelope.putNull("notes");
        }
        ObjectWriter writer = rules.flag(formatSettings, "pretty") ? MAPPER.writer(PRETTY) : MAPPER.writer();
        writer.without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, envelope);
    }

    private static JsonNode parse(String data) {
        try {
            return MAPPER.readTree(data);
        } catch (JsonProcessingException e) {
            throw new ExportException("the document's data is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null
                            ? ""
                            : " (line " + e.getLocation().getLineNr() + ", column "
                                    + e.getLocation().getColumnNr() + ")"));
        }
    }
}

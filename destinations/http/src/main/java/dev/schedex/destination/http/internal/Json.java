package dev.schedex.destination.http.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The little JSON the HTTP destinations write (flat objects) and read (Slack's answers). */
public final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(32)
                    .maxStringLength(1 << 20)
                    .build())
            .build();

    private Json() {}

    /**
     * @param fields names and values: {@link String}, {@link Number}, {@link Boolean}, or a list of
     *     such flat maps
     * @return the object as UTF-8 bytes
     */
    public static byte[] write(Map<String, ?> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writeObject(g, fields);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return out.toByteArray();
    }

    /**
     * @param items flat objects, as {@link #write(Map)} takes
     * @return the array as UTF-8 bytes
     */
    public static byte[] writeArray(List<? extends Map<String, ?>> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartArray();
            for (Map<String, ?> item : items) {
                writeObject(g, item);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return out.toByteArray();
    }

    private static void writeObject(JsonGenerator g, Map<String, ?> fields) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            g.writeFieldName(field.getKey());
            Object value = field.getValue();
            if (value instanceof String s) {
                g.writeString(s);
            } else if (value instanceof Long l) {
                g.writeNumber(l);
            } else if (value instanceof Integer i) {
                g.writeNumber(i);
            } else if (value instanceof Boolean b) {
                g.writeBoolean(b);
            } else if (value instanceof List<?> list) {
                g.writeStartArray();
                for (Object item : list) {
                    @SuppressWarnings("unchecked")
                    Map<String, ?> map = (Map<String, ?>) item;
                    writeObject(g, map);
                }
                g.writeEndArray();
            } else {
                throw new IllegalArgumentException("unsupported JSON value for " + field.getKey());
            }
        }
        g.writeEndObject();
    }

    /**
     * An object's top-level fields that are strings, booleans or numbers (as text), and the same of
     * the first object in each array field under {@code "name[0]."}; everything else skipped.
     *
     * @param body JSON text
     * @return the fields, such as {@code ok -> true}, {@code files[0].id -> F123}
     * @throws IllegalArgumentException if it is not a JSON object
     */
    public static Map<String, String> flat(byte[] body) {
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            readObject(p, "", out, true);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        return out;
    }

    private static void readObject(JsonParser p, String prefix, Map<String, String> out, boolean descend)
            throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_ARRAY && descend) {
                JsonToken first = p.nextToken();
                if (first == JsonToken.START_OBJECT) {
                    readObject(p, prefix + name + "[0].", out, false);
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        p.skipChildren();
                    }
                } else if (first != JsonToken.END_ARRAY) {
                    p.skipChildren();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        p.skipChildren();
                    }
                }
            } else if (value != null && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                out.put(prefix + name, p.getText());
            } else {
                p.skipChildren();
            }
        }
    }

    /**
     * @param fields what {@link #flat} read
     * @param name   a field
     * @return its value if present
     */
    public static Optional<String> field(Map<String, String> fields, String name) {
        return Optional.ofNullable(fields.get(name));
    }
}

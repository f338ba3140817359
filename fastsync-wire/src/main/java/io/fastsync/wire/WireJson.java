package io.fastsync.wire;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringWriter;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * JSON as FastSync uses it: JSON-P's provider looked up once, parsing, builders and generators,
 * messages as strings, and the keys objects may not use for their own data. The messages are
 * read by {@link RequestReader} (what clients send) and {@link AnswerReader} (what the server
 * answers) and written by {@link MessageWriter}.
 */
public final class WireJson {

    /** Keys that clients or old servers put on objects and that carry no application data. */
    public static final Set<String> IGNORED_OBJECT_KEYS = Set.of("dirty", "metadataId", "hasData", "_id", "__v");

    static final Set<String> RESERVED_OBJECT_KEYS = Set.of("id", "deleted", "metadata");
    /**
     * JSON-P's provider, looked up once. Each {@code Json.createX} call looks the provider up
     * again, through the class path; on an application server that search cost more than all the
     * rest of a push or a pull together.
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final JsonGeneratorFactory GENERATORS = JSON.createGeneratorFactory(Map.of());
    private static final JsonReaderFactory READERS = JSON.createReaderFactory(Map.of());
    private static final JsonBuilderFactory BUILDERS = JSON.createBuilderFactory(Map.of());

    private WireJson() {}

    /** Escapes a key for use as one JSON Pointer segment (RFC 6901). */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /**
     * Parses JSON text; the JSON-P exceptions pass through.
     *
     * @throws jakarta.json.JsonException if the text is not JSON
     * @throws BeyondLimits               if it is deeper or holds a longer number than the reader takes
     */
    public static JsonValue parse(java.io.Reader in) {
        try (JsonReader reader = READERS.createReader(in)) {
            return reader.readValue();
        } catch (jakarta.json.JsonException e) {
            throw e;
        } catch (RuntimeException e) {
            // Parsson refuses nesting past 1,000 levels and numbers past 1,100 characters with plain
            // runtime exceptions; they are the body's fault, not the server's.
            throw new BeyondLimits(e);
        }
    }

    /** JSON deeper, or with a longer number, than the JSON provider reads; the message says which. */
    public static final class BeyondLimits extends jakarta.json.JsonException {
        BeyondLimits(RuntimeException cause) {
            super(String.valueOf(cause.getMessage()), cause);
        }
    }

    /** @see #parse(java.io.Reader) */
    public static JsonValue parse(String text) {
        return parse(new java.io.StringReader(text));
    }

    /** @throws jakarta.json.JsonException if the text is not a JSON object */
    public static JsonObject parseObject(String text) {
        try (JsonReader reader = READERS.createReader(new java.io.StringReader(text))) {
            return reader.readObject();
        }
    }

    public static JsonObjectBuilder objectBuilder() {
        return BUILDERS.createObjectBuilder();
    }

    public static JsonObjectBuilder objectBuilder(JsonObject start) {
        return BUILDERS.createObjectBuilder(start);
    }

    public static JsonString string(String value) {
        return JSON.createValue(value);
    }

    public static JsonGenerator generator(java.io.OutputStream out) {
        return GENERATORS.createGenerator(out, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A message written to text, as a string. */
    @FunctionalInterface
    public interface TextMessage {
        void writeTo(java.io.Writer out) throws java.io.IOException;
    }

    /** @return the message as a string, e.g. {@code text(out -> writePush(request, out))} */
    public static String text(TextMessage message) {
        StringWriter out = new StringWriter();
        try {
            message.writeTo(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    /** @return the field names that a type's objects may not use for their own data */
    public static Set<String> reservedKeys() {
        java.util.HashSet<String> all = new java.util.HashSet<>(RESERVED_OBJECT_KEYS);
        all.addAll(IGNORED_OBJECT_KEYS);
        return Collections.unmodifiableSet(all);
    }
}

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

    private static final jakarta.json.stream.JsonParserFactory PARSERS = JSON.createParserFactory(Map.of());

    /**
     * Reads a request body strictly: UTF-8 that is not valid is refused (never replaced), the body
     * is exactly one JSON document, an object may not name a key twice, and no string or key may
     * hold U+0000 (which databases do not store) or an unpaired surrogate (which is not text).
     *
     * @throws jakarta.json.stream.JsonParsingException if the body is not one JSON document
     * @throws jakarta.json.JsonException               if it is not UTF-8, or is empty
     * @throws BeyondLimits                             if it is deeper or holds a longer number than the reader takes
     * @throws WireFormatException                      for a key named twice in one object, or a character no
     *                                                  stored text can hold, with its place
     */
    public static JsonValue parseRequest(java.io.InputStream in) {
        java.nio.charset.CharsetDecoder utf8 = java.nio.charset.StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        return parseRequest(new java.io.InputStreamReader(in, utf8));
    }

    /**
     * Reads request text already decoded (such as a query parameter) as strictly as
     * {@link #parseRequest(java.io.InputStream)} reads a body, with the same exceptions.
     */
    public static JsonValue parseRequest(java.io.Reader in) {
        JsonValue value;
        try (jakarta.json.stream.JsonParser parser = PARSERS.createParser(in)) {
            if (!parser.hasNext()) {
                throw new jakarta.json.JsonException("the body is empty");
            }
            value = strictValue(parser, parser.next(), "");
            if (parser.hasNext()) {
                throw new jakarta.json.stream.JsonParsingException(
                        "more than one JSON document in the body", parser.getLocation());
            }
        } catch (jakarta.json.JsonException | WireFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BeyondLimits(e);
        }
        return value;
    }

    /**
     * Builds one value from the parser's events, checking as it goes; JSON-P's own tree keeps the
     * last of two equal keys without a word. The parser bounds the depth (and so this recursion).
     */
    private static JsonValue strictValue(
            jakarta.json.stream.JsonParser parser, jakarta.json.stream.JsonParser.Event event, String pointer) {
        switch (event) {
            case START_OBJECT -> {
                JsonObjectBuilder object = BUILDERS.createObjectBuilder();
                Set<String> keys = new java.util.HashSet<>();
                for (var e = parser.next(); e != jakarta.json.stream.JsonParser.Event.END_OBJECT; e = parser.next()) {
                    String key = parser.getString();
                    String at = pointer + "/" + escape(key);
                    checkString(key, at, "its key");
                    if (!keys.add(key)) {
                        throw new WireFormatException(at, "is a key this object names twice");
                    }
                    object.add(key, strictValue(parser, parser.next(), at));
                }
                return object.build();
            }
            case START_ARRAY -> {
                jakarta.json.JsonArrayBuilder array = BUILDERS.createArrayBuilder();
                int i = 0;
                for (var e = parser.next(); e != jakarta.json.stream.JsonParser.Event.END_ARRAY; e = parser.next()) {
                    array.add(strictValue(parser, e, pointer + "/" + i++));
                }
                return array.build();
            }
            case VALUE_STRING -> {
                String text = parser.getString();
                checkString(text, pointer, "it");
                return JSON.createValue(text);
            }
            case VALUE_NUMBER -> {
                return parser.getValue();
            }
            case VALUE_TRUE -> {
                return JsonValue.TRUE;
            }
            case VALUE_FALSE -> {
                return JsonValue.FALSE;
            }
            case VALUE_NULL -> {
                return JsonValue.NULL;
            }
            default -> throw new jakarta.json.stream.JsonParsingException("unexpected " + event, parser.getLocation());
        }
    }

    private static void checkString(String s, String pointer, String what) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                throw new WireFormatException(
                        pointer, what + " holds the character U+0000, which databases do not store");
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new WireFormatException(
                        pointer,
                        what + " holds an unpaired surrogate (\\u" + Integer.toHexString(c) + "), which is not text");
            }
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

package io.fastsync.wire;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonArray;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes every FastSync message.
 *
 * <p>Readers take a parsed {@link JsonObject} and either return the record or throw a
 * {@link WireFormatException} naming the first offending place. Writers stream text to a
 * {@link java.io.Writer}, so a large pull page is never held twice in memory, and copy each
 * object's fields as the JSON text they already are ({@link RawJsonObject}). The text is what
 * JSON-P's generator writes (compact, the same escapes), so that the idempotency hash of a push,
 * taken over this text, stays the same from release to release.
 */
public final class WireJson {

    /** Keys that clients or old servers put on objects and that carry no application data. */
    public static final Set<String> IGNORED_OBJECT_KEYS = Set.of("dirty", "metadataId", "hasData", "_id", "__v");

    private static final Set<String> RESERVED_OBJECT_KEYS = Set.of("id", "deleted", "metadata");
    /**
     * JSON-P's provider, looked up once. Each {@code Json.createX} call looks the provider up
     * again, through the class path; on an application server that search cost more than all the
     * rest of a push or a pull together.
     */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonGeneratorFactory GENERATORS = JSON.createGeneratorFactory(Map.of());
    private static final JsonReaderFactory READERS = JSON.createReaderFactory(Map.of());
    private static final JsonBuilderFactory BUILDERS = JSON.createBuilderFactory(Map.of());

    private WireJson() {
    }

    // ---------------------------------------------------------------- reading

    /** Reads a push body: {@code {"data": {...}, "operationMetadata": {"metadata": {...}}}}. */
    public static PushRequest readPush(JsonValue root) {
        JsonObject body = object(root, "", "the push body");
        SyncPayload payload = readPayload(body, "");
        String key = PushRequest.checkedKey(optionalString(body, "idempotencyKey", "/idempotencyKey"), "/idempotencyKey", "");
        return new PushRequest(payload, key);
    }

    /** Reads a pull body: {@code {"metadata": {"Item": {...cursor}}}}. */
    public static PullRequest readPull(JsonValue root) {
        JsonObject body = object(root, "", "the pull body");
        JsonValue metadataValue = body.get("metadata");
        if (metadataValue == null) {
            throw new WireFormatException("/metadata", "is required: one cursor per type");
        }
        Map<String, SyncMetadata> cursors = readTypeMetadata(object(metadataValue, "/metadata", "per-type cursors"), "/metadata");
        Integer limit = null;
        JsonValue limitValue = body.get("limit");
        if (limitValue != null && limitValue.getValueType() != JsonValue.ValueType.NULL) {
            long l = Numbers.wholeNumber(limitValue, "/limit");
            if (l < 1 || l > Integer.MAX_VALUE) {
                throw new WireFormatException("/limit", "must be at least 1");
            }
            limit = (int) l;
        }
        return new PullRequest(cursors, limit);
    }

    /** Reads a pull answer, envelope included, as the Java client receives it. */
    public static PullResponse readPullResponse(JsonValue root) {
        JsonObject envelope = object(root, "", "the pull answer");
        JsonObject data = object(envelope.get("data"), "/data", "the pulled payload");
        SyncPayload payload = readPayload(data, "/data");
        return new PullResponse(payload, envelope.getBoolean("hasMore", false));
    }

    /** Reads a push answer, envelope included, as the Java client receives it. */
    public static PushResponse readPushResponse(JsonValue root) {
        JsonObject envelope = object(root, "", "the push answer");
        JsonObject data = object(envelope.get("data"), "/data", "the push results");
        JsonObject results = object(data.get("results"), "/data/results", "the push results");
        Map<String, List<ObjectResult>> byType = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : results.entrySet()) {
            String pointer = "/data/results/" + escape(entry.getKey());
            List<ObjectResult> list = new ArrayList<>();
            int i = 0;
            for (JsonValue v : array(entry.getValue(), pointer, "a list of results")) {
                String p = pointer + "/" + i++;
                JsonObject r = object(v, p, "a result");
                PushOutcome outcome = PushOutcome.ofWireName(requiredString(r, "status", p + "/status"));
                String winner = optionalString(r, "winner", p + "/winner");
                list.add(new ObjectResult(requiredString(r, "id", p + "/id"), outcome,
                        winner == null ? null : ConflictWinner.ofWireName(winner),
                        optionalString(r, "strategy", p + "/strategy"),
                        Numbers.wholeNumber(r.get("version"), p + "/version"),
                        r.getBoolean("deleted", false)));
            }
            byType.put(entry.getKey(), list);
        }
        return new PushResponse(byType, data.getBoolean("replayed", false));
    }

    /** Reads an error answer; fields the server did not send come back null or empty. */
    public static Problem readProblem(JsonValue root, int httpStatus) {
        if (!(root instanceof JsonObject body)) {
            return new Problem(httpStatus, "unknown", "Unexpected answer", String.valueOf(root), List.of());
        }
        List<Problem.Location> errors = new ArrayList<>();
        JsonValue list = body.get("errors");
        if (list instanceof JsonArray array) {
            for (JsonValue v : array) {
                if (v instanceof JsonObject e) {
                    errors.add(new Problem.Location(e.getString("type", null), e.getString("id", null),
                            e.getString("pointer", null), e.getString("message", null)));
                }
            }
        }
        return new Problem(body.getInt("status", httpStatus), body.getString("code", "unknown"),
                body.getString("title", null), body.getString("detail", null), errors);
    }

    private static SyncPayload readPayload(JsonObject body, String base) {
        JsonValue dataValue = body.get("data");
        if (dataValue == null) {
            throw new WireFormatException(base + "/data", "is required: objects by type");
        }
        JsonObject data = object(dataValue, base + "/data", "objects by type");
        Map<String, List<SyncObject>> objects = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : data.entrySet()) {
            String type = entry.getKey();
            String pointer = base + "/data/" + escape(type);
            checkTypeName(type, pointer);
            JsonArray array = array(entry.getValue(), pointer, "a list of objects of type " + type);
            List<SyncObject> list = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                list.add(readObject(array.get(i), type, pointer + "/" + i));
            }
            objects.put(type, list);
        }
        Map<String, SyncMetadata> metadata = Map.of();
        JsonValue opValue = body.get("operationMetadata");
        if (opValue != null && opValue.getValueType() != JsonValue.ValueType.NULL) {
            String pointer = base + "/operationMetadata";
            JsonObject op = object(opValue, pointer, "per-type metadata");
            JsonValue inner = op.get("metadata");
            if (inner != null && inner.getValueType() != JsonValue.ValueType.NULL) {
                metadata = readTypeMetadata(object(inner, pointer + "/metadata", "per-type metadata"), pointer + "/metadata");
            }
        }
        return new SyncPayload(objects, metadata);
    }

    private static Map<String, SyncMetadata> readTypeMetadata(JsonObject byType, String pointer) {
        Map<String, SyncMetadata> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : byType.entrySet()) {
            String type = entry.getKey();
            String p = pointer + "/" + escape(type);
            checkTypeName(type, p);
            JsonObject m = object(entry.getValue(), p, "the metadata of type " + type);
            String declaredType = optionalString(m, "type", p + "/type");
            if (declaredType != null && !declaredType.equals(type)) {
                throw new WireFormatException(p + "/type", "says '" + declaredType + "' under the key '" + type + "'", type, null);
            }
            long version = m.containsKey("version") && !m.isNull("version") ? Numbers.wholeNumber(m.get("version"), p + "/version") : 0L;
            if (version < 0) {
                throw new WireFormatException(p + "/version", "must not be negative", type, null);
            }
            long timestamp = m.containsKey("timestamp") && !m.isNull("timestamp")
                    ? Numbers.timestampMicros(m.get("timestamp"), p + "/timestamp") : 0L;
            SyncOperation op = SyncOperation.NONE;
            if (m.containsKey("syncOperation") && !m.isNull("syncOperation")) {
                op = operation(m.get("syncOperation"), p + "/syncOperation", type, null);
            }
            result.put(type, new SyncMetadata(optionalString(m, "id", p + "/id"), type, version,
                    optionalString(m, "syncZone", p + "/syncZone"), timestamp, op, null));
        }
        return result;
    }

    private static SyncObject readObject(JsonValue value, String type, String pointer) {
        JsonObject o = object(value, pointer, "an object of type " + type);
        JsonValue idValue = o.get("id");
        if (!(idValue instanceof JsonString idString) || idString.getString().isBlank()) {
            throw new WireFormatException(pointer + "/id", "is required: a non-empty string", type, null);
        }
        String id = idString.getString();
        if (id.length() > Limits.OBJECT_ID) {
            throw new WireFormatException(pointer + "/id", "must have at most " + Limits.OBJECT_ID + " characters", type, null);
        }
        try {
            boolean deleted = false;
            JsonValue deletedValue = o.get("deleted");
            if (deletedValue != null && deletedValue.getValueType() != JsonValue.ValueType.NULL) {
                if (deletedValue != JsonValue.TRUE && deletedValue != JsonValue.FALSE) {
                    throw new WireFormatException(pointer + "/deleted", "must be true or false, found " + Numbers.describe(deletedValue));
                }
                deleted = deletedValue == JsonValue.TRUE;
            }
            JsonValue metadataValue = o.get("metadata");
            if (metadataValue == null || metadataValue.getValueType() == JsonValue.ValueType.NULL) {
                throw new WireFormatException(pointer + "/metadata", "is required");
            }
            String metadataId = bookkeepingId(o.get("metadataId"));
            SyncMetadata metadata = readObjectMetadata(object(metadataValue, pointer + "/metadata", "the object's metadata"),
                    type, id, metadataId, pointer + "/metadata");
            JsonObjectBuilder fields = BUILDERS.createObjectBuilder();
            for (Map.Entry<String, JsonValue> field : o.entrySet()) {
                if (!RESERVED_OBJECT_KEYS.contains(field.getKey()) && !IGNORED_OBJECT_KEYS.contains(field.getKey())) {
                    fields.add(field.getKey(), field.getValue());
                }
            }
            return new SyncObject(id, deleted, metadata, RawJsonObject.of(fields.build()));
        } catch (WireFormatException e) {
            if (e.objectId() != null) {
                throw e;
            }
            throw new WireFormatException(e.pointer(), e.getMessage(), type, id);
        }
    }

    /**
     * @param metadataId the object's {@code metadataId}, which clients set to their metadata's id; may be null
     */
    private static SyncMetadata readObjectMetadata(JsonObject m, String type, String id, String metadataId, String pointer) {
        // The client's own id for its metadata record: a fresh UUID each time the client saves
        // the metadata, never the object's id. Kept and returned as it came, never checked.
        String metaId = bookkeepingId(m.get("id"));
        if (metaId == null) {
            metaId = metadataId != null ? metadataId : id;
        }
        String metaType = optionalString(m, "type", pointer + "/type");
        if (metaType != null && !metaType.equals(type)) {
            throw new WireFormatException(pointer + "/type", "is '" + metaType + "' but the object is listed under '" + type + "'");
        }
        if (!m.containsKey("version") || m.isNull("version")) {
            throw new WireFormatException(pointer + "/version", "is required");
        }
        long version = Numbers.wholeNumber(m.get("version"), pointer + "/version");
        if (version < 0) {
            throw new WireFormatException(pointer + "/version", "must not be negative");
        }
        if (!m.containsKey("syncOperation") || m.isNull("syncOperation")) {
            throw new WireFormatException(pointer + "/syncOperation", "is required: 0 add, 1 update or 2 delete");
        }
        SyncOperation op = operation(m.get("syncOperation"), pointer + "/syncOperation", type, id);
        if (op == SyncOperation.NONE) {
            throw new WireFormatException(pointer + "/syncOperation", "must be 0 add, 1 update or 2 delete for an object");
        }
        long timestamp = m.containsKey("timestamp") && !m.isNull("timestamp")
                ? Numbers.timestampMicros(m.get("timestamp"), pointer + "/timestamp") : 0L;
        Long base = null;
        if (m.containsKey("baseVersion") && !m.isNull("baseVersion")) {
            base = Numbers.wholeNumber(m.get("baseVersion"), pointer + "/baseVersion");
            if (base < 0) {
                throw new WireFormatException(pointer + "/baseVersion", "must not be negative");
            }
        }
        return new SyncMetadata(metaId, type, version, optionalString(m, "syncZone", pointer + "/syncZone"), timestamp, op, base);
    }

    /**
     * A client's bookkeeping id, kept when it is a string that fits the store; anything else
     * (a number, an object, an empty or over-long string, one with a NUL) is dropped, never refused.
     */
    private static String bookkeepingId(JsonValue value) {
        if (value instanceof JsonString s && !s.getString().isEmpty() && s.getString().length() <= Limits.METADATA_ID
                && s.getString().indexOf(0) < 0) {
            return s.getString();
        }
        return null;
    }

    private static SyncOperation operation(JsonValue value, String pointer, String type, String id) {
        long code = Numbers.wholeNumber(value, pointer);
        SyncOperation op = SyncOperation.ofCode(code);
        if (op == null) {
            throw new WireFormatException(pointer, "must be 0 add, 1 update, 2 delete or 999 none, found " + code, type, id);
        }
        return op;
    }

    private static void checkTypeName(String type, String pointer) {
        if (type.isEmpty() || type.length() > Limits.TYPE_NAME) {
            throw new WireFormatException(pointer, "a type name must have 1 to " + Limits.TYPE_NAME + " characters");
        }
    }

    private static JsonObject object(JsonValue value, String pointer, String what) {
        if (value instanceof JsonObject o) {
            return o;
        }
        throw new WireFormatException(pointer, "must be a JSON object (" + what + "), found " + Numbers.describe(value));
    }

    private static JsonArray array(JsonValue value, String pointer, String what) {
        if (value instanceof JsonArray a) {
            return a;
        }
        throw new WireFormatException(pointer, "must be a JSON array (" + what + "), found " + Numbers.describe(value));
    }

    private static String optionalString(JsonObject o, String key, String pointer) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new WireFormatException(pointer, "must be a string, found " + Numbers.describe(v));
    }

    private static String requiredString(JsonObject o, String key, String pointer) {
        String s = optionalString(o, key, pointer);
        if (s == null) {
            throw new WireFormatException(pointer, "is required");
        }
        return s;
    }

    /** Escapes a key for use as one JSON Pointer segment (RFC 6901). */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    // ---------------------------------------------------------------- writing

    /**
     * Parses JSON text; the JSON-P exceptions pass through.
     *
     * @throws jakarta.json.JsonException if the text is not JSON
     */
    public static JsonValue parse(java.io.Reader in) {
        try (JsonReader reader = READERS.createReader(in)) {
            return reader.readValue();
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

    /** Writes a push body, as a client sends it. */
    public static void writePush(PushRequest request, java.io.Writer out) throws java.io.IOException {
        JsonText json = new JsonText(out);
        json.raw('{');
        writePayloadMembers(request.payload(), json);
        if (request.idempotencyKey() != null) {
            json.raw(",\"idempotencyKey\":").value(request.idempotencyKey());
        }
        json.raw('}');
    }

    /** Writes a pull body, as a client sends it. */
    public static void writePull(PullRequest request, java.io.Writer out) throws java.io.IOException {
        JsonText json = new JsonText(out);
        json.raw("{\"metadata\":");
        writeTypeMetadata(request.metadata(), json);
        if (request.limit() != null) {
            json.raw(",\"limit\":").value(request.limit());
        }
        json.raw('}');
    }

    /**
     * Writes a pull answer inside the success envelope. Written by hand rather than through a
     * generator, so that each object's fields are copied as JSON text ({@link JsonObject#toString()},
     * which a {@link RawJsonObject} answers without parsing) instead of being walked value by value.
     */
    public static void writePullResponse(PullResponse response, java.io.Writer out) throws java.io.IOException {
        JsonText json = new JsonText(out);
        json.raw("{\"success\":true,\"data\":{");
        writePayloadMembers(response.payload(), json);
        json.raw("},\"hasMore\":").value(response.hasMore()).raw('}');
    }

    /** {@code "data": {type: [objects]}, "operationMetadata": {"metadata": {type: metadata}}} */
    private static void writePayloadMembers(SyncPayload payload, JsonText json) throws java.io.IOException {
        json.raw("\"data\":{");
        boolean firstType = true;
        for (Map.Entry<String, List<SyncObject>> entry : payload.data().entrySet()) {
            json.key(entry.getKey(), !firstType).raw('[');
            firstType = false;
            boolean firstObject = true;
            for (SyncObject o : entry.getValue()) {
                if (!firstObject) {
                    json.raw(',');
                }
                firstObject = false;
                writeObject(o, json);
            }
            json.raw(']');
        }
        json.raw("},\"operationMetadata\":{\"metadata\":");
        writeTypeMetadata(payload.metadata(), json);
        json.raw('}');
    }

    /** Writes one object the way every client reads it: its fields copied as JSON text. */
    private static void writeObject(SyncObject o, JsonText json) throws java.io.IOException {
        // Constant keys are written as they are: nothing in them needs escaping.
        json.raw("{\"id\":").value(o.id()).raw(",\"deleted\":").value(o.deleted()).raw(",\"metadata\":");
        writeMetadata(o.metadata(), json);
        json.raw(",\"metadataId\":").value(o.metadata().id() != null ? o.metadata().id() : o.id()).raw(",\"dirty\":false");
        String fields = o.fields().toString();
        if (fields.length() > 2) {
            // "{...}" without its opening brace: its members, then the brace that closes the object
            json.raw(',').raw(fields, 1);
        } else {
            json.raw('}');
        }
    }

    private static void writeTypeMetadata(Map<String, SyncMetadata> byType, JsonText json) throws java.io.IOException {
        json.raw('{');
        boolean first = true;
        for (Map.Entry<String, SyncMetadata> entry : byType.entrySet()) {
            json.key(entry.getKey(), !first);
            first = false;
            writeMetadata(entry.getValue(), json);
        }
        json.raw('}');
    }

    private static void writeMetadata(SyncMetadata m, JsonText json) throws java.io.IOException {
        json.raw("{\"id\":").value(m.id()).raw(",\"type\":").value(m.type()).raw(",\"version\":").value(m.version())
                .raw(",\"syncZone\":").value(m.syncZone()).raw(",\"timestamp\":").value(m.timestamp())
                .raw(",\"syncOperation\":").value(m.syncOperation().code());
        if (m.baseVersion() != null) {
            json.raw(",\"baseVersion\":").value(m.baseVersion());
        }
        json.raw('}');
    }

    /** Writes a push answer inside the success envelope. */
    public static void writePushResponse(PushResponse response, java.io.Writer out) throws java.io.IOException {
        JsonText json = new JsonText(out);
        json.raw("{\"success\":true,\"data\":{\"replayed\":").value(response.replayed()).raw(",\"results\":{");
        boolean firstType = true;
        for (Map.Entry<String, List<ObjectResult>> entry : response.results().entrySet()) {
            json.key(entry.getKey(), !firstType).raw('[');
            firstType = false;
            boolean first = true;
            for (ObjectResult r : entry.getValue()) {
                json.raw(first ? "{\"id\":" : ",{\"id\":").value(r.id()).raw(",\"status\":").value(r.outcome().wireName());
                first = false;
                if (r.winner() != null) {
                    json.raw(",\"winner\":").value(r.winner().wireName());
                }
                if (r.strategy() != null) {
                    json.raw(",\"strategy\":").value(r.strategy());
                }
                json.raw(",\"version\":").value(r.version()).raw(",\"deleted\":").value(r.deleted()).raw('}');
            }
            json.raw(']');
        }
        json.raw("}}}");
    }

    /** Writes an error answer: problem details plus {@code "success": false}. */
    public static void writeProblem(Problem problem, JsonGenerator g) {
        g.writeStartObject();
        g.write("success", false);
        g.write("type", "https://fastsync.io/problems/" + problem.code());
        g.write("status", problem.status());
        g.write("code", problem.code());
        g.write("title", problem.title());
        g.write("detail", problem.detail());
        g.writeKey("errors");
        g.writeStartArray();
        for (Problem.Location l : problem.errors()) {
            g.writeStartObject();
            writeNullable(g, "type", l.type());
            writeNullable(g, "id", l.id());
            writeNullable(g, "pointer", l.pointer());
            writeNullable(g, "message", l.message());
            g.writeEnd();
        }
        g.writeEnd();
        g.writeEnd();
    }

    private static void writeNullable(JsonGenerator g, String key, String value) {
        if (value == null) {
            g.writeNull(key);
        } else {
            g.write(key, value);
        }
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

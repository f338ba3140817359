package io.fastsync.wire;

import jakarta.json.stream.JsonGenerator;
import java.util.List;
import java.util.Map;

/**
 * Writes every FastSync message as text. Writers stream to a {@link java.io.Writer}, so a large
 * pull page is never held twice in memory, and copy each object's fields as the JSON text they
 * already are ({@link RawJsonObject}). The text is what JSON-P's generator writes (compact, the
 * same escapes), so that the idempotency hash of a push, taken over this text, stays the same from
 * release to release.
 */
public final class MessageWriter {

    private MessageWriter() {}

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
        if (request.startsOver()) {
            json.raw(",\"startsOver\":true");
        }
        if (!request.pushed().isEmpty()) {
            json.raw(",\"pushed\":");
            writeTypeMetadata(request.pushed(), json);
        }
        json.raw('}');
    }

    /**
     * Writes a pull answer inside the success envelope. Written by hand rather than through a
     * generator, so that each object's fields are copied as JSON text ({@link jakarta.json.JsonObject#toString()},
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

    /** Writes one object as a push or pull carries it. */
    public static void writeObject(SyncObject o, java.io.Writer out) throws java.io.IOException {
        writeObject(o, new JsonText(out));
    }

    /** Writes one object the way every client reads it: its fields copied as JSON text. */
    private static void writeObject(SyncObject o, JsonText json) throws java.io.IOException {
        // Constant keys are written as they are: nothing in them needs escaping.
        json.raw("{\"id\":")
                .value(o.id())
                .raw(",\"deleted\":")
                .value(o.deleted())
                .raw(",\"metadata\":");
        writeMetadata(o.metadata(), json);
        json.raw(",\"metadataId\":")
                .value(o.metadata().id() != null ? o.metadata().id() : o.id())
                .raw(",\"dirty\":false");
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
        json.raw("{\"id\":")
                .value(m.id())
                .raw(",\"type\":")
                .value(m.type())
                .raw(",\"version\":")
                .value(m.version())
                .raw(",\"syncZone\":")
                .value(m.syncZone())
                .raw(",\"timestamp\":")
                .value(m.timestamp())
                .raw(",\"syncOperation\":")
                .value(m.syncOperation().code());
        if (m.baseVersion() != null) {
            json.raw(",\"baseVersion\":").value(m.baseVersion());
        }
        json.raw('}');
    }

    /** Writes a push answer inside the success envelope. */
    public static void writePushResponse(PushResponse response, java.io.Writer out) throws java.io.IOException {
        JsonText json = new JsonText(out);
        json.raw("{\"success\":true,\"data\":{\"replayed\":")
                .value(response.replayed())
                .raw(",\"results\":{");
        boolean firstType = true;
        for (Map.Entry<String, List<ObjectResult>> entry : response.results().entrySet()) {
            json.key(entry.getKey(), !firstType).raw('[');
            firstType = false;
            boolean first = true;
            for (ObjectResult r : entry.getValue()) {
                json.raw(first ? "{\"id\":" : ",{\"id\":")
                        .value(r.id())
                        .raw(",\"status\":")
                        .value(r.outcome().wireName());
                first = false;
                if (r.winner() != null) {
                    json.raw(",\"winner\":").value(r.winner().wireName());
                }
                if (r.strategy() != null) {
                    json.raw(",\"strategy\":").value(r.strategy());
                }
                json.raw(",\"version\":")
                        .value(r.version())
                        .raw(",\"deleted\":")
                        .value(r.deleted())
                        .raw('}');
            }
            json.raw(']');
        }
        json.raw('}');
        if (!response.marks().isEmpty()) {
            json.raw(",\"marks\":{");
            boolean first = true;
            for (Map.Entry<String, Long> mark : response.marks().entrySet()) {
                json.key(mark.getKey(), !first).value(mark.getValue());
                first = false;
            }
            json.raw('}');
        }
        json.raw("}}");
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
        if (!problem.zones().isEmpty()) {
            g.writeKey("zones");
            g.writeStartObject();
            problem.zones().forEach((type, zones) -> {
                g.writeKey(type);
                g.writeStartArray();
                zones.forEach(g::write);
                g.writeEnd();
            });
            g.writeEnd();
        }
        g.writeEnd();
    }

    private static void writeNullable(JsonGenerator g, String key, String value) {
        if (value == null) {
            g.writeNull(key);
        } else {
            g.write(key, value);
        }
    }
}

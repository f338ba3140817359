package io.fastsync.testing;

import io.fastsync.wire.PullRequest;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.RequestReader;
import io.fastsync.wire.testing.OldClientBodies;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Requests in the JSON that clients send, parsed by the real codec. */
public final class Requests {

    private Requests() {}

    /** An object as an old client sends it (see {@link OldClientBodies}): version = last seen + 1, no base version. */
    public static String old(String id, int operation, long version, String fields) {
        return OldClientBodies.typeScriptObject(null, null, id, operation, version, 1_722_950_000.5, fields);
    }

    /** An object as an old client sends it, with an explicit timestamp in seconds. */
    public static String stamped(String id, int operation, long version, double seconds, String fields) {
        return OldClientBodies.typeScriptObject(null, null, id, operation, version, seconds, fields);
    }

    /** An object of the extended protocol, stating its base version. */
    public static String based(String id, int operation, long base, String fields) {
        return timed(id, operation, base, 1_722_950_000.5, fields);
    }

    /** An object of the extended protocol with an explicit timestamp in seconds. */
    public static String timed(String id, int operation, long base, double seconds, String fields) {
        String own = fields == null || fields.isBlank() ? "" : ", " + fields;
        return "{\"id\": \"" + id + "\", \"deleted\": " + (operation == 2) + ", \"metadata\": {\"version\": "
                + (base + 1) + ", \"baseVersion\": " + base + ", \"timestamp\": " + seconds + ", \"syncOperation\": "
                + operation + "}" + own + "}";
    }

    /** A push of one type into one zone. */
    public static PushRequest push(String type, String zone, String... objects) {
        return keyed(null, type, zone, objects);
    }

    public static PushRequest keyed(String key, String type, String zone, String... objects) {
        String keyMember = key == null ? "" : ", \"idempotencyKey\": \"" + key + "\"";
        return RequestReader.readPush(parse("{\"data\": {\"" + type + "\": [" + String.join(", ", objects) + "]},"
                + " \"operationMetadata\": {\"metadata\": {\"" + type + "\": " + typeMeta(type, zone, 999) + "}}"
                + keyMember + "}"));
    }

    /** A push body holding several types: pairs of type name and its objects' JSON array text. */
    public static PushRequest pushTypes(String zone, String... typeAndArray) {
        StringBuilder data = new StringBuilder();
        StringBuilder meta = new StringBuilder();
        for (int i = 0; i < typeAndArray.length; i += 2) {
            String sep = i == 0 ? "" : ", ";
            data.append(sep).append('"').append(typeAndArray[i]).append("\": ").append(typeAndArray[i + 1]);
            meta.append(sep)
                    .append('"')
                    .append(typeAndArray[i])
                    .append("\": ")
                    .append(typeMeta(typeAndArray[i], zone, 999));
        }
        return RequestReader.readPush(
                parse("{\"data\": {" + data + "}, \"operationMetadata\": {\"metadata\": {" + meta + "}}}"));
    }

    /** A pull of the given types, each "Type:cursor", in one zone. */
    public static PullRequest pull(String zone, Integer limit, String... typeCursors) {
        String cursors = Arrays.stream(typeCursors)
                .map(tc -> {
                    String[] parts = tc.split(":");
                    return "\"" + parts[0] + "\": " + typeMeta(parts[0], zone, Long.parseLong(parts[1]));
                })
                .collect(Collectors.joining(", "));
        String limitMember = limit == null ? "" : ", \"limit\": " + limit;
        return RequestReader.readPull(parse("{\"metadata\": {" + cursors + "}" + limitMember + "}"));
    }

    private static String typeMeta(String type, String zone, long version) {
        String z = zone == null ? "null" : "\"" + zone + "\"";
        return "{\"id\": \"" + type + "\", \"type\": \"" + type + "\", \"syncZone\": " + z + ", \"version\": " + version
                + ", \"timestamp\": 1722950000, \"syncOperation\": 999}";
    }

    public static jakarta.json.JsonValue parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}

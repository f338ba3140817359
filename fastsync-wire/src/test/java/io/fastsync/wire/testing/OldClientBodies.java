package io.fastsync.wire.testing;

import java.util.UUID;

/**
 * Request bodies as the existing FastSync clients write them, for tests in every module (this
 * module's test jar). Key order and number forms follow the captures of the TypeScript client in
 * {@code fixtures/ts-client-1.0.4}: each object carries a fresh metadata id of the client's own
 * (never the object's id) and repeats it in {@code metadataId}; a push carries {@code hasData} and
 * per-type metadata with version {@code 999} and a fresh id; timestamps are fractional seconds.
 * The Dart clients' pull is as read from their source: numbers as doubles, microseconds.
 */
public final class OldClientBodies {

    /** The timestamp the builders use where a test names none, in seconds. */
    public static final double SECONDS = 1_722_950_000.967;

    private OldClientBodies() {}

    /** A push of one type into one zone, as the TypeScript client writes it. */
    public static String typeScriptPush(String type, String zone, String... objects) {
        return "{\"data\": {\"" + type + "\": [" + String.join(", ", objects) + "]}, \"hasData\": true,"
                + " \"operationMetadata\": {\"metadata\": {" + typeScriptTypeMetadata(type, zone) + "}}}";
    }

    /** The per-type metadata member of a TypeScript push: {@code "Type": {...}}. */
    public static String typeScriptTypeMetadata(String type, String zone) {
        return "\"" + type + "\": {\"type\": \"" + type + "\", \"version\": 999, \"syncZone\": \"" + zone
                + "\", \"id\": \"" + UUID.randomUUID() + "\", \"timestamp\": " + SECONDS + "}";
    }

    /** @see #typeScriptObject(String, String, String, int, long, double, String) with {@link #SECONDS} */
    public static String typeScriptObject(
            String type, String zone, String id, int operation, long version, String fields) {
        return typeScriptObject(type, zone, id, operation, version, SECONDS, fields);
    }

    /**
     * An object as the TypeScript client writes it.
     *
     * @param type      may be null, for a body whose objects leave it out
     * @param zone      may be null, likewise
     * @param operation 0 add, 1 update, 2 delete
     * @param version   the version last seen plus one (1000 for a never-synced object, 1001 for an
     *                  object the client pushed and has not pulled since)
     * @param fields    the object's own fields as JSON members, e.g. {@code "name": "milk"}; may be empty
     */
    public static String typeScriptObject(
            String type, String zone, String id, int operation, long version, double seconds, String fields) {
        String metadataId = UUID.randomUUID().toString();
        StringBuilder s = new StringBuilder("{\"id\": \"").append(id).append("\", \"metadata\": {");
        if (type != null) {
            s.append("\"type\": \"").append(type).append("\", ");
        }
        s.append("\"version\": ").append(version);
        if (zone != null) {
            s.append(", \"syncZone\": \"").append(zone).append('"');
        }
        s.append(", \"id\": \"")
                .append(metadataId)
                .append("\", \"timestamp\": ")
                .append(seconds)
                .append(", \"syncOperation\": ")
                .append(operation)
                .append("}, \"deleted\": ")
                .append(operation == 2)
                .append(", \"metadataId\": \"")
                .append(metadataId)
                .append("\", \"dirty\": true");
        if (fields != null && !fields.isBlank()) {
            s.append(", ").append(fields);
        }
        return s.append('}').toString();
    }

    /**
     * A first pull, as the TypeScript client writes it: a fresh cursor (version 0, id the type name,
     * an integer-seconds timestamp) for each type, in the order given.
     */
    public static String typeScriptFirstPull(String zone, String... types) {
        StringBuilder s = new StringBuilder("{\"metadata\": {");
        for (int i = 0; i < types.length; i++) {
            s.append(i == 0 ? "" : ", ")
                    .append('"')
                    .append(types[i])
                    .append("\": {\"syncZone\": \"")
                    .append(zone)
                    .append("\", \"type\": \"")
                    .append(types[i])
                    .append("\", \"id\": \"")
                    .append(types[i])
                    .append("\", \"version\": 0, \"timestamp\": 1722950000, \"syncOperation\": 999}");
        }
        return s.append("}}").toString();
    }

    /** A pull of one type, as the Dart client with sqflite writes it: numbers as doubles. */
    public static String dartPull(String type, String zone, long cursor) {
        return "{\"metadata\": {\"" + type + "\": {\"id\": \"" + type + "\", \"type\": \"" + type
                + "\", \"syncZone\": \"" + zone + "\", \"version\": " + cursor
                + ".0, \"timestamp\": 1722950000123000.0, \"syncOperation\": 999}}}";
    }
}

package io.fastsync.system;

/** Request bodies exactly as the existing FastSync clients build them (see the wire-format notes). */
final class ClientBodies {

    private ClientBodies() {
    }

    /** A push of one type into one zone, as the TypeScript client sends it. */
    static String typeScriptPush(String type, String zone, String... objects) {
        return "{\"data\": {\"" + type + "\": [" + String.join(",", objects) + "]}, \"operationMetadata\": {\"metadata\": {\""
                + type + "\": {\"id\": \"" + type + "\", \"type\": \"" + type + "\", \"syncZone\": \"" + zone
                + "\", \"version\": 999, \"timestamp\": 1722950000.967, \"syncOperation\": 999}}}}";
    }

    /**
     * An object as the TypeScript client sends it.
     *
     * @param operation 0 add, 1 update, 2 delete
     * @param version   the version last seen plus one (1000 for a never-synced object)
     * @param fields    the object's own fields as JSON members, e.g. {@code "name": "milk"}
     */
    static String typeScriptObject(String type, String zone, String id, int operation, long version, String fields) {
        // As the real client writes it: its own fresh metadata id, never the object's id.
        String metadataId = java.util.UUID.randomUUID().toString();
        return "{\"id\": \"" + id + "\", \"metadata\": {\"type\": \"" + type + "\", \"version\": " + version
                + ", \"syncZone\": \"" + zone + "\", \"id\": \"" + metadataId + "\", \"timestamp\": 1722950000.967, \"syncOperation\": " + operation + "},"
                + " \"deleted\": " + (operation == 2) + ", \"metadataId\": \"" + metadataId + "\", \"dirty\": true, " + fields + "}";
    }

    /** A pull of one type, as the Dart client with sqflite sends it: doubles for numbers. */
    static String dartPull(String type, String zone, long cursor) {
        return "{\"metadata\": {\"" + type + "\": {\"id\": \"" + type + "\", \"type\": \"" + type + "\", \"syncZone\": \"" + zone
                + "\", \"version\": " + cursor + ".0, \"timestamp\": 1722950000123000.0, \"syncOperation\": 999}}}";
    }
}

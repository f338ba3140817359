package io.fastsync.wire;

/**
 * Sync metadata, either of one object or of one type (a cursor).
 *
 * @param id            for an object: the id of the metadata record, which old clients make fresh
 *                      (a UUID, not the object's id) each time they save it and which the server
 *                      stores and returns as the writer sent it; the object's id where the writer
 *                      named none. For a type: the type name. May be null in a request
 * @param type          the type name; never null once read
 * @param version       for an object: the version it has (from the server) or, from an old client,
 *                      the version it last saw plus one; for a type: the cursor
 * @param syncZone      the zone; may be null (global types, or a client that sends none)
 * @param timestamp     microseconds since the epoch, normalised from whatever unit the client sent
 * @param syncOperation never null once read
 * @param baseVersion   the version of the object the client last saw, sent by clients that speak
 *                      FastSync's extended protocol; null from old clients
 */
public record SyncMetadata(
        String id,
        String type,
        long version,
        String syncZone,
        long timestamp,
        SyncOperation syncOperation,
        Long baseVersion) {

    /** Per-type metadata carrying a cursor without a history mark. */
    public static SyncMetadata cursor(String type, String syncZone, long version) {
        return cursor(type, syncZone, version, 0L);
    }

    /**
     * Per-type metadata carrying a cursor, as a pull request or response holds it.
     *
     * @param mark in {@code timestamp}: when the server began handing out the versions the cursor
     *     is among (microseconds), so that a cursor from another history of the database (a
     *     restored backup) is told apart; 0 for none. Old clients echo it back as they received it.
     */
    public static SyncMetadata cursor(String type, String syncZone, long version, long mark) {
        return new SyncMetadata(type, type, version, syncZone, mark, SyncOperation.NONE, null);
    }
}

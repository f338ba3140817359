package io.fastsync.wire;

import java.util.Map;

/**
 * A pull: one cursor per type the client knows.
 *
 * @param metadata   per-type cursors by type name, in the order the client sent them; never null
 * @param limit      the most objects the client wants in this page; null for the server's page size
 * @param startsOver true if the client starts over by itself when told {@code 410 cursor-expired}
 *                   (an extension); false for old clients, which the server repairs instead where it
 *                   can
 * @param pushed     per type, the highest version a push answer gave the client above its cursor,
 *                   with the mark that answer carried in {@code timestamp} (an extension): the client
 *                   holds objects of those versions, and they too must belong to the database's
 *                   history; never null
 */
public record PullRequest(
        Map<String, SyncMetadata> metadata, Integer limit, boolean startsOver, Map<String, SyncMetadata> pushed) {

    public PullRequest {
        pushed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pushed));
    }

    public PullRequest(Map<String, SyncMetadata> metadata, Integer limit, boolean startsOver) {
        this(metadata, limit, startsOver, Map.of());
    }

    /** A pull of a client that does not start over by itself. */
    public PullRequest(Map<String, SyncMetadata> metadata, Integer limit) {
        this(metadata, limit, false);
    }
}

package io.fastsync.wire;

import java.util.Map;

/**
 * A pull: one cursor per type the client knows.
 *
 * @param metadata per-type cursors by type name, in the order the client sent them; never null
 * @param limit    the most objects the client wants in this page; null for the server's page size
 */
public record PullRequest(Map<String, SyncMetadata> metadata, Integer limit) {}

package io.fastsync.store;

import io.fastsync.wire.SyncOperation;

/**
 * The sync metadata of one stored object, read the same way from typed entities and documents.
 *
 * @param id        never null
 * @param zone      never null for a stored object
 * @param version   version of the last change; 0 for an object not stored yet
 * @param timestamp microseconds since the epoch
 * @param operation never null
 * @param deleted   true for a tombstone
 */
public record SyncMeta(
        String id, String zone, long version, long timestamp, SyncOperation operation, boolean deleted) {}

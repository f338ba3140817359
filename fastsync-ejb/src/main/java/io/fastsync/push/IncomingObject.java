package io.fastsync.push;

import io.fastsync.wire.SyncMetadata;
import io.fastsync.wire.SyncOperation;

/**
 * One pushed object, validated and decoded.
 *
 * @param pointer   where it stands in the push body, for errors
 * @param id        never null
 * @param value     the decoded value, detached, carrying id, zone and deleted flag
 * @param sent      the metadata as the client sent it: its version and, from new clients, its base
 * @param operation never {@link SyncOperation#NONE}
 * @param timestamp normalised, microseconds
 * @param deleted   true for a delete
 * @param digest    for an object of a push without idempotency key: what tells its retry
 *                  ({@link Submissions}); null in a keyed push
 */
record IncomingObject<T>(
        String pointer,
        String id,
        T value,
        SyncMetadata sent,
        SyncOperation operation,
        long timestamp,
        boolean deleted,
        String digest) {}

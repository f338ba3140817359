package io.fastsync.wire;

import jakarta.json.JsonObject;

/**
 * One syncable object as it travels: its id, whether it is a tombstone, its metadata, and the
 * application's own fields.
 *
 * @param fields the object's own fields, without {@code id}, {@code deleted}, {@code metadata} and
 *               the client bookkeeping keys that {@link WireJson#IGNORED_OBJECT_KEYS} lists; never null
 */
public record SyncObject(String id, boolean deleted, SyncMetadata metadata, JsonObject fields) {}

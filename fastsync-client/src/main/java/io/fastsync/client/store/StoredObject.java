package io.fastsync.client.store;

import io.fastsync.wire.SyncOperation;
import jakarta.json.JsonObject;

/**
 * One object in the local store, with its sync bookkeeping.
 *
 * @param type        the type name; never null
 * @param id          the object id; never null
 * @param fields      the object's own fields, as the application last saw them; never null
 * @param deleted     true for a tombstone: deleted locally and not yet acknowledged
 * @param baseVersion the server version the local copy is based on; 0 if the server never had it
 * @param pending     true while a local change waits to be pushed
 * @param revision    counts local edits; a push answer clears {@code pending} only if this has not
 *                    moved since the push was built, so an edit made meanwhile stays pending
 * @param editedAt    microseconds since the epoch of the last change, local or from the server
 */
public record StoredObject(
        String type,
        String id,
        JsonObject fields,
        boolean deleted,
        long baseVersion,
        boolean pending,
        long revision,
        long editedAt) {

    /** A new local object, never seen by the server. */
    public static StoredObject added(String type, String id, JsonObject fields, long editedAt) {
        return new StoredObject(type, id, fields, false, 0L, true, 1L, editedAt);
    }

    /** A copy received from the server. */
    public static StoredObject fromServer(String type, String id, JsonObject fields, long version, long timestamp) {
        return new StoredObject(type, id, fields, false, version, false, 0L, timestamp);
    }

    /** This object after a local edit or delete: pending, one revision further, base unchanged. */
    public StoredObject edited(JsonObject newFields, boolean nowDeleted, long at) {
        return new StoredObject(type, id, newFields, nowDeleted, baseVersion, true, revision + 1, at);
    }

    /** This object replaced by the server's copy. */
    public StoredObject replacedByServer(JsonObject serverFields, long version, long timestamp) {
        return new StoredObject(type, id, serverFields, false, version, false, revision, timestamp);
    }

    /** This object after a push answer: a new base, and pending only if edited since the push was built. */
    public StoredObject acknowledged(long newBase, boolean stillPending) {
        return new StoredObject(type, id, fields, deleted, newBase, stillPending, revision, editedAt);
    }

    /** @return what pushing this object means now: delete, add (never synced) or update */
    public SyncOperation pendingOperation() {
        if (deleted) {
            return SyncOperation.DELETE;
        }
        return baseVersion == 0 ? SyncOperation.ADD : SyncOperation.UPDATE;
    }
}

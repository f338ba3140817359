package io.fastsync.client.push;

import io.fastsync.client.store.PendingPush;
import io.fastsync.client.store.StoreTransaction;
import io.fastsync.client.store.StoredObject;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.SyncMetadata;
import io.fastsync.wire.SyncObject;
import io.fastsync.wire.SyncOperation;
import io.fastsync.wire.SyncPayload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Builds one push from the pending objects of the given types, at most a given number of them. */
final class BatchBuilder {

    private BatchBuilder() {}

    /**
     * @param zoneByType the types to push, in order, with their zones
     * @param keys       makes the idempotency key of the new push, asked only if there is one
     * @param limit      the most objects the push may hold
     * @param sent       objects this push operation sent already, per type; they wait for the next
     *                   operation even if they were edited again meanwhile, so that a push ends
     *                   while edits go on
     * @return the push, or null if no other object of these types is pending
     */
    static PendingPush build(
            StoreTransaction tx,
            Map<String, String> zoneByType,
            Supplier<String> keys,
            int limit,
            Map<String, Set<String>> sent) {
        Map<String, List<SyncObject>> data = new LinkedHashMap<>();
        Map<String, SyncMetadata> metadata = new LinkedHashMap<>();
        Map<String, Map<String, Long>> revisions = new LinkedHashMap<>();
        int room = limit;
        for (Map.Entry<String, String> entry : zoneByType.entrySet()) {
            String type = entry.getKey();
            String zone = entry.getValue();
            Set<String> done = sent.getOrDefault(type, Set.of());
            List<StoredObject> pending = tx.pending(type).stream()
                    .filter(o -> !done.contains(o.id()))
                    .limit(room)
                    .toList();
            if (pending.isEmpty()) {
                continue;
            }
            room -= pending.size();
            data.put(type, pending.stream().map(o -> toWire(o, zone)).toList());
            metadata.put(
                    type, new SyncMetadata(type, type, SyncOperation.NONE.code(), zone, 0L, SyncOperation.NONE, null));
            Map<String, Long> byId = new LinkedHashMap<>();
            pending.forEach(o -> byId.put(o.id(), o.revision()));
            revisions.put(type, byId);
            if (room == 0) {
                break;
            }
        }
        if (data.isEmpty()) {
            return null;
        }
        return new PendingPush(new PushRequest(new SyncPayload(data, metadata), keys.get()), revisions);
    }

    private static SyncObject toWire(StoredObject o, String zone) {
        long base = o.baseVersion();
        // baseVersion is what our server reads; version = base + 1 is how old servers infer the
        // same base, so the push means the same thing to both.
        SyncMetadata m = new SyncMetadata(o.id(), o.type(), base + 1, zone, o.editedAt(), o.pendingOperation(), base);
        return new SyncObject(o.id(), o.deleted(), m, o.fields());
    }
}

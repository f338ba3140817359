package io.fastsync.client.pull;

import io.fastsync.client.store.StoreTransaction;
import io.fastsync.client.store.StoredObject;
import io.fastsync.client.store.TypeState;
import io.fastsync.wire.SyncMetadata;
import io.fastsync.wire.SyncObject;
import io.fastsync.wire.SyncPayload;
import java.util.List;
import java.util.Map;

/** Merges one pull page into the store: its objects, then its cursors. */
final class PageApplier {

    /**
     * @param objects     how many objects of the requested types the page held
     * @param cursorMoved true if some cursor went up
     */
    record Applied(int objects, boolean cursorMoved, Map<String, Changes> changes) {}

    /** The ids of one type's local objects that a page replaced or deleted. */
    record Changes(java.util.Set<String> changed, java.util.Set<String> deleted) {}

    /** What one incoming object did to the store. */
    enum Merge {
        CHANGED,
        DELETED,
        LEFT
    }

    private PageApplier() {}

    static Applied apply(StoreTransaction tx, SyncPayload page, Map<String, String> zoneByType) {
        int objects = 0;
        boolean moved = false;
        Map<String, Changes> changes = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> type : zoneByType.entrySet()) {
            List<SyncObject> list = page.data().getOrDefault(type.getKey(), List.of());
            Changes these = new Changes(new java.util.LinkedHashSet<>(), new java.util.LinkedHashSet<>());
            for (SyncObject o : list) {
                switch (merge(tx, type.getKey(), o)) {
                    case CHANGED -> these.changed().add(o.id());
                    case DELETED -> these.deleted().add(o.id());
                    case LEFT -> {
                        // unchanged locally
                    }
                }
            }
            if (!these.changed().isEmpty() || !these.deleted().isEmpty()) {
                changes.put(type.getKey(), these);
            }
            objects += list.size();
            moved |= advanceCursor(
                    tx, type.getKey(), type.getValue(), page.metadata().get(type.getKey()), list);
        }
        return new Applied(objects, moved, changes);
    }

    static Merge merge(StoreTransaction tx, String type, SyncObject incoming) {
        long version = incoming.metadata().version();
        long timestamp = incoming.metadata().timestamp();
        StoredObject local = tx.find(type, incoming.id()).orElse(null);
        if (local == null) {
            if (!incoming.deleted()) {
                tx.put(StoredObject.fromServer(type, incoming.id(), incoming.fields(), version, timestamp));
                return Merge.CHANGED;
            }
            return Merge.LEFT;
        } else if (local.pending()) {
            // Keep the unpushed change, and keep its base: the push must reach the server as the
            // conflict it is (base below the server's version), to be resolved by the type's strategy.
            return Merge.LEFT;
        } else if (version < local.baseVersion()) {
            // We already hold a newer copy: our own push's answer gave it; this one is superseded.
            return Merge.LEFT;
        } else if (incoming.deleted()) {
            tx.delete(type, incoming.id());
            return Merge.DELETED;
        } else {
            tx.put(local.replacedByServer(incoming.fields(), version, timestamp));
            return Merge.CHANGED;
        }
    }

    /**
     * The page's per-type version is the next cursor. A server that sends objects without it
     * gets the highest version delivered instead, which is safe because a page is in version order.
     */
    private static boolean advanceCursor(
            StoreTransaction tx, String type, String zone, SyncMetadata meta, List<SyncObject> objects) {
        long highest = meta != null
                ? meta.version()
                : objects.stream().mapToLong(o -> o.metadata().version()).max().orElse(-1);
        TypeState state = tx.typeState(type);
        if (state == null) {
            state = new TypeState(type, zone, 0);
        }
        if (highest <= state.cursor()) {
            return false;
        }
        tx.putTypeState(meta != null ? state.withCursor(highest, meta.timestamp()) : state.withCursor(highest));
        return true;
    }
}

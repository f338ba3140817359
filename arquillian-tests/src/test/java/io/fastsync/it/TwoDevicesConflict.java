package io.fastsync.it;

import io.fastsync.client.SyncManager;
import io.fastsync.client.store.MemoryStore;
import io.fastsync.client.transport.HttpSyncTransport;
import io.fastsync.client.type.SyncableRepository;
import io.fastsync.client.type.Zone;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;

/**
 * Two Java clients of one zone hold the same synced document, both change it offline, and both
 * sync: the first push applies, the second is a conflict for the type's strategy. Kept apart from
 * the test classes that run in the container, which has no client classes.
 *
 * @param first  what the first device holds in the end
 * @param second what the second device holds in the end
 * @param fresh  what a new device pulls: the server's copy
 */
record TwoDevicesConflict(List<JsonObject> first, List<JsonObject> second, List<JsonObject> fresh) {

    static TwoDevicesConflict run(
            URI server, String type, String zone, JsonObject original, JsonObject firstEdit, JsonObject secondEdit) {
        SyncManager a = new SyncManager(HttpSyncTransport.to(server).build(), new MemoryStore());
        SyncManager b = new SyncManager(HttpSyncTransport.to(server).build(), new MemoryStore());
        SyncableRepository<JsonObject> onA = a.registerDocument(type, Zone.restricted(zone));
        SyncableRepository<JsonObject> onB = b.registerDocument(type, Zone.restricted(zone));
        onA.add(original);
        a.sync();
        b.sync();
        onA.update(firstEdit);
        onB.update(secondEdit);
        a.sync();
        b.sync();
        a.sync();
        SyncManager c = new SyncManager(HttpSyncTransport.to(server).build(), new MemoryStore());
        SyncableRepository<JsonObject> onC = c.registerDocument(type, Zone.restricted(zone));
        c.pull();
        if (onA.pendingCount() + onB.pendingCount() != 0) {
            throw new AssertionError("changes left pending: " + onA.pendingCount() + " and " + onB.pendingCount());
        }
        return new TwoDevicesConflict(onA.getAll(), onB.getAll(), onC.getAll());
    }
}

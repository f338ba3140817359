package io.fastsync.client;

import io.fastsync.client.store.LocalStore;
import io.fastsync.client.store.MemoryStore;
import io.fastsync.client.store.StoredObject;
import io.fastsync.client.store.TypeState;
import io.fastsync.client.type.SyncableRepository;
import io.fastsync.client.type.Zone;
import io.fastsync.wire.SyncObject;
import jakarta.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;

/** A manager on a memory store and a scripted transport, with the type Item in zone user-1. */
class ClientFixture {

    final ScriptedTransport server = new ScriptedTransport();
    final LocalStore store;
    final SyncManager sync;
    final SyncableRepository<JsonObject> items;
    private final AtomicInteger keys = new AtomicInteger();

    ClientFixture() {
        this(new MemoryStore(), SyncOptions.DEFAULTS);
    }

    ClientFixture(LocalStore store, SyncOptions options) {
        this(store, options, "key-");
    }

    /** @param keyPrefix idempotency keys are this prefix and a counter */
    ClientFixture(LocalStore store, SyncOptions options, String keyPrefix) {
        this.store = store;
        this.sync = new SyncManager(
                server,
                store,
                options.withClock(Wire.CLOCK).withIdempotencyKeys(() -> keyPrefix + keys.incrementAndGet()));
        this.items = sync.registerDocument("Item", Zone.restricted("user-1"));
    }

    /** Puts objects into the local copy the way they really get there: by a pull. */
    void pulled(SyncObject... objects) {
        server.thenPull(Wire.page(false, objects));
        sync.pull();
    }

    StoredObject stored(String type, String id) {
        return store.transact(tx -> tx.find(type, id)).orElseThrow();
    }

    boolean holds(String type, String id) {
        return store.transact(tx -> tx.find(type, id)).isPresent();
    }

    long cursor(String type) {
        TypeState state = store.transact(tx -> tx.typeState(type));
        return state.cursor();
    }
}

package io.fastsync.client.store;

import static io.fastsync.client.Wire.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.client.Wire;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.SyncMetadata;
import io.fastsync.wire.SyncObject;
import io.fastsync.wire.SyncOperation;
import io.fastsync.wire.SyncPayload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every store must do; each store's test extends this. */
abstract class StoreContract {

    protected LocalStore store;

    @AfterEach
    void closeStore() {
        store.close();
    }

    static PendingPush aPush() {
        SyncObject a1 = new SyncObject(
                "a1",
                false,
                new SyncMetadata("a1", "Item", 4, "user-1", 1_754_481_600_000_000L, SyncOperation.UPDATE, 3L),
                json("{\"n\":2.5}"));
        PushRequest request = new PushRequest(
                new SyncPayload(
                        Map.of("Item", List.of(a1)),
                        Map.of("Item", new SyncMetadata("Item", "Item", 999, "user-1", 0, SyncOperation.NONE, null))),
                "key-7");
        return new PendingPush(request, Map.of("Item", Map.of("a1", 5L)));
    }

    @Test
    void objectsAreFoundListedByIdAndFilteredByPending() {
        store.update(tx -> {
            tx.put(StoredObject.fromServer("Item", "b", json("{\"x\":1}"), 7, 11));
            tx.put(StoredObject.added("Item", "a", json("{}"), 12));
            tx.put(StoredObject.added("Note", "c", json("{}"), 13));
        });
        assertEquals(
                List.of("a", "b"),
                store.transact(tx -> tx.all("Item")).stream()
                        .map(StoredObject::id)
                        .toList());
        assertEquals(
                List.of("a"),
                store.transact(tx -> tx.pending("Item")).stream()
                        .map(StoredObject::id)
                        .toList());
        assertEquals(
                StoredObject.fromServer("Item", "b", json("{\"x\":1}"), 7, 11),
                store.transact(tx -> tx.find("Item", "b")).orElseThrow());
    }

    @Test
    void pendingObjectsAreCountedPerTypeTombstonesIncluded() {
        store.update(tx -> {
            tx.put(StoredObject.fromServer("Item", "b", json("{\"x\":1}"), 7, 11));
            tx.put(StoredObject.added("Item", "a", json("{}"), 12));
            tx.put(StoredObject.fromServer("Item", "d", json("{}"), 3, 1).edited(json("{}"), true, 14));
            tx.put(StoredObject.added("Note", "c", json("{}"), 13));
        });
        assertEquals(2, pendingCount("Item"));
        assertEquals(1, pendingCount("Note"));
        assertEquals(0, pendingCount("Unknown"));
        assertEquals(store.transact(tx -> tx.pending("Item")).size(), pendingCount("Item"));
    }

    private long pendingCount(String type) {
        return store.transact(tx -> tx.pendingCount(type));
    }

    @Test
    void deleteAllKeepsPendingObjectsUnlessAskedAndOtherTypes() {
        store.update(tx -> {
            tx.put(StoredObject.fromServer("Item", "b", json("{}"), 7, 0));
            tx.put(StoredObject.added("Item", "a", json("{}"), 0));
            tx.put(StoredObject.fromServer("Note", "c", json("{}"), 1, 0));
        });
        store.update(tx -> tx.deleteAll("Item", false));
        assertEquals(
                List.of("a"),
                store.transact(tx -> tx.all("Item")).stream()
                        .map(StoredObject::id)
                        .toList());
        store.update(tx -> tx.deleteAll("Item", true));
        assertTrue(store.transact(tx -> tx.all("Item")).isEmpty());
        assertEquals(1, store.transact(tx -> tx.all("Note")).size());
    }

    @Test
    void typeStatesAndThePendingPushAreKept() {
        store.update(tx -> {
            tx.putTypeState(new TypeState("Note", "Global", 0));
            tx.putTypeState(new TypeState("Item", "user-1", 9));
            tx.putPendingPush(aPush());
        });
        assertEquals(
                List.of(new TypeState("Item", "user-1", 9), new TypeState("Note", "Global", 0)),
                store.transact(StoreTransaction::typeStates));
        PendingPush push = store.transact(StoreTransaction::pendingPush);
        assertEquals(
                Wire.body(aPush().request()), Wire.body(push.request()), "the retry is written as the first attempt");
        assertEquals(5L, push.revisionOf("Item", "a1"));
        store.update(StoreTransaction::clearPendingPush);
        assertNull(store.transact(StoreTransaction::pendingPush));
    }

    @Test
    void aTransactionThatThrowsLeavesNoTrace() {
        store.update(tx -> tx.putTypeState(new TypeState("Item", "user-1", 3)));
        assertThrows(
                IllegalStateException.class,
                () -> store.update(tx -> {
                    tx.put(StoredObject.added("Item", "a", json("{}"), 0));
                    tx.putTypeState(new TypeState("Item", "user-1", 9));
                    tx.putPendingPush(aPush());
                    throw new IllegalStateException("boom");
                }));
        assertTrue(store.transact(tx -> tx.find("Item", "a")).isEmpty());
        assertEquals(3L, store.transact(tx -> tx.typeState("Item")).cursor());
        assertNull(store.transact(StoreTransaction::pendingPush));
    }
}

package io.fastsync.client.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.client.Wire;
import io.fastsync.client.store.MemoryStore;
import io.fastsync.client.store.StoredObject;
import io.fastsync.wire.SyncOperation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class SyncableRepositoryTest {

    record Item(String id, String name, int qty) {}

    static final FieldMapper<Item> ITEMS = new FieldMapper<>() {
        @Override
        public String idOf(Item item) {
            return item.id();
        }

        @Override
        public JsonObject toFields(Item item) {
            return Json.createObjectBuilder()
                    .add("name", item.name())
                    .add("qty", item.qty())
                    .build();
        }

        @Override
        public Item fromFields(String id, JsonObject fields) {
            return new Item(id, fields.getString("name"), fields.getInt("qty"));
        }
    };

    private final MemoryStore store = new MemoryStore();
    private final SyncableRepository<Item> items =
            new SyncableRepository<>(SyncType.of(Item.class, Zone.restricted("user-1"), ITEMS), store, Wire.CLOCK);

    private StoredObject stored(String id) {
        return store.transact(tx -> tx.find("Item", id)).orElseThrow();
    }

    /** Puts an object as a pull would: synced, at this server version. */
    private void synced(String id, long version) {
        store.update(
                tx -> tx.put(StoredObject.fromServer("Item", id, ITEMS.toFields(new Item(id, "x", 1)), version, 0)));
    }

    @Test
    void aNewObjectIsPendingAsAnAddOnBaseZero() {
        assertEquals("Item", items.type().name());
        items.add(new Item("a1", "milk", 2));

        StoredObject a1 = stored("a1");
        assertTrue(a1.pending());
        assertEquals(0L, a1.baseVersion());
        assertEquals(1L, a1.revision());
        assertEquals(SyncOperation.ADD, a1.pendingOperation());
        assertEquals(1_754_481_600_000_000L, a1.editedAt(), "microseconds of the clock");
        assertEquals(new Item("a1", "milk", 2), items.findById("a1").orElseThrow());
        assertThrows(IllegalStateException.class, () -> items.add(new Item("a1", "again", 1)));
    }

    @Test
    void anObjectWithoutIdGetsOne() {
        Item added = items.add(new Item(null, "milk", 2));
        assertNotNull(added.id());
        assertEquals(added, items.findById(added.id()).orElseThrow());
    }

    @Test
    void anUpdateCountsARevisionAndKeepsTheBase() {
        synced("b2", 7);
        items.update(new Item("b2", "bread", 3));

        assertEquals(SyncOperation.UPDATE, stored("b2").pendingOperation());
        assertEquals(7L, stored("b2").baseVersion());
        assertEquals(1L, stored("b2").revision());
        assertThrows(NoSuchElementException.class, () -> items.update(new Item("none", "x", 1)));
    }

    @Test
    void aRemoveLeavesAPendingTombstoneThatReadsDoNotShow() {
        synced("b2", 7);
        assertTrue(items.remove("b2"));

        assertTrue(stored("b2").deleted());
        assertEquals(SyncOperation.DELETE, stored("b2").pendingOperation());
        assertTrue(items.findById("b2").isEmpty());
        assertEquals(0, items.count());
        assertEquals(1, items.pendingCount());
        assertFalse(items.remove("b2"));
        assertThrows(NoSuchElementException.class, () -> items.update(new Item("b2", "back", 1)));
    }

    @Test
    void removingAnObjectTheServerNeverHadForgetsIt() {
        items.add(new Item("a1", "milk", 2));
        assertTrue(items.remove("a1"));
        assertTrue(store.transact(tx -> tx.find("Item", "a1")).isEmpty());
    }

    @Test
    void queriesAndCountsSeeLiveObjectsOnly() {
        items.add(new Item("a1", "milk", 2));
        items.add(new Item("a2", "eggs", 12));
        synced("b2", 7);
        items.remove("b2");

        assertEquals(2, items.count());
        assertEquals(
                List.of("a2"),
                items.query(i -> i.qty() > 5).stream().map(Item::id).toList());
        assertEquals(List.of("a1", "a2"), items.getAll().stream().map(Item::id).toList());
    }

    @Test
    void hardDeleteForgetsTheLocalCopyPendingChangeIncluded() {
        items.add(new Item("a1", "milk", 2));
        assertTrue(items.hardDelete("a1"));
        assertEquals(0, items.pendingCount());
        assertFalse(items.hardDelete("a1"));
    }

    @Test
    void fieldsReservedByTheProtocolAreRefused() {
        var docs = new SyncableRepository<>(SyncType.document("Doc", Zone.GLOBAL), store, Wire.CLOCK);
        assertThrows(IllegalArgumentException.class, () -> docs.add(Wire.json("{\"metadata\":1}")));
        assertThrows(IllegalArgumentException.class, () -> docs.add(Wire.json("{\"dirty\":true}")));
        assertThrows(IllegalArgumentException.class, () -> docs.add(Wire.json("{\"id\":5}")));
        JsonObject added = docs.add(Wire.json("{\"name\":\"x\"}"));
        assertEquals("x", added.getString("name"));
        assertEquals(added, docs.findById(added.getString("id")).orElseThrow());
    }
}

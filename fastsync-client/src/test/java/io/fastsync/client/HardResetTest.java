package io.fastsync.client;

import static io.fastsync.client.Wire.json;
import static io.fastsync.client.Wire.object;
import static io.fastsync.client.Wire.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.client.transport.ServerUnreachableException;
import io.fastsync.client.type.SyncableRepository;
import io.fastsync.client.type.Zone;
import io.fastsync.wire.SyncObject;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HardResetTest {

    private final ClientFixture c = new ClientFixture();
    private SyncableRepository<JsonObject> notes;

    @BeforeEach
    void twoTypesWithData() {
        notes = c.sync.registerDocument("Note", Zone.restricted("user-1"));
        c.pulled(
                object("Item", "kept", 3, "{\"v\":1}"),
                object("Item", "stale", 4, "{}"),
                object("Note", "n1", 5, "{}"));
        c.items.add(json("{\"id\":\"mine\",\"name\":\"unpushed\"}"));
        notes.add(json("{\"id\":\"n2\"}"));
    }

    @Test
    void aResetRebuildsTheTypeKeepsItsUnpushedChangesAndPushesThemAfter() {
        c.server.thenPull(page(false, object("Item", "kept", 6, "{\"v\":2}")));
        c.server.thenPush(r -> Wire.applied(r, 7));

        c.sync.hardReset("Item");

        assertEquals(
                List.of("Item"), List.copyOf(c.server.pulls.get(1).metadata().keySet()));
        assertEquals(0L, c.server.pulls.get(1).metadata().get("Item").version());
        assertEquals(json("{\"id\":\"kept\",\"v\":2}"), c.items.findById("kept").orElseThrow());
        assertFalse(c.holds("Item", "stale"), "gone from the server, gone from the rebuilt copy");
        assertEquals(
                List.of("mine"),
                Wire.sent(c.server.lastPush(), "Item").stream()
                        .map(SyncObject::id)
                        .toList());
        assertFalse(c.server.lastPush().payload().data().containsKey("Note"));
        assertFalse(c.stored("Item", "mine").pending());
        assertEquals(6L, c.cursor("Item"));
        // The other type is untouched: data, pending change and cursor.
        assertEquals(5L, c.cursor("Note"));
        assertTrue(c.holds("Note", "n1"));
        assertTrue(c.stored("Note", "n2").pending());
    }

    @Test
    void aResetThatDiscardsDropsUnpushedChangesAndPushesNothing() {
        c.server.thenPull(page(false, object("Item", "kept", 6, "{}")));

        c.sync.hardReset(ResetMode.DISCARD_PENDING, "Item");

        assertFalse(c.holds("Item", "mine"));
        assertTrue(c.server.pushes.isEmpty());
        assertTrue(c.stored("Note", "n2").pending());
    }

    @Test
    void discardingAlsoForgetsAnUnansweredPushOfTheType() {
        c.server.thenFailPush(new ServerUnreachableException("down", null));
        try {
            c.sync.push("Item");
        } catch (ServerUnreachableException expected) {
            // the batch stays stored for its retry
        }
        c.sync.hardReset(ResetMode.DISCARD_PENDING, "Item");
        assertNull(c.store.transact(tx -> tx.pendingPush()));
    }
}

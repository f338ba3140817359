package io.fastsync.client;

import static io.fastsync.client.Wire.json;
import static io.fastsync.client.Wire.object;
import static io.fastsync.client.Wire.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.client.push.PushReport;
import io.fastsync.client.type.Zone;
import io.fastsync.wire.ConflictWinner;
import io.fastsync.wire.ObjectResult;
import io.fastsync.wire.PushOutcome;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.SyncObject;
import io.fastsync.wire.SyncOperation;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushTest {

    private final ClientFixture c = new ClientFixture();

    @Test
    void pushSendsEachObjectsBaseVersionTheZoneAndAKey() {
        c.pulled(object("Item", "b2", 7, "{\"name\":\"bread\"}"));
        c.items.add(json("{\"id\":\"a1\",\"name\":\"milk\"}"));
        c.items.update(json("{\"id\":\"b2\",\"name\":\"rye bread\"}"));
        c.server.thenPush(r -> Wire.applied(r, 10));

        c.sync.push();

        PushRequest push = c.server.lastPush();
        assertEquals("key-1", push.idempotencyKey());
        assertEquals("user-1", push.payload().metadata().get("Item").syncZone());
        List<SyncObject> objects = sent(push, "Item");
        assertEquals(List.of("a1", "b2"), objects.stream().map(SyncObject::id).toList());
        assertEquals(SyncOperation.ADD, objects.get(0).metadata().syncOperation());
        assertEquals(0L, objects.get(0).metadata().baseVersion());
        assertEquals(1L, objects.get(0).metadata().version(), "old servers read base + 1 here");
        assertEquals(SyncOperation.UPDATE, objects.get(1).metadata().syncOperation());
        assertEquals(7L, objects.get(1).metadata().baseVersion());
        assertEquals(json("{\"name\":\"rye bread\"}"), objects.get(1).fields());
    }

    @Test
    void versionsTheServerGaveBecomeTheBaseSoTheNextEditIsNoConflictWithItself() {
        c.items.add(json("{\"id\":\"a1\",\"name\":\"milk\"}"));
        c.server.thenPush(r -> Wire.applied(r, 10));
        c.sync.push();

        assertFalse(c.stored("Item", "a1").pending());
        assertEquals(10L, c.stored("Item", "a1").baseVersion());

        c.items.update(json("{\"id\":\"a1\",\"name\":\"oat milk\"}"));
        c.server.thenPush(r -> Wire.applied(r, 11));
        c.sync.push();

        SyncObject second = sent(c.server.lastPush(), "Item").get(0);
        assertEquals(SyncOperation.UPDATE, second.metadata().syncOperation());
        assertEquals(10L, second.metadata().baseVersion());
        assertEquals("key-2", c.server.lastPush().idempotencyKey());
    }

    @Test
    void aDeleteIsPushedAsATombstoneAndForgottenOnceAcknowledged() {
        c.pulled(object("Item", "b2", 7, "{\"name\":\"bread\"}"));
        assertTrue(c.items.remove("b2"));
        c.server.thenPush(r -> Wire.applied(r, 8));

        c.sync.push();

        SyncObject sentDelete = sent(c.server.lastPush(), "Item").get(0);
        assertTrue(sentDelete.deleted());
        assertEquals(SyncOperation.DELETE, sentDelete.metadata().syncOperation());
        assertEquals(7L, sentDelete.metadata().baseVersion());
        assertFalse(c.holds("Item", "b2"));
    }

    @Test
    void whenTheServersCopyWinsTheBaseStaysAndTheNextPullReplacesTheLocalCopy() {
        c.pulled(object("Item", "b2", 7, "{\"name\":\"bread\"}"));
        c.items.update(json("{\"id\":\"b2\",\"name\":\"mine\"}"));
        c.server.thenPush(r -> Wire.answer("Item", Wire.resolved("b2", ConflictWinner.SERVER, 12)));

        PushReport report = c.sync.push();

        assertTrue(report.needsPull());
        assertFalse(c.stored("Item", "b2").pending());
        assertEquals(7L, c.stored("Item", "b2").baseVersion(), "we do not hold version 12's content");
        c.pulled(object("Item", "b2", 12, "{\"name\":\"theirs\"}"));
        assertEquals(
                json("{\"id\":\"b2\",\"name\":\"theirs\"}"),
                c.items.findById("b2").orElseThrow());
        assertEquals(12L, c.stored("Item", "b2").baseVersion());
    }

    @Test
    void whenTheClientsCopyWinsItsNewVersionIsTheBase() {
        c.pulled(object("Item", "b2", 7, "{\"name\":\"bread\"}"));
        c.items.update(json("{\"id\":\"b2\",\"name\":\"mine\"}"));
        c.server.thenPush(r -> Wire.answer("Item", Wire.resolved("b2", ConflictWinner.CLIENT, 12)));

        assertFalse(c.sync.push().needsPull());
        assertEquals(12L, c.stored("Item", "b2").baseVersion());
        assertEquals(
                json("{\"id\":\"b2\",\"name\":\"mine\"}"),
                c.items.findById("b2").orElseThrow());
    }

    @Test
    void aGlobalTypeIsPushedInTheZoneGlobal() {
        var notes = c.sync.registerDocument("Note", Zone.GLOBAL);
        notes.add(json("{\"id\":\"n1\"}"));
        c.server.thenPush(r -> Wire.answer("Note", new ObjectResult("n1", PushOutcome.APPLIED, null, null, 3, false)));

        c.sync.push("Note");

        assertEquals(
                "Global", c.server.lastPush().payload().metadata().get("Note").syncZone());
        assertEquals(
                "Global", sent(c.server.lastPush(), "Note").get(0).metadata().syncZone());
    }

    @Test
    void nothingPendingSendsNothing() {
        assertEquals(0, c.sync.push().requests());
        assertTrue(c.server.pushes.isEmpty());
    }
}

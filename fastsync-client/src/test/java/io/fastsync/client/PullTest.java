package io.fastsync.client;

import static io.fastsync.client.Wire.json;
import static io.fastsync.client.Wire.object;
import static io.fastsync.client.Wire.page;
import static io.fastsync.client.Wire.sent;
import static io.fastsync.client.Wire.tombstone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.client.pull.PullProgress;
import io.fastsync.client.pull.PullReport;
import io.fastsync.client.store.MemoryStore;
import io.fastsync.client.transport.ServerUnreachableException;
import io.fastsync.client.transport.UnexpectedAnswerException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PullTest {

    private final List<PullProgress> progress = new ArrayList<>();
    private final ClientFixture c = new ClientFixture(
            new MemoryStore(), SyncOptions.DEFAULTS.withPullLimit(2).withPullListener(progress::add));

    @Test
    void aPullStoresServerObjectsAsSyncedAndMovesTheCursor() {
        c.pulled(object("Item", "a1", 3, "{\"name\":\"milk\"}"), tombstone("Item", "gone", 4));

        assertEquals(
                json("{\"id\":\"a1\",\"name\":\"milk\"}"),
                c.items.findById("a1").orElseThrow());
        assertFalse(c.stored("Item", "a1").pending());
        assertEquals(3L, c.stored("Item", "a1").baseVersion());
        assertFalse(c.holds("Item", "gone"), "a tombstone of an unknown object leaves nothing");
        assertEquals(4L, c.cursor("Item"));
        assertEquals(0L, c.server.pulls.get(0).metadata().get("Item").version());
        assertEquals("user-1", c.server.pulls.get(0).metadata().get("Item").syncZone());
    }

    @Test
    void aTombstoneDeletesTheLocalCopy() {
        c.pulled(object("Item", "a1", 3, "{}"));
        c.pulled(tombstone("Item", "a1", 5));
        assertFalse(c.holds("Item", "a1"));
        assertEquals(3L, c.server.pulls.get(1).metadata().get("Item").version());
    }

    @Test
    void aPullNeverOverwritesAnUnpushedChangeNorMovesItsBase() {
        c.pulled(object("Item", "a1", 3, "{\"name\":\"milk\"}"));
        c.items.update(json("{\"id\":\"a1\",\"name\":\"mine\"}"));

        c.pulled(object("Item", "a1", 9, "{\"name\":\"theirs\"}"));

        assertEquals(
                json("{\"id\":\"a1\",\"name\":\"mine\"}"),
                c.items.findById("a1").orElseThrow());
        assertTrue(c.stored("Item", "a1").pending());
        assertEquals(3L, c.stored("Item", "a1").baseVersion());
        assertEquals(9L, c.cursor("Item"));
        c.server.thenPush(r -> Wire.applied(r, 10));
        c.sync.push();
        assertEquals(
                3L,
                sent(c.server.lastPush(), "Item").get(0).metadata().baseVersion(),
                "the server must see the conflict: base 3 below its version 9");
    }

    @Test
    void aPulledDeleteDoesNotRemoveAnUnpushedEdit() {
        c.pulled(object("Item", "a1", 3, "{}"));
        c.items.update(json("{\"id\":\"a1\",\"name\":\"mine\"}"));
        c.pulled(tombstone("Item", "a1", 4));
        assertTrue(c.items.findById("a1").isPresent());
    }

    @Test
    void aCopyOlderThanTheBaseIsSkipped() {
        c.items.add(json("{\"id\":\"a1\",\"name\":\"mine\"}"));
        c.server.thenPush(r -> Wire.applied(r, 10));
        c.sync.push();

        c.pulled(object("Item", "a1", 6, "{\"name\":\"older\"}"));

        assertEquals(
                json("{\"id\":\"a1\",\"name\":\"mine\"}"),
                c.items.findById("a1").orElseThrow());
        assertEquals(10L, c.stored("Item", "a1").baseVersion());
    }

    @Test
    void pagesAreFollowedWhileTheServerHasMoreWithTheLimitAndEachPagesCursor() {
        c.server
                .thenPull(page(true, object("Item", "a", 1, "{}"), object("Item", "b", 2, "{}")))
                .thenPull(page(true, object("Item", "c", 3, "{}"), object("Item", "d", 5, "{}")))
                .thenPull(page(false, object("Item", "e", 8, "{}")));

        PullReport report = c.sync.pull();

        assertEquals(3, report.pages());
        assertEquals(5, report.objects());
        assertEquals(
                List.of(0L, 2L, 5L),
                c.server.pulls.stream()
                        .map(p -> p.metadata().get("Item").version())
                        .toList());
        assertTrue(c.server.pulls.stream().allMatch(p -> p.limit() == 2));
        assertEquals(
                List.of(new PullProgress(1, 2, true), new PullProgress(2, 4, true), new PullProgress(3, 5, false)),
                progress);
        assertEquals(8L, c.cursor("Item"));
        assertEquals(5, c.items.count());
    }

    @Test
    void aPullThatFailsPartWayKeepsThePagesAlreadyStored() {
        c.server
                .thenPull(page(true, object("Item", "a", 1, "{}"), object("Item", "b", 2, "{}")))
                .thenPull(r -> {
                    throw new ServerUnreachableException("connection reset", null);
                });

        assertThrows(ServerUnreachableException.class, () -> c.sync.pull());

        assertEquals(2, c.items.count());
        assertEquals(2L, c.cursor("Item"));
    }

    @Test
    void morePagesPromisedWithoutProgressIsAnUnexpectedAnswerNotALoop() {
        c.server.thenPull(page(true));
        assertThrows(UnexpectedAnswerException.class, () -> c.sync.pull());
        assertEquals(1, c.server.pulls.size());
    }
}

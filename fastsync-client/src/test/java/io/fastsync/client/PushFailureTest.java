package io.fastsync.client;

import static io.fastsync.client.Wire.json;
import static io.fastsync.client.Wire.object;
import static io.fastsync.client.Wire.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.client.transport.ServerProblemException;
import io.fastsync.client.transport.ServerUnreachableException;
import io.fastsync.wire.ObjectResult;
import io.fastsync.wire.Problem;
import io.fastsync.wire.PushOutcome;
import io.fastsync.wire.PushResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PushFailureTest {

    private final ClientFixture c = new ClientFixture();

    @Test
    void aPushThatGotNoAnswerLeavesEverythingPendingAndIsRetriedWithTheSameKeyAndBody() {
        c.items.add(json("{\"id\":\"a1\",\"name\":\"milk\"}"));
        c.server.thenFailPush(new ServerUnreachableException("no answer", null));

        assertThrows(ServerUnreachableException.class, () -> c.sync.push());
        assertTrue(c.stored("Item", "a1").pending());
        assertEquals(0L, c.stored("Item", "a1").baseVersion());

        c.server.thenPush(r -> Wire.applied(r, 10));
        c.sync.push();

        assertEquals(2, c.server.pushes.size());
        assertEquals(Wire.body(c.server.pushes.get(0)), Wire.body(c.server.pushes.get(1)));
        assertEquals("key-1", c.server.pushes.get(1).idempotencyKey());
        assertFalse(c.stored("Item", "a1").pending());
        assertNull(c.store.transact(tx -> tx.pendingPush()));
    }

    @Test
    void aServerErrorKeepsTheBatchForTheRetry() {
        c.items.add(json("{\"id\":\"a1\"}"));
        c.server.thenFailPush(problem(503));
        assertThrows(ServerProblemException.class, () -> c.sync.push());
        c.server.thenPush(r -> Wire.applied(r, 10));
        c.sync.push();
        assertEquals("key-1", c.server.lastPush().idempotencyKey());
    }

    @Test
    void anEditAfterAFailureDoesNotChangeTheRetriedBatchItFollowsInANewOne() {
        c.items.add(json("{\"id\":\"a1\",\"name\":\"milk\"}"));
        c.server.thenFailPush(new ServerUnreachableException("timed out", null));
        assertThrows(ServerUnreachableException.class, () -> c.sync.push());
        c.items.update(json("{\"id\":\"a1\",\"name\":\"oat milk\"}"));
        c.server.thenPush(r -> Wire.applied(r, 10)).thenPush(r -> Wire.applied(r, 11));

        assertEquals(2, c.sync.push().requests());

        assertEquals(
                Wire.body(c.server.pushes.get(0)),
                Wire.body(c.server.pushes.get(1)),
                "the unanswered batch, as it was");
        assertEquals("key-2", c.server.pushes.get(2).idempotencyKey());
        assertEquals(10L, sent(c.server.pushes.get(2), "Item").get(0).metadata().baseVersion());
        assertEquals(
                json("{\"name\":\"oat milk\"}"),
                sent(c.server.pushes.get(2), "Item").get(0).fields());
        assertFalse(c.stored("Item", "a1").pending());
        assertEquals(11L, c.stored("Item", "a1").baseVersion());
    }

    @Test
    void aRefusedPushIsDroppedButItsChangesStayPending() {
        c.items.add(json("{\"id\":\"a1\"}"));
        c.server.thenFailPush(problem(422));

        ServerProblemException e = assertThrows(ServerProblemException.class, () -> c.sync.push());

        assertEquals("/data/Item/0/qty", e.problem().errors().get(0).pointer());
        assertTrue(c.stored("Item", "a1").pending());
        assertNull(c.store.transact(tx -> tx.pendingPush()), "the server applied nothing and would refuse it again");
        c.server.thenPush(r -> Wire.applied(r, 10));
        c.sync.push();
        assertEquals("key-2", c.server.lastPush().idempotencyKey());
    }

    @Test
    void aZoneConflictIsFinalButAnotherServers409IsRetried() {
        c.items.add(json("{\"id\":\"a1\"}"));
        c.server.thenFailPush(new ServerProblemException(new Problem(
                409,
                "zone-conflict",
                "Object in another zone",
                "object a1 of type Item belongs to another zone",
                List.of())));
        assertThrows(ServerProblemException.class, () -> c.sync.push());
        assertNull(c.store.transact(tx -> tx.pendingPush()), "it would be refused again: dropped");
        assertTrue(c.stored("Item", "a1").pending());

        c.server.thenFailPush(
                new ServerProblemException(new Problem(409, "unknown", "HTTP 409", "request in progress", List.of())));
        assertThrows(ServerProblemException.class, () -> c.sync.push());
        assertNotNull(c.store.transact(tx -> tx.pendingPush()), "kept for a retry with the same key");
    }

    @Test
    void aReplayedAnswerRewindsTheCursorSoChangesSkippedMeanwhileArePulledAgain() {
        c.items.add(json("{\"id\":\"a1\",\"name\":\"milk\"}"));
        c.server.thenFailPush(new ServerUnreachableException("answer lost", null));
        assertThrows(ServerUnreachableException.class, () -> c.sync.push());
        // The server had applied it as version 10; another client then changed a1 to version 12,
        // which this pull skips because a1 is still pending here.
        c.pulled(object("Item", "a1", 12, "{\"name\":\"theirs\"}"));
        assertEquals(12L, c.cursor("Item"));
        assertNotNull(c.store.transact(tx -> tx.pendingPush()));
        c.server.thenPush(r -> new PushResponse(
                Map.of("Item", List.of(new ObjectResult("a1", PushOutcome.APPLIED, null, null, 10, false))), true));

        assertTrue(c.sync.push().needsPull());

        assertEquals(10L, c.cursor("Item"));
        c.pulled(object("Item", "a1", 12, "{\"name\":\"theirs\"}"));
        assertEquals(
                json("{\"id\":\"a1\",\"name\":\"theirs\"}"),
                c.items.findById("a1").orElseThrow());
        assertNotEquals(0L, c.stored("Item", "a1").baseVersion());
    }

    private static ServerProblemException problem(int status) {
        return new ServerProblemException(new Problem(
                status,
                "invalid-field",
                "A field has the wrong type or value",
                "/data/Item/0/qty must be a number",
                List.of(new Problem.Location("Item", "a1", "/data/Item/0/qty", "must be a number"))));
    }
}

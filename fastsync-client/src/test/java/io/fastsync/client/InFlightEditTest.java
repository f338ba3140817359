package io.fastsync.client;

import static io.fastsync.client.Wire.json;
import static io.fastsync.client.Wire.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.client.push.PushReport;
import io.fastsync.wire.SyncObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An edit made while a push is on the wire must not be lost when the push's answer arrives. */
class InFlightEditTest {

    private final ClientFixture c = new ClientFixture();

    @Test
    void anEditDuringAPushStaysPendingAndIsPushedOnTheServersNewVersion() throws Exception {
        c.items.add(json("{\"id\":\"a1\",\"name\":\"milk\"}"));
        CountDownLatch onTheWire = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        c.server.thenPush(request -> {
            onTheWire.countDown();
            await(answer);
            return Wire.applied(request, 10);
        });

        CompletableFuture<PushReport> push = CompletableFuture.supplyAsync(() -> c.sync.push());
        assertTrue(onTheWire.await(5, TimeUnit.SECONDS));
        // On this thread, while the push thread waits for its answer: the store must not be held.
        c.items.update(json("{\"id\":\"a1\",\"name\":\"oat milk\"}"));
        answer.countDown();
        push.get(5, TimeUnit.SECONDS);

        assertTrue(c.stored("Item", "a1").pending(), "the edit made in flight is not pushed yet");
        assertEquals(10L, c.stored("Item", "a1").baseVersion(), "but the server's version is recorded");
        assertEquals(
                json("{\"id\":\"a1\",\"name\":\"oat milk\"}"),
                c.items.findById("a1").orElseThrow());

        c.server.thenPush(request -> Wire.applied(request, 11));
        c.sync.push();
        SyncObject second = sent(c.server.lastPush(), "Item").get(0);
        assertEquals(json("{\"name\":\"oat milk\"}"), second.fields());
        assertEquals(10L, second.metadata().baseVersion(), "based on our own first push: no conflict with ourselves");
        assertEquals("key-2", c.server.lastPush().idempotencyKey());
        assertEquals(false, c.stored("Item", "a1").pending());
    }

    @Test
    void aDeleteDuringAPushStaysPending() {
        c.items.add(json("{\"id\":\"a1\"}"));
        c.server.thenPush(request -> {
            c.items.remove("a1"); // the same edit, driven step by step from inside the push
            return Wire.applied(request, 10);
        });

        c.sync.push();

        assertTrue(c.stored("Item", "a1").pending());
        assertTrue(c.stored("Item", "a1").deleted(), "a tombstone, since the server now has the object");
        assertEquals(10L, c.stored("Item", "a1").baseVersion());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new AssertionError("the test never released the push");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}

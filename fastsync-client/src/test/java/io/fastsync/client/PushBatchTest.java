package io.fastsync.client;

import static io.fastsync.client.Wire.json;
import static io.fastsync.client.Wire.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fastsync.client.push.PushReport;
import io.fastsync.client.store.MemoryStore;
import io.fastsync.client.transport.ServerProblemException;
import io.fastsync.wire.Problem;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.SyncObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushBatchTest {

    private final ClientFixture c = new ClientFixture(new MemoryStore(), SyncOptions.DEFAULTS.withPushBatchSize(2));

    private void addItems(int count) {
        for (int i = 0; i < count; i++) {
            c.items.add(json("{\"id\":\"i" + i + "\"}"));
        }
    }

    private static List<String> ids(PushRequest push) {
        return sent(push, "Item").stream().map(SyncObject::id).toList();
    }

    private static ServerProblemException tooLarge() {
        return new ServerProblemException(new Problem(
                413,
                "push-too-large",
                "Push too large",
                "the push holds 2 objects; this server takes at most 1",
                List.of()));
    }

    @Test
    void pendingObjectsGoInBatchesOfTheConfiguredSizeEachWithItsOwnKey() {
        addItems(5);
        for (int i = 0; i < 3; i++) {
            c.server.thenPush(r -> Wire.applied(r, 10 + 10L * c.server.pushes.size()));
        }

        PushReport report = c.sync.push();

        assertEquals(3, report.requests());
        assertEquals(5, report.objects());
        assertEquals(List.of("i0", "i1"), ids(c.server.pushes.get(0)));
        assertEquals(List.of("i2", "i3"), ids(c.server.pushes.get(1)));
        assertEquals(List.of("i4"), ids(c.server.pushes.get(2)));
        assertEquals(
                List.of("key-1", "key-2", "key-3"),
                c.server.pushes.stream().map(PushRequest::idempotencyKey).toList());
        assertEquals(0, c.items.pendingCount());
    }

    @Test
    void anObjectEditedAgainAfterItsBatchWasSentWaitsForTheNextPush() {
        addItems(3);
        c.server.thenPush(r -> {
            c.items.update(json("{\"id\":\"i0\",\"name\":\"edited meanwhile\"}"));
            return Wire.applied(r, 10);
        });
        c.server.thenPush(r -> Wire.applied(r, 20));

        c.sync.push();

        assertEquals(List.of("i2"), ids(c.server.pushes.get(1)), "i0 is not sent twice by one push");
        assertEquals(1, c.items.pendingCount());
        c.server.thenPush(r -> Wire.applied(r, 30));
        c.sync.push();
        assertEquals(List.of("i0"), ids(c.server.lastPush()));
        assertEquals(10L, sent(c.server.lastPush(), "Item").get(0).metadata().baseVersion());
    }

    @Test
    void aServerThatTakesFewerObjectsAnswers413AndTheBatchesShrinkUntilTheyFit() {
        addItems(3);
        c.server.thenFailPush(tooLarge());
        for (int i = 0; i < 3; i++) {
            c.server.thenPush(r -> Wire.applied(r, 10 + 10L * c.server.pushes.size()));
        }

        c.sync.push();

        assertEquals(
                List.of(List.of("i0", "i1"), List.of("i0"), List.of("i1"), List.of("i2")),
                c.server.pushes.stream().map(PushBatchTest::ids).toList());
        assertEquals(0, c.items.pendingCount());
        // The smaller size is remembered.
        c.items.add(json("{\"id\":\"j0\"}"));
        c.items.add(json("{\"id\":\"j1\"}"));
        c.server.thenPush(r -> Wire.applied(r, 100));
        c.server.thenPush(r -> Wire.applied(r, 101));
        assertEquals(2, c.sync.push().requests());
    }

    @Test
    void a413ForASingleObjectIsTheCallersToSee() {
        c.items.add(json("{\"id\":\"big\"}"));
        c.server.thenFailPush(tooLarge());

        assertThrows(ServerProblemException.class, () -> c.sync.push());
        assertEquals(1, c.items.pendingCount());
    }
}

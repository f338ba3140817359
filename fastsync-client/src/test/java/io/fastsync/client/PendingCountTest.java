package io.fastsync.client;

import static io.fastsync.client.Wire.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.client.push.Pusher;
import io.fastsync.client.store.H2Store;
import io.fastsync.client.store.StoredObject;
import io.fastsync.client.type.SyncableRepository;
import io.fastsync.client.type.Zone;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counting pending objects is the store's count, not a read of every pending object. */
class PendingCountTest {

    private static final int PENDING = 1_000;

    @TempDir
    Path dir;

    private RowCountingStore store;

    @BeforeEach
    void open() {
        store = new RowCountingStore(H2Store.open(dir.resolve("client")));
        store.update(tx -> {
            for (int i = 0; i < PENDING; i++) {
                tx.put(StoredObject.added("Item", String.format("i%04d", i), json("{\"n\":" + i + "}"), i));
            }
            tx.put(StoredObject.fromServer("Item", "pulled", json("{}"), 3, 1));
            tx.put(StoredObject.added("Note", "n1", json("{}"), 1));
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aRepositoryCountsItsPendingObjectsWithoutReadingThem() {
        SyncManager sync = new SyncManager(new ScriptedTransport(), store);
        SyncableRepository<JsonObject> items = sync.registerDocument("Item", Zone.restricted("user-1"));
        long before = store.rowsRead();

        assertEquals(PENDING, items.pendingCount());

        assertEquals(0, store.rowsRead() - before, "no pending object is read to count them");
    }

    @Test
    void aPushCountsWhatIsPendingWithoutReadingItAndReadsEachObjectOnlyForItsBatch() {
        ScriptedTransport server = new ScriptedTransport();
        List<Long> readBeforeEachSend = new ArrayList<>();
        AtomicLong version = new AtomicLong(10);
        for (int b = 0; b < 3; b++) {
            server.thenPush(r -> {
                readBeforeEachSend.add(store.rowsRead());
                return Wire.applied(r, version.getAndAdd(PENDING));
            });
        }
        AtomicInteger keys = new AtomicInteger();
        Pusher pusher = new Pusher(server, store, () -> "key-" + keys.incrementAndGet(), 400);
        List<Long> pendingTold = new ArrayList<>();
        pusher.tell(new SyncListener() {
            @Override
            public void pushProgress(int batches, long objects, long pending) {
                pendingTold.add(pending);
            }
        });
        long before = store.rowsRead();

        assertEquals(PENDING, pusher.push(Map.of("Item", "user-1")).objects());

        assertEquals(3, server.pushes.size());
        assertEquals(List.of((long) PENDING, (long) PENDING, (long) PENDING), pendingTold);
        // Building the first batch may read the pending objects; counting them reads none.
        assertTrue(
                readBeforeEachSend.get(0) - before <= PENDING,
                "read " + (readBeforeEachSend.get(0) - before) + " objects before the first batch of 400 was sent");
    }
}

package io.fastsync.client;

import static io.fastsync.client.Wire.json;
import static io.fastsync.client.Wire.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.client.store.H2Store;
import io.fastsync.client.transport.ServerUnreachableException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bookkeeping survives a restart of the application: same H2 file, new manager. */
class DurableStoreSyncTest {

    @TempDir
    Path dir;

    @Test
    void aPushInterruptedByARestartIsRetriedWithTheSameKeyAfterReopening() {
        String firstBody;
        try (H2Store store = H2Store.open(dir.resolve("app"))) {
            ClientFixture before = new ClientFixture(store, SyncOptions.DEFAULTS, "before-");
            before.pulled(object("Item", "b2", 7, "{\"name\":\"bread\"}"));
            before.items.update(json("{\"id\":\"b2\",\"name\":\"rye\"}"));
            before.items.add(json("{\"id\":\"a1\"}"));
            before.server.thenFailPush(new ServerUnreachableException("down", null));
            assertThrows(ServerUnreachableException.class, () -> before.sync.push());
            firstBody = Wire.body(before.server.lastPush());
        }

        try (H2Store store = H2Store.open(dir.resolve("app"))) {
            ClientFixture after = new ClientFixture(store, SyncOptions.DEFAULTS, "after-");
            assertEquals(7L, after.cursor("Item"));
            assertEquals(2, after.items.pendingCount());
            assertEquals(7L, after.stored("Item", "b2").baseVersion());
            after.server.thenPush(r -> Wire.applied(r, 8));

            after.sync.push();

            assertEquals(1, after.server.pushes.size(), "only the stored batch: it already held both changes");
            assertEquals(firstBody, Wire.body(after.server.lastPush()));
            assertEquals("before-1", after.server.lastPush().idempotencyKey());
            assertEquals(0, after.items.pendingCount());
            assertFalse(after.stored("Item", "a1").pending());
            assertEquals(9L, after.stored("Item", "b2").baseVersion());
            assertTrue(after.items.findById("b2").isPresent());
        }
    }
}

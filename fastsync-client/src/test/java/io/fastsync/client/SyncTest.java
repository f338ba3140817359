package io.fastsync.client;

import static io.fastsync.client.Wire.json;
import static io.fastsync.client.Wire.object;
import static io.fastsync.client.Wire.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fastsync.client.type.Zone;
import io.fastsync.wire.ConflictWinner;
import org.junit.jupiter.api.Test;

class SyncTest {

    private final ClientFixture c = new ClientFixture();

    @Test
    void syncPullsPushesAndStopsWhenThePushNeedsNoPull() {
        c.items.add(json("{\"id\":\"a1\"}"));
        c.server.thenPush(r -> Wire.applied(r, 1));

        SyncReport report = c.sync.sync();

        assertNull(report.pulledAgain());
        assertEquals(1, c.server.pulls.size());
        assertEquals(1, c.server.pushes.size());
    }

    @Test
    void syncPullsAgainWhenAConflictKeptTheServersCopy() {
        c.pulled(object("Item", "b2", 7, "{\"name\":\"bread\"}"));
        c.items.update(json("{\"id\":\"b2\",\"name\":\"mine\"}"));
        c.server
                .thenPull(page(false))
                .thenPush(r -> Wire.answer("Item", Wire.resolved("b2", ConflictWinner.MERGED, 9)))
                .thenPull(page(false, object("Item", "b2", 9, "{\"name\":\"merged\"}")));

        SyncReport report = c.sync.sync();

        assertNotNull(report.pulledAgain());
        assertEquals(
                json("{\"id\":\"b2\",\"name\":\"merged\"}"),
                c.items.findById("b2").orElseThrow());
    }

    @Test
    void unknownTypesAndZoneChangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> c.sync.pull("Nope"));
        assertThrows(IllegalStateException.class, () -> c.sync.registerDocument("Item", Zone.restricted("user-1")));
        SyncManager other = new SyncManager(c.server, c.store);
        assertThrows(IllegalStateException.class, () -> other.registerDocument("Item", Zone.restricted("user-2")));
    }
}

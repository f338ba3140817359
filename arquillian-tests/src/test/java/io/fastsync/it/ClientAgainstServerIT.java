package io.fastsync.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.client.SyncManager;
import io.fastsync.client.store.H2Store;
import io.fastsync.client.store.LocalStore;
import io.fastsync.client.store.MemoryStore;
import io.fastsync.client.transport.HttpSyncTransport;
import io.fastsync.client.transport.SyncTransportException;
import io.fastsync.client.type.SyncableRepository;
import io.fastsync.client.type.Zone;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java client (fastsync-client) against the standalone server as built, deployed on Payara
 * Micro (configuration in arquillian.xml: Item restricted, last-writer-wins; Task restricted,
 * timestamp-ordering; Tag global; at most 50 objects per push; pages of 20). Each test uses zones
 * of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClientAgainstServerIT {

    @Deployment(testable = false)
    static WebArchive standaloneServer() {
        return StandaloneWar.asBuilt();
    }

    @ArquillianResource
    URL url;

    @TempDir
    Path temp;

    private URI base() {
        return StandaloneWar.base(url);
    }

    private static String zone() {
        return "zone-" + UUID.randomUUID();
    }

    private SyncManager client(LocalStore store) {
        return new SyncManager(HttpSyncTransport.to(base()).requestTimeout(Duration.ofSeconds(30)).build(), store);
    }

    private SyncManager client() {
        return client(new MemoryStore());
    }

    /** A fresh client with an empty store that pulls the type's zone: what the server holds. */
    private List<JsonObject> onServer(String type, String zone) {
        SyncManager fresh = client();
        SyncableRepository<JsonObject> repo = fresh.registerDocument(type, Zone.restricted(zone));
        fresh.pull();
        return sorted(repo.getAll());
    }

    private static List<JsonObject> sorted(List<JsonObject> objects) {
        return objects.stream().sorted((a, b) -> a.getString("id").compareTo(b.getString("id"))).toList();
    }

    private static JsonObject doc(String id, String name, int n) {
        return Json.createObjectBuilder().add("id", id).add("name", name).add("n", n).build();
    }

    private static Set<String> ids(List<JsonObject> objects) {
        return objects.stream().map(o -> o.getString("id")).collect(Collectors.toSet());
    }

    @Test
    void twoClientsConvergeInOneZone() {
        String z = zone();
        SyncManager a = client();
        SyncManager b = client();
        SyncableRepository<JsonObject> itemsA = a.registerDocument("Item", Zone.restricted(z));
        SyncableRepository<JsonObject> itemsB = b.registerDocument("Item", Zone.restricted(z));
        for (int i = 0; i < 3; i++) {
            itemsA.add(doc("a" + i, "from A " + i, i));
        }
        for (int i = 0; i < 2; i++) {
            itemsB.add(doc("b" + i, "from B " + i, 10 + i));
        }
        for (int round = 0; round < 2; round++) {
            a.sync();
            b.sync();
        }
        List<JsonObject> server = onServer("Item", z);
        assertEquals(Set.of("a0", "a1", "a2", "b0", "b1"), ids(server));
        assertEquals(server, sorted(itemsA.getAll()));
        assertEquals(server, sorted(itemsB.getAll()));
        assertEquals("from B 1", server.get(4).getString("name"));
        assertEquals(11, server.get(4).getInt("n"));
        assertEquals(0, itemsA.pendingCount());
        assertEquals(0, itemsB.pendingCount());
    }

    /**
     * Both clients hold the same synced object and edit it offline; B's edit is the later one.
     * {@code bFirst} decides who syncs first.
     */
    private void conflict(String type, boolean bFirst) throws InterruptedException {
        String z = zone();
        SyncManager a = client();
        SyncManager b = client();
        SyncableRepository<JsonObject> repoA = a.registerDocument(type, Zone.restricted(z));
        SyncableRepository<JsonObject> repoB = b.registerDocument(type, Zone.restricted(z));
        repoA.add(doc("x", "original", 0));
        a.sync();
        b.sync();
        assertEquals("original", repoB.findById("x").orElseThrow().getString("name"));

        repoA.update(doc("x", "edited by A", 1));
        Thread.sleep(50);
        repoB.update(doc("x", "edited by B", 2));

        if (bFirst) {
            b.sync();
            // A's older edit meets B's newer copy on the server: the server copy wins.
            assertTrue(a.sync().pushed().serverCopiesWon(), "A's older edit must lose under timestamp ordering");
        } else {
            a.sync();
            assertTrue(!b.sync().pushed().serverCopiesWon(), "B's later write must win under last-writer-wins");
        }
        a.sync();
        b.sync();

        JsonObject expected = doc("x", "edited by B", 2);
        assertEquals(List.of(expected), onServer(type, z));
        assertEquals(List.of(expected), repoA.getAll());
        assertEquals(List.of(expected), repoB.getAll());
        assertEquals(0, repoA.pendingCount());
        assertEquals(0, repoB.pendingCount());
    }

    @Test
    void conflictUnderLastWriterWinsConvergesOnBothClients() throws InterruptedException {
        // B edits later and pushes later: B wins whether "last writer" means arrival or timestamp.
        conflict("Item", false);
    }

    @Test
    void conflictUnderTimestampOrderingConvergesOnBothClients() throws InterruptedException {
        // The later local edit (B) is pushed first; A's older edit then meets a newer server copy.
        conflict("Task", true);
    }

    @Test
    void pullOfAZoneLargerThanSeveralPages() {
        String z = zone();
        SyncManager writer = client();
        SyncableRepository<JsonObject> items = writer.registerDocument("Item", Zone.restricted(z));
        for (int i = 0; i < 45; i++) {
            items.add(doc(String.format("p%02d", i), "object " + i, i));
        }
        writer.push(); // 45 objects: one push, within the server's limit of 50
        assertEquals(0, items.pendingCount());

        SyncManager reader = client();
        SyncableRepository<JsonObject> read = reader.registerDocument("Item", Zone.restricted(z));
        io.fastsync.client.pull.PullReport report = reader.pull();
        assertTrue(report.pages() >= 3, "pages of 20 expected, got " + report);
        assertEquals(45, report.objects());
        List<JsonObject> all = sorted(read.getAll());
        assertEquals(45, all.size());
        assertEquals(sorted(items.getAll()), all);
    }

    @Test
    void hardResetKeepsUnpushedChanges() {
        String z = zone();
        SyncManager c = client();
        SyncableRepository<JsonObject> items = c.registerDocument("Item", Zone.restricted(z));
        items.add(doc("h1", "first", 1));
        items.add(doc("h2", "second", 2));
        c.sync();
        items.update(doc("h1", "edited locally", 100));
        assertEquals(1, items.pendingCount());

        c.hardReset("Item");

        List<JsonObject> server = onServer("Item", z);
        assertEquals(List.of(doc("h1", "edited locally", 100), doc("h2", "second", 2)), server);
        assertEquals(server, sorted(items.getAll()));
        assertEquals(0, items.pendingCount());
    }

    @Test
    void restartedClientWithDurableStorePushesPendingChanges() {
        String z = zone();
        Path file = temp.resolve("restart");
        H2Store store = H2Store.open(file);
        SyncableRepository<JsonObject> items = client(store).registerDocument("Item", Zone.restricted(z));
        items.add(doc("r1", "durable one", 1));
        items.add(doc("r2", "durable two", 2));
        store.close();

        H2Store reopened = H2Store.open(file);
        try {
            SyncManager restarted = client(reopened);
            SyncableRepository<JsonObject> again = restarted.registerDocument("Item", Zone.restricted(z));
            assertEquals(2, again.pendingCount());
            restarted.push();
            assertEquals(0, again.pendingCount());
        } finally {
            reopened.close();
        }
        assertEquals(List.of(doc("r1", "durable one", 1), doc("r2", "durable two", 2)), onServer("Item", z));
    }

    @Test
    void restrictedZoneIsInvisibleToAnotherZone() {
        String zoneA = zone();
        String zoneB = zone();
        SyncManager a = client();
        SyncableRepository<JsonObject> itemsA = a.registerDocument("Item", Zone.restricted(zoneA));
        itemsA.add(doc("secret", "only zone A", 1));
        a.sync();
        assertEquals(1, onServer("Item", zoneA).size());

        SyncManager b = client();
        SyncableRepository<JsonObject> itemsB = b.registerDocument("Item", Zone.restricted(zoneB));
        b.sync();
        assertEquals(List.of(), itemsB.getAll());
        assertTrue(itemsB.findById("secret").isEmpty());
    }

    @Test
    void failedPushIsRetriedSafely() {
        String z = zone();
        H2Store store = H2Store.open(temp.resolve("retry"));
        try {
            SyncManager offline = new SyncManager(HttpSyncTransport.to(URI.create("http://127.0.0.1:1/fastsync/"))
                    .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(5)).build(), store);
            SyncableRepository<JsonObject> items = offline.registerDocument("Item", Zone.restricted(z));
            items.add(doc("f1", "retry one", 1));
            items.add(doc("f2", "retry two", 2));
            items.add(doc("f3", "retry three", 3));
            assertThrows(SyncTransportException.class, offline::push);
            assertEquals(3, items.pendingCount());

            SyncManager online = client(store);
            SyncableRepository<JsonObject> again = online.registerDocument("Item", Zone.restricted(z));
            online.push();
            assertEquals(0, again.pendingCount());
            online.sync();
            assertEquals(0, again.pendingCount());
        } finally {
            store.close();
        }
        assertEquals(List.of(doc("f1", "retry one", 1), doc("f2", "retry two", 2), doc("f3", "retry three", 3)),
                onServer("Item", z));

        // Exactly once: the raw pull of the zone holds each object once.
        Http.Answer answer = Http.post(base(), "pull", "{\"metadata\": {\"Item\": {\"id\": \"Item\", \"type\": \"Item\", \"syncZone\": \""
                + z + "\", \"version\": 0, \"timestamp\": 0, \"syncOperation\": 999}}}");
        assertEquals(200, answer.status(), String.valueOf(answer.body()));
        JsonArray raw = answer.body().getJsonObject("data").getJsonObject("data").getJsonArray("Item");
        assertEquals(3, raw.size(), raw.toString());
        Set<String> seen = new HashSet<>();
        raw.forEach(v -> seen.add(v.asJsonObject().getString("id")));
        assertEquals(Set.of("f1", "f2", "f3"), seen);
    }
}

package io.fastsync.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.client.SyncManager;
import io.fastsync.client.SyncOptions;
import io.fastsync.client.push.PushReport;
import io.fastsync.client.store.H2Store;
import io.fastsync.client.store.LocalStore;
import io.fastsync.client.store.MemoryStore;
import io.fastsync.client.transport.HttpSyncTransport;
import io.fastsync.client.transport.ServerProblemException;
import io.fastsync.client.transport.SyncTransport;
import io.fastsync.client.transport.SyncTransportException;
import io.fastsync.client.type.SyncableRepository;
import io.fastsync.client.type.Zone;
import io.fastsync.testsupport.http.Http;
import io.fastsync.testsupport.http.ServerView;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.PullResponse;
import io.fastsync.wire.PushOutcome;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.PushResponse;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
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
        return new SyncManager(
                HttpSyncTransport.to(base())
                        .requestTimeout(Duration.ofSeconds(30))
                        .build(),
                store);
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
        return objects.stream()
                .sorted((a, b) -> a.getString("id").compareTo(b.getString("id")))
                .toList();
    }

    private static JsonObject doc(String id, String name, int n) {
        return Json.createObjectBuilder()
                .add("id", id)
                .add("name", name)
                .add("n", n)
                .build();
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
     * Tombstones are purged while client B is away (it holds an unpushed edit): an old client's
     * pull from B's cursor is answered {@code 410 cursor-expired}, never a page without the
     * delete; B itself starts over on that answer, keeps its edit and pushes it, and both clients
     * end equal to the server.
     */
    @Test
    void aClientAwayDuringATombstonePurgeStartsOverAndKeepsItsUnpushedChange() {
        String z = zone();
        SyncManager a = client();
        SyncManager b = client();
        SyncableRepository<JsonObject> itemsA = a.registerDocument("Item", Zone.restricted(z));
        SyncableRepository<JsonObject> itemsB = b.registerDocument("Item", Zone.restricted(z));
        for (int i = 1; i <= 3; i++) {
            itemsA.add(doc("d" + i, "first " + i, i));
        }
        a.sync();
        b.sync();
        assertEquals(3, itemsB.count());
        itemsA.remove("d2");
        a.sync();
        itemsB.update(doc("d1", "B's edit while away", 10));

        Http.Answer purged = Http.post(base(), "admin/tombstones/purge?olderThanDays=0", "");
        assertEquals(200, purged.status(), String.valueOf(purged.body()));
        assertTrue(purged.body().getInt("purged") >= 1, purged.body().toString());

        // An old client at B's cursor (3: it has d1 to d3, not the delete) is told, not served.
        Http.Answer old = Http.post(base(), "pull", io.fastsync.wire.testing.OldClientBodies.dartPull("Item", z, 3));
        assertEquals(410, old.status(), String.valueOf(old.body()));
        assertEquals("cursor-expired", old.body().getString("code"));
        assertEquals(
                "/metadata/Item/version",
                old.body().getJsonArray("errors").getJsonObject(0).getString("pointer"));

        b.sync();
        a.sync();
        List<JsonObject> server = onServer("Item", z);
        assertEquals(Set.of("d1", "d3"), ids(server), "d2 stays deleted, for B too");
        assertEquals("B's edit while away", server.get(0).getString("name"));
        assertEquals(server, sorted(itemsB.getAll()));
        assertEquals(server, sorted(itemsA.getAll()));
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
            SyncManager offline = new SyncManager(
                    HttpSyncTransport.to(URI.create("http://127.0.0.1:1/fastsync/"))
                            .connectTimeout(Duration.ofSeconds(2))
                            .requestTimeout(Duration.ofSeconds(5))
                            .build(),
                    store);
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
        assertEquals(
                List.of(doc("f1", "retry one", 1), doc("f2", "retry two", 2), doc("f3", "retry three", 3)),
                onServer("Item", z));

        // Exactly once: the raw pull of the zone holds each object once.
        Http.Answer answer = Http.post(
                base(),
                "pull",
                "{\"metadata\": {\"Item\": {\"id\": \"Item\", \"type\": \"Item\", \"syncZone\": \"" + z
                        + "\", \"version\": 0, \"timestamp\": 0, \"syncOperation\": 999}}}");
        assertEquals(200, answer.status(), String.valueOf(answer.body()));
        JsonArray raw =
                answer.body().getJsonObject("data").getJsonObject("data").getJsonArray("Item");
        assertEquals(3, raw.size(), raw.toString());
        Set<String> seen = new HashSet<>();
        raw.forEach(v -> seen.add(v.asJsonObject().getString("id")));
        assertEquals(Set.of("f1", "f2", "f3"), seen);
    }

    @Test
    void anEditMadeWhileAPushIsInFlightStaysPendingAndIsPushedNext() {
        String z = zone();
        SyncTransport http = HttpSyncTransport.to(base())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        List<Runnable> beforeSend = new ArrayList<>();
        List<Runnable> afterAnswer = new ArrayList<>();
        // The edits run between the moment the batch is built and the moment its answer is
        // recorded: before the request leaves, and after the server applied it.
        SyncTransport inFlight = new SyncTransport() {
            @Override
            public PullResponse pull(PullRequest request) {
                return http.pull(request);
            }

            @Override
            public PushResponse push(PushRequest request) {
                beforeSend.forEach(Runnable::run);
                beforeSend.clear();
                PushResponse answer = http.push(request);
                afterAnswer.forEach(Runnable::run);
                afterAnswer.clear();
                return answer;
            }
        };
        SyncManager c = new SyncManager(inFlight, new MemoryStore());
        SyncableRepository<JsonObject> items = c.registerDocument("Item", Zone.restricted(z));
        items.add(doc("e1", "first", 1));
        items.add(doc("e2", "second", 2));
        beforeSend.add(() -> items.update(doc("e1", "edited before the request left", 10)));
        afterAnswer.add(() -> items.update(doc("e2", "edited after the server applied the push", 20)));
        afterAnswer.add(() -> items.add(doc("e3", "added during the push", 3)));

        c.push();

        assertEquals(2, items.pendingCount(), "both edits of sent objects wait for the next push");
        // e3 was never sent, so the same push sent it in a batch of its own.
        assertEquals(
                Map.of(
                        "e1",
                        doc("e1", "first", 1),
                        "e2",
                        doc("e2", "second", 2),
                        "e3",
                        doc("e3", "added during the push", 3)),
                ServerView.read(base(), "Item", z).live(),
                "the server holds what was sent");

        PushReport second = c.push();

        assertEquals(2, second.count(PushOutcome.APPLIED), "based on the versions the first push got: " + second);
        assertEquals(0, items.pendingCount());
        List<JsonObject> expected = List.of(
                doc("e1", "edited before the request left", 10),
                doc("e2", "edited after the server applied the push", 20),
                doc("e3", "added during the push", 3));
        assertEquals(expected, onServer("Item", z));
        assertEquals(expected, sorted(items.getAll()));
    }

    @Test
    void aPushFailingMidwayWithServerErrorsIsRetriedAndEveryObjectAppliedOnce() throws Exception {
        String z = zone();
        try (FaultyGateway gateway = new FaultyGateway(base())) {
            SyncManager c = new SyncManager(
                    HttpSyncTransport.to(gateway.base())
                            .requestTimeout(Duration.ofSeconds(30))
                            .build(),
                    new MemoryStore(),
                    SyncOptions.DEFAULTS.withPushBatchSize(20));
            SyncableRepository<JsonObject> items = c.registerDocument("Item", Zone.restricted(z));
            for (int i = 0; i < 45; i++) {
                items.add(doc(String.format("m%02d", i), "object " + i, i));
            }
            // Batches of 20, 20 and 5: the first lands; the server applies the second, but its
            // answer is lost to a 502; the retry of the second meets a 503 before the server.
            gateway.thenPushes(
                    FaultyGateway.Fault.NONE, FaultyGateway.Fault.ANSWER_LOST, FaultyGateway.Fault.NOT_FORWARDED);

            ServerProblemException lost = assertThrows(ServerProblemException.class, c::push);
            assertEquals(502, lost.status());
            assertEquals(25, items.pendingCount(), "the first batch is acknowledged, the second and third are not");
            assertEquals(40, ServerView.read(base(), "Item", z).live().size(), "the server applied two batches");

            ServerProblemException unavailable = assertThrows(ServerProblemException.class, c::push);
            assertEquals(503, unavailable.status());
            assertEquals(25, items.pendingCount());

            PushReport retried = c.push();

            assertTrue(retried.replayed(), "the lost batch is sent again with its key and replayed: " + retried);
            assertEquals(25, retried.objects());
            assertEquals(0, items.pendingCount());
            assertEquals(4, gateway.forwardedPushes());
        }
        ServerView server = ServerView.read(base(), "Item", z);
        assertEquals(45, server.live().size());
        assertEquals(45, server.versions().size(), "each object applied once: " + server.versions());
        assertEquals(
                LongStream.rangeClosed(1, 45).boxed().toList(),
                server.versions().stream().sorted().toList());
    }

    @Test
    void pushesLargerThanTheServerTakesAreSplitUntilTheyFit() {
        String z = zone();
        SyncManager c = client(); // batches of 500 by default; this server takes 50 objects per push
        SyncableRepository<JsonObject> items = c.registerDocument("Item", Zone.restricted(z));
        for (int i = 0; i < 120; i++) {
            items.add(doc(String.format("s%03d", i), "object " + i, i));
        }

        PushReport report = c.push();

        assertEquals(120, report.count(PushOutcome.APPLIED));
        assertEquals(0, items.pendingCount());
        assertEquals(120, ServerView.read(base(), "Item", z).live().size());
    }

    @Test
    void randomOfflineEditsConvergeOnEveryClientAndTheServer() {
        Long fixed = Long.getLong("fastsync.seed");
        long first = fixed != null ? fixed : new Random().nextLong();
        int runs = fixed != null ? 1 : 3;
        for (int i = 0; i < runs; i++) {
            long seed = first + i;
            System.out.println("random convergence: seed " + seed);
            new RandomConvergence(seed, zone(), 4, this::client).runAndCheck(base(), 8);
        }
    }

    @Test
    void theReadmeExampleSyncsAsItSays() throws Exception {
        String z = zone();
        SyncManager other = client();
        other.registerDocument("Item", Zone.restricted(z)).add(doc("bread", "from another device", 1));
        other.sync();

        List<JsonObject> list = ReadmeExample.shoppingList(base(), z, temp);

        assertEquals(
                List.of(
                        doc("bread", "from another device", 1),
                        Json.createObjectBuilder()
                                .add("id", "milk")
                                .add("qty", 2)
                                .build()),
                sorted(list));
        assertEquals(sorted(list), onServer("Item", z));
        // The client's README prints the example's code as it is here.
        String source = Files.readString(Path.of("src/test/java/io/fastsync/it/ReadmeExample.java"));
        int start = source.indexOf(ReadmeExample.START + "\n") + ReadmeExample.START.length();
        String example = source.substring(start, source.indexOf(ReadmeExample.END + "\n", start));
        String readme = Files.readString(Path.of("../fastsync-client/README.md"));
        String code =
                example.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
        String shown =
                readme.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
        assertTrue(shown.contains(code), "fastsync-client/README.md must show ReadmeExample's code as it is:\n" + code);
    }
    /** The client's listeners: the objects each pull changed, a conflict the server settled and its winner, push progress. */
    @Test
    void listenersHearOfPulledObjectsSettledConflictsAndPushProgress() {
        String z = zone();
        SyncManager a = new SyncManager(
                HttpSyncTransport.to(base()).build(),
                new MemoryStore(),
                io.fastsync.client.SyncOptions.DEFAULTS.withPushBatchSize(2));
        SyncManager b = client();
        SyncableRepository<JsonObject> onA = a.registerDocument("Item", Zone.restricted(z));
        SyncableRepository<JsonObject> onB = b.registerDocument("Item", Zone.restricted(z));
        List<String> heardA = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> heardB = new java.util.concurrent.CopyOnWriteArrayList<>();
        a.addListener(new io.fastsync.client.SyncListener() {
            @Override
            public void pushProgress(int batches, long objects, long pending) {
                heardA.add("push " + batches + ": " + objects + "/" + pending);
            }

            @Override
            public void conflictSettled(String type, io.fastsync.wire.ObjectResult result) {
                heardA.add("conflict " + type + " " + result.id() + " won by " + result.winner());
            }
        });
        b.addListener(new io.fastsync.client.SyncListener() {
            @Override
            public void pulled(String type, Set<String> changed, Set<String> deleted) {
                heardB.add("pulled " + type + " " + new java.util.TreeSet<>(changed) + " deleted " + deleted);
            }
        });
        for (int i = 1; i <= 5; i++) {
            onA.add(doc("o" + i, "n", i));
        }
        a.sync();
        assertEquals(List.of("push 1: 2/5", "push 2: 4/5", "push 3: 5/5"), heardA, "three batches of at most 2");

        b.sync();
        assertEquals(List.of("pulled Item [o1, o2, o3, o4, o5] deleted []"), heardB);

        // B changes o1 and deletes o2; A edits o1 from its old copy: the server settles it.
        onB.update(doc("o1", "from b", 10));
        onB.remove("o2");
        b.sync();
        heardA.clear();
        onA.update(doc("o1", "from a", 11));
        a.sync();
        assertTrue(
                heardA.contains("conflict Item o1 won by " + io.fastsync.wire.ConflictWinner.CLIENT),
                "last writer wins: A's later copy; heard " + heardA);
        heardB.clear();
        b.sync();
        assertTrue(
                heardB.stream().anyMatch(h -> h.startsWith("pulled Item [o1] ")),
                "B hears of A's winning copy; heard " + heardB);
        assertEquals("from a", onB.findById("o1").orElseThrow().getString("name"));
    }
}

package io.fastsync.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.testsupport.FreshDatabase;
import io.fastsync.testsupport.TestDatabases;
import io.fastsync.testsupport.http.ChangeStream;
import io.fastsync.testsupport.http.Http;
import io.fastsync.testsupport.server.PayaraMicroServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two standalone servers started at the same moment on one empty PostgreSQL, as behind a load
 * balancer: writers push through both in turn (new objects, and edits of shared ones that conflict
 * under last-writer-wins), pullers pull through both in turn with the cursors they were given. At
 * the end no change was skipped or reached a puller twice, no acknowledged write was lost, and
 * every puller holds what each server serves. Runs in the {@code several-instances} profile.
 */
class TwoInstancesOnPostgresIT {

    private static final String ZONE = "shared";
    private static final int WRITERS = 4;
    private static final int PUSHES_PER_WRITER = 40;
    private static final int OBJECTS_PER_PUSH = 5;
    private static final int SHARED = 3;
    private static final int PULLERS = 3;

    /**
     * How long the test waits for an event or a state that must come: only a bound for one that
     * never comes, however loaded the machine (two servers and PostgreSQL share it).
     */
    private static final java.time.Duration EVENT_WAIT = java.time.Duration.ofSeconds(60);

    @Test
    void pushersAndPullersSpreadOverTwoInstancesSeeOneConsistentServer() throws Exception {
        try (FreshDatabase pg = TestDatabases.postgres()) {
            List<PayaraMicroServer> servers = startAtOnce(pg);
            try {
                List<URI> bases = servers.stream().map(PayaraMicroServer::base).toList();
                run(bases);
                liveChangesCrossInstances(bases, servers.get(1));
            } finally {
                for (PayaraMicroServer server : servers) {
                    server.stop();
                }
            }
        }
    }

    /**
     * A commit through one instance reaches a subscriber of the other (PostgreSQL relays it);
     * when that instance shuts down, its subscriber is told, reconnects to the first with its
     * cursor and misses nothing committed meanwhile.
     */
    private static void liveChangesCrossInstances(List<URI> bases, PayaraMicroServer second) throws Exception {
        String zone = "live-" + UUID.randomUUID();
        long[] latencies = new long[5];
        long seen;
        try (ChangeStream onSecond = ChangeStream.open(bases.get(1), ChangeStream.cursor("Item", zone, 0))) {
            assertEquals(200, onSecond.status());
            assertEquals("ready", onSecond.next(EVENT_WAIT).name());
            for (int i = 0; i < latencies.length; i++) {
                String body = io.fastsync.wire.testing.OldClientBodies.typeScriptPush(
                        "Item",
                        zone,
                        io.fastsync.wire.testing.OldClientBodies.typeScriptObject(
                                "Item", zone, "l" + i, 0, 1000 + i, "\"n\": " + i));
                Http.Answer pushed = Http.post(bases.get(0), "push", body);
                long answered = System.nanoTime();
                assertEquals(200, pushed.status(), String.valueOf(pushed.body()));
                ChangeStream.Event told = onSecond.next(EVENT_WAIT);
                latencies[i] = (System.nanoTime() - answered) / 1_000;
                assertEquals("changed", told == null ? "nothing within " + EVENT_WAIT.toSeconds() + " s" : told.name());
                assertEquals(i + 1, told.data().getInt("version"), "the other instance's commit, in order");
            }
            seen = latencies.length;
            System.out.println("push answered on one instance to the event on the other, microseconds: "
                    + java.util.Arrays.toString(latencies));

            twoClientsInLiveModeOnTwoInstances(bases, zone);

            second.stop();
            // Past the changes the live clients made meanwhile, the stream's end.
            ChangeStream.Event last;
            while ((last = onSecond.next(EVENT_WAIT)) != null && "changed".equals(last.name())) {
                seen = last.data().getInt("version");
            }
            assertTrue(
                    last != null && ("closing".equals(last.name()) || "end".equals(last.name())),
                    "the stream ends when its instance shuts down: " + last);
        }
        String body = io.fastsync.wire.testing.OldClientBodies.typeScriptPush(
                "Item",
                zone,
                io.fastsync.wire.testing.OldClientBodies.typeScriptObject("Item", zone, "after", 0, 2000, "\"n\": 9"));
        Http.Answer after = Http.post(bases.get(0), "push", body);
        assertEquals(200, after.status());
        int afterVersion = after.body()
                .getJsonObject("data")
                .getJsonObject("results")
                .getJsonArray("Item")
                .getJsonObject(0)
                .getInt("version");
        // Back on the other instance with the cursor it held: told at once of the commit made meanwhile.
        try (ChangeStream onFirst = ChangeStream.open(bases.get(0), ChangeStream.cursor("Item", zone, seen))) {
            ChangeStream.Event missed = onFirst.next(EVENT_WAIT);
            assertEquals("changed", missed == null ? "nothing within " + EVENT_WAIT.toSeconds() + " s" : missed.name());
            assertEquals(afterVersion, missed.data().getInt("version"), "nothing committed meanwhile is missed");
        }
    }

    /** Two Java clients in live mode, one on each instance: an edit on one shows on the other without any call. */
    private static void twoClientsInLiveModeOnTwoInstances(List<URI> bases, String zone) throws Exception {
        io.fastsync.client.SyncManager phone = new io.fastsync.client.SyncManager(
                io.fastsync.client.transport.HttpSyncTransport.to(bases.get(0)).build(),
                new io.fastsync.client.store.MemoryStore());
        io.fastsync.client.SyncManager laptop = new io.fastsync.client.SyncManager(
                io.fastsync.client.transport.HttpSyncTransport.to(bases.get(1)).build(),
                new io.fastsync.client.store.MemoryStore());
        var onPhone = phone.registerDocument("Item", io.fastsync.client.type.Zone.restricted(zone));
        var onLaptop = laptop.registerDocument("Item", io.fastsync.client.type.Zone.restricted(zone));
        List<RuntimeException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.fastsync.client.LiveSync.Listener failed = new io.fastsync.client.LiveSync.Listener() {
            @Override
            public void failed(RuntimeException e) {
                failures.add(e);
            }
        };
        try (var phoneLive = phone.startLive(failed);
                var laptopLive = laptop.startLive(failed)) {
            // Both hold what the stream test pushed, once their first sync ran.
            awaitTrue(() -> onLaptop.count() == 5 && onPhone.count() == 5, "both clients caught up");
            long started = System.nanoTime();
            onPhone.add(jakarta.json.Json.createObjectBuilder()
                    .add("id", "from-phone")
                    .add("n", 1)
                    .build());
            awaitTrue(() -> onLaptop.findById("from-phone").isPresent(), "the phone's edit reached the laptop");
            long millis = (System.nanoTime() - started) / 1_000_000;
            onLaptop.update(jakarta.json.Json.createObjectBuilder(
                            onLaptop.findById("from-phone").orElseThrow())
                    .add("n", 2)
                    .build());
            awaitTrue(
                    () -> onPhone.findById("from-phone").orElseThrow().getInt("n") == 2,
                    "the laptop's edit came back to the phone");
            System.out.println("live mode: an add on the phone (instance 1) showed on the laptop (instance 2) in "
                    + millis + " ms");
        }
        assertEquals(List.of(), failures, "live mode failed meanwhile");
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + EVENT_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + EVENT_WAIT.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    /** Both servers at once on the empty database: both migrate, one waits for the other's lock. */
    private static List<PayaraMicroServer> startAtOnce(FreshDatabase database) throws Exception {
        List<PayaraMicroServer> servers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "instance-" + i);
            servers.add(new PayaraMicroServer(database.serverEnvironment(), dir.resolve("server.log")));
        }
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> starting = new ArrayList<>();
        for (PayaraMicroServer server : servers) {
            starting.add(new Thread(() -> {
                try {
                    server.start();
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        starting.forEach(Thread::start);
        for (Thread t : starting) {
            t.join();
        }
        if (!failures.isEmpty()) {
            for (PayaraMicroServer server : servers) {
                server.stop();
            }
            throw new AssertionError("an instance did not start: " + failures);
        }
        return servers;
    }

    private static void run(List<URI> bases) throws Exception {
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        // The highest version any push answer gave each object: the version it must end with.
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger resolved = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(new Thread(() -> {
                try {
                    go.await();
                    for (int p = 0; p < PUSHES_PER_WRITER; p++) {
                        List<String> objects = new ArrayList<>();
                        for (int o = 0; o < OBJECTS_PER_PUSH; o++) {
                            boolean shared = o == 0;
                            String id = shared ? "shared-" + (p % SHARED) : "w" + writer + "-p" + p + "-o" + o;
                            // Shared objects are edited from base 0 by everyone: each edit after the
                            // first is a conflict, settled by last-writer-wins.
                            objects.add("{\"id\": \"" + id + "\", \"metadata\": {\"version\": 1, \"baseVersion\": 0,"
                                    + " \"syncOperation\": " + (shared && p >= SHARED ? 1 : 0) + "},"
                                    + " \"writer\": " + writer + ", \"push\": " + p + "}");
                        }
                        URI base = bases.get((writer + p) % bases.size());
                        Http.Answer answer = Http.post(
                                base,
                                "push",
                                "{\"data\": {\"Item\": [" + String.join(", ", objects) + "]}, \"operationMetadata\":"
                                        + " {\"metadata\": {\"Item\": {\"syncZone\": \"" + ZONE + "\"}}}}",
                                "Content-Type",
                                "application/json",
                                "Idempotency-Key",
                                UUID.randomUUID().toString());
                        if (answer.status() != 200) {
                            throw new AssertionError("push answered " + answer.status() + ": " + answer.body());
                        }
                        for (JsonValue v : answer.body()
                                .getJsonObject("data")
                                .getJsonObject("results")
                                .getJsonArray("Item")) {
                            JsonObject r = v.asJsonObject();
                            acknowledged.merge(
                                    r.getString("id"),
                                    r.getJsonNumber("version").longValue(),
                                    Math::max);
                            if (r.getString("status").equals("resolved")) {
                                resolved.incrementAndGet();
                            }
                        }
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        List<Puller> pullers = new ArrayList<>();
        for (int i = 0; i < PULLERS; i++) {
            pullers.add(new Puller(bases, i, writing, failures));
        }
        long started = System.nanoTime();
        pullers.forEach(Thread::start);
        writers.forEach(Thread::start);
        go.countDown();
        for (Thread t : writers) {
            t.join();
        }
        long wrote = System.nanoTime() - started;
        writing.set(false);
        for (Thread t : pullers) {
            t.join();
        }
        assertTrue(failures.isEmpty(), () -> "failures: " + failures);

        int objects = WRITERS * PUSHES_PER_WRITER * (OBJECTS_PER_PUSH - 1) + SHARED;
        assertEquals(objects, acknowledged.size());
        assertTrue(resolved.get() > 0, "the shared objects' edits conflicted");
        for (URI base : bases) {
            Map<String, Long> served = ZonePage.everything(base, ZONE);
            assertEquals(acknowledged, served, "no acknowledged write is lost, on " + base);
        }
        for (Puller puller : pullers) {
            assertEquals(acknowledged, puller.state, "a puller skipped a change");
            assertTrue(puller.duplicates.isEmpty(), "changes delivered twice: " + puller.duplicates);
            assertTrue(puller.pulls > 3, "the puller ran while writers wrote");
        }
        System.out.printf(
                "TwoInstancesOnPostgresIT: %d pushes (%d objects, %d conflicts resolved) through two instances in %d ms;"
                        + " %d pullers made %d pulls; 0 skipped, 0 duplicated, 0 lost%n",
                WRITERS * PUSHES_PER_WRITER,
                objects,
                resolved.get(),
                wrote / 1_000_000,
                PULLERS,
                pullers.stream().mapToInt(p -> p.pulls).sum());
    }

    /** A client that pulls through each instance in turn until the writers are done, then to the end. */
    private static final class Puller extends Thread {
        private final List<URI> bases;
        private final int first;
        private final AtomicBoolean writing;
        private final ConcurrentLinkedQueue<Throwable> failures;
        final Map<String, Long> state = new HashMap<>();
        final Set<String> seen = new HashSet<>();
        final List<String> duplicates = new ArrayList<>();
        int pulls;

        Puller(List<URI> bases, int first, AtomicBoolean writing, ConcurrentLinkedQueue<Throwable> failures) {
            this.bases = bases;
            this.first = first;
            this.writing = writing;
            this.failures = failures;
        }

        @Override
        public void run() {
            try {
                long cursor = 0;
                boolean last = false;
                while (true) {
                    boolean writersDone = !writing.get();
                    ZonePage page = ZonePage.pull(bases.get((first + pulls) % bases.size()), ZONE, cursor, 37);
                    pulls++;
                    for (String change : page.changes()) {
                        if (!seen.add(change)) {
                            duplicates.add(change);
                        }
                    }
                    state.putAll(page.objects());
                    cursor = page.cursor(cursor);
                    if (last && !page.hasMore()) {
                        return;
                    }
                    // One full pass after the writers finished drains what they left.
                    last = last || writersDone;
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        }
    }
}

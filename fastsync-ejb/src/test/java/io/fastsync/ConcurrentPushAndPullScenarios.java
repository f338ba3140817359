package io.fastsync;

import static io.fastsync.testing.Requests.based;
import static io.fastsync.testing.Requests.pull;
import static io.fastsync.testing.Requests.push;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.conflict.ConflictsHandler;
import io.fastsync.document.SyncDocument;
import io.fastsync.testing.Engine;
import io.fastsync.wire.PullResponse;
import io.fastsync.wire.SyncObject;
import io.fastsync.zone.SyncZoneRestriction;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * PullNeverSkipsConcurrentCommit: writers push into one zone at once, each from its own
 * connection, while pullers pull in a loop with the cursors they were given. Pushes commit out
 * of the order they started in; a cursor taken from a counter read before commit would skip.
 * At the end every puller holds exactly the server's state, and no change reached a puller twice.
 * Each subclass names the database.
 */
abstract class ConcurrentPushAndPullScenarios {

    /** @return a factory on a new, empty database with FastSync's schema */
    protected abstract EntityManagerFactory newDatabase();

    private static final int WRITERS = 4;
    private static final int PUSHES_PER_WRITER = 30;
    private static final int OBJECTS_PER_PUSH = 5;
    private static final int PULLERS = 2;
    private static final String ZONE = "shared";

    private static Engine engine(EntityManagerFactory emf) {
        return new Engine(emf)
                .document("Item", SyncZoneRestriction.RESTRICTED, ConflictsHandler.<SyncDocument>lastWriterWins());
    }

    @Test
    void everyPullerEndsWithTheServerStateAndNoChangeTwice() throws Exception {
        EntityManagerFactory emf = newDatabase();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(new Thread(() -> {
                try (Engine engine = engine(emf)) {
                    start.await();
                    for (int p = 0; p < PUSHES_PER_WRITER; p++) {
                        String[] objects = new String[OBJECTS_PER_PUSH];
                        for (int o = 0; o < OBJECTS_PER_PUSH; o++) {
                            // New objects, and edits of a few shared ones that every writer touches.
                            String id = o == 0 ? "shared-" + (p % 3) : "w" + writer + "-p" + p + "-o" + o;
                            objects[o] = based(
                                    id, o == 0 && p >= 3 ? 1 : 0, 0, "\"writer\": " + writer + ", \"push\": " + p);
                        }
                        engine.push(push("Item", ZONE, objects));
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        List<Puller> pullers = new ArrayList<>();
        for (int i = 0; i < PULLERS; i++) {
            pullers.add(new Puller(emf, writing, failures));
        }
        pullers.forEach(Thread::start);
        writers.forEach(Thread::start);
        start.countDown();
        for (Thread t : writers) {
            t.join();
        }
        writing.set(false);
        for (Thread t : pullers) {
            t.join();
        }
        assertTrue(failures.isEmpty(), () -> "failures: " + failures);

        Map<String, Long> server = new HashMap<>();
        try (Engine engine = engine(emf)) {
            engine.inTransaction(em -> em.createQuery("SELECT d FROM SyncDocument d", SyncDocument.class)
                            .getResultList())
                    .forEach(d -> server.put(d.getId(), d.getSyncVersion()));
        }
        int objects = WRITERS * PUSHES_PER_WRITER * (OBJECTS_PER_PUSH - 1) + 3;
        assertEquals(objects, server.size());
        for (Puller puller : pullers) {
            assertEquals(server, puller.state, "a puller missed a change");
            assertTrue(puller.duplicates.isEmpty(), "changes delivered twice: " + puller.duplicates);
            assertTrue(puller.pulls > 3, "the puller ran while writers wrote");
        }
        emf.close();
    }

    /** A client that pulls in a loop until the writers are done, then once more to the end. */
    private static final class Puller extends Thread {
        private final EntityManagerFactory emf;
        private final AtomicBoolean writing;
        private final ConcurrentLinkedQueue<Throwable> failures;
        final Map<String, Long> state = new HashMap<>();
        final Set<String> seen = new HashSet<>();
        final List<String> duplicates = new ArrayList<>();
        int pulls;

        Puller(EntityManagerFactory emf, AtomicBoolean writing, ConcurrentLinkedQueue<Throwable> failures) {
            this.emf = emf;
            this.writing = writing;
            this.failures = failures;
        }

        @Override
        public void run() {
            try (Engine engine = engine(emf)) {
                long cursor = 0;
                boolean last = false;
                while (true) {
                    boolean writersDone = !writing.get();
                    PullResponse page = engine.pull(pull(ZONE, 37, "Item:" + cursor));
                    pulls++;
                    for (SyncObject o : page.payload().data().getOrDefault("Item", List.of())) {
                        if (!seen.add(o.id() + "@" + o.metadata().version())) {
                            duplicates.add(o.id() + "@" + o.metadata().version());
                        }
                        state.put(o.id(), o.metadata().version());
                    }
                    if (page.payload().metadata().containsKey("Item")) {
                        cursor = page.payload().metadata().get("Item").version();
                    }
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

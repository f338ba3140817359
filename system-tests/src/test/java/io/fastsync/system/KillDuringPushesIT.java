package io.fastsync.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fastsync.testsupport.FreshDatabase;
import io.fastsync.testsupport.TestDatabases;
import io.fastsync.testsupport.http.Http;
import io.fastsync.testsupport.http.ServerView;
import io.fastsync.testsupport.server.PayaraMicroServer;
import jakarta.json.JsonValue;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code 200 success} means durable. Two clients push into one zone of the standalone server
 * while it is killed with {@code kill -9}, at a random moment or right after an answer; after each
 * restart: every acknowledged push is there in full with the versions it was answered; an
 * unacknowledged one is there in full or not at all; the zone's versions run 1…n without a gap
 * or a repeat; no version ever names two objects; and a retry of an unacknowledged push with
 * its idempotency key lands it exactly once. On the embedded default database and on PostgreSQL,
 * {@code fastsync.kill.rounds} kills each (the {@code crash-tests} profile makes it 20).
 */
class KillDuringPushesIT {

    private static final int ROUNDS = Integer.getInteger("fastsync.kill.rounds", 3);
    private static final int OBJECTS_PER_PUSH = 20;
    private static final String ZONE = "crash";

    @Test
    void onTheEmbeddedDefaultDatabase() throws Exception {
        Path data = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "kill-h2");
        campaign(Map.of("FASTSYNC_DATA_DIR", data.toString()), data.resolve("server.log"));
    }

    @Test
    void onPostgres() throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "kill-pg");
        try (FreshDatabase pg = TestDatabases.postgres()) {
            campaign(pg.serverEnvironment(), dir.resolve("server.log"));
        }
    }

    /** One push as the clients sent it, and what they were answered, if anything. */
    private static final class Push {
        final String key;
        final List<String> ids = new ArrayList<>();
        final String body;
        volatile Map<String, Long> answered;

        Push(int number) {
            key = "kill-" + number;
            StringBuilder objects = new StringBuilder();
            for (int i = 0; i < OBJECTS_PER_PUSH; i++) {
                String id = "p" + number + "-" + i;
                ids.add(id);
                objects.append(i == 0 ? "" : ",")
                        .append("{\"id\":\"")
                        .append(id)
                        .append("\",\"metadata\":{\"id\":\"")
                        .append(UUID.randomUUID())
                        .append("\",\"version\":1000,\"syncOperation\":0,\"timestamp\":1796112961.048},")
                        .append("\"deleted\":false,\"dirty\":true,\"push\":")
                        .append(number)
                        .append(",\"i\":")
                        .append(i)
                        .append('}');
            }
            body = "{\"data\":{\"Item\":[" + objects
                    + "]},\"hasData\":true,\"operationMetadata\":{\"metadata\":{\"Item\":"
                    + "{\"type\":\"Item\",\"version\":999,\"syncZone\":\"" + ZONE + "\"}}},\"idempotencyKey\":\"" + key
                    + "\"}";
        }

        /** @return the versions answered, or null if the server never answered */
        Map<String, Long> send(URI base) {
            Http.Answer answer = Http.post(base, "push", body, "Content-Type", "application/json");
            if (answer.status() != 200) {
                fail("push " + key + " answered " + answer.status() + ": " + answer.body());
            }
            Map<String, Long> versions = new HashMap<>();
            for (JsonValue r :
                    answer.body().getJsonObject("data").getJsonObject("results").getJsonArray("Item")) {
                versions.put(
                        r.asJsonObject().getString("id"),
                        r.asJsonObject().getJsonNumber("version").longValue());
            }
            return versions;
        }
    }

    private static void campaign(Map<String, String> environment, Path log) throws Exception {
        long seed = Long.getLong("fastsync.kill.seed", System.nanoTime());
        System.out.println(
                "KillDuringPushesIT: " + ROUNDS + " kills, seed " + seed + " (-Dfastsync.kill.seed to repeat)");
        Random random = new Random(seed);
        PayaraMicroServer server = new PayaraMicroServer(environment, log);
        List<Push> pushes = new CopyOnWriteArrayList<>();
        Map<Long, String> versionOwners = new HashMap<>();
        AtomicInteger numbers = new AtomicInteger();
        int killedAfterAnAnswer = 0;
        int committedUnanswered = 0;
        int lostUnanswered = 0;
        server.start();
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger answers = new AtomicInteger();
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    Thread writer = new Thread(() -> {
                        while (!stop.get()) {
                            Push push = new Push(numbers.incrementAndGet());
                            pushes.add(push);
                            try {
                                push.answered = push.send(server.base());
                                answers.incrementAndGet();
                            } catch (UncheckedIOException | IllegalStateException gone) {
                                return; // killed under this push: it is unacknowledged
                            }
                        }
                    });
                    writer.start();
                    writers.add(writer);
                }
                boolean afterAnAnswer = random.nextBoolean();
                if (afterAnAnswer) {
                    // Right after an answer reached its client: nothing may be lost of it.
                    int target = 1 + random.nextInt(6);
                    while (answers.get() < target) {
                        Thread.onSpinWait();
                    }
                    killedAfterAnAnswer++;
                } else {
                    Thread.sleep(100 + random.nextInt(1500));
                }
                server.kill();
                stop.set(true);
                for (Thread writer : writers) {
                    writer.join(120_000);
                }
                server.start();
                check(server.base(), pushes, versionOwners, "after kill " + round);
                Map<String, Long> stored =
                        ServerView.read(server.base(), "Item", ZONE).liveVersions();
                for (Push push : pushes) {
                    if (push.answered == null) {
                        if (stored.containsKey(push.ids.get(0))) {
                            committedUnanswered++;
                        } else {
                            lostUnanswered++;
                        }
                    }
                }
                retryUnanswered(server.base(), pushes);
                check(server.base(), pushes, versionOwners, "after the retries of round " + round);
            }
        } finally {
            server.stop();
        }
        long acknowledged = pushes.stream().filter(p -> p.answered != null).count();
        System.out.println("KillDuringPushesIT: " + ROUNDS + " kills (" + killedAfterAnAnswer
                + " right after an answer), "
                + pushes.size() + " pushes; " + (committedUnanswered + lostUnanswered) + " unanswered at a kill: "
                + committedUnanswered + " found whole, " + lostUnanswered
                + " found absent, none partly; no acknowledged push lost");
        assertTrue(acknowledged > ROUNDS, "the campaign pushed something in every round");
    }

    /** Retries every push that was never answered, with its key: it lands once, or replays its first answer. */
    private static void retryUnanswered(URI base, List<Push> pushes) {
        for (Push push : pushes) {
            if (push.answered == null) {
                push.answered = push.send(base);
            }
        }
    }

    private static void check(URI base, List<Push> pushes, Map<Long, String> versionOwners, String when) {
        ServerView view = ServerView.read(base, "Item", ZONE);
        Map<String, Long> stored = view.liveVersions();
        List<Long> versions = view.versions();
        // The campaign only adds objects: one delivery per object, or one was delivered twice.
        assertEquals(stored.size(), versions.size(), when + ": an object was delivered twice");
        for (int i = 0; i < versions.size(); i++) {
            assertEquals(i + 1, versions.get(i), when + ": the zone's versions run 1..n without a gap or a repeat");
        }
        stored.forEach((id, version) -> {
            String before = versionOwners.putIfAbsent(version, id);
            if (before != null && !before.equals(id)) {
                fail(when + ": version " + version + " was " + before + "'s and is now " + id + "'s: handed out twice");
            }
        });
        for (Push push : pushes) {
            long present = push.ids.stream().filter(stored::containsKey).count();
            if (push.answered != null) {
                for (String id : push.ids) {
                    assertEquals(
                            push.answered.get(id),
                            stored.get(id),
                            when + ": acknowledged push " + push.key + " lost " + id);
                }
            } else {
                assertTrue(
                        present == 0 || present == push.ids.size(),
                        when + ": unacknowledged push " + push.key + " is partly stored (" + present + " of "
                                + push.ids.size() + ")");
            }
        }
    }
}

package io.fastsync.system;

import static io.fastsync.wire.testing.OldClientBodies.dartPull;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptObject;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptPush;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.testsupport.http.ChangeStream;
import io.fastsync.testsupport.http.Http;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Change streams tried as an attacker would, in trust mode, against the built WAR started by
 * {@code bin/fastsync-server} with a heap of 256 MB: streams that never read, {@code HEAD},
 * broken {@code metadata}, and a machine's many addresses. Every caller in trust mode is the
 * machine it calls from, so each test starts once the server holds no stream of this machine
 * (its earlier tests' streams ended), and leaves none behind.
 */
abstract class ChangeStreamAbuseContract extends ChangeStreamSuite {

    /** Types, so that one push moves a zone of each and a stream follows several zones. */
    private static final List<String> TYPES =
            IntStream.range(0, 8).mapToObj(i -> "T" + i).toList();

    /** Starts the server on the database given, with the change-stream settings of these tests. */
    static void startServer(String name, Map<String, String> databaseEnvironment, AutoCloseable database)
            throws Exception {
        Map<String, String> env = new LinkedHashMap<>(databaseEnvironment);
        env.put("FASTSYNC_TYPES", String.join(",", TYPES));
        env.put("FASTSYNC_CHANGES_STALL_SECONDS", "3");
        env.put("FASTSYNC_JAVA_OPTS", "-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        use(ChangeStreamServer.start(name, env, database));
    }

    private static String zone() {
        return "zone-" + UUID.randomUUID();
    }

    /** @return a pull's metadata for every type in one zone */
    private static String allTypes(String zone) {
        return TYPES.stream()
                .map(t -> "\"" + t + "\": {\"syncZone\": \"" + zone + "\", \"version\": 0}")
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** One push that moves the zone of every type. */
    private static Http.Answer pushToEveryType(String zone, int n) {
        StringBuilder data = new StringBuilder("{\"data\": {");
        StringBuilder metadata = new StringBuilder();
        for (String t : TYPES) {
            if (metadata.length() > 0) {
                data.append(", ");
                metadata.append(", ");
            }
            data.append('"')
                    .append(t)
                    .append("\": [")
                    .append(typeScriptObject(t, zone, "o" + n, 0, 1000, "\"n\": " + n))
                    .append(']');
            metadata.append(io.fastsync.wire.testing.OldClientBodies.typeScriptTypeMetadata(t, zone));
        }
        data.append("}, \"hasData\": true, \"operationMetadata\": {\"metadata\": {")
                .append(metadata)
                .append("}}}");
        return Http.post(base, "push", data.toString());
    }

    private static double metric(String name, String... attributes) {
        return server.metric(name, attributes);
    }

    /**
     * A caller holds its full quota of streams, over eight zones each, that never read, and pushes
     * to those zones as fast as it can. The server folds what it cannot write, ends each stream
     * once what was written stayed unread for the stall time ({@code too-slow}, one log line
     * each), and closes it; meanwhile another user's pushes and pulls are all answered. Before,
     * every commit queued an event on every stream without bound, until the heap ran out.
     */
    @Test
    void streamsThatNeverReadAreEndedWhileOthersAreServed() throws Exception {
        String attacked = zone();
        double slowBefore = metric("fastsync.changes.ended", "reason=too-slow");
        List<RawSubscriber> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                RawSubscriber s = RawSubscriber.open(base, allTypes(attacked), InetAddress.getLoopbackAddress());
                stalled.add(s);
                // The status line, and not a byte more: from here on, this subscriber reads nothing.
                assertEquals(200, s.status(), "stream " + (i + 1));
            }

            AtomicBoolean attacking = new AtomicBoolean(true);
            List<String> othersRefused = new CopyOnWriteArrayList<>();
            List<Long> othersMillis = new CopyOnWriteArrayList<>();
            Thread other = new Thread(() -> {
                String mine = zone();
                for (int n = 0; attacking.get(); n++) {
                    long started = System.nanoTime();
                    Http.Answer pushed = Http.post(
                            base,
                            "push",
                            typeScriptPush("T0", mine, typeScriptObject("T0", mine, "m" + n, 0, 1000, "\"n\": 1")));
                    Http.Answer pulled = Http.post(base, "pull", dartPull("T0", mine, 0));
                    othersMillis.add((System.nanoTime() - started) / 1_000_000);
                    if (pushed.status() != 200 || pulled.status() != 200) {
                        othersRefused.add(pushed.status() + "/" + pulled.status());
                    }
                }
            });
            other.start();
            int pushes = 0;
            try {
                // Bounded: the streams are ended long before, or the server does not end them.
                while (pushes < 4000
                        && server.lastExported("fastsync.changes.ended", "reason=too-slow") < slowBefore + 16) {
                    for (int i = 0; i < 25; i++, pushes++) {
                        assertEquals(200, pushToEveryType(attacked, pushes).status(), "the attacker's own push");
                    }
                }
            } finally {
                attacking.set(false);
                other.join();
            }
            System.out.printf(
                    "stalled streams ended after %d pushes; another user's push + pull: %d pairs, max %d ms%n",
                    pushes,
                    othersMillis.size(),
                    othersMillis.stream().mapToLong(Long::longValue).max().orElse(0));
            assertEquals(
                    slowBefore + 16, metric("fastsync.changes.ended", "reason=too-slow"), "every stalled stream ended");
            assertTrue(metric("fastsync.changes.folded") > 0, "commits were folded, not queued");
            assertEquals(List.of(), othersRefused, "another user's pushes and pulls are answered");
            assertFalse(othersMillis.isEmpty());
            for (RawSubscriber s : stalled) {
                String written = s.readToEnd(Duration.ofSeconds(60));
                assertTrue(written.length() < 4 * 1024 * 1024, "what an ended stream had been written is bounded");
                assertFalse(written.contains("event: closing"), "a stream too slow to read is told nothing more");
            }
            String log = server.process().logOfThisRun();
            assertFalse(log.contains("OutOfMemoryError"), "no OutOfMemoryError");
            assertEquals(
                    16,
                    log.lines().filter(l -> l.contains("(too-slow)")).count(),
                    "one log line per stream ended as too slow");
        } finally {
            stalled.forEach(RawSubscriber::close);
        }
    }

    /** HEAD opens nothing: it is refused, holds no stream and leaves no socket behind. */
    @Test
    void headOpensNoStream() throws Exception {
        String z = zone();
        for (int i = 0; i < 20; i++) {
            Http.Answer head = Http.send(
                    base.resolve("changes?metadata="
                            + java.net.URLEncoder.encode(
                                    ChangeStream.cursor("T0", z, 0), java.nio.charset.StandardCharsets.UTF_8)),
                    "HEAD");
            assertEquals(405, head.status(), "HEAD " + i);
            assertEquals("GET", head.header("Allow"));
        }
        assertEquals(0, metric("fastsync.changes.open"), "no stream is held");
        assertEquals(List.of(), server.process().closeWaitSockets(), "no socket is left half-closed");
        try (ChangeStream stream = ChangeStream.open(base, ChangeStream.cursor("T0", z, 0))) {
            assertEquals(200, stream.status(), "the caller's own streams are not refused");
        }
    }

    /** Every broken {@code metadata}: 400 with a problem body, and no stream. */
    @Test
    void brokenMetadataIsRefusedAndOpensNothing() throws Exception {
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("metadata=%ff%fe", "malformed-json");
        broken.put("metadata=%zz", "malformed-json");
        broken.put("metadata=%7B%22T0%22%3A%7B%22syncZone%22%3A%22%ff%22%7D%7D", "malformed-json");
        broken.put("metadata=%7B%22T0%22%3A%7B%22syncZone%22%3A%22%C3%28%22%7D%7D", "malformed-json");
        broken.put("metadata=%7B%22T0%22%3A%7B%22syncZone%22%3A%22z%22%7D%7D%", "malformed-json");
        broken.put("metadata=%7B%22T0%22%3A%7B%22syncZone%22%3A%22z%22%7D%7D&metadata=%7B%7D", "malformed-json");
        broken.put("metadata=%5B1%5D", "invalid-field");
        broken.put("metadata=", "invalid-field");
        broken.put("other=1", "invalid-field");
        broken.put("metadata=%7B%22T0%22%3A%20", "malformed-json");
        broken.put("metadata=" + "%7B".repeat(2_000), "malformed-json");
        for (Map.Entry<String, String> b : broken.entrySet()) {
            String query = b.getKey();
            String shown = query.length() > 80 ? query.substring(0, 80) + "…" : query;
            RawSubscriber.Answer answer = RawSubscriber.refusal(base, query);
            assertEquals(400, answer.status(), shown);
            assertTrue(
                    answer.head().toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"),
                    shown);
            jakarta.json.JsonObject problem = jakarta.json.Json.createReader(new java.io.StringReader(answer.body()))
                    .readObject();
            assertEquals(b.getValue(), problem.getString("code"), shown + ": " + problem);
            assertFalse(problem.getBoolean("success"), shown);
        }
        // A byte outside ASCII, sent as it is rather than percent-encoded.
        try (RawSubscriber raw = RawSubscriber.openRaw(
                base,
                "metadata=%7B%22T0%22%3A%7B%22syncZone%22%3A%22\u00e9%22%7D%7D",
                InetAddress.getLoopbackAddress())) {
            assertEquals(400, raw.status(), "a raw byte that is not ASCII");
        }
        assertEquals(0, metric("fastsync.changes.open"), "no stream was opened");
    }

    /**
     * In trust mode the per-caller limit counts a machine, not one of its addresses: streams
     * from 127.0.0.1 and 127.0.0.2 count together, and the seventeenth, from 127.0.0.3, is
     * refused. Before, each address had a quota of its own.
     */
    @Test
    void aMachineIsOneCallerWhicheverOfItsAddressesItUses() throws Exception {
        String z = zone();
        List<RawSubscriber> held = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                RawSubscriber s = RawSubscriber.open(
                        base,
                        ChangeStream.cursor("T0", z, 0),
                        InetAddress.getByName(i % 2 == 0 ? "127.0.0.1" : "127.0.0.2"));
                held.add(s);
                assertEquals(200, s.status(), "stream " + (i + 1));
            }
            try (RawSubscriber refused =
                    RawSubscriber.open(base, ChangeStream.cursor("T0", z, 0), InetAddress.getByName("127.0.0.3"))) {
                assertEquals(429, refused.status(), "the machine holds its quota already");
            }
        } finally {
            held.forEach(RawSubscriber::close);
        }
    }
}

package io.fastsync.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.testsupport.Tokens;
import io.fastsync.testsupport.http.Http;
import io.fastsync.testsupport.server.PayaraMicroServer;
import io.fastsync.wire.testing.CapturedBodies;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The 24 request bodies that the original TypeScript client 1.0.4 sent (captured in
 * {@code fixtures/ts-client-1.0.4}, whose README says what each exchange shows), sent in order to a
 * fresh standalone server on its embedded default database, as they are, each answer checked.
 * The one deliberate difference from the captures' README: exchange 16 is an edit from a base the
 * Note never had (1001), so it is a conflict that timestamp-ordering settles for B's later edit,
 * which A then receives. Then the same exchanges with the numbers written the way the Dart
 * clients write them (versions as {@code 5.0}, timestamps as microsecond doubles).
 */
class TypeScriptClientReplayIT {

    private static final String ONE = "15335ffd-d99d-458b-9919-513b77ddbd90";
    private static final String TWO = "3d1ce49d-b28f-4acb-8cc2-b028f85fad05";
    private static final String THREE = "ab278ed8-e55b-4ffd-b7ad-d776bdac2e56";
    private static final String FOUR = "38c9f053-bed1-4a49-9597-c34390f389b3";
    private static final String NOTE = "152bb900-9956-42c4-8976-e2f1a6ebbc9c";
    private static final String BOARD = "50e1f544-adcf-44d1-a4d0-dad259fee0f5";

    @Test
    void theCapturedBodiesAsTheyAre() throws Exception {
        replay(UnaryOperator.identity(), "ts", Map.of(), null);
    }

    @Test
    void theCapturedBodiesWithNumbersAsTheDartClientsWriteThem() throws Exception {
        replay(TypeScriptClientReplayIT::asDartWritesNumbers, "dart", Map.of(), null);
    }

    /**
     * Token mode: the same bodies, unchanged, with the bearer header an application adds to the
     * old client's requests. The token grants its subject's zone and the group that writes the
     * global Board. The server reads the issuer's key set over HTTP, as from an identity provider.
     */
    @Test
    void theCapturedBodiesWithABearerTokenInTokenMode() throws Exception {
        Tokens tokens = new Tokens("replay-key");
        byte[] keySet = tokens.publicKeySet().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        com.sun.net.httpserver.HttpServer issuer =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        issuer.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keySet.length);
            exchange.getResponseBody().write(keySet);
            exchange.close();
        });
        issuer.start();
        try {
            Map<String, String> security = new LinkedHashMap<>(tokens.serverEnvironment(null));
            security.put(
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                    "http://127.0.0.1:" + issuer.getAddress().getPort() + "/.well-known/jwks.json");
            String token = tokens.token("fixture-alice", Map.of("groups", List.of("fastsync-global-writer")));
            replay(UnaryOperator.identity(), "token", security, Tokens.bearer(token));
        } finally {
            issuer.stop(0);
        }
    }

    private void replay(UnaryOperator<String> encoding, String name, Map<String, String> security, String authorization)
            throws Exception {
        Path data = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "replay-" + name);
        Map<String, String> environment = new LinkedHashMap<>(Map.of(
                "FASTSYNC_DATA_DIR",
                data.toString(),
                "FASTSYNC_TYPES",
                "Item,Note,Board",
                "FASTSYNC_TYPE_NOTE_CONFLICTS",
                "timestamp-ordering",
                "FASTSYNC_TYPE_BOARD_ZONE",
                "global"));
        environment.putAll(security);
        PayaraMicroServer server = new PayaraMicroServer(environment, data.resolve("server.log"));
        server.start();
        try {
            // A clean start says what is served, from which database and under which zone rule, and
            // warns of nothing that is not a problem.
            String started = server.logOfThisRun();
            assertTrue(
                    started.contains("FastSync serves Item (restricted, last-writer-wins), Note (restricted,"
                            + " timestamp-ordering), Board (global, last-writer-wins) on H2 "),
                    started);
            assertTrue(started.contains("schema version 8 created"), started);
            assertTrue(
                    started.contains(
                            authorization == null
                                    ? "FastSync trusts the zone named in each request"
                                    : "FastSync security: token mode"),
                    started);
            server.assertStartedClean(authorization == null, "warnings of a clean start");
            if (authorization == null) {
                assertServesThisMachineOnly(server.base(), server);
            }

            Exchanges x = new Exchanges(server.base(), encoding, authorization);
            x.pulled("s1-01-A-pull", Map.of());
            x.pushed("s1-02-A-push", applied(ONE, 1), applied(TWO, 2), applied(THREE, 3));
            x.pulled(
                    "s1-03-A-pull",
                    Map.of("Item", 3L),
                    live("Item", ONE, 1),
                    live("Item", TWO, 2),
                    live("Item", THREE, 3));
            x.pulled(
                    "s2-04-B-pull",
                    Map.of("Item", 3L),
                    live("Item", ONE, 1),
                    live("Item", TWO, 2),
                    live("Item", THREE, 3));
            x.pushed("s2-05-B-push", applied(ONE, 4));
            x.pushed("s2-06-B-push", new Result(TWO, "applied", null, 5, true));
            x.pulled(
                    "s3-07-A-pull",
                    Map.of("Item", 5L),
                    new Delivered("Item", ONE, 4, false, 1),
                    new Delivered("Item", TWO, 5, true, 2));
            x.pushed("s3-08-A-push", applied(ONE, 6));
            x.pushed("s4-09-A-push", applied(THREE, 7));
            x.pushed("s4-10-B-push", new Result(THREE, "resolved", "client", 8, false));
            JsonArray items = x.pulled("s4-11-A-pull", Map.of("Item", 8L), live("Item", ONE, 6), live("Item", THREE, 8))
                    .getJsonArray("Item");
            assertEquals(
                    "three: B offline edit",
                    items.getJsonObject(1).getString("name"),
                    "B's copy won under last-writer-wins");
            x.pulled(
                    "s4-12-B-pull",
                    Map.of("Item", 8L),
                    new Delivered("Item", TWO, 5, true, 2),
                    live("Item", ONE, 6),
                    live("Item", THREE, 8));
            x.pushed("s5-13-A-push", applied(NOTE, 1));
            x.pulled("s5-14-B-pull", Map.of("Note", 1L), new Delivered("Note", NOTE, 1, false, 0));
            x.pushed("s5-15-B-push", applied(NOTE, 2));
            // A edits from version 1001: it never pulled the Note after its own push. The server does
            // not know what A saw, so the strategy decides, and B's edit is stamped later.
            Result conflict = new Result(NOTE, "resolved", "server", 3, false);
            assertEquals(
                    "timestamp-ordering",
                    x.pushed("s5-16-A-push", conflict)
                            .getJsonArray("Note")
                            .getJsonObject(0)
                            .getString("strategy"));
            JsonObject note = x.pulled("s5-17-A-pull", Map.of("Note", 3L), live("Note", NOTE, 3))
                    .getJsonArray("Note")
                    .getJsonObject(0);
            assertEquals("milk, eggs (B)", note.getString("body"), "A receives B's later edit");
            assertEquals(
                    1_796_112_961_855_000L,
                    note.getJsonObject("metadata").getJsonNumber("timestamp").longValue());
            note = x.pulled("s5-18-B-pull", Map.of("Note", 3L), live("Note", NOTE, 3))
                    .getJsonArray("Note")
                    .getJsonObject(0);
            assertEquals("milk, eggs (B)", note.getString("body"));
            x.pushed("s6-19-C-push", applied(BOARD, 1));
            JsonObject board = x.pulled("s6-20-A-pull", Map.of("Board", 1L), live("Board", BOARD, 1))
                    .getJsonArray("Board")
                    .getJsonObject(0);
            assertEquals("Global", board.getJsonObject("metadata").getString("syncZone"));
            x.pulled(
                    "s7-21-A-pull",
                    Map.of("Item", 8L, "Note", 3L, "Board", 1L),
                    new Delivered("Item", TWO, 5, true, 2),
                    live("Item", ONE, 6),
                    live("Item", THREE, 8),
                    live("Note", NOTE, 3),
                    live("Board", BOARD, 1));
            x.pulled("s7-22-A-pull", Map.of());
            x.pushed("s8-23-A-push", applied(FOUR, 9));
            x.pulled("s8-24-A-pull", Map.of("Item", 9L), new Delivered("Item", FOUR, 9, false, 0));

            // An operator sees every refused request in the log, with what, where and who.
            Http.Answer refused = Http.post(
                    server.base(),
                    "push",
                    "{\"data\": {\"Item\": [{\"id\": \"x\", \"metadata\": "
                            + "{\"version\": \"two\", \"syncOperation\": 1}}]}, \"operationMetadata\": {\"metadata\": {\"Item\": {\"syncZone\": \"fixture-alice\"}}}}",
                    authorization == null ? new String[0] : new String[] {"Authorization", authorization});
            assertEquals(400, refused.status());
            String line = waitForLogLine(server, "FastSync refused POST /push from 127.0.0.1: 400 invalid-field");
            assertTrue(line.contains("type Item, id x, at /data/Item/0/metadata/version"), line);
        } finally {
            server.stop();
        }
    }

    /**
     * In trust mode the launcher binds HTTP to 127.0.0.1: the same port on this machine's other
     * addresses refuses connections. (Checked on the machine's own addresses, so no test server
     * ever listens beyond it.)
     */
    private static void assertServesThisMachineOnly(URI base, PayaraMicroServer server) throws IOException {
        // Every socket the server listens on is on the loopback address: HTTP, and no data grid
        // (Payara Micro's Hazelcast listened on port 6900 of every interface).
        List<String> listening = server.listeningAddresses();
        assertTrue(
                listening.stream().anyMatch(a -> a.endsWith(":" + base.getPort())),
                "the HTTP port among the listening sockets " + listening);
        for (String address : listening) {
            String host = address.substring(0, address.lastIndexOf(':'));
            assertTrue(
                    java.net.InetAddress.getByName(host).isLoopbackAddress()
                            || host.equals("0:0:0:0:0:ffff:7f00:1")
                            || host.startsWith("127."),
                    "the server listens on " + address + " (all: " + listening + ")");
        }
        List<java.net.InetAddress> others = new ArrayList<>();
        for (java.net.NetworkInterface nic :
                java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (java.net.InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                if (!a.isLoopbackAddress() && a instanceof java.net.Inet4Address) {
                    others.add(a);
                }
            }
        }
        // A machine with no other address has nothing to check here.
        for (java.net.InetAddress a : others) {
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress(a, base.getPort()), 2000);
                throw new AssertionError("trust mode answers on " + a + ":" + base.getPort());
            } catch (java.net.ConnectException expected) {
                // refused: nothing listens there
            }
        }
    }

    /** Waits for a log line; the 60 s bound is only for a line that never comes, however loaded the machine. */
    private static String waitForLogLine(PayaraMicroServer server, String start)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (true) {
            for (String line : server.logOfThisRun().lines().toList()) {
                if (line.contains(start)) {
                    return line;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no log line with '" + start + "' in\n" + server.logOfThisRun());
            }
            Thread.sleep(100);
        }
    }

    private static Result applied(String id, long version) {
        return new Result(id, "applied", null, version, false);
    }

    private static Delivered live(String type, String id, long version) {
        return new Delivered(type, id, version, false, -1);
    }

    /** One object's result in a push answer. */
    private record Result(String id, String status, String winner, long version, boolean deleted) {}

    /** One object in a pull answer; {@code operation} -1 when any. */
    private record Delivered(String type, String id, long version, boolean deleted, int operation) {}

    /** The exchanges of one replay, each sent as its body is and checked against what must come back. */
    private static final class Exchanges {
        private final URI base;
        private final UnaryOperator<String> encoding;
        private final Map<String, String> writersMetadataId = new java.util.HashMap<>();
        private final String authorization;

        /** @param authorization the Authorization header to add to every request; null for none */
        Exchanges(URI base, UnaryOperator<String> encoding, String authorization) {
            this.base = base;
            this.encoding = encoding;
            this.authorization = authorization;
        }

        /** @return the answer's results by type */
        JsonObject pushed(String file, Result... expected) {
            Http.Answer answer = send(file, "push");
            JsonObject results = answer.body().getJsonObject("data").getJsonObject("results");
            List<Result> got = new ArrayList<>();
            for (String type : results.keySet()) {
                for (JsonValue v : results.getJsonArray(type)) {
                    JsonObject r = v.asJsonObject();
                    got.add(new Result(
                            r.getString("id"),
                            r.getString("status"),
                            r.getString("winner", null),
                            r.getJsonNumber("version").longValue(),
                            r.getBoolean("deleted")));
                }
            }
            assertEquals(List.of(expected), got, file);
            // Where the pushed copy was kept, its metadata id is what later pulls must return.
            JsonObject sent = Json.createReader(new StringReader(CapturedBodies.text(file + ".request.json")))
                    .readObject()
                    .getJsonObject("data");
            for (Result r : got) {
                if (r.status().equals("applied") || "client".equals(r.winner())) {
                    sent.values().stream()
                            .flatMap(list -> list.asJsonArray().stream())
                            .map(JsonValue::asJsonObject)
                            .filter(o -> o.getString("id").equals(r.id()))
                            .findFirst()
                            .ifPresent(o -> writersMetadataId.put(
                                    r.id(), o.getJsonObject("metadata").getString("id")));
                }
            }
            return results;
        }

        /** @return the answer's objects by type */
        JsonObject pulled(String file, Map<String, Long> cursors, Delivered... expected) {
            Http.Answer answer = send(file, "pull");
            assertFalse(answer.body().getBoolean("hasMore"), file);
            JsonObject payload = answer.body().getJsonObject("data");
            Map<String, Long> gotCursors = new LinkedHashMap<>();
            payload.getJsonObject("operationMetadata").getJsonObject("metadata").forEach((type, cursor) -> {
                JsonObject c = cursor.asJsonObject();
                assertEquals(type, c.getString("id"), file + ": a cursor's id is its type, as old clients expect");
                gotCursors.put(type, c.getJsonNumber("version").longValue());
            });
            assertEquals(cursors, gotCursors, file + ": cursors");
            List<Delivered> got = new ArrayList<>();
            JsonObject data = payload.getJsonObject("data");
            for (String type : data.keySet()) {
                for (JsonValue v : data.getJsonArray(type)) {
                    JsonObject o = v.asJsonObject();
                    JsonObject m = o.getJsonObject("metadata");
                    got.add(new Delivered(
                            type,
                            o.getString("id"),
                            m.getJsonNumber("version").longValue(),
                            o.getBoolean("deleted"),
                            m.getInt("syncOperation")));
                    assertEquals(
                            writersMetadataId.get(o.getString("id")),
                            m.getString("id"),
                            file + ": the metadata id of the copy's writer, as its body held it");
                    assertEquals(m.getString("id"), o.getString("metadataId"), file);
                }
            }
            List<Delivered> wanted = new ArrayList<>();
            for (int i = 0; i < expected.length; i++) {
                Delivered e = expected[i];
                wanted.add(
                        e.operation() >= 0
                                ? e
                                : new Delivered(
                                        e.type(),
                                        e.id(),
                                        e.version(),
                                        e.deleted(),
                                        got.size() > i ? got.get(i).operation() : -1));
            }
            assertEquals(wanted, got, file + ": objects delivered");
            return data;
        }

        private Http.Answer send(String file, String path) {
            String body = encoding.apply(CapturedBodies.text(file + ".request.json"));
            Http.Answer answer = authorization == null
                    ? Http.post(base, path, body, "Content-Type", "application/json")
                    : Http.post(base, path, body, "Content-Type", "application/json", "Authorization", authorization);
            assertEquals(200, answer.status(), file + ": " + answer.body());
            assertTrue(answer.body().getBoolean("success"), file);
            return answer;
        }
    }

    /**
     * The same body with its numbers as the Dart clients write them: versions and operation codes
     * as doubles ({@code 5.0}), timestamps as microseconds in a double ({@code 1796112961048000.0}).
     */
    static String asDartWritesNumbers(String body) {
        return rewrite(Json.createReader(new StringReader(body)).readValue(), null)
                .toString();
    }

    private static JsonValue rewrite(JsonValue value, String key) {
        if (value instanceof JsonObject o) {
            var b = Json.createObjectBuilder();
            o.forEach((k, v) -> b.add(k, rewrite(v, k)));
            return b.build();
        }
        if (value instanceof JsonArray a) {
            var b = Json.createArrayBuilder();
            a.forEach(v -> b.add(rewrite(v, null)));
            return b.build();
        }
        if (value instanceof JsonNumber n && key != null) {
            return switch (key) {
                case "version", "syncOperation" -> Json.createValue(new BigDecimal(n.longValueExact() + ".0"));
                case "timestamp" ->
                    Json.createValue(
                            new BigDecimal(n.bigDecimalValue().movePointRight(6).toBigInteger() + ".0"));
                default -> value;
            };
        }
        return value;
    }
}

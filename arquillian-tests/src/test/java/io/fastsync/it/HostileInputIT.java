package io.fastsync.it;

import static io.fastsync.wire.testing.OldClientBodies.typeScriptFirstPull;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptObject;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptPush;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hostile and malformed requests against the standalone server on PostgreSQL: each is refused
 * with its status and code in a problem body, and the database is exactly as before (every row
 * of every FastSync table, counters and receipts included). The slowest answer is printed. Then a
 * normal push and pull still work.
 */
class HostileInputIT {

    private static final String ZONE = "hostile";

    /** One request and the refusal it must get. */
    private record Case(
            String name, String method, String path, byte[] body, List<String> headers, int status, String code) {}

    private static Case post(String name, String path, String body, int status, String code, String... headers) {
        return new Case(name, "POST", path, body.getBytes(StandardCharsets.UTF_8), List.of(headers), status, code);
    }

    private static String object(String id, String fields) {
        return typeScriptObject("Item", ZONE, id, 0, 1000, fields);
    }

    private static String push(String... objects) {
        return typeScriptPush("Item", ZONE, objects);
    }

    private static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        String ok = push(object("ok", "\"name\": \"a\""));
        c.add(post("not JSON", "push", "{\"data\": ", 400, "malformed-json"));
        c.add(post("empty body", "push", "", 400, "malformed-json"));
        c.add(post("a bare string", "push", "\"push\"", 400, "invalid-field"));
        c.add(post("an array", "push", "[]", 400, "invalid-field"));
        c.add(post("trailing text", "push", ok + " xyz", 400, "malformed-json"));
        c.add(post("two documents", "push", ok + ok, 400, "malformed-json"));
        c.add(post("deep nesting", "push", "[".repeat(5_000) + "]".repeat(5_000), 400, "malformed-json"));
        c.add(post(
                "a 5,000-digit number",
                "push",
                push(object("n", "\"n\": " + "9".repeat(5_000))),
                400,
                "malformed-json"));
        c.add(post(
                "version 1e999999999",
                "push",
                push("{\"id\": \"v\", \"metadata\": {\"version\": 1e999999999, \"syncOperation\": 0}}"),
                400,
                "invalid-field"));
        c.add(post(
                "version -1e999999999",
                "push",
                push("{\"id\": \"v\", \"metadata\": {\"version\": -1e999999999, \"syncOperation\": 0}}"),
                400,
                "invalid-field"));
        c.add(post(
                "version 1e-999999999",
                "push",
                push("{\"id\": \"v\", \"metadata\": {\"version\": 1e-999999999, \"syncOperation\": 0}}"),
                400,
                "invalid-field"));
        c.add(post(
                "version 2.5",
                "push",
                push("{\"id\": \"v\", \"metadata\": {\"version\": 2.5, \"syncOperation\": 0}}"),
                400,
                "invalid-field"));
        c.add(post(
                "version as text",
                "push",
                push("{\"id\": \"v\", \"metadata\": {\"version\": \"2\", \"syncOperation\": 0}}"),
                400,
                "invalid-field"));
        c.add(post(
                "timestamp 1e999999999",
                "push",
                push(
                        "{\"id\": \"t\", \"metadata\": {\"version\": 1000, \"syncOperation\": 0, \"timestamp\": 1e999999999}}"),
                400,
                "invalid-field"));
        c.add(post(
                "negative timestamp",
                "push",
                push("{\"id\": \"t\", \"metadata\": {\"version\": 1000, \"syncOperation\": 0, \"timestamp\": -5}}"),
                400,
                "invalid-field"));
        c.add(post(
                "operation 7",
                "push",
                push("{\"id\": \"o\", \"metadata\": {\"version\": 1000, \"syncOperation\": 7}}"),
                400,
                "invalid-field"));
        c.add(post(
                "no id",
                "push",
                push("{\"metadata\": {\"version\": 1000, \"syncOperation\": 0}}"),
                400,
                "invalid-field"));
        c.add(post(
                "id a number",
                "push",
                push("{\"id\": 5, \"metadata\": {\"version\": 1000, \"syncOperation\": 0}}"),
                400,
                "invalid-field"));
        c.add(post("empty id", "push", push(object("", "")), 400, "invalid-field"));
        c.add(post("id of 201 characters", "push", push(object("i".repeat(201), "")), 400, "invalid-field"));
        c.add(post("NUL in an id", "push", push(object("a\\u0000b", "")), 400, "invalid-field"));
        c.add(post("NUL in a field", "push", push(object("f", "\"name\": \"x\\u0000\"")), 400, "invalid-field"));
        c.add(post("unpaired surrogate in an id", "push", push(object("s\\ud800", "")), 400, "invalid-field"));
        c.add(post(
                "unpaired surrogate in a zone",
                "push",
                typeScriptPush("Item", "\\udfff", typeScriptObject("Item", null, "z", 0, 1000, "")),
                400,
                "invalid-field"));
        c.add(post(
                "a key twice",
                "push",
                "{\"data\": {\"Item\": [], \"Item\": [" + object("d", "")
                        + "]}, \"operationMetadata\": {\"metadata\": {\"Item\": {\"syncZone\": \"" + ZONE + "\"}}}}",
                400,
                "invalid-field"));
        c.add(post(
                "a field key twice",
                "push",
                push(object("k", "\"name\": \"a\", \"name\": \"b\"")),
                400,
                "invalid-field"));
        c.add(post(
                "an unknown type",
                "push",
                typeScriptPush("Nope", ZONE, typeScriptObject("Nope", ZONE, "u", 0, 1000, "")),
                400,
                "unknown-type"));
        c.add(post(
                "a type name of 101 characters",
                "push",
                typeScriptPush("T".repeat(101), ZONE, typeScriptObject(null, ZONE, "u", 0, 1000, "")),
                400,
                "invalid-field"));
        c.add(post(
                "no zone",
                "push",
                "{\"data\": {\"Item\": [" + typeScriptObject("Item", null, "nz", 0, 1000, "") + "]}}",
                400,
                "missing-zone"));
        c.add(post(
                "a zone of 201 characters",
                "push",
                typeScriptPush("Item", "z".repeat(201), typeScriptObject("Item", null, "zl", 0, 1000, "")),
                400,
                "invalid-field"));
        c.add(post(
                "server-owned fields set by the client",
                "push",
                push(
                        "{\"id\": \"m\", \"metadata\": {\"version\": 1000, \"syncOperation\": 0}, \"syncVersion\": 99, \"sync_zone\": \"other\", \"deleted\": \"yes\"}"),
                400,
                "invalid-field"));
        c.add(post(
                "the same id twice in one push",
                "push",
                push(object("twice", ""), object("twice", "")),
                400,
                "invalid-field"));
        c.add(post("data not an object", "push", "{\"data\": [1, 2]}", 400, "invalid-field"));
        c.add(post("objects not an array", "push", "{\"data\": {\"Item\": {\"id\": \"x\"}}}", 400, "invalid-field"));
        c.add(post(
                "an idempotency key of 201 characters",
                "push",
                ok,
                400,
                "invalid-field",
                "Idempotency-Key",
                "k".repeat(201)));
        c.add(post(
                "two different idempotency keys",
                "push",
                ok.substring(0, ok.length() - 1) + ", \"idempotencyKey\": \"a\"}",
                400,
                "invalid-field",
                "Idempotency-Key",
                "b"));
        c.add(post(
                "a form body",
                "push",
                ok,
                415,
                "unsupported-media-type",
                "Content-Type",
                "application/x-www-form-urlencoded"));
        c.add(post(
                "a multipart body",
                "push",
                ok,
                415,
                "unsupported-media-type",
                "Content-Type",
                "multipart/form-data; boundary=x"));
        c.add(post("a page of another origin", "push", ok, 403, "origin-forbidden", "Origin", "https://evil.example"));
        c.add(post("pull: not JSON", "pull", "{", 400, "malformed-json"));
        c.add(post(
                "pull: limit 1e999999999",
                "pull",
                "{\"metadata\": {\"Item\": {\"syncZone\": \"" + ZONE + "\", \"version\": 0}}, \"limit\": 1e999999999}",
                400,
                "invalid-field"));
        c.add(post(
                "pull: limit 0",
                "pull",
                "{\"metadata\": {\"Item\": {\"syncZone\": \"" + ZONE + "\", \"version\": 0}}, \"limit\": 0}",
                400,
                "invalid-field"));
        c.add(post(
                "pull: cursor 1e999999999",
                "pull",
                "{\"metadata\": {\"Item\": {\"syncZone\": \"" + ZONE + "\", \"version\": 1e999999999}}}",
                400,
                "invalid-field"));
        c.add(post(
                "pull: negative cursor",
                "pull",
                "{\"metadata\": {\"Item\": {\"syncZone\": \"" + ZONE + "\", \"version\": -1}}}",
                400,
                "invalid-field"));
        c.add(post("pull: unknown type", "pull", typeScriptFirstPull(ZONE, "Nope"), 400, "unknown-type"));
        c.add(post("pull: no zone", "pull", "{\"metadata\": {\"Item\": {\"version\": 0}}}", 400, "missing-zone"));
        c.add(post("pull: metadata an array", "pull", "{\"metadata\": []}", 400, "invalid-field"));
        c.add(new Case("GET push", "GET", "push", null, List.of(), 405, "method-not-allowed"));
        c.add(new Case("DELETE pull", "DELETE", "pull", null, List.of(), 405, "method-not-allowed"));
        c.add(new Case(
                "another path", "POST", "admin", "{}".getBytes(StandardCharsets.UTF_8), List.of(), 404, "not-found"));
        c.add(new Case(
                "invalid UTF-8",
                "POST",
                "push",
                withByte(push(object("pre#", "")), (byte) 0xff),
                List.of(),
                400,
                "malformed-json"));
        c.add(new Case(
                "an overlong UTF-8 encoding",
                "POST",
                "push",
                withByte(push(object("pre#", "")), (byte) 0xc0),
                List.of(),
                400,
                "malformed-json"));
        return c;
    }

    private static byte[] withByte(String text, byte replacingHash) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '#') {
                bytes[i] = replacingHash;
            }
        }
        return bytes;
    }

    /** Every row of every FastSync table, as text, in a fixed order. */
    private static String fingerprint(String url) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement s = c.createStatement()) {
            for (String table : List.of(
                    "fastsync_version", "fastsync_document", "fastsync_push_receipt", "fastsync_schema_version")) {
                try (ResultSet rows = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        all.append(table);
                        for (int i = 1; i <= columns; i++) {
                            all.append('|').append(rows.getString(i));
                        }
                        all.append('\n');
                    }
                }
            }
        }
        return all.toString();
    }

    /** The server's body deadline in this test, {@code fastsync.http.body-timeout-seconds}. */
    private static final int BODY_TIMEOUT = 10;

    /** More than Payara Micro's 200 request threads. */
    private static final int SLOW_CONNECTIONS = 250;

    /**
     * Connections that send the start of a body and then nothing take no request thread: a normal
     * push is answered while all of them wait, and each of them is answered {@code 408} once the
     * deadline has passed. (With a thread per body, the push waited for the read timeout.)
     */
    private static void slowBodiesHoldNoThread(URI base) throws Exception {
        List<java.net.Socket> slow = new ArrayList<>();
        try {
            long opened = System.nanoTime();
            for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                java.net.Socket s = new java.net.Socket("127.0.0.1", base.getPort());
                s.getOutputStream()
                        .write(("POST " + base.getPath() + "push HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                        + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                slow.add(s);
            }
            long start = System.nanoTime();
            Http.Answer during =
                    Http.post(base, "push", push(object("during-" + UUID.randomUUID(), "\"name\": \"x\"")));
            long took = System.nanoTime() - start;
            assertEquals(200, during.status(), String.valueOf(during.body()));
            assertTrue(
                    System.nanoTime() - opened < BODY_TIMEOUT * 1_000_000_000L,
                    "the push was answered only after the slow bodies' deadline");
            for (java.net.Socket s : slow) {
                assertEquals(0, s.getInputStream().available(), "a slow body was answered before its deadline");
            }
            int timedOut = 0;
            for (java.net.Socket s : slow) {
                s.setSoTimeout((BODY_TIMEOUT + 20) * 1000);
                String answer = answerOf(s);
                assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
                assertTrue(answer.contains("\"code\":\"request-timeout\""), answer);
                timedOut++;
            }
            System.out.printf(
                    "HostileInputIT: a push answered in %d ms while %d connections held half-sent bodies;"
                            + " each of them answered 408 after %d s%n",
                    took / 1_000_000, timedOut, BODY_TIMEOUT);
        } finally {
            for (java.net.Socket s : slow) {
                s.close();
            }
        }
    }

    /** @return the head and body of the answer the server sent on the connection (by its Content-Length) */
    private static String answerOf(java.net.Socket s) throws java.io.IOException {
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        java.io.InputStream in = s.getInputStream();
        try {
            int end = -1;
            while (end < 0) {
                int b = in.read();
                if (b < 0) {
                    throw new AssertionError("the connection ended with: " + got);
                }
                got.write(b);
                String text = got.toString(java.nio.charset.StandardCharsets.UTF_8);
                if (text.endsWith("\r\n\r\n")) {
                    end = got.size();
                }
            }
            String head = got.toString(java.nio.charset.StandardCharsets.UTF_8);
            var length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
                    .matcher(head);
            if (!length.find()) {
                throw new AssertionError("an answer without Content-Length: " + head);
            }
            byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
            return head + new String(body, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("no whole answer on a slow connection; it sent: " + got, e);
        }
    }

    @Test
    void everyHostileRequestIsRefusedExactlyAndChangesNothing() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "hostile");
            Map<String, String> env = new java.util.HashMap<>(ServerProcess.onPostgres(url, "postgres", "postgres"));
            env.put("FASTSYNC_HTTP_BODY_TIMEOUT_SECONDS", String.valueOf(BODY_TIMEOUT));
            ServerProcess server = new ServerProcess(env, dir.resolve("server.log")).start();
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            try {
                URI base = server.base();
                // Something stored first, so that "unchanged" means more than "still empty".
                Http.Answer seeded = Http.post(
                        base, "push", push(object("seed", "\"name\": \"kept\"")), "Idempotency-Key", "seed-key");
                assertEquals(200, seeded.status(), String.valueOf(seeded.body()));
                String before = fingerprint(url);
                List<Case> cases = cases();
                long slowest = 0;
                String slowestName = "";
                for (Case k : cases) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(k.path()))
                            .timeout(Duration.ofSeconds(30))
                            .method(
                                    k.method(),
                                    k.body() == null
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofByteArray(k.body()));
                    boolean typed = false;
                    for (int i = 0; i + 1 < k.headers().size(); i += 2) {
                        request.header(k.headers().get(i), k.headers().get(i + 1));
                        typed |= k.headers().get(i).equalsIgnoreCase("Content-Type");
                    }
                    if (!typed && k.body() != null) {
                        request.header("Content-Type", "application/json");
                    }
                    long start = System.nanoTime();
                    HttpResponse<String> answer;
                    try {
                        answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    } catch (java.io.IOException e) {
                        throw new AssertionError(k.name() + ": no answer (" + e + ")", e);
                    }
                    long took = System.nanoTime() - start;
                    if (took > slowest) {
                        slowest = took;
                        slowestName = k.name();
                    }
                    String what = k.name() + ": " + answer.body();
                    assertEquals(k.status(), answer.statusCode(), what);
                    assertTrue(
                            answer.headers()
                                    .firstValue("Content-Type")
                                    .orElse("")
                                    .startsWith("application/problem+json"),
                            what);
                    assertTrue(answer.body().contains("\"code\":\"" + k.code() + "\""), what);
                    assertTrue(
                            answer.body().length() < 4_000,
                            k.name() + ": an answer of " + answer.body().length() + " characters");
                    assertFalse(
                            answer.body().contains("Exception") || answer.body().contains("at io."), what);
                    assertEquals(before, fingerprint(url), k.name() + ": the database changed");
                }
                System.out.printf(
                        "HostileInputIT: %d hostile requests refused, the database unchanged; slowest answer %d ms (%s)%n",
                        cases.size(), slowest / 1_000_000, slowestName);
                assertTrue(cases.size() >= 50, "cases: " + cases.size());
                slowBodiesHoldNoThread(base);
                // And the server still serves: the seed, the push made during the slow bodies, and this
                // one; the slow bodies wrote nothing.
                Http.Answer pushed = Http.post(base, "push", push(object("after", "\"name\": \"fine\"")));
                assertEquals(200, pushed.status(), String.valueOf(pushed.body()));
                Http.Answer pulled = Http.post(base, "pull", typeScriptFirstPull(ZONE, "Item"));
                assertEquals(200, pulled.status());
                assertEquals(
                        3,
                        pulled.body()
                                .getJsonObject("data")
                                .getJsonObject("data")
                                .getJsonArray("Item")
                                .size());
            } finally {
                server.stop();
            }
        }
    }
}

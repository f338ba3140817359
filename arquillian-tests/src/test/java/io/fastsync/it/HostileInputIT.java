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

    @Test
    void everyHostileRequestIsRefusedExactlyAndChangesNothing() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "hostile");
            Map<String, String> env = new java.util.HashMap<>(ServerProcess.onPostgres(url, "postgres", "postgres"));
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
                // And the server still serves.
                Http.Answer pushed = Http.post(base, "push", push(object("after", "\"name\": \"fine\"")));
                assertEquals(200, pushed.status(), String.valueOf(pushed.body()));
                Http.Answer pulled = Http.post(base, "pull", typeScriptFirstPull(ZONE, "Item"));
                assertEquals(200, pulled.status());
                assertEquals(
                        2,
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

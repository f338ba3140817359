package io.fastsync.system;

import static io.fastsync.wire.testing.OldClientBodies.typeScriptFirstPull;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptObject;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptPush;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.testsupport.FreshDatabase;
import io.fastsync.testsupport.TestDatabases;
import io.fastsync.testsupport.http.Http;
import io.fastsync.testsupport.server.PayaraMicroServer;
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
 * Hostile and malformed requests against the standalone server, on its embedded default database
 * (H2) and on PostgreSQL ({@link HostileInputOnMariaDbIT}: on MariaDB): each is refused with its status and code in a problem body, and the
 * database is exactly as before (every row of every FastSync table, counters, receipts and keyless
 * submissions included). Requests that only a raw socket can send are refused by the container
 * before FastSync sees them: they get their status, and nothing in the answer names what runs the
 * server. The slowest answer is printed. Then slow bodies, and a normal push and pull still work.
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
        c.add(post(
                "more objects than fastsync.push.max-objects",
                "push",
                push(java.util.stream.IntStream.rangeClosed(0, MAX_OBJECTS)
                        .mapToObj(i -> object("many-" + i, ""))
                        .toArray(String[]::new)),
                413,
                "push-too-large"));
        c.add(post(
                "1,000 types in one push",
                "push",
                "{\"data\": {"
                        + java.util.stream.IntStream.range(0, 1_000)
                                .mapToObj(i -> "\"T" + i + "\": []")
                                .collect(java.util.stream.Collectors.joining(", "))
                        + "}}",
                400,
                "unknown-type"));
        c.add(post(
                "1,000 types in one pull",
                "pull",
                "{\"metadata\": {"
                        + java.util.stream.IntStream.range(0, 1_000)
                                .mapToObj(i -> "\"T" + i + "\": {\"syncZone\": \"" + ZONE + "\", \"version\": 0}")
                                .collect(java.util.stream.Collectors.joining(", "))
                        + "}}",
                400,
                "unknown-type"));
        c.add(post(
                "an idempotency key reused for a push into a zone never used",
                "push",
                typeScriptPush("Item", "never-used", typeScriptObject("Item", "never-used", "r", 0, 1000, "")),
                422,
                "idempotency-key-reused",
                "Idempotency-Key",
                "seed-key"));
        c.add(post("a body that is only whitespace", "push", " \n\t ", 400, "malformed-json"));
        c.add(post("a JSON null", "push", "null", 400, "invalid-field"));
        c.add(post("data null", "push", "{\"data\": null}", 400, "invalid-field"));
        c.add(post(
                "pull: limit as text",
                "pull",
                "{\"metadata\": {\"Item\": {\"syncZone\": \"" + ZONE + "\", \"version\": 0}}, \"limit\": \"5\"}",
                400,
                "invalid-field"));
        c.add(new Case(
                "PUT with a body",
                "PUT",
                "push",
                ok.getBytes(StandardCharsets.UTF_8),
                List.of(),
                405,
                "method-not-allowed"));
        c.add(new Case(
                "PATCH with a body",
                "PATCH",
                "pull",
                "{}".getBytes(StandardCharsets.UTF_8),
                List.of(),
                405,
                "method-not-allowed"));
        return c;
    }

    /** The most objects one push may hold in this test, {@code fastsync.push.max-objects}. */
    private static final int MAX_OBJECTS = 50;

    /** The largest body in this test, {@code fastsync.push.max-bytes}. */
    private static final int MAX_BYTES = 64 * 1024;

    /**
     * A request written byte for byte on a socket, as no HTTP client lets one send it.
     *
     * @param code the problem code FastSync answers with; null for a refusal of the container, whose
     *             answer may have no body but must name nothing
     */
    private record RawCase(String name, byte[] bytes, int status, String code) {}

    private static RawCase raw(String name, String head, String body, int status, String code) {
        byte[] h = head.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(h, h.length + b.length);
        System.arraycopy(b, 0, all, h.length, b.length);
        return new RawCase(name, all, status, code);
    }

    /** @return the answer to a raw case, sent whole on a connection of its own */
    private static String rawAnswer(URI base, RawCase k) throws java.io.IOException {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", base.getPort())) {
            s.setSoTimeout((int) NO_ANSWER.toMillis());
            s.getOutputStream().write(k.bytes());
            s.getOutputStream().flush();
            return answerOf(s);
        }
    }

    private static List<RawCase> rawCases(URI base) {
        String path = base.getPath();
        String json = "Content-Type: application/json\n";
        String host = "Host: 127.0.0.1\n";
        String big = push(object("big", "\"pad\": \"" + "x".repeat(MAX_BYTES) + "\""));
        List<RawCase> c = new ArrayList<>();
        c.add(raw(
                "a body over fastsync.push.max-bytes",
                "POST " + path + "push HTTP/1.1\n" + host + json + "Content-Length: "
                        + big.getBytes(StandardCharsets.UTF_8).length + "\n\n",
                big,
                413,
                "push-too-large"));
        c.add(raw(
                "a chunked body over fastsync.push.max-bytes",
                "POST " + path + "push HTTP/1.1\n" + host + json + "Transfer-Encoding: chunked\n\n",
                Integer.toHexString(big.length()) + "\r\n" + big + "\r\n0\r\n\r\n",
                413,
                "push-too-large"));
        c.add(raw(
                "Content-Length and chunked at once",
                "POST " + path + "push HTTP/1.1\n" + host + json + "Content-Length: 5\nTransfer-Encoding: chunked\n\n",
                "0\r\n\r\n",
                400,
                "malformed-json"));
        c.add(raw("TRACE", "TRACE " + path + "push HTTP/1.1\n" + host + "\n", "", 405, null));
        c.add(raw("a path outside FastSync", "GET /admin HTTP/1.1\n" + host + "\n", "", 404, null));
        c.add(raw("the server's root", "GET / HTTP/1.1\n" + host + "\n", "", 404, null));
        c.add(raw("a URL of 100 KB", "GET " + path + "a".repeat(100_000) + " HTTP/1.1\n" + host + "\n", "", 400, null));
        c.add(raw(
                "5,000 headers",
                "POST " + path + "push HTTP/1.1\n" + host + "X-H: v\n".repeat(5_000) + json + "Content-Length: 2\n\n",
                "{}",
                400,
                null));
        c.add(raw(
                "a header of 20 KB",
                "POST " + path + "push HTTP/1.1\n" + host + "X-Big: " + "a".repeat(20_000) + "\n" + json
                        + "Content-Length: 2\n\n",
                "{}",
                400,
                null));
        c.add(raw(
                "bad chunked encoding",
                "POST " + path + "push HTTP/1.1\n" + host + json + "Transfer-Encoding: chunked\n\n",
                "zz\r\n{}\r\n0\r\n\r\n",
                400,
                null));
        c.add(raw(
                "a Content-Length that is no number",
                "POST " + path + "push HTTP/1.1\n" + host + json + "Content-Length: abc\n\n",
                "{}",
                400,
                null));
        c.add(raw(
                "a negative Content-Length",
                "POST " + path + "push HTTP/1.1\n" + host + json + "Content-Length: -5\n\n",
                "{}",
                400,
                null));
        c.add(raw(
                "two Content-Lengths",
                "POST " + path + "push HTTP/1.1\n" + host + json + "Content-Length: 2\nContent-Length: 3\n\n",
                "{}",
                400,
                null));
        c.add(raw(
                "no Host header",
                "POST " + path + "push HTTP/1.1\n" + json + "Content-Length: 2\n\n",
                "{}",
                400,
                null));
        c.add(raw("HTTP/9.9", "GET " + path + "push HTTP/9.9\n" + host + "\n", "", 505, null));
        c.add(raw("a NUL in the path", "GET " + path + "push%00 HTTP/1.1\n" + host + "\n", "", 400, null));
        c.add(raw(
                "a path that climbs out",
                "GET " + path + "..%2f..%2fetc/passwd HTTP/1.1\n" + host + "\n",
                "",
                400,
                null));
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

    /** Opens a connection to the server's database. */
    @FunctionalInterface
    interface Database {
        Connection open() throws java.sql.SQLException;
    }

    /** Every row of every FastSync table, as text, in a fixed order. */
    private static String fingerprint(Database db) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = db.open();
                Statement s = c.createStatement()) {
            for (String table : List.of(
                    "fastsync_version",
                    "fastsync_version_mark",
                    "fastsync_document",
                    "fastsync_push_receipt",
                    "fastsync_submission",
                    "fastsync_schema_version")) {
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

    /**
     * The server's body deadline in this test, {@code fastsync.http.body-timeout-seconds}. The push
     * made while the slow bodies wait must be answered before it: on a 2-core machine kept busy,
     * that push took 100 to 230 ms. Apart from the container's 30 s read timeout and from {@link
     * #NO_ANSWER}, so that a 408 at this deadline is told apart from both.
     */
    private static final int BODY_TIMEOUT = 20;

    /**
     * How long this test waits for an answer that must come, past any deadline of the server's:
     * only a bound for an answer that never comes, however loaded the machine.
     */
    private static final Duration NO_ANSWER = Duration.ofSeconds(120);

    /** More than Payara Micro's 200 request threads. */
    private static final int SLOW_CONNECTIONS = 250;

    /**
     * Connections that send the start of a body and then nothing take no request thread: a normal
     * push is answered while all of them wait, and each of them is answered {@code 408} once the
     * deadline has passed. (With a thread per body, the push waited for the read timeout, and the
     * slow bodies were answered, or dropped, before it.) The test waits for answers, not for a time:
     * what it checks is the order, the push's answer while every slow connection is still open
     * and unanswered, and then each slow connection's 408 naming the server's deadline.
     */
    private static void slowBodiesHoldNoThread(URI base) throws Exception {
        List<java.nio.channels.SocketChannel> slow = new ArrayList<>();
        try {
            long opened = System.nanoTime();
            byte[] start = ("POST " + base.getPath() + "push HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                java.nio.channels.SocketChannel s = java.nio.channels.SocketChannel.open(
                        new java.net.InetSocketAddress("127.0.0.1", base.getPort()));
                slow.add(s);
                java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(start);
                while (bytes.hasRemaining()) {
                    s.write(bytes);
                }
            }
            long begin = System.nanoTime();
            Http.Answer during =
                    Http.post(base, "push", push(object("during-" + UUID.randomUUID(), "\"name\": \"x\"")));
            long took = System.nanoTime() - begin;
            assertEquals(200, during.status(), String.valueOf(during.body()));
            for (java.nio.channels.SocketChannel s : slow) {
                String now = sentSoFar(s);
                assertTrue(
                        now.isEmpty(),
                        "a slow body was answered, or its connection closed, before the push made meanwhile"
                                + " was answered: " + now);
            }
            int timedOut = 0;
            for (java.nio.channels.SocketChannel s : slow) {
                s.socket().setSoTimeout((int) (BODY_TIMEOUT * 1000L + NO_ANSWER.toMillis()));
                String answer = answerOf(s.socket());
                assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
                assertTrue(answer.contains("\"code\":\"request-timeout\""), answer);
                assertTrue(answer.contains("did not arrive within " + BODY_TIMEOUT + " s"), answer);
                timedOut++;
            }
            System.out.printf(
                    "HostileInputIT: a push answered in %d ms while %d connections held half-sent bodies;"
                            + " each of them answered 408 (deadline %d s), the last %d s after the first was opened%n",
                    took / 1_000_000, timedOut, BODY_TIMEOUT, (System.nanoTime() - opened) / 1_000_000_000L);
        } finally {
            for (java.nio.channels.SocketChannel s : slow) {
                s.close();
            }
        }
    }

    /**
     * @return what the server has sent on the connection so far, without waiting: empty while it has
     *         neither answered nor closed it
     */
    private static String sentSoFar(java.nio.channels.SocketChannel s) throws java.io.IOException {
        s.configureBlocking(false);
        try {
            java.nio.ByteBuffer got = java.nio.ByteBuffer.allocate(4096);
            int n = s.read(got);
            if (n < 0) {
                return "(the connection was closed)";
            }
            return new String(got.array(), 0, got.position(), java.nio.charset.StandardCharsets.UTF_8);
        } finally {
            s.configureBlocking(true);
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
            throw new AssertionError("no whole answer within " + s.getSoTimeout() + " ms; it sent: " + got, e);
        }
    }

    /** What no answer may contain: the names of what runs the server. */
    private static final List<String> NAMES =
            List.of("payara", "glassfish", "grizzly", "jersey", "eclipse", "java", "server:", "x-powered-by");

    private static void assertNamesNothing(String name, String answer) {
        String lower = answer.toLowerCase(java.util.Locale.ROOT);
        for (String word : NAMES) {
            assertFalse(lower.contains(word), name + ": the answer names '" + word + "': " + answer);
        }
    }

    /** The settings this test runs the server with, whatever its database. */
    static Map<String, String> limits() {
        return Map.of(
                // every refusal logged, so that the log can be counted
                "FASTSYNC_LOG_REFUSALS_PER_MINUTE", "100000",
                "FASTSYNC_HTTP_BODY_TIMEOUT_SECONDS", String.valueOf(BODY_TIMEOUT),
                "FASTSYNC_PUSH_MAX_OBJECTS", String.valueOf(MAX_OBJECTS),
                "FASTSYNC_PUSH_MAX_BYTES", String.valueOf(MAX_BYTES));
    }

    @Test
    void onTheEmbeddedDefaultDatabase() throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "hostile-h2");
        // The server's own H2 file, opened with AUTO_SERVER so that this test can read it while the
        // server runs: the server's H2 then listens on a port of its own, on the loopback address.
        String url = "jdbc:h2:file:" + dir.resolve("data").resolve("fastsync") + ";AUTO_SERVER=TRUE";
        Map<String, String> env = new java.util.HashMap<>(limits());
        env.put("FASTSYNC_DB_URL", url);
        env.put("FASTSYNC_JAVA_OPTS", "-Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dh2.bindAddress=127.0.0.1");
        PayaraMicroServer server = new PayaraMicroServer(env, dir.resolve("server.log")).start();
        try {
            for (String address : server.listeningAddresses()) {
                String host = address.substring(0, address.lastIndexOf(':'));
                assertTrue(
                        java.net.InetAddress.getByName(host).isLoopbackAddress()
                                || host.equals("0:0:0:0:0:ffff:7f00:1"),
                        "the server listens on " + address);
            }
            suite(server, () -> DriverManager.getConnection(url, "fastsync", "fastsync"));
        } finally {
            server.stop();
        }
    }

    @Test
    void onPostgres() throws Exception {
        try (FreshDatabase pg = TestDatabases.postgres()) {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "hostile-pg");
            Map<String, String> env = new java.util.HashMap<>(pg.serverEnvironment());
            env.putAll(limits());
            PayaraMicroServer server = new PayaraMicroServer(env, dir.resolve("server.log")).start();
            try {
                suite(server, pg::connect);
            } finally {
                server.stop();
            }
        }
    }

    /** Sends every case to the server, checks each answer and the database after it, then the slow bodies. */
    static void suite(PayaraMicroServer server, Database db) throws Exception {
        URI base = server.base();
        HttpClient http = HttpClient.newBuilder().connectTimeout(NO_ANSWER).build();
        // Something stored first, so that "unchanged" means more than "still empty".
        Http.Answer seeded =
                Http.post(base, "push", push(object("seed", "\"name\": \"kept\"")), "Idempotency-Key", "seed-key");
        assertEquals(200, seeded.status(), String.valueOf(seeded.body()));
        String before = fingerprint(db);
        List<Case> cases = cases();
        long slowest = 0;
        String slowestName = "";
        for (Case k : cases) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(k.path()))
                    .timeout(NO_ANSWER)
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
                    answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    what);
            assertTrue(answer.body().contains("\"code\":\"" + k.code() + "\""), what);
            assertTrue(
                    answer.body().length() < 4_000,
                    k.name() + ": an answer of " + answer.body().length() + " characters");
            assertFalse(answer.body().contains("Exception") || answer.body().contains("at io."), what);
            assertNamesNothing(k.name(), answer.headers().map() + answer.body());
            assertEquals(before, fingerprint(db), k.name() + ": the database changed");
        }
        List<RawCase> raws = rawCases(base);
        for (RawCase k : raws) {
            long start = System.nanoTime();
            String answer = rawAnswer(base, k);
            if (answer.startsWith("HTTP/1.1 500 ") && answer.contains("Content-Type: text/html")) {
                // Payara Micro 7.2026.11 has, once in some ten runs of this suite, answered the request
                // with both Content-Length and Transfer-Encoding with its own error page, before
                // FastSync saw it (no refusal logged); the same request again was refused as it should
                // be. Said here and in docs/known-limits.md; the second answer must be the right one.
                System.out.println("HostileInputIT: " + k.name() + ": the container answered 500 with its own page;"
                        + " sent again");
                answer = rawAnswer(base, k);
            }
            long took = System.nanoTime() - start;
            if (took > slowest) {
                slowest = took;
                slowestName = k.name();
            }
            String what = k.name() + ": " + answer;
            assertTrue(answer.startsWith("HTTP/1.1 " + k.status() + " "), what);
            if (k.code() != null) {
                assertTrue(answer.contains("Content-Type: application/problem+json"), what);
                assertTrue(answer.contains("\"code\":\"" + k.code() + "\""), what);
            } else {
                String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
                assertTrue(
                        body.isEmpty() || body.contains("\"code\":\""),
                        k.name() + ": the container answered " + answer);
            }
            assertNamesNothing(k.name(), answer);
            assertEquals(before, fingerprint(db), k.name() + ": the database changed");
        }
        System.out.printf(
                "HostileInputIT: %d hostile requests refused (%d of them below HTTP clients), the database unchanged;"
                        + " slowest answer %d ms (%s)%n",
                cases.size() + raws.size(), raws.size(), slowest / 1_000_000, slowestName);
        assertTrue(cases.size() + raws.size() >= 60, "cases: " + (cases.size() + raws.size()));
        slowBodiesHoldNoThread(base);
        // Each refusal of FastSync's is one line of the log, those of the body reader included: the
        // requests that FastSync answered, and the slow bodies; the container's own refusals are not.
        long answeredByFastSync =
                cases.size() + raws.stream().filter(k -> k.code() != null).count() + SLOW_CONNECTIONS;
        String log = server.logOfThisRun();
        assertEquals(
                answeredByFastSync,
                log.lines().filter(l -> l.contains("FastSync refused ")).count(),
                "refusal lines in the log");
        assertTrue(log.contains("from 127.0.0.1: 408 request-timeout"), "the slow bodies' refusals are logged");
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
    }
}

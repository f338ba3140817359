package io.fastsync.system;

import static io.fastsync.wire.testing.OldClientBodies.typeScriptFirstPull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import io.fastsync.testsupport.Tokens;
import io.fastsync.testsupport.http.Http;
import io.fastsync.testsupport.server.PayaraMicroServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The standalone server in token mode with its issuer's key set at an http URL, as an identity
 * provider publishes it: here an HTTP server of the test's own on 127.0.0.1 that counts its fetches.
 * Each test starts its own FastSync server, with {@code fastsync.security.key-set-refresh-seconds}
 * of {@value #REFRESH_SECONDS}.
 */
class RemoteKeySetIT {

    private static final int REFRESH_SECONDS = 3;

    /** The issuer's key set, served at {@code /jwks.json}: its status and body can change, and each GET is counted. */
    private static final class KeySetServer implements AutoCloseable {

        final AtomicInteger fetches = new AtomicInteger();
        volatile int status = 200;
        volatile String body;
        private final HttpServer http;

        KeySetServer(Tokens... issuers) throws IOException {
            publish(issuers);
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/jwks.json", exchange -> {
                fetches.incrementAndGet();
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            http.start();
        }

        /** Serves the public keys of these issuers, each under its key id. */
        void publish(Tokens... issuers) {
            List<JWK> keys = new ArrayList<>();
            for (Tokens issuer : issuers) {
                try {
                    keys.addAll(JWKSet.parse(issuer.publicKeySet()).getKeys());
                } catch (ParseException e) {
                    throw new IllegalStateException(e);
                }
            }
            body = new JWKSet(keys).toString();
        }

        URI location() {
            return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/jwks.json");
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }

    private static PayaraMicroServer start(KeySetServer keySet, Tokens issuer, String name) throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), name);
        Map<String, String> env = new LinkedHashMap<>(issuer.serverEnvironment(keySet.location()));
        env.put("FASTSYNC_SECURITY_KEY_SET_REFRESH_SECONDS", String.valueOf(REFRESH_SECONDS));
        return new PayaraMicroServer(env, dir.resolve("server.log")).start();
    }

    private static Http.Answer pull(PayaraMicroServer server, Tokens issuer) {
        return Http.post(
                server.base(),
                "pull",
                typeScriptFirstPull("alice", "Item"),
                Tokens.authorization(issuer.token("alice", Map.of())));
    }

    /** Polls until the request is answered with the status; each poll is a request of its own. */
    private static Http.Answer awaitStatus(int status, Supplier<Http.Answer> request, String what)
            throws InterruptedException {
        long deadline =
                System.nanoTime() + Duration.ofSeconds(10L * REFRESH_SECONDS).toNanos();
        Http.Answer last = request.get();
        while (last.status() != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": still " + last.status() + " " + last.body());
            }
            Thread.sleep(100);
            last = request.get();
        }
        return last;
    }

    /** The key set was fetched at most once per refresh interval since {@code since} (System.nanoTime). */
    private static void assertFetchedAtMostOncePerInterval(KeySetServer keySet, int before, long since, String what) {
        long elapsed = System.nanoTime() - since;
        long allowed = 1 + elapsed / Duration.ofSeconds(REFRESH_SECONDS).toNanos();
        int fetched = keySet.fetches.get() - before;
        assertTrue(
                fetched <= allowed,
                what + ": " + fetched + " fetches in " + elapsed / 1_000_000 + " ms, at most " + allowed + " allowed");
    }

    /** No line of the log is a stack frame, and nothing is SEVERE. */
    private static void assertNoStackTrace(String log) {
        List<String> frames = log.lines()
                .filter(l -> l.matches("\\s+at \\S+\\(.*\\)\\s*") || l.contains("[SEVERE]"))
                .toList();
        assertEquals(List.of(), frames, "stack traces in the log");
    }

    @Test
    void tokensOfUnknownKeysAre401WithoutAFetchEachAndANewKeyIsAcceptedAfterTheInterval() throws Exception {
        Tokens issuer = new Tokens("issuer-key-1");
        Tokens rotated = new Tokens("issuer-key-2");
        List<Tokens> strangers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            strangers.add(new Tokens("unknown-key-" + i));
        }
        try (KeySetServer keySet = new KeySetServer(issuer)) {
            PayaraMicroServer server = start(keySet, issuer, "remote-key-set");
            try {
                assertEquals(200, pull(server, issuer).status(), "a token of the published key");
                assertEquals(1, keySet.fetches.get());

                int before = keySet.fetches.get();
                long since = System.nanoTime();
                for (int i = 0; i < strangers.size(); i++) {
                    Http.Answer refused = pull(server, strangers.get(i));
                    assertEquals(401, refused.status(), String.valueOf(refused.body()));
                    assertEquals("unauthenticated", refused.body().getString("code"));
                    assertEquals(
                            "the token is signed with a key this server does not know (kid 'unknown-key-" + i + "')",
                            refused.body().getString("detail"));
                }
                assertFetchedAtMostOncePerInterval(keySet, before, since, "20 tokens of unknown keys");
                assertEquals(200, pull(server, issuer).status(), "the published key still verifies");

                keySet.publish(issuer, rotated);
                before = keySet.fetches.get();
                since = System.nanoTime();
                awaitStatus(200, () -> pull(server, rotated), "a token of the key published later");
                assertFetchedAtMostOncePerInterval(keySet, before, since, "until the new key was accepted");
                assertEquals(200, pull(server, issuer).status());

                String log = server.logOfThisRun();
                assertNoStackTrace(log);
                for (int i = 0; i < strangers.size(); i++) {
                    String line = "FastSync refused POST /pull from 127.0.0.1: 401 unauthenticated: the token is signed"
                            + " with a key this server does not know (kid 'unknown-key-" + i + "')";
                    assertEquals(1, log.lines().filter(l -> l.contains(line)).count(), "one line for each: " + line);
                }
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void aKeySetThatCannotBeFetchedIs503UntilItCanBe() throws Exception {
        Tokens issuer = new Tokens("issuer-key");
        try (KeySetServer keySet = new KeySetServer(issuer)) {
            keySet.status = 503;
            PayaraMicroServer server = start(keySet, issuer, "remote-key-set-down");
            try {
                long since = System.nanoTime();
                for (int i = 0; i < 10; i++) {
                    Http.Answer unavailable = pull(server, issuer);
                    assertEquals(503, unavailable.status(), String.valueOf(unavailable.body()));
                    assertEquals("application/problem+json", unavailable.contentType());
                    assertEquals("key-set-unavailable", unavailable.body().getString("code"));
                    assertFalse(
                            unavailable
                                    .body()
                                    .toString()
                                    .contains(keySet.location().toString()),
                            "the answer does not name the key set's address");
                    int retryAfter = Integer.parseInt(unavailable.header("Retry-After"));
                    assertTrue(retryAfter >= 1 && retryAfter <= REFRESH_SECONDS, "Retry-After: " + retryAfter);
                }
                assertFetchedAtMostOncePerInterval(keySet, 0, since, "10 requests while the key set is down");

                keySet.status = 200;
                awaitStatus(200, () -> pull(server, issuer), "a token once the key set is served");

                String log = server.logOfThisRun();
                assertNoStackTrace(log);
                assertEquals(
                        1,
                        log.lines()
                                .filter(l -> l.contains(
                                        "FastSync cannot fetch the token verification keys from " + keySet.location()))
                                .count(),
                        log);
                assertTrue(
                        log.contains(
                                "FastSync fetched the token verification keys from " + keySet.location() + " again"),
                        log);
            } finally {
                server.stop();
            }
        }
    }
}

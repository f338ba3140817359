package io.fastsync.client.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fastsync.client.SseStub;
import io.fastsync.client.Wire;
import io.fastsync.wire.MessageWriter;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.PullResponse;
import io.fastsync.wire.PushOutcome;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.PushResponse;
import io.fastsync.wire.RequestReader;
import io.fastsync.wire.SyncMetadata;
import io.fastsync.wire.SyncPayload;
import io.fastsync.wire.WireJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP transport against a stub HTTP server on a free port (not the FastSync server). */
class HttpSyncTransportTest {

    private static final PullRequest PULL =
            new PullRequest(Map.of("Item", SyncMetadata.cursor("Item", "user-1", 7)), 100);
    private HttpServer stub;
    private final AtomicReference<HttpExchange> seen = new AtomicReference<>();
    private final AtomicReference<String> seenBody = new AtomicReference<>();

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.stop(0);
        }
    }

    /** Starts a stub that answers every request with this status, content type and body. */
    private HttpSyncTransport answering(int status, String contentType, String body) throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            seen.set(exchange);
            seenBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        stub.start();
        return HttpSyncTransport.to(
                        URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + "/fastsync/"))
                .header("Authorization", "Bearer t0ken")
                .requestTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Test
    void aPullIsPostedToBasePullWithTheHeadersAndItsPageIsRead() throws Exception {
        String page = WireJson.text(out ->
                MessageWriter.writePullResponse(Wire.page(true, Wire.object("Item", "a1", 8, "{\"n\":1}")), out));
        PullResponse answer = answering(200, "application/json", page).pull(PULL);

        assertTrue(answer.hasMore());
        assertEquals("a1", answer.payload().data().get("Item").get(0).id());
        assertEquals("POST", seen.get().getRequestMethod());
        assertEquals("/fastsync/pull", seen.get().getRequestURI().getPath());
        assertEquals("Bearer t0ken", seen.get().getRequestHeaders().getFirst("Authorization"));
        assertEquals("application/json", seen.get().getRequestHeaders().getFirst("Content-Type"));
        PullRequest sent = RequestReader.readPull(Wire.json(seenBody.get()));
        assertEquals(100, sent.limit());
        assertEquals(7L, sent.metadata().get("Item").version());
    }

    @Test
    void aPushIsPostedToBasePushWithItsKeyAndItsResultsAreRead() throws Exception {
        PushRequest push = new PushRequest(new SyncPayload(Map.of(), Map.of()), "k-1");
        PushResponse answer = answering(200, "application/json", """
                {"success": true, "data": {"replayed": true, "results": {"Item": [
                  {"id": "a1", "status": "applied", "version": 10, "deleted": false}]}}}""").push(push);

        assertEquals("/fastsync/push", seen.get().getRequestURI().getPath());
        assertEquals("k-1", Wire.json(seenBody.get()).getString("idempotencyKey"));
        assertTrue(answer.replayed());
        assertEquals(PushOutcome.APPLIED, answer.results().get("Item").get(0).outcome());
    }

    @Test
    void anErrorAnswerBecomesAProblemWithDetailAndPointer() throws Exception {
        HttpSyncTransport transport = answering(422, "application/problem+json", """
                {"success": false, "type": "https://fastsync.io/problems/invalid-field", "status": 422,
                 "code": "invalid-field", "title": "A field has the wrong type or value",
                 "detail": "/data/Item/1/metadata/version must be a whole number, found a string",
                 "errors": [{"type": "Item", "id": "b2", "pointer": "/data/Item/1/metadata/version",
                             "message": "must be a whole number, found a string"}]}""");

        ServerProblemException e = assertThrows(ServerProblemException.class, () -> transport.pull(PULL));

        assertEquals(422, e.status());
        assertEquals("invalid-field", e.problem().code());
        assertEquals(
                List.of("/data/Item/1/metadata/version"),
                e.problem().errors().stream().map(l -> l.pointer()).toList());
        assertEquals(
                "422 invalid-field: /data/Item/1/metadata/version must be a whole number, found a string"
                        + " (at /data/Item/1/metadata/version)",
                e.getMessage());
    }

    @Test
    void anOldServersFailureWithStatus200IsAProblemToo() throws Exception {
        HttpSyncTransport transport =
                answering(200, "application/json", "{\"success\": false, \"detail\": \"zone missing\"}");
        ServerProblemException e = assertThrows(ServerProblemException.class, () -> transport.pull(PULL));
        assertEquals("zone missing", e.problem().detail());
    }

    @Test
    void aProxysHtmlErrorPageBecomesAProblemWithASnippet() throws Exception {
        HttpSyncTransport transport = answering(502, "text/html", "<html><body>Bad   Gateway</body></html>");
        ServerProblemException e = assertThrows(ServerProblemException.class, () -> transport.pull(PULL));
        assertEquals(502, e.status());
        assertTrue(
                e.problem()
                        .detail()
                        .endsWith("/fastsync/pull answered without a FastSync problem body"
                                + " (is it the FastSync base URL, and is the server started?): Bad Gateway"),
                e.problem().detail());
    }

    @Test
    void aSuccessThatIsNotFastSyncIsAnUnexpectedAnswer() throws Exception {
        assertThrows(
                UnexpectedAnswerException.class,
                () -> answering(200, "text/html", "<html>login</html>").pull(PULL));
        stop();
        assertThrows(
                UnexpectedAnswerException.class,
                () -> answering(200, "application/json", "{\"data\": 5}").pull(PULL));
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        HttpSyncTransport transport =
                HttpSyncTransport.to(URI.create("http://127.0.0.1:" + port)).build();
        ServerUnreachableException e = assertThrows(ServerUnreachableException.class, () -> transport.pull(PULL));
        assertEquals("no answer from http://127.0.0.1:" + port + "/pull: connection refused", e.getMessage());
    }

    @Test
    void anAnswerSlowerThanTheRequestTimeoutIsUnreachable() throws Exception {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        stub.start();
        HttpSyncTransport transport = HttpSyncTransport.to(
                        URI.create("http://127.0.0.1:" + stub.getAddress().getPort()))
                .requestTimeout(Duration.ofMillis(200))
                .build();
        ServerUnreachableException e = assertThrows(ServerUnreachableException.class, () -> transport.pull(PULL));
        assertTrue(e.getMessage().contains("no answer within"), e.getMessage());
    }

    @Test
    void onlyHttpAddressesAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> HttpSyncTransport.to(URI.create("ftp://host/fastsync")));
    }

    /** A stub that takes only the token {@code fresh}: 401 with a problem body for any other. */
    private URI acceptingOnly(String good, List<String> tokensSeen) throws IOException {
        String page = WireJson.text(out -> MessageWriter.writePullResponse(Wire.page(false), out));
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            tokensSeen.add(auth);
            exchange.getRequestBody().readAllBytes();
            boolean ok = ("Bearer " + good).equals(auth);
            byte[] bytes = (ok
                            ? page
                            : "{\"success\": false, \"status\": 401, \"code\": \"unauthenticated\","
                                    + " \"detail\": \"the token expired at 2026-12-01T10:00:00Z\", \"errors\": []}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", ok ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(ok ? 200 : 401, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        stub.start();
        return URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + "/fastsync");
    }

    @Test
    void aRefusedTokenIsRefreshedOnceAndTheRequestSentAgain() throws Exception {
        List<String> seenTokens = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Boolean> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpSyncTransport transport = HttpSyncTransport.to(acceptingOnly("fresh", seenTokens))
                .tokens(refresh -> {
                    asked.add(refresh);
                    return refresh ? "fresh" : "expired";
                })
                .build();
        transport.pull(PULL);
        assertEquals(List.of("Bearer expired", "Bearer fresh"), seenTokens);
        assertEquals(List.of(false, true), asked);
    }

    @Test
    void aSecond401IsFinal() throws Exception {
        List<String> seenTokens = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpSyncTransport transport = HttpSyncTransport.to(acceptingOnly("fresh", seenTokens))
                .tokens(BearerTokens.fixed("stale"))
                .build();
        ServerProblemException refused = assertThrows(ServerProblemException.class, () -> transport.pull(PULL));
        assertEquals(401, refused.status());
        assertTrue(refused.getMessage().contains("the token expired"), refused.getMessage());
        assertEquals(List.of("Bearer stale", "Bearer stale"), seenTokens, "asked again once, then given up");
    }

    @Test
    void withoutTokensA401IsNotRetried() throws Exception {
        List<String> seenTokens = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpSyncTransport transport =
                HttpSyncTransport.to(acceptingOnly("fresh", seenTokens)).build();
        assertThrows(ServerProblemException.class, () -> transport.pull(PULL));
        assertEquals(1, seenTokens.size());
    }

    @Test
    void closingEventsCarryTheirReasonAndNoneWhenTheDataHasNone() throws Exception {
        try (SseStub sse = new SseStub()) {
            sse.thenStream(stream -> stream.send("ready", "{\"types\":1}")
                    .send("closing", "{\"reason\":\"token-expired\"}")
                    .send("closing", "{\"reason\":\"lifetime\"}")
                    .send("closing", "{\"reason\":\"too-slow\"}")
                    .send("closing", "{\"reason\":\"shutdown\"}")
                    .send("closing", "{\"reason\":\"moved\"}")
                    .send("closing", "{}")
                    .send("closing", "bye"));
            List<ChangeEvents.Event> events = new java.util.ArrayList<>();
            try (ChangeEvents stream = HttpSyncTransport.to(sse.base()).build().changes(PULL)) {
                for (ChangeEvents.Event e; (e = stream.next()) != null; ) {
                    events.add(e);
                }
            }
            assertEquals(
                    java.util.Arrays.asList(
                            null, "token-expired", "lifetime", "too-slow", "shutdown", "moved", null, null),
                    events.stream().map(ChangeEvents.Event::reason).toList());
            assertEquals("ready", events.get(0).name());
            assertTrue(events.stream().skip(1).allMatch(e -> e.name().equals("closing")));
        }
    }

    @Test
    void aClosingsReasonGivesTheWindowOfTheWaitBeforeOpeningAgain() {
        java.util.function.Function<String, Duration> window =
                reason -> ChangeEvents.reconnectWindow(new ChangeEvents.Event("closing", null, null, 0, reason));
        assertEquals(Duration.ofSeconds(1), window.apply(ChangeEvents.TOKEN_EXPIRED));
        assertEquals(Duration.ofSeconds(1), window.apply(ChangeEvents.LIFETIME));
        assertEquals(Duration.ofSeconds(5), window.apply(ChangeEvents.TOO_SLOW));
        assertEquals(Duration.ofSeconds(5), window.apply(ChangeEvents.SHUTDOWN));
        assertEquals(Duration.ofSeconds(5), window.apply(null));
        assertEquals(Duration.ofSeconds(5), window.apply("moved"));
        assertEquals(Duration.ofSeconds(5), ChangeEvents.reconnectWindow(null), "a stream that just ended");
    }

    @Test
    void afterAStreamEndedForItsExpiredTokenTheNextRequestAsksTheSupplierForAFreshOne() throws Exception {
        try (SseStub sse = new SseStub()) {
            sse.thenStream(stream -> stream.send("ready", "{}").send("closing", "{\"reason\":\"token-expired\"}"));
            AtomicReference<String> cached = new AtomicReference<>("old");
            List<Boolean> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
            HttpSyncTransport transport = HttpSyncTransport.to(sse.base())
                    .tokens(refresh -> {
                        asked.add(refresh);
                        return refresh ? cached.updateAndGet(t -> "new") : cached.get();
                    })
                    .build();
            try (ChangeEvents stream = transport.changes(PULL)) {
                while (stream.next() != null) {
                    // to the end
                }
            }
            sse.accepts = authorization -> !"Bearer old".equals(authorization);

            transport.pull(PULL);
            transport.changes(PULL).close();

            assertEquals(List.of(false, false, true, false), asked, "a fresh token at once, then the cached one");
            assertEquals("Bearer old", sse.streams.get(0).authorization());
            assertEquals(List.of(new SseStub.Request("Bearer new", 7, false)), sse.pulls);
            assertEquals(new SseStub.Request("Bearer new", 7, false), sse.streams.get(1));
        }
    }

    @Test
    void aTokenTheSupplierRenewedByItselfIsSentAsItIsAfterTokenExpired() throws Exception {
        try (SseStub sse = new SseStub()) {
            sse.thenStream(stream -> stream.send("closing", "{\"reason\":\"token-expired\"}"));
            AtomicReference<String> current = new AtomicReference<>("old");
            List<Boolean> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
            HttpSyncTransport transport = HttpSyncTransport.to(sse.base())
                    .tokens(refresh -> {
                        asked.add(refresh);
                        return current.get();
                    })
                    .build();
            try (ChangeEvents stream = transport.changes(PULL)) {
                assertEquals(ChangeEvents.TOKEN_EXPIRED, stream.next().reason());
            }
            current.set("renewed");

            transport.pull(PULL);

            assertEquals(List.of(false, false), asked);
            assertEquals("Bearer renewed", sse.pulls.get(0).authorization());
        }
    }
}

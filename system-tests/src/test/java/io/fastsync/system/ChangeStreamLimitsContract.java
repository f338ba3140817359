package io.fastsync.system;

import static io.fastsync.wire.testing.OldClientBodies.typeScriptObject;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptPush;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.client.LiveSync;
import io.fastsync.client.SyncManager;
import io.fastsync.client.store.MemoryStore;
import io.fastsync.client.transport.HttpSyncTransport;
import io.fastsync.client.type.Zone;
import io.fastsync.testsupport.Tokens;
import io.fastsync.testsupport.http.ChangeStream;
import io.fastsync.testsupport.http.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The limits and ends of change streams in token mode, where each test owns its callers (a
 * subject of its own): the per-caller and per-instance limits, a stream ending at its token's
 * expiry and at the end of its lifetime with the reason, and the Java client in live mode
 * carrying on across those ends with fresh tokens, missing no commit. The server allows no clock
 * skew, at most 20 streams, and a lifetime of 8 s.
 */
abstract class ChangeStreamLimitsContract extends ChangeStreamSuite {

    private static final Tokens TOKENS = new Tokens("stream-limits-key");
    private static final int LIFETIME_SECONDS = 8;

    static void startServer(String name, Map<String, String> databaseEnvironment, AutoCloseable database)
            throws Exception {
        Path keys = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), name + "-keys");
        Map<String, String> env = new LinkedHashMap<>(TOKENS.serverEnvironment(TOKENS.writeKeySet(keys)));
        env.putAll(databaseEnvironment);
        env.put("MP_JWT_VERIFY_CLOCK_SKEW", "0");
        env.put("FASTSYNC_CHANGES_MAX_OPEN", "20");
        env.put("FASTSYNC_CHANGES_MAX_LIFETIME_SECONDS", String.valueOf(LIFETIME_SECONDS));
        use(ChangeStreamServer.start(name, env, database));
    }

    private static String subject() {
        return "user-" + UUID.randomUUID();
    }

    /** @return a token of the subject, expiring at the instant given */
    private static String tokenUntil(String subject, Instant expiry) {
        return TOKENS.token(subject, Map.of(), c -> c.expirationTime(Date.from(expiry)));
    }

    private static ChangeStream stream(String subject, String token) {
        return ChangeStream.open(base, ChangeStream.cursor("Item", subject, 0), Tokens.authorization(token));
    }

    /**
     * At most 16 streams per caller; a stream its subscriber closed is let go (at a heartbeat, when
     * writing to it fails) and counts no more. Each caller is a subject of its own here, so what
     * other tests hold never counts.
     */
    @Test
    void aCallerHoldsItsQuotaAndAClosedStreamCountsNoMore() throws Exception {
        String alice = subject();
        String token = TOKENS.token(alice, Map.of());
        List<ChangeStream> held = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                ChangeStream s = stream(alice, token);
                held.add(s);
                assertEquals(200, s.status(), "stream " + (i + 1));
            }
            ChangeStream refused = stream(alice, token);
            assertEquals(429, refused.status());
            assertEquals("too-many-subscriptions", refused.problem().getString("code"));
            ChangeStream other = stream(subject(), TOKENS.token(subject(), Map.of()));
            assertEquals(403, other.status(), "another subject's zone is not alice's");
        } finally {
            held.forEach(ChangeStream::close);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ChangeStream again = stream(alice, token);
        while (again.status() == 429 && System.nanoTime() < deadline) {
            again.problem();
            Thread.sleep(200);
            again = stream(alice, token);
        }
        try (ChangeStream s = again) {
            assertEquals(200, s.status(), "closed streams are let go");
            assertEquals("ready", s.next(Duration.ofSeconds(10)).name());
            assertEquals("comment", s.nextOrHeartbeat(Duration.ofSeconds(10)).name(), "a heartbeat comment");
        }
    }

    /** The instance holds at most fastsync.changes.max-open streams, whoever asks: then 503 with Retry-After. */
    @Test
    void theInstanceHoldsAtMostItsLimit() throws Exception {
        List<ChangeStream> held = new ArrayList<>();
        try {
            for (int caller = 0; caller < 4; caller++) {
                String s = subject();
                String token = TOKENS.token(s, Map.of());
                for (int i = 0; i < 5; i++) {
                    ChangeStream stream = stream(s, token);
                    held.add(stream);
                    assertEquals(200, stream.status(), "caller " + caller + ", stream " + i);
                }
            }
            String late = subject();
            ChangeStream full = stream(late, TOKENS.token(late, Map.of()));
            assertEquals(503, full.status());
            assertEquals("5", full.header("Retry-After"));
            assertEquals("streams-full", full.problem().getString("code"));
        } finally {
            held.forEach(ChangeStream::close);
        }
    }

    /** A stream ends at its token's expiry: closing, reason token-expired, then the end of the stream. */
    @Test
    void aStreamEndsWhenItsTokenExpires() throws Exception {
        String bob = subject();
        try (ChangeStream s = stream(bob, tokenUntil(bob, Instant.now().plusSeconds(3)))) {
            assertEquals(200, s.status());
            assertEquals("ready", s.next(Duration.ofSeconds(10)).name());
            ChangeStream.Event closing = s.next(Duration.ofSeconds(30));
            assertNotNull(closing, "the stream ended");
            assertEquals("closing", closing.name());
            assertEquals("token-expired", closing.data().getString("reason"));
            assertEquals("end", s.next(Duration.ofSeconds(30)).name(), "and the server closed it");
        }
    }

    /** Every stream ends after its lifetime, so that its caller is authorised again: reason lifetime. */
    @Test
    void aStreamEndsAfterItsLifetime() throws Exception {
        String carol = subject();
        try (ChangeStream s = stream(carol, TOKENS.token(carol, Map.of()))) {
            assertEquals(200, s.status());
            assertEquals("ready", s.next(Duration.ofSeconds(10)).name());
            ChangeStream.Event closing = s.next(Duration.ofSeconds(LIFETIME_SECONDS + 30));
            assertNotNull(closing, "the stream ended");
            assertEquals("closing", closing.name());
            assertEquals("lifetime", closing.data().getString("reason"));
        }
    }

    /**
     * The Java client in live mode with tokens that expire every few seconds: its streams end
     * (token-expired, lifetime), it reconnects with a fresh token and its cursors, and every
     * object another writer commits meanwhile reaches its store.
     */
    @Test
    void theJavaClientCarriesOnWithFreshTokensAndMissesNothing() throws Exception {
        String dave = subject();
        AtomicInteger issued = new AtomicInteger();
        SyncManager phone = new SyncManager(
                HttpSyncTransport.to(base)
                        .tokens(refresh -> {
                            issued.incrementAndGet();
                            return tokenUntil(dave, Instant.now().plusSeconds(3));
                        })
                        .build(),
                new MemoryStore());
        var items = phone.registerDocument("Item", Zone.restricted(dave));
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        String writer = TOKENS.token(dave, Map.of());
        int objects = 30;
        try (LiveSync live = phone.startLive(new LiveSync.Listener() {
            @Override
            public void failed(RuntimeException e) {
                failures.add(e);
            }
        })) {
            // One object every half second: the writes span several token expiries and a lifetime.
            for (int i = 0; i < objects; i++) {
                Http.Answer pushed = Http.post(
                        base,
                        "push",
                        typeScriptPush("Item", dave, typeScriptObject("Item", dave, "o" + i, 0, 1000, "\"n\": " + i)),
                        Tokens.authorization(writer));
                assertEquals(200, pushed.status());
                Thread.sleep(500);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (items.count() < objects && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(objects, items.count(), "every commit reached the client's store");
        }
        assertTrue(issued.get() > 2, "the client asked for fresh tokens: " + issued.get());
        assertTrue(
                server.metric("fastsync.changes.ended", "reason=token-expired") > 0,
                "streams ended at their tokens' expiry");
        System.out.println("live mode across expiring tokens: " + issued.get() + " tokens, failures meanwhile: "
                + failures.size());
    }
}

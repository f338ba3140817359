package io.fastsync.rest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.fastsync.config.FastSyncSettings;
import io.fastsync.error.UnauthenticatedException;
import io.fastsync.rest.testing.ManualClock;
import io.fastsync.zone.Caller;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier on its own: each kind of key the settings accept, and the clock skew. */
class TokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String ISSUER = "https://issuer.example";

    @TempDir
    Path dir;

    private static TokenVerifier verifier(Map<String, String> config) {
        return new TokenVerifier(
                FastSyncSettings.read(key -> Optional.ofNullable(config.get(key)))
                        .security(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String token(JWSAlgorithm alg, JWSSigner signer, String kid, Instant exp) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(alg).keyID(kid).build(),
                new JWTClaimsSet.Builder()
                        .subject("alice")
                        .issuer(ISSUER)
                        .expirationTime(Date.from(exp))
                        .claim("tenant", List.of("acme", "initech"))
                        .claim("groups", List.of("fastsync-global-writer"))
                        .build());
        jwt.sign(signer);
        return "Bearer " + jwt.serialize();
    }

    private static String pem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
    }

    @Test
    void aPemFileVerifiesRs256AndTheClaimsBecomeTheCaller() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        Path file = Files.writeString(
                dir.resolve("public.pem"), pem(key.toPublicKey().getEncoded()));
        TokenVerifier v =
                verifier(Map.of("mp.jwt.verify.publickey.location", file.toString(), "mp.jwt.verify.issuer", ISSUER));
        Caller alice = v.verify(token(JWSAlgorithm.RS256, new RSASSASigner(key), "k1", NOW.plusSeconds(60)));
        assertEquals("alice", alice.name());
        assertEquals(List.of("acme", "initech"), alice.claim("tenant"));
        assertTrue(alice.inGroup("fastsync-global-writer"));
    }

    @Test
    void anInlineJwkSetVerifiesEs256ByKeyId() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        ECKey other = new ECKeyGenerator(Curve.P_256).keyID("ec-2").generate();
        String set = new JWKSet(List.of(key.toPublicJWK(), other.toPublicJWK())).toString();
        TokenVerifier v = verifier(Map.of(
                "mp.jwt.verify.publickey", set,
                "mp.jwt.verify.publickey.algorithm", "ES256",
                "mp.jwt.verify.issuer", ISSUER));
        assertEquals(
                "alice",
                v.verify(token(JWSAlgorithm.ES256, new ECDSASigner(key), "ec-1", NOW.plusSeconds(60)))
                        .name());
        UnauthenticatedException wrongKey = assertThrows(
                UnauthenticatedException.class,
                () -> v.verify(token(JWSAlgorithm.ES256, new ECDSASigner(key), "ec-2", NOW.plusSeconds(60))));
        assertTrue(wrongKey.getMessage().contains("signature is not valid"), wrongKey.getMessage());
        UnauthenticatedException rsa = assertThrows(
                UnauthenticatedException.class,
                () -> v.verify(token(
                        JWSAlgorithm.RS256,
                        new RSASSASigner(new RSAKeyGenerator(2048).generate()),
                        "ec-1",
                        NOW.plusSeconds(60))));
        assertTrue(rsa.getMessage().contains("accepts ES256"), rsa.getMessage());
    }

    @Test
    void theClockSkewIsAllowedAndNoMore() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).generate();
        TokenVerifier v = verifier(Map.of(
                "mp.jwt.verify.publickey",
                pem(key.toPublicKey().getEncoded()),
                "mp.jwt.verify.issuer",
                ISSUER,
                "mp.jwt.verify.clock.skew",
                "30"));
        assertEquals(
                "alice",
                v.verify(token(JWSAlgorithm.RS256, new RSASSASigner(key), null, NOW.minusSeconds(29)))
                        .name());
        UnauthenticatedException expired = assertThrows(
                UnauthenticatedException.class,
                () -> v.verify(token(JWSAlgorithm.RS256, new RSASSASigner(key), null, NOW.minusSeconds(31))));
        assertTrue(expired.getMessage().contains("expired at 2026-12-01T11:59:29Z"), expired.getMessage());
    }

    @Test
    void aKeyThatCannotBeReadStopsTheServerWithTheSetting() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> verifier(Map.of("mp.jwt.verify.publickey", "not a key", "mp.jwt.verify.issuer", ISSUER)));
        assertTrue(e.getMessage().contains("mp.jwt.verify.publickey"), e.getMessage());
    }

    /** A key set served over HTTP on 127.0.0.1 as an identity provider serves it, counting the fetches. */
    private static final class KeySetServer implements AutoCloseable {

        final AtomicInteger fetches = new AtomicInteger();
        volatile int status = 200;
        volatile JWKSet keys;
        private final HttpServer http;
        private boolean stopped;

        KeySetServer(JWK... keys) throws IOException {
            this.keys = new JWKSet(List.of(keys));
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/jwks.json", exchange -> {
                fetches.incrementAndGet();
                byte[] body = this.keys.toString().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            http.start();
        }

        Map<String, String> config(String... more) {
            Map<String, String> config = new HashMap<>(Map.of(
                    "mp.jwt.verify.publickey.location",
                    "http://127.0.0.1:" + http.getAddress().getPort() + "/jwks.json",
                    "mp.jwt.verify.issuer",
                    ISSUER));
            for (int i = 0; i < more.length; i += 2) {
                config.put(more[i], more[i + 1]);
            }
            return config;
        }

        /** Stops serving: a fetch finds its connection refused. */
        @Override
        public synchronized void close() {
            if (!stopped) {
                stopped = true;
                http.stop(0);
            }
        }
    }

    @Test
    void tokensOfKeysTheRemoteSetLacksAreRefusedWithoutFetchingItForEach() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        try (KeySetServer issuer = new KeySetServer(key.toPublicJWK())) {
            TokenVerifier v = verifier(issuer.config());
            assertEquals(
                    "alice",
                    v.verify(token(JWSAlgorithm.RS256, new RSASSASigner(key), "k1", NOW.plusSeconds(60)))
                            .name());
            for (int i = 0; i < 20; i++) {
                String kid = "unknown-" + i;
                String forged = token(
                        JWSAlgorithm.RS256,
                        new RSASSASigner(new RSAKeyGenerator(2048).generate()),
                        kid,
                        NOW.plusSeconds(60));
                UnauthenticatedException e = assertThrows(UnauthenticatedException.class, () -> v.verify(forged));
                assertEquals(
                        "the token is signed with a key this server does not know (kid '" + kid + "')", e.getMessage());
            }
            assertEquals(1, issuer.fetches.get(), "the key set was fetched once: the clock did not move");
        }
    }

    /** The lines {@link RemoteKeySet} logs while it runs. */
    private static List<LogRecord> logged(Runnable run) {
        List<LogRecord> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord line) {
                lines.add(line);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger(RemoteKeySet.class.getName());
        log.addHandler(handler);
        try {
            run.run();
        } finally {
            log.removeHandler(handler);
        }
        return lines;
    }

    private static String signed(RSAKey key, String kid, Clock clock) {
        try {
            return token(
                    JWSAlgorithm.RS256,
                    new RSASSASigner(key),
                    kid,
                    clock.instant().plusSeconds(600));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertUnknown(TokenVerifier v, String token) {
        UnauthenticatedException e = assertThrows(UnauthenticatedException.class, () -> v.verify(token));
        assertTrue(
                e.getMessage().startsWith("the token is signed with a key this server does not know"), e.getMessage());
    }

    @Test
    void aKeyPublishedLaterIsAcceptedOnceTheRefreshIntervalHasPassedAndNoSooner() throws Exception {
        RSAKey first = new RSAKeyGenerator(2048).keyID("k1").generate();
        RSAKey next = new RSAKeyGenerator(2048).keyID("k2").generate();
        ManualClock clock = new ManualClock(NOW);
        try (KeySetServer issuer = new KeySetServer(first.toPublicJWK())) {
            TokenVerifier v = new TokenVerifier(
                    FastSyncSettings.read(key ->
                                    Optional.ofNullable(issuer.config("fastsync.security.key-set-refresh-seconds", "10")
                                            .get(key)))
                            .security(),
                    clock);
            assertEquals("alice", v.verify(signed(first, "k1", clock)).name());
            issuer.keys = new JWKSet(List.of(first.toPublicJWK(), next.toPublicJWK()));
            assertUnknown(v, signed(next, "k2", clock));
            clock.advance(Duration.ofSeconds(9));
            assertUnknown(v, signed(next, "k2", clock));
            assertEquals(1, issuer.fetches.get(), "not fetched again within the interval");

            clock.advance(Duration.ofSeconds(1));
            assertEquals("alice", v.verify(signed(next, "k2", clock)).name());
            assertEquals(2, issuer.fetches.get());
            for (int i = 0; i < 20; i++) {
                assertUnknown(v, signed(next, "unknown-" + i, clock));
                assertEquals("alice", v.verify(signed(first, "k1", clock)).name());
            }
            assertEquals(2, issuer.fetches.get(), "unknown keys within the interval fetch nothing");
            clock.advance(Duration.ofSeconds(10));
            for (int i = 0; i < 20; i++) {
                assertUnknown(v, signed(next, "unknown-" + i, clock));
            }
            assertEquals(3, issuer.fetches.get(), "one fetch for the unknown keys of the next interval");

            clock.advance(RemoteKeySet.TIME_TO_LIVE);
            assertEquals("alice", v.verify(signed(first, "k1", clock)).name());
            assertEquals(4, issuer.fetches.get(), "an expired key set is fetched again");
        }
    }

    @Test
    void aKeySetNeverFetchedIs503WithRetryAfterAndLoggedOnceAMinuteWithoutStackTraces() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        ManualClock clock = new ManualClock(NOW);
        try (KeySetServer issuer = new KeySetServer(key.toPublicJWK())) {
            issuer.status = 503;
            TokenVerifier v = new TokenVerifier(
                    FastSyncSettings.read(
                                    key1 -> Optional.ofNullable(issuer.config().get(key1)))
                            .security(),
                    clock);
            List<LogRecord> lines = logged(() -> {
                for (int i = 0; i < 20; i++) {
                    KeySetUnavailableException e =
                            assertThrows(KeySetUnavailableException.class, () -> v.verify(signed(key, "k1", clock)));
                    assertEquals(503, e.toProblem().status());
                    assertEquals("key-set-unavailable", e.toProblem().code());
                    assertEquals(30 - i, e.retryAfterSeconds());
                    assertEquals(
                            "the keys that verify tokens cannot be fetched from the identity provider; retry in "
                                    + (30 - i) + " s",
                            e.getMessage());
                    clock.advance(Duration.ofSeconds(1));
                }
                assertEquals(1, issuer.fetches.get(), "fetched once in 20 s");
                clock.advance(Duration.ofSeconds(10));
                assertThrows(KeySetUnavailableException.class, () -> v.verify(signed(key, "k1", clock)));
                assertEquals(2, issuer.fetches.get(), "fetched again after 30 s");
            });
            assertEquals(1, lines.size(), "one line a minute: " + lines.size());
            LogRecord line = lines.get(0);
            assertEquals(Level.WARNING, line.getLevel());
            assertEquals(null, line.getThrown(), "no stack trace");
            String location = issuer.config().get("mp.jwt.verify.publickey.location");
            assertTrue(
                    line.getMessage()
                            .matches("FastSync cannot fetch the token verification keys from " + Pattern.quote(location)
                                    + " \\(IOException: [^)]*503[^)]*\\); requests with tokens are answered 503"
                                    + " key-set-unavailable until it can; it tries again at most every 30 s"),
                    line.getMessage());

            lines = logged(() -> {
                clock.advance(Duration.ofSeconds(30));
                assertThrows(KeySetUnavailableException.class, () -> v.verify(signed(key, "k1", clock)));
                issuer.status = 200;
                clock.advance(Duration.ofSeconds(30));
                assertEquals("alice", v.verify(signed(key, "k1", clock)).name());
            });
            assertEquals(2, lines.size());
            assertTrue(
                    lines.get(0).getMessage().endsWith("(1 more failures since the last line)"),
                    lines.get(0).getMessage());
            assertEquals(Level.INFO, lines.get(1).getLevel());
            assertTrue(
                    lines.get(1).getMessage().endsWith(" again"), lines.get(1).getMessage());
        }
    }

    @Test
    void theKeysFetchedLastVerifyWhileTheKeySetCannotBeFetched() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        ManualClock clock = new ManualClock(NOW);
        try (KeySetServer issuer = new KeySetServer(key.toPublicJWK())) {
            TokenVerifier v = new TokenVerifier(
                    FastSyncSettings.read(
                                    key1 -> Optional.ofNullable(issuer.config().get(key1)))
                            .security(),
                    clock);
            assertEquals("alice", v.verify(signed(key, "k1", clock)).name());
            issuer.close();
            List<LogRecord> lines = logged(() -> {
                clock.advance(RemoteKeySet.TIME_TO_LIVE);
                assertEquals("alice", v.verify(signed(key, "k1", clock)).name());
                assertUnknown(v, signed(key, "k2", clock));
                clock.advance(Duration.ofSeconds(30));
                assertUnknown(v, signed(key, "k2", clock));
                assertEquals("alice", v.verify(signed(key, "k1", clock)).name());
            });
            assertEquals(1, lines.size());
            assertTrue(
                    lines.get(0).getMessage().contains("; the keys fetched at " + NOW + " still verify tokens;"),
                    lines.get(0).getMessage());
            assertEquals(null, lines.get(0).getThrown());
        }
    }
}

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
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.fastsync.config.FastSyncSettings;
import io.fastsync.error.UnauthenticatedException;
import io.fastsync.zone.Caller;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
}

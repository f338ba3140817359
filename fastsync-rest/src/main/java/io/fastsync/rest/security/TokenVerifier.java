package io.fastsync.rest.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.fastsync.config.FastSyncSettings;
import io.fastsync.error.UnauthenticatedException;
import io.fastsync.zone.Caller;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies the bearer tokens of token mode, configured by the standard MicroProfile JWT keys, and
 * says exactly why a token is refused. The JOSE work (parsing, key sets, signatures) is
 * Nimbus JOSE+JWT's; the claim checks are here so that each refusal has its own message. A key set
 * at an http(s) URL is fetched by Nimbus's retriever when {@link RemoteKeySet} says: at most once
 * per {@code fastsync.security.key-set-refresh-seconds}.
 */
public final class TokenVerifier {

    private final JWKSource<SecurityContext> keys;
    private final JWSAlgorithm algorithm;
    private final String issuer;
    private final List<String> audiences;
    private final long skewSeconds;
    private final Clock clock;

    /**
     * @throws IllegalStateException if the configured key cannot be read
     */
    public TokenVerifier(FastSyncSettings.Security security, Clock clock) {
        this.keys = keySource(security, clock);
        this.algorithm = JWSAlgorithm.parse(security.algorithm());
        this.issuer = security.issuer();
        this.audiences = security.audiences();
        this.skewSeconds = security.clockSkewSeconds();
        this.clock = clock;
    }

    /** A verified token: its caller, and the last instant it is accepted (its expiry plus the clock skew allowed). */
    public record Verified(Caller caller, Instant acceptedUntil) {}

    /**
     * @param authorization the request's {@code Authorization} header; may be null
     * @return the caller the token names
     * @throws UnauthenticatedException saying why the token is not accepted
     */
    public Caller verify(String authorization) {
        return check(authorization).caller();
    }

    /**
     * @param authorization the request's {@code Authorization} header; may be null
     * @return the caller the token names, and until when the token is accepted
     * @throws UnauthenticatedException saying why the token is not accepted
     */
    public Verified check(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw refused("no token: send 'Authorization: Bearer <token>'");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw refused("the Authorization header is not a bearer token ('Authorization: Bearer <token>')");
        }
        JWT token;
        try {
            token = JWTParser.parse(authorization.substring(7).trim());
        } catch (ParseException e) {
            throw refused("the token is malformed: " + e.getMessage());
        }
        if (token instanceof PlainJWT) {
            throw refused("the token is not signed (alg: none); tokens must be signed with " + algorithm);
        }
        if (token instanceof EncryptedJWT || !(token instanceof SignedJWT signed)) {
            throw refused("the token is encrypted; tokens must be signed (JWS) with " + algorithm);
        }
        JWSHeader header = signed.getHeader();
        if (!algorithm.equals(header.getAlgorithm())) {
            throw refused("the token is signed with " + header.getAlgorithm() + "; this server accepts " + algorithm);
        }
        verifySignature(signed, header);
        JWTClaimsSet claims = claims(signed);
        return new Verified(
                caller(claims), claims.getExpirationTime().toInstant().plusSeconds(skewSeconds));
    }

    private void verifySignature(SignedJWT signed, JWSHeader header) {
        List<JWK> candidates;
        try {
            candidates = keys.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), null);
            if (candidates.isEmpty() && header.getKeyID() != null) {
                // A key configured without a key id (a PEM key) verifies tokens whatever kid they name.
                candidates = keys
                        .get(
                                new JWKSelector(JWKMatcher.forJWSHeader(new JWSHeader.Builder(header)
                                        .keyID(null)
                                        .build())),
                                null)
                        .stream()
                        .filter(k -> k.getKeyID() == null)
                        .toList();
            }
        } catch (KeySetUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the token verification keys cannot be read: " + e.getMessage(), e);
        }
        if (candidates.isEmpty()) {
            throw refused("the token is signed with a key this server does not know"
                    + (header.getKeyID() != null ? " (kid '" + header.getKeyID() + "')" : ""));
        }
        DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();
        for (JWK key : candidates) {
            try {
                JWSVerifier verifier = verifiers.createJWSVerifier(header, publicKeyOf(key));
                if (signed.verify(verifier)) {
                    return;
                }
            } catch (JOSEException e) {
                // this key does not fit; another may
            }
        }
        throw refused("the token's signature is not valid");
    }

    private static PublicKey publicKeyOf(JWK key) throws JOSEException {
        if (key instanceof RSAKey rsa) {
            return rsa.toPublicKey();
        }
        if (key instanceof ECKey ec) {
            return ec.toPublicKey();
        }
        throw new JOSEException("not an RSA or EC key: " + key.getKeyType());
    }

    private JWTClaimsSet claims(SignedJWT signed) {
        JWTClaimsSet claims;
        try {
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw refused("the token's claims are malformed: " + e.getMessage());
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw refused("the token has no expiry (exp)");
        }
        if (now.isAfter(exp.toInstant().plusSeconds(skewSeconds))) {
            throw refused("the token expired at " + exp.toInstant());
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.isBefore(nbf.toInstant().minusSeconds(skewSeconds))) {
            throw refused("the token is not valid before " + nbf.toInstant());
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw refused(
                    "the token's issuer is " + (claims.getIssuer() == null ? "missing" : "'" + claims.getIssuer() + "'")
                            + "; this server accepts tokens of '" + issuer + "'");
        }
        if (!audiences.isEmpty()
                && (claims.getAudience() == null
                        || claims.getAudience().stream().noneMatch(audiences::contains))) {
            throw refused("the token's audience " + (claims.getAudience() == null ? "[]" : claims.getAudience())
                    + " names none of " + audiences);
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw refused("the token names no subject (sub)");
        }
        return claims;
    }

    private static Caller caller(JWTClaimsSet claims) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> {
            List<String> strings = strings(value);
            if (!strings.isEmpty()) {
                values.put(name, strings);
            }
        });
        return Caller.named(claims.getSubject(), values, values.getOrDefault("groups", List.of()));
    }

    private static List<String> strings(Object value) {
        List<String> strings = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            for (Object v : many) {
                if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                    strings.add(String.valueOf(v));
                }
            }
        } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            strings.add(String.valueOf(value));
        }
        return strings;
    }

    private static UnauthenticatedException refused(String message) {
        return new UnauthenticatedException(message);
    }

    private static JWKSource<SecurityContext> keySource(FastSyncSettings.Security security, Clock clock) {
        try {
            if (security.publicKey() != null) {
                return new ImmutableJWKSet<>(parseKeys(security.publicKey()));
            }
            String location = security.publicKeyLocation();
            if (location.startsWith("http://") || location.startsWith("https://")) {
                URL url = URI.create(location).toURL();
                // Nimbus's defaults for a JWK set URL: 500 ms to connect, 500 ms to read, 50 KiB at most.
                DefaultResourceRetriever retriever = new DefaultResourceRetriever(
                        JWKSourceBuilder.DEFAULT_HTTP_CONNECT_TIMEOUT,
                        JWKSourceBuilder.DEFAULT_HTTP_READ_TIMEOUT,
                        JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT);
                return new RemoteKeySet(
                        location,
                        () -> parseKeys(retriever.retrieveResource(url).getContent()),
                        Duration.ofSeconds(security.keySetRefreshSeconds()),
                        clock);
            }
            Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            return new ImmutableJWKSet<>(parseKeys(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | ParseException | RuntimeException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the token verification key (" + FastSyncSettings.PUBLIC_KEY + " or "
                            + FastSyncSettings.PUBLIC_KEY_LOCATION + ") cannot be read: " + e.getMessage(),
                    e);
        }
    }

    /** @return the keys of a PEM public key, a JWK or a JWK set */
    static JWKSet parseKeys(String text) throws ParseException, java.security.GeneralSecurityException {
        String trimmed = text.trim();
        if (trimmed.startsWith("{")) {
            return trimmed.contains("\"keys\"") ? JWKSet.parse(trimmed) : new JWKSet(JWK.parse(trimmed));
        }
        String base64 =
                trimmed.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        for (String kind : Set.of("RSA", "EC")) {
            try {
                PublicKey key = KeyFactory.getInstance(kind).generatePublic(new X509EncodedKeySpec(der));
                return new JWKSet(
                        key instanceof RSAPublicKey rsa
                                ? new RSAKey.Builder(rsa).build()
                                : new ECKey.Builder(
                                                Curve.forECParameterSpec(((ECPublicKey) key).getParams()),
                                                (ECPublicKey) key)
                                        .build());
            } catch (java.security.spec.InvalidKeySpecException e) {
                // not this kind of key
            }
        }
        throw new java.security.spec.InvalidKeySpecException(
                "not an RSA or EC public key in PEM (X.509 SubjectPublicKeyInfo)");
    }
}

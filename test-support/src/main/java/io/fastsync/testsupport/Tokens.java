package io.fastsync.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.fastsync.testsupport.http.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A token issuer for the tests: an RSA key pair of its own, its public key written as PEM for the
 * server to verify with, and real RS256-signed tokens.
 */
public final class Tokens {

    /** The issuer every token of the tests names. */
    public static final String ISSUER = "https://issuer.fastsync.test";
    /** The audience every token of the tests names, which the servers expect. */
    public static final String AUDIENCE = "fastsync";

    private final KeyPair keys;
    private final String keyId;

    /** A new issuer with an RSA key pair of its own, its keys named by this key id. */
    public Tokens(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.keyId = keyId;
    }

    /** Writes the private key as PEM (PKCS #8), as {@code openssl genpkey} does, and returns the file. */
    public Path writePrivateKey(Path directory) throws IOException {
        Path file = directory.resolve(keyId + ".private.pem");
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(keys.getPrivate().getEncoded());
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
        return file;
    }

    /** Writes the public key as a JWK set, the key under its key id, and returns the file. */
    public Path writeKeySet(Path directory) throws IOException {
        Path file = directory.resolve(keyId + ".jwks.json");
        Files.writeString(file, publicKeySet());
        return file;
    }

    /** @return the public key's PEM content in one line (base64 of its X.509 encoding, no armour) */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** @return the public key as a JWK set, the key under its key id, in one line of JSON */
    public String publicKeySet() {
        RSAKey key = new RSAKey.Builder((java.security.interfaces.RSAPublicKey) keys.getPublic())
                .keyID(keyId)
                .build();
        return new JWKSet(key).toString();
    }

    /** @return the environment that puts a server in token mode with this issuer's key at a location (a file, a URL) */
    public Map<String, String> serverEnvironment(Object keyLocation) {
        return Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", String.valueOf(keyLocation),
                "MP_JWT_VERIFY_ISSUER", ISSUER,
                "MP_JWT_VERIFY_AUDIENCES", AUDIENCE);
    }

    /** @return the claims of a valid token for a subject, valid for ten minutes */
    public static JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .jwtID(java.util.UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
    }

    /** @return a signed token for a subject with extra claims (a list for several values) */
    public String token(String subject, Map<String, Object> extra) {
        return token(subject, extra, UnaryOperator.identity());
    }

    /** @return a signed token for a subject with extra claims, its claims changed last by {@code change} */
    public String token(String subject, Map<String, Object> extra, UnaryOperator<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = claims(subject);
        extra.forEach(claims::claim);
        return sign(change.apply(claims).build());
    }

    /** @return these claims signed with this issuer's key (RS256, with its key id) */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .type(com.nimbusds.jose.JOSEObjectType.JWT)
                            .keyID(keyId)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the header value that carries a token */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** @return the Authorization header pair for {@link Http#post}, or none for a null token */
    public static String[] authorization(String token, String... more) {
        List<String> headers = new java.util.ArrayList<>(List.of(more));
        if (token != null) {
            headers.add("Authorization");
            headers.add(bearer(token));
        }
        return headers.toArray(String[]::new);
    }
}

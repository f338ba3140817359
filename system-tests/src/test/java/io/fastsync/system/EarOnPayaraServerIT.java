package io.fastsync.system;

import static io.fastsync.wire.testing.OldClientBodies.dartPull;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptObject;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptPush;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.testsupport.FreshDatabase;
import io.fastsync.testsupport.TestDatabases;
import io.fastsync.testsupport.http.Http;
import io.fastsync.testsupport.server.PayaraServerDomain;
import io.fastsync.testsupport.server.Processes;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The built EAR, deployed as is with {@code asadmin deploy} on Payara Server 6 (full profile) in
 * a domain of its own, pointed at PostgreSQL by the {@code FASTSYNC_DB_*} environment variables
 * of the domain. Last, the same deployment without any database setting, on its embedded H2.
 */
class EarOnPayaraServerIT extends DeployedServerContract {

    private static FreshDatabase postgres;
    private static Map<String, String> onPostgres;
    private static PayaraServerDomain domain;

    @BeforeAll
    static void deployOnPostgres() throws IOException, SQLException {
        postgres = TestDatabases.postgres();
        onPostgres = withTelemetry(FirstReleaseDatabase.onPostgres(postgres, MAX_OBJECTS));

        domain = PayaraServerDomain.create();
        domain.start(onPostgres, false);
        Duration deployed = domain.deploy(Path.of(System.getProperty("fastsync.ear")));
        System.out.println("fastsync.ear deployed and answering in " + deployed.toSeconds() + " s");
    }

    @AfterAll
    static void stopAll() throws IOException {
        try {
            if (domain != null) {
                domain.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Override
    protected URI base() {
        return domain.base();
    }

    @Override
    protected void restart() {
        domain.restart(onPostgres);
    }

    @Override
    protected void restart(Map<String, String> settings) {
        domain.restart(settings);
    }

    @Override
    protected String serverLog() {
        return domain.log();
    }

    @Test
    void startUpLogNamesPostgreSQL() {
        assertTrue(
                serverLog().contains("FastSync serves Item (restricted, last-writer-wins) on PostgreSQL"),
                "see " + domain.serverLog());
    }

    @Test
    void upgradeAddedStepsAndKeptTheFirstReleasesRecord() throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection c = postgres.connect();
                Statement s = c.createStatement();
                ResultSet rows =
                        s.executeQuery("SELECT version, applied_at FROM fastsync_schema_version ORDER BY version")) {
            while (rows.next()) {
                versions.add(rows.getInt(1) + (rows.getInt(1) == 1 ? " " + rows.getString(2) : ""));
            }
        }
        assertEquals("1 2026-01-15T09:30:00Z", versions.get(0), "the first release's record is untouched");
        assertEquals("2", versions.get(1));
    }

    /** The same EAR in token mode, by the standard MicroProfile JWT variables of the domain alone. */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void inTokenModeTheEarServesOnlyTheZonesATokenGrants() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.KeyPair keys = generator.generateKeyPair();
        Path publicKey = Processes.buildDirectory().resolve("ear-token-key.pem");
        Files.writeString(
                publicKey,
                "-----BEGIN PUBLIC KEY-----\n"
                        + java.util.Base64.getMimeEncoder(64, "\n".getBytes())
                                .encodeToString(keys.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        Map<String, String> tokenMode = new java.util.HashMap<>(onPostgres);
        tokenMode.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString());
        tokenMode.put("MP_JWT_VERIFY_ISSUER", "https://issuer.ear.test");
        domain.restart(tokenMode);
        assertTrue(serverLog().contains("FastSync security: token mode"), "see " + domain.serverLog());

        java.time.Instant now = java.time.Instant.now();
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.RS256),
                new com.nimbusds.jwt.JWTClaimsSet.Builder()
                        .subject("ear-user")
                        .issuer("https://issuer.ear.test")
                        .issueTime(java.util.Date.from(now))
                        .expirationTime(java.util.Date.from(now.plusSeconds(600)))
                        .build());
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(keys.getPrivate()));
        String bearer = "Bearer " + jwt.serialize();

        String own =
                typeScriptPush("Item", "ear-user", typeScriptObject("Item", "ear-user", "t1", 0, 1000, "\"n\": 1"));
        Http.Answer anonymous = Http.post(base(), "push", own);
        assertEquals(401, anonymous.status(), anonymous.text());
        assertEquals("unauthenticated", anonymous.body().getString("code"));
        Http.Answer pushed = Http.post(base(), "push", own, "Authorization", bearer);
        assertEquals(200, pushed.status(), pushed.text());
        Http.Answer foreign = Http.post(base(), "pull", dartPull("Item", "someone-else", 0), "Authorization", bearer);
        assertEquals(403, foreign.status(), foreign.text());
        assertEquals("zone-forbidden", foreign.body().getString("code"));
        assertEquals(
                "t1",
                Http.post(base(), "pull", dartPull("Item", "ear-user", 0), "Authorization", bearer)
                        .body()
                        .getJsonObject("data")
                        .getJsonObject("data")
                        .getJsonArray("Item")
                        .getJsonObject(0)
                        .getString("id"));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void withoutDatabaseSettingsTheSameDeploymentUsesItsEmbeddedH2() {
        assertRestartedWithoutSettingsItUsesItsEmbeddedH2(
                Processes.buildDirectory().resolve("ear-h2-data"));
    }
}

package io.fastsync.it;

import static io.fastsync.wire.testing.OldClientBodies.typeScriptFirstPull;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptObject;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptPush;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fastsync.SyncManager;
import io.fastsync.error.ZoneForbiddenException;
import io.fastsync.it.securedshop.SecuredShopApplication;
import io.fastsync.it.shop.Inventory;
import io.fastsync.it.shop.Item;
import io.fastsync.it.shop.ItemDataSource;
import io.fastsync.it.shop.Order;
import io.fastsync.it.shop.OrderDataSource;
import io.fastsync.it.shop.ShopSyncSetup;
import io.fastsync.testsupport.Tokens;
import io.fastsync.testsupport.http.Http;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.SyncMetadata;
import io.fastsync.zone.Caller;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An embedding application that authenticates with its own container: Payara's MicroProfile JWT
 * ({@code @LoginConfig(authMethod = "MP-JWT")}) verifies the tokens, and FastSync, in
 * {@code container} mode, takes the caller principal and its claims from it, with the same
 * claim rules as the standalone server ({@code Item} per user, {@code Order} per company by the
 * {@code tenant} claim). Real RS256 tokens over real HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class EmbeddedSecurityIT {

    /** The issuer's keys live in the test's JVM; the server gets the public key in the application's configuration. */
    private static final Tokens TOKENS = new Tokens("shop-key");

    @Deployment
    static WebArchive securedShop() throws Exception {
        File[] fastsync = Maven.configureResolver()
                .workOffline()
                .resolve("io.fastsync:fastsync-rest:" + System.getProperty("fastsync.version"))
                .withTransitivity()
                .asFile();
        String config = String.join(
                "\n",
                "fastsync.security.mode=container",
                "fastsync.type.Order.zone-claim=tenant",
                "mp.jwt.verify.publickey=" + TOKENS.publicKeyBase64(),
                "mp.jwt.verify.issuer=" + Tokens.ISSUER,
                "mp.jwt.verify.audiences=" + Tokens.AUDIENCE,
                "");
        return ShrinkWrap.create(WebArchive.class, "securedshop.war")
                .addClasses(
                        Item.class,
                        ItemDataSource.class,
                        Order.class,
                        OrderDataSource.class,
                        Inventory.class,
                        ShopSyncSetup.class,
                        SecuredShopApplication.class)
                .addClasses(EmbeddedSecurityIT.class, Http.class, Http.Answer.class, Tokens.class)
                .addAsLibraries(fastsync)
                .addAsResource("shop/persistence.xml", "META-INF/persistence.xml")
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties")
                .addAsWebInfResource("shop/beans.xml", "beans.xml");
    }

    @ArquillianResource
    URL url;

    private URI api() {
        return StandaloneWar.base(url).resolve("api/");
    }

    private static String zone() {
        return "zone-" + UUID.randomUUID();
    }

    private Http.Answer push(String token, String type, String zone, String fields) {
        String body = typeScriptPush(
                type, zone, typeScriptObject(type, zone, UUID.randomUUID().toString(), 0, 1000, fields));
        return Http.post(api(), "push", body, Tokens.authorization(token, "Content-Type", "application/json"));
    }

    private Http.Answer pull(String token, String type, String zone) {
        return Http.post(
                api(),
                "pull",
                typeScriptFirstPull(zone, type),
                Tokens.authorization(token, "Content-Type", "application/json"));
    }

    @Test
    @RunAsClient
    void theContainersCallerDecidesWhichZonesItUses() {
        String alice = TOKENS.token("alice", Map.of("tenant", List.of("acme"), "groups", List.of("shop-user")));
        Http.Answer first = push(alice, "Item", "alice", "\"name\": \"milk\", \"qty\": 1");
        assertEquals(200, first.status(), first.body() + " " + first.headers().map());
        assertEquals(200, pull(alice, "Item", "alice").status());
        Http.Answer other = pull(alice, "Item", "bob");
        assertEquals(403, other.status(), String.valueOf(other.body()));
        assertEquals("zone-forbidden", other.body().getString("code"));
        assertEquals(
                List.of("alice"),
                other
                        .body()
                        .getJsonObject("zones")
                        .getJsonArray("Item")
                        .getValuesAs(jakarta.json.JsonString.class)
                        .stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());

        assertEquals(
                200,
                push(alice, "Order", "acme", "\"customer\": \"ann\", \"status\": \"open\"")
                        .status());
        Http.Answer globex = push(alice, "Order", "globex", "\"customer\": \"x\", \"status\": \"open\"");
        assertEquals(403, globex.status(), String.valueOf(globex.body()));
        assertEquals("zone-forbidden", globex.body().getString("code"));
    }

    @Test
    @RunAsClient
    void withoutAnAuthenticatedCallerNothingIsServed() {
        Http.Answer none = pull(null, "Item", "alice");
        assertEquals(401, none.status(), String.valueOf(none.body()));
        assertEquals("unauthenticated", none.body().getString("code"));
        // A token the container does not accept never reaches FastSync: the container refuses it.
        String expired = TOKENS.token(
                "alice", Map.of(), c -> c.expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1)))));
        assertEquals(401, pull(expired, "Item", "alice").status());
        String foreign = new Tokens("shop-key").token("alice", Map.of());
        assertEquals(401, pull(foreign, "Item", "alice").status());
    }

    // ---- in the container

    @Inject
    SyncManager syncManager;

    /** Application code with a caller of its own hands it to SyncManager; the same rules apply. */
    @Test
    void anApplicationsOwnCallerIsAdmittedByTheSameRules() {
        Caller carol = Caller.named("carol", Map.of("tenant", List.of("globex")), Set.of());
        String z = zone();
        PullRequest own = new PullRequest(Map.of("Order", SyncMetadata.cursor("Order", "globex", 0)), null);
        assertEquals(false, syncManager.processPull(own, carol).hasMore());
        PullRequest foreign = new PullRequest(Map.of("Order", SyncMetadata.cursor("Order", z, 0)), null);
        assertThrows(ZoneForbiddenException.class, () -> syncManager.processPull(foreign, carol));
        // The container's caller of this in-container call is nobody: refused too.
        assertThrows(ZoneForbiddenException.class, () -> syncManager.processPull(own));
    }
}

package io.fastsync.it;

import static io.fastsync.wire.testing.OldClientBodies.typeScriptFirstPull;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptObject;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptPush;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptTypeMetadata;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.SyncManager;
import io.fastsync.conflict.ConflictStrategy;
import io.fastsync.entity.SyncableObject;
import io.fastsync.it.shop.Inventory;
import io.fastsync.it.shop.Item;
import io.fastsync.it.shop.Order;
import io.fastsync.registry.SyncTypeRegistry;
import io.fastsync.repository.SyncableRepositories;
import io.fastsync.repository.SyncableRepository;
import io.fastsync.testsupport.http.Http;
import io.fastsync.wire.ObjectResult;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.PullResponse;
import io.fastsync.wire.PushOutcome;
import io.fastsync.wire.PushResponse;
import io.fastsync.wire.SyncMetadata;
import io.fastsync.wire.SyncObject;
import io.fastsync.wire.SyncOperation;
import io.fastsync.wire.SyncPayload;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application that embeds FastSync: its own WAR with FastSync's REST edge as a library, resolved
 * by its Maven coordinates with what it depends on, its own
 * persistence unit "fastsync" on the server's default data source, and two typed JPA entities,
 * {@code Item} registered declaratively ({@code @Syncable}) and {@code Order} in code (with
 * timestamp ordering). FastSync's REST resources come from {@code fastsync-rest} under the
 * application's {@code @ApplicationPath("api")}. Some tests run in the container against the Java
 * API, the others over HTTP. Each test uses zones of its own.
 */
@ExtendWith(ArquillianExtension.class)
class EmbeddedAppIT {

    @Deployment
    static WebArchive shop() {
        // As an application's build gets FastSync: the REST edge by its coordinates, with what it
        // depends on (the engine and the wire records), and nothing of the standalone server.
        File[] fastsync = Maven.configureResolver()
                .workOffline()
                .resolve("io.fastsync:fastsync-rest:" + System.getProperty("fastsync.version"))
                .withTransitivity()
                .asFile();
        return ShrinkWrap.create(WebArchive.class, "shop.war")
                .addPackage(Item.class.getPackage())
                .addClasses(EmbeddedAppIT.class, Http.class, Http.Answer.class)
                .addAsLibraries(fastsync)
                .addAsResource("shop/persistence.xml", "META-INF/persistence.xml")
                .addAsWebInfResource("shop/beans.xml", "beans.xml");
    }

    private static String zone() {
        return "zone-" + UUID.randomUUID();
    }

    // ---- in the container: the Java API

    @Inject
    SyncManager syncManager;

    @Inject
    SyncableRepository<Item> items;

    @Inject
    SyncTypeRegistry registry;

    @Inject
    SyncableRepositories repositories;

    @Inject
    Inventory inventory;

    private PullResponse pull(String type, String zone, long cursor) {
        return syncManager.processPull(new PullRequest(Map.of(type, SyncMetadata.cursor(type, zone, cursor)), null));
    }

    @Test
    void bothRegistrationsAreServedWithTheirStrategies() {
        assertTrue(
                registry.names().containsAll(List.of("Item", "Order")),
                registry.names().toString());
        assertEquals(
                ConflictStrategy.LAST_WRITER_WINS,
                registry.require("Item", null).conflicts().strategy());
        assertEquals(
                ConflictStrategy.TIMESTAMP_ORDERING,
                registry.require("Order", null).conflicts().strategy());
        assertEquals("Order", repositories.repository(Order.class).typeName());
    }

    @Test
    void objectWrittenThroughTheRepositoryIsPulled() {
        String z = zone();
        Item milk = inventory.add(z, "milk", 2);
        assertNotNull(milk.getId());
        assertEquals(1, milk.getSyncVersion());
        inventory.add(z, "bread", 1);
        Item more = inventory.changeQty(z, milk.getId(), 5);
        assertEquals(3, more.getSyncVersion());

        PullResponse page = pull("Item", z, 1);
        assertFalse(page.hasMore());
        List<SyncObject> objects = page.payload().data().get("Item");
        assertEquals(2, objects.size(), "bread (2) and the changed milk (3), after cursor 1");
        SyncObject pulledMilk = objects.get(1);
        assertEquals(milk.getId(), pulledMilk.id());
        assertEquals("milk", pulledMilk.fields().getString("name"));
        assertEquals(5, pulledMilk.fields().getInt("qty"));
        assertEquals(3, pulledMilk.metadata().version());
        assertEquals(z, pulledMilk.metadata().syncZone());
        assertEquals(SyncOperation.UPDATE, pulledMilk.metadata().syncOperation());
        assertEquals(3, page.payload().metadata().get("Item").version());
        assertEquals(2, items.count(z));
    }

    @Test
    void pushedObjectIsATypedEntityInTheRepository() {
        String z = zone();
        String id = "push-" + UUID.randomUUID();
        PushResponse added =
                syncManager.processPush(itemPush(z, id, SyncOperation.ADD, 1000, "{\"name\": \"eggs\", \"qty\": 12}"));
        ObjectResult result = added.results().get("Item").get(0);
        assertEquals(PushOutcome.APPLIED, result.outcome());
        assertEquals(1, result.version());

        Item eggs = items.findById(z, id).orElseThrow();
        assertEquals("eggs", eggs.getName());
        assertEquals(12, eggs.getQty());
        assertEquals(z, eggs.getSyncZone());
        assertEquals(1, eggs.getSyncVersion());

        // An old client's update: last-seen version plus one.
        ObjectResult updated = syncManager
                .processPush(itemPush(z, id, SyncOperation.UPDATE, 2, "{\"name\": \"eggs\", \"qty\": 6}"))
                .results()
                .get("Item")
                .get(0);
        assertEquals(PushOutcome.APPLIED, updated.outcome());
        assertEquals(2, updated.version());
        Item fewer = items.findById(z, id).orElseThrow();
        assertEquals(6, fewer.getQty());
        assertEquals(2, fewer.getSyncVersion());
        assertEquals(
                List.of(id), items.getAll(z).stream().map(SyncableObject::getId).toList());
    }

    @Resource
    UserTransaction transaction;

    @Test
    void aPushInTheApplicationsTransactionRollsBackWithIt() throws Exception {
        String z = zone();
        transaction.begin();
        try {
            PushResponse inside = syncManager.processPush(
                    itemPush(z, "rolled-back", SyncOperation.ADD, 1000, "{\"name\": \"x\", \"qty\": 1}"));
            assertEquals(
                    PushOutcome.APPLIED, inside.results().get("Item").get(0).outcome());
            assertTrue(items.findById(z, "rolled-back").isPresent(), "the push joined the application's transaction");
        } finally {
            transaction.rollback();
        }
        assertTrue(items.findById(z, "rolled-back").isEmpty(), "the object went with the rollback");
        assertTrue(pull("Item", z, 0).payload().data().isEmpty(), "and no pull sees it");
        ObjectResult next = syncManager
                .processPush(itemPush(z, "kept", SyncOperation.ADD, 1000, "{\"name\": \"y\", \"qty\": 2}"))
                .results()
                .get("Item")
                .get(0);
        assertEquals(1, next.version(), "the rolled-back version was not spent");
    }

    private static SyncPayload itemPush(String zone, String id, SyncOperation op, long version, String fields) {
        SyncObject object = new SyncObject(
                id,
                op == SyncOperation.DELETE,
                new SyncMetadata(id, "Item", version, zone, 1722950000967000L, op, null),
                Json.createReader(new java.io.StringReader(fields)).readObject());
        return new SyncPayload(Map.of("Item", List.of(object)), Map.of("Item", SyncMetadata.cursor("Item", zone, 999)));
    }

    // ---- over HTTP: FastSync's resources under the application's path

    @ArquillianResource
    URL url;

    private URI api() {
        return StandaloneWar.base(url).resolve("api/");
    }

    private Http.Answer push(String body) {
        return Http.post(api(), "push", body);
    }

    private JsonObject pulled(String zone, String... types) {
        Http.Answer answer = Http.post(api(), "pull", typeScriptFirstPull(zone, types));
        assertEquals(200, answer.status(), String.valueOf(answer.body()));
        assertTrue(answer.body().getBoolean("success"));
        return answer.body().getJsonObject("data");
    }

    private static JsonObject result(Http.Answer pushed, String type) {
        assertEquals(200, pushed.status(), String.valueOf(pushed.body()));
        return pushed.body()
                .getJsonObject("data")
                .getJsonObject("results")
                .getJsonArray(type)
                .getJsonObject(0);
    }

    @Test
    @RunAsClient
    void bothTypesArePushedAndPulledOverHttp() {
        String z = zone();
        String both = "{\"data\": {\"Item\": ["
                + typeScriptObject("Item", z, "i1", 0, 1000, 1722950000.967, "\"name\": \"milk\", \"qty\": 2")
                + "], \"Order\": ["
                + typeScriptObject(
                        "Order", z, "o1", 0, 1000, 1722950001.5, "\"customer\": \"ann\", \"status\": \"open\"")
                + "]}, \"operationMetadata\": {\"metadata\": {" + typeScriptTypeMetadata("Item", z) + ", "
                + typeScriptTypeMetadata("Order", z) + "}}}";
        Http.Answer pushed = push(both);
        JsonObject item = result(pushed, "Item");
        assertEquals("applied", item.getString("status"));
        assertEquals(1, item.getInt("version"));
        JsonObject order = result(pushed, "Order");
        assertEquals("applied", order.getString("status"));
        assertEquals(1, order.getInt("version"));

        JsonObject data = pulled(z, "Item", "Order");
        JsonArray pulledItems = data.getJsonObject("data").getJsonArray("Item");
        assertEquals(1, pulledItems.size());
        assertEquals("i1", pulledItems.getJsonObject(0).getString("id"));
        assertEquals("milk", pulledItems.getJsonObject(0).getString("name"));
        assertEquals(2, pulledItems.getJsonObject(0).getInt("qty"));
        JsonObject pulledOrder =
                data.getJsonObject("data").getJsonArray("Order").getJsonObject(0);
        assertEquals("o1", pulledOrder.getString("id"));
        assertEquals("ann", pulledOrder.getString("customer"));
        assertEquals("open", pulledOrder.getString("status"));
        assertEquals(
                1722950001500000L,
                pulledOrder.getJsonObject("metadata").getJsonNumber("timestamp").longValue());
        assertEquals(
                1,
                data.getJsonObject("operationMetadata")
                        .getJsonObject("metadata")
                        .getJsonObject("Order")
                        .getInt("version"));
    }

    /** The error table's 409 row: an entity's id is its table's key, unique across zones. */
    @Test
    @RunAsClient
    void entityOfAnotherZoneIsRefusedWith409AndNothingWritten() {
        String a = zone();
        String b = zone();
        String id = "taken-" + UUID.randomUUID();
        result(
                push(typeScriptPush(
                        "Item", a, typeScriptObject("Item", a, id, 0, 1000, "\"name\": \"a's\", \"qty\": 1"))),
                "Item");
        Http.Answer refused = push(typeScriptPush(
                "Item",
                b,
                typeScriptObject("Item", b, "fresh-" + UUID.randomUUID(), 0, 1000, "\"name\": \"b's\", \"qty\": 1"),
                typeScriptObject("Item", b, id, 1, 2, "\"name\": \"stolen\", \"qty\": 9")));
        assertEquals(409, refused.status(), String.valueOf(refused.body()));
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("zone-conflict", refused.body().getString("code"));
        assertEquals(
                "/data/Item/1",
                refused.body().getJsonArray("errors").getJsonObject(0).getString("pointer"));
        assertFalse(refused.body().toString().contains(a), "the refusal names no other zone");
        assertTrue(pulled(b, "Item").getJsonObject("data").isEmpty(), "the refused push wrote nothing");
        JsonObject kept =
                pulled(a, "Item").getJsonObject("data").getJsonArray("Item").getJsonObject(0);
        assertEquals("a's", kept.getString("name"));
    }

    @Test
    @RunAsClient
    void memoConflictStoresWhatTheShopsResolverReturns() {
        String z = zone();
        push(typeScriptPush("Memo", z, typeScriptObject("Memo", z, "m", 0, 1000, 1722950100.0, "\"text\": \"a\"")));
        push(typeScriptPush("Memo", z, typeScriptObject("Memo", z, "m", 1, 2, 1722950200.0, "\"text\": \"b\"")));
        JsonObject conflict = result(
                push(typeScriptPush(
                        "Memo", z, typeScriptObject("Memo", z, "m", 1, 2, 1722950300.0, "\"text\": \"c\""))),
                "Memo");
        assertEquals("resolved", conflict.getString("status"));
        assertEquals("merged", conflict.getString("winner"));
        assertEquals("predefined-rules", conflict.getString("strategy"));
        assertEquals(3, conflict.getInt("version"));
        JsonObject memo =
                pulled(z, "Memo").getJsonObject("data").getJsonArray("Memo").getJsonObject(0);
        assertEquals("b + c", memo.getString("text"));
        assertEquals(3, memo.getJsonObject("metadata").getInt("version"));
    }

    @Test
    @RunAsClient
    void javaClientsConvergeOnWhatTheShopsResolverReturns() {
        String id = "memo-" + UUID.randomUUID();
        JsonObject merged = Json.createObjectBuilder()
                .add("id", id)
                .add("text", "plan B + plan C")
                .build();

        TwoDevicesConflict end = TwoDevicesConflict.run(
                api(),
                "Memo",
                zone(),
                Json.createObjectBuilder().add("id", id).add("text", "plan A").build(),
                Json.createObjectBuilder().add("id", id).add("text", "plan B").build(),
                Json.createObjectBuilder().add("id", id).add("text", "plan C").build());

        assertEquals(List.of(merged), end.fresh(), "the server holds the resolver's merge");
        assertEquals(List.of(merged), end.first());
        assertEquals(List.of(merged), end.second());
    }

    @Test
    @RunAsClient
    void orderConflictKeepsTheNewerServerCopyByTimestamp() {
        String z = zone();
        assertEquals(
                "applied",
                result(
                                push(typeScriptPush(
                                        "Order",
                                        z,
                                        typeScriptObject(
                                                "Order",
                                                z,
                                                "o",
                                                0,
                                                1000,
                                                1722950100.0,
                                                "\"customer\": \"bob\", \"status\": \"open\""))),
                                "Order")
                        .getString("status"));
        assertEquals(
                2,
                result(
                                push(typeScriptPush(
                                        "Order",
                                        z,
                                        typeScriptObject(
                                                "Order",
                                                z,
                                                "o",
                                                1,
                                                2,
                                                1722950300.0,
                                                "\"customer\": \"bob\", \"status\": \"paid\""))),
                                "Order")
                        .getInt("version"));
        // A client that last saw version 1 edits with an older clock.
        JsonObject conflict = result(
                push(typeScriptPush(
                        "Order",
                        z,
                        typeScriptObject(
                                "Order",
                                z,
                                "o",
                                1,
                                2,
                                1722950200.0,
                                "\"customer\": \"bob\", \"status\": \"cancelled\""))),
                "Order");
        assertEquals("resolved", conflict.getString("status"));
        assertEquals("server", conflict.getString("winner"));
        assertEquals("timestamp-ordering", conflict.getString("strategy"));
        assertEquals(3, conflict.getInt("version"));

        JsonArray orders = pulled(z, "Order").getJsonObject("data").getJsonArray("Order");
        assertEquals(1, orders.size());
        assertEquals("paid", orders.getJsonObject(0).getString("status"));
        assertEquals(3, orders.getJsonObject(0).getJsonObject("metadata").getInt("version"));
    }

    @Test
    @RunAsClient
    void fieldOfTheWrongTypeIsRefusedNamingTypeAndObject() {
        String z = zone();
        Http.Answer answer = push(typeScriptPush(
                "Item",
                z,
                typeScriptObject("Item", z, "fine", 0, 1000, 1722950000.0, "\"name\": \"tea\", \"qty\": 1"),
                typeScriptObject("Item", z, "bad", 0, 1000, 1722950000.0, "\"name\": \"tea\", \"qty\": \"many\"")));
        assertEquals(400, answer.status(), String.valueOf(answer.body()));
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        assertFalse(answer.body().getBoolean("success"));
        assertEquals("invalid-field", answer.body().getString("code"));
        JsonObject where = answer.body().getJsonArray("errors").getJsonObject(0);
        assertEquals("Item", where.getString("type"));
        assertEquals("bad", where.getString("id"));
        assertTrue(pulled(z, "Item").getJsonObject("data").isEmpty(), "the refused push wrote nothing");
    }
}

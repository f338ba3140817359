package io.fastsync.it;

import static io.fastsync.wire.testing.OldClientBodies.dartPull;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptObject;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptPush;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.testsupport.http.ChangeStream;
import io.fastsync.testsupport.http.Http;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The standalone server as built (the WAR from fastsync-server, deployed as is), over HTTP only,
 * fed the exact bodies the TypeScript and Dart clients send. Configured in arquillian.xml:
 * types Item (restricted, last-writer-wins), Task (timestamp-ordering), Tag (global); at most
 * 50 objects per push; pages of 20. Each test uses zones of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StandaloneServerIT {

    @Deployment(testable = false)
    static WebArchive standaloneServer() {
        return StandaloneWar.asBuilt();
    }

    @ArquillianResource
    URL url;

    private URI base() {
        return StandaloneWar.base(url);
    }

    private static String zone() {
        return "zone-" + UUID.randomUUID();
    }

    private Http.Answer push(String body, String... headers) {
        return Http.post(base(), "push", body, headers);
    }

    private JsonObject pulled(String type, String zone, long cursor) {
        Http.Answer answer = Http.post(base(), "pull", dartPull(type, zone, cursor));
        assertEquals(200, answer.status(), String.valueOf(answer.body()));
        assertTrue(answer.body().getBoolean("success"));
        return answer.body().getJsonObject("data");
    }

    private static JsonArray objects(JsonObject data, String type) {
        return data.getJsonObject("data").getJsonArray(type);
    }

    /** The zone holds no Item: the refused requests wrote nothing. */
    private void assertNothingStoredIn(String zone) {
        JsonArray items = objects(pulled("Item", zone, 0), "Item");
        assertTrue(items == null || items.isEmpty(), "nothing was written: " + items);
    }

    @Test
    void typeScriptAddIsPulledByADartClient() {
        String z = zone();
        Http.Answer pushed = push(typeScriptPush(
                "Item", z, typeScriptObject("Item", z, "a1", 0, 1000, 1722950000.967, "\"name\": \"milk\"")));
        assertEquals(200, pushed.status());
        assertTrue(pushed.body().getBoolean("success"));
        JsonObject result = pushed.body()
                .getJsonObject("data")
                .getJsonObject("results")
                .getJsonArray("Item")
                .getJsonObject(0);
        assertEquals("applied", result.getString("status"));
        assertEquals(1, result.getInt("version"));

        JsonObject data = pulled("Item", z, 0);
        JsonObject item = objects(data, "Item").getJsonObject(0);
        assertEquals("milk", item.getString("name"));
        assertEquals(
                1722950000967000L,
                item.getJsonObject("metadata").getJsonNumber("timestamp").longValue());
        assertFalse(item.containsKey("_id"));
        assertEquals(
                1,
                data.getJsonObject("operationMetadata")
                        .getJsonObject("metadata")
                        .getJsonObject("Item")
                        .getInt("version"));
    }

    @Test
    void dartUpdateAndDeleteWithDoublesReachTheOtherClient() {
        String z = zone();
        push(typeScriptPush("Item", z, typeScriptObject("Item", z, "d1", 0, 1000, 1722950000.0, "\"n\": 1")));
        String dartUpdate = "{\"data\": {\"Item\": [{\"id\": \"d1\", \"n\": 2, \"deleted\": false, \"hasData\": true,"
                + " \"metadata\": {\"id\": \"d1\", \"type\": \"Item\", \"version\": 2.0, \"syncZone\": \"" + z + "\","
                + " \"timestamp\": 1722950001000000.0, \"syncOperation\": 1.0}}]},"
                + " \"operationMetadata\": {\"metadata\": {\"Item\": {\"type\": \"Item\", \"syncZone\": \"" + z
                + "\", \"version\": 999.0,"
                + " \"syncOperation\": 999}}}}";
        assertEquals(
                "applied",
                push(dartUpdate)
                        .body()
                        .getJsonObject("data")
                        .getJsonObject("results")
                        .getJsonArray("Item")
                        .getJsonObject(0)
                        .getString("status"));
        push(typeScriptPush("Item", z, typeScriptObject("Item", z, "d1", 2, 3, 1722950002.0, "\"n\": 2")));
        JsonObject tombstone = objects(pulled("Item", z, 1), "Item").getJsonObject(0);
        assertTrue(tombstone.getBoolean("deleted"));
        assertEquals(3, tombstone.getJsonObject("metadata").getInt("version"));
    }

    @Test
    void timestampOrderingKeepsTheNewerServerCopyAndResendsIt() {
        String z = zone();
        push(typeScriptPush("Task", z, typeScriptObject("Task", z, "t", 0, 1000, 1722950100.0, "\"s\": \"first\"")));
        push(typeScriptPush("Task", z, typeScriptObject("Task", z, "t", 1, 2, 1722950300.0, "\"s\": \"newer\"")));
        JsonObject r = push(typeScriptPush(
                        "Task", z, typeScriptObject("Task", z, "t", 1, 2, 1722950200.0, "\"s\": \"older\"")))
                .body()
                .getJsonObject("data")
                .getJsonObject("results")
                .getJsonArray("Task")
                .getJsonObject(0);
        assertEquals("resolved", r.getString("status"));
        assertEquals("server", r.getString("winner"));
        assertEquals("timestamp-ordering", r.getString("strategy"));
        JsonObject resent = objects(pulled("Task", z, 2), "Task").getJsonObject(0);
        assertEquals("newer", resent.getString("s"));
        assertEquals(3, resent.getJsonObject("metadata").getInt("version"));
    }

    @Test
    void lastWriterWinsKeepsTheArrivingCopy() {
        String z = zone();
        push(typeScriptPush("Item", z, typeScriptObject("Item", z, "w", 0, 1000, 1722950300.0, "\"v\": \"a\"")));
        push(typeScriptPush("Item", z, typeScriptObject("Item", z, "w", 1, 2, 1722950300.0, "\"v\": \"b\"")));
        JsonObject r = push(typeScriptPush(
                        "Item", z, typeScriptObject("Item", z, "w", 1, 2, 1722950100.0, "\"v\": \"c\"")))
                .body()
                .getJsonObject("data")
                .getJsonObject("results")
                .getJsonArray("Item")
                .getJsonObject(0);
        assertEquals("client", r.getString("winner"));
        assertEquals("c", objects(pulled("Item", z, 2), "Item").getJsonObject(0).getString("v"));
    }

    @Test
    void twoZonesCannotSeeOrTouchEachOther() {
        String a = zone();
        String b = zone();
        String mine = "mine-" + UUID.randomUUID();
        push(typeScriptPush("Item", a, typeScriptObject("Item", a, mine, 0, 1000, 1722950000.0, "\"secret\": 1")));
        assertTrue(pulled("Item", b, 0).getJsonObject("data").isEmpty());
        // Ids are per zone: b naming a's id makes an object of b's own, answered as any other id.
        Http.Answer steal = push(typeScriptPush(
                "Item",
                b,
                typeScriptObject("Item", b, "new-in-b", 0, 1000, 1722950000.0, "\"x\": 1"),
                typeScriptObject("Item", b, mine, 1, 2, 1722950001.0, "\"secret\": 2")));
        assertEquals(200, steal.status(), String.valueOf(steal.body()));
        assertFalse(steal.body().toString().contains(a), "the answer names no other zone");
        JsonArray inB = objects(pulled("Item", b, 0), "Item");
        assertEquals(2, inB.size());
        assertEquals(2, inB.getJsonObject(1).getInt("secret"));
        JsonArray inA = objects(pulled("Item", a, 0), "Item");
        assertEquals(1, inA.size());
        assertEquals(1, inA.getJsonObject(0).getInt("secret"), "a's object is untouched");
        assertEquals(1, inA.getJsonObject(0).getJsonObject("metadata").getInt("version"));
    }

    @Test
    void globalTypeIsSharedWhateverZoneClientsSend() {
        String tag = "tag-" + UUID.randomUUID();
        push(typeScriptPush(
                "Tag", zone(), typeScriptObject("Tag", "ignored", tag, 0, 1000, 1722950000.0, "\"label\": \"red\"")));
        JsonArray seen = objects(pulled("Tag", zone(), 0), "Tag");
        assertTrue(seen.stream()
                .map(JsonObject.class::cast)
                .anyMatch(o -> o.getString("id").equals(tag)
                        && o.getJsonObject("metadata").getString("syncZone").equals("Global")));
    }

    @Test
    void retriedPushWithIdempotencyKeyChangesNothing() {
        String z = zone();
        String body = typeScriptPush(
                "Item",
                z,
                typeScriptObject("Item", z, "r1", 0, 1000, 1722950000.0, "\"n\": 1"),
                typeScriptObject("Item", z, "r2", 0, 1000, 1722950000.0, "\"n\": 2"));
        String key = UUID.randomUUID().toString();
        Http.Answer first = push(body, "Idempotency-Key", key);
        Http.Answer again = push(body, "Idempotency-Key", key);
        assertEquals(200, again.status());
        assertTrue(again.body().getJsonObject("data").getBoolean("replayed"));
        assertEquals(
                first.body().getJsonObject("data").getJsonObject("results"),
                again.body().getJsonObject("data").getJsonObject("results"));
        JsonObject data = pulled("Item", z, 0);
        assertEquals(2, objects(data, "Item").size());
        assertEquals(
                2,
                data.getJsonObject("operationMetadata")
                        .getJsonObject("metadata")
                        .getJsonObject("Item")
                        .getInt("version"));
    }

    /**
     * The admin API, from this machine in trust mode: the types, a zone's size (objects, tombstones,
     * last version), pages of zones, one object and its tombstone, the recent refusals and conflicts.
     */
    @Test
    void adminApiTellsTypesZonesObjectsRefusalsAndConflicts() {
        String z = zone();
        assertEquals(
                200,
                push(typeScriptPush(
                                "Item",
                                z,
                                typeScriptObject("Item", z, "a1", 0, 1000, 1722950000.0, "\"n\": 1"),
                                typeScriptObject("Item", z, "a2", 0, 1000, 1722950000.0, "\"n\": 2")))
                        .status());
        assertEquals(
                200,
                push(typeScriptPush("Item", z, typeScriptObject("Item", z, "a2", 2, 2, 1722950001.0, "\"n\": 2")))
                        .status());
        // 1001: a version a1 never had; last-writer-wins settles the conflict for the client
        assertEquals(
                200,
                push(typeScriptPush("Item", z, typeScriptObject("Item", z, "a1", 1, 1001, 1722950002.0, "\"n\": 3")))
                        .status());
        assertEquals(400, push("{\"data\": ").status());

        Http.Answer types = Http.get(base(), "admin/types");
        assertEquals(200, types.status(), String.valueOf(types.body()));
        assertEquals(
                "[{\"name\":\"Item\",\"zones\":\"restricted\",\"conflicts\":\"last-writer-wins\"},"
                        + "{\"name\":\"Task\",\"zones\":\"restricted\",\"conflicts\":\"timestamp-ordering\"},"
                        + "{\"name\":\"Tag\",\"zones\":\"global\",\"conflicts\":\"last-writer-wins\"}]",
                types.body().getJsonArray("types").toString());

        JsonObject mine = null;
        String after = null;
        int pages = 0;
        do {
            Http.Answer page =
                    Http.get(base(), "admin/types/Item/zones?limit=2" + (after == null ? "" : "&after=" + after));
            assertEquals(200, page.status(), String.valueOf(page.body()));
            assertTrue(page.body().getJsonArray("zones").size() <= 2);
            for (var v : page.body().getJsonArray("zones")) {
                if (v.asJsonObject().getString("zone").equals(z)) {
                    mine = v.asJsonObject();
                }
            }
            after = page.body().isNull("next") ? null : page.body().getString("next");
            pages++;
        } while (after != null);
        assertTrue(pages > 1, "zones come in pages of 2");
        assertEquals("{\"zone\":\"" + z + "\",\"lastVersion\":4,\"objects\":1,\"tombstones\":1}", String.valueOf(mine));

        Http.Answer a1 = Http.get(base(), "admin/types/Item/zones/" + z + "/objects/a1");
        assertEquals(200, a1.status(), String.valueOf(a1.body()));
        assertEquals(
                4, a1.body().getJsonObject("object").getJsonObject("metadata").getInt("version"));
        assertEquals(3, a1.body().getJsonObject("object").getInt("n"));
        Http.Answer a2 = Http.get(base(), "admin/types/Item/zones/" + z + "/objects/a2");
        assertTrue(a2.body().getJsonObject("object").getBoolean("deleted"), "the tombstone is shown");
        Http.Answer none = Http.get(base(), "admin/types/Item/zones/" + z + "/objects/nope");
        assertEquals(404, none.status());
        assertEquals("not-found", none.body().getString("code"));
        assertEquals(
                "unknown-type",
                Http.get(base(), "admin/types/Nope/zones").body().getString("code"));
        assertEquals(
                "invalid-field",
                Http.get(base(), "admin/types/Item/zones?limit=abc").body().getString("code"));

        // The same through the command-line tool.
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream complained = new java.io.ByteArrayOutputStream();
        int exit = io.fastsync.client.cli.FastSyncCli.run(
                new String[] {"--server", base().toString(), "admin", "object", "Item", z, "a1"},
                new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(complained, true, java.nio.charset.StandardCharsets.UTF_8),
                false);
        assertEquals(0, exit, complained.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(
                a1.body().toString(),
                printed.toString(java.nio.charset.StandardCharsets.UTF_8).strip());
        JsonObject refusal = Http.get(base(), "admin/refusals").body().getJsonArray("refusals").stream()
                .map(v -> v.asJsonObject())
                .filter(r -> r.getString("code").equals("malformed-json"))
                .findFirst()
                .orElseThrow();
        assertEquals("/push", refusal.getString("path"));
        assertEquals(400, refusal.getInt("status"));
        JsonObject conflict = Http.get(base(), "admin/conflicts")
                .body()
                .getJsonArray("conflicts")
                .getJsonObject(0);
        assertEquals(
                "Item " + z + " a1 last-writer-wins client 4",
                String.join(
                        " ",
                        conflict.getString("type"),
                        conflict.getString("zone"),
                        conflict.getString("id"),
                        conflict.getString("strategy"),
                        conflict.getString("winner"),
                        String.valueOf(conflict.getInt("version"))));
    }

    /**
     * The admin API's numbers outside their ranges are the client's error, with the range in the
     * detail: an age in days past a hundred years purges nothing and is no 500 (it was, past what an
     * instant in microseconds holds). The refused calls change nothing.
     */
    @Test
    void adminNumbersOutsideTheirRangesAreRefused() {
        Http.Answer overflow = Http.post(base(), "admin/tombstones/purge?olderThanDays=2147483647", "");
        assertProblem(overflow, 400, "invalid-field");
        assertEquals(
                "olderThanDays must be a whole number from 0 to 36500, found '2147483647'",
                overflow.body().getString("detail"));
        for (String call : List.of(
                "tombstones/purge?olderThanDays=36501",
                "tombstones/purge?olderThanDays=99999999999",
                "tombstones/purge?olderThanDays=-1",
                "tombstones/purge",
                "restored?gap=0",
                "restored?gap=2147483648")) {
            Http.Answer refused = Http.post(base(), "admin/" + call, "");
            assertProblem(refused, 400, "invalid-field");
            assertTrue(refused.body().getString("detail").contains(" must be a whole number from "), call);
        }
        for (String limit : List.of("0", "2147483648")) {
            assertProblem(Http.get(base(), "admin/types/Item/zones?limit=" + limit), 400, "invalid-field");
        }

        Http.Answer oldest = Http.post(base(), "admin/tombstones/purge?olderThanDays=36500", "");
        assertEquals(200, oldest.status(), String.valueOf(oldest.body()));
        assertEquals(36500, oldest.body().getInt("olderThanDays"));
        assertEquals(0, oldest.body().getInt("purged"), "no tombstone is a hundred years old");
        Http.Answer most = Http.get(base(), "admin/types/Item/zones?limit=2147483647");
        assertEquals(200, most.status(), String.valueOf(most.body()));
        assertTrue(most.body().getJsonArray("zones").size() <= 1000);
    }

    @Test
    void pullFollowsPagesWithoutSkippingOrRepeating() {
        String z = zone();
        List<String> objects = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            objects.add(typeScriptObject("Item", z, "p" + i, 0, 1000, 1722950000.0, "\"i\": " + i));
        }
        push(typeScriptPush("Item", z, objects.subList(0, 25).toArray(String[]::new)));
        push(typeScriptPush("Item", z, objects.subList(25, 45).toArray(String[]::new)));
        List<String> received = new ArrayList<>();
        long cursor = 0;
        boolean more = true;
        int pages = 0;
        while (more) {
            Http.Answer page = Http.post(base(), "pull", dartPull("Item", z, cursor));
            JsonObject data = page.body().getJsonObject("data");
            objects(data, "Item").forEach(o -> received.add(((JsonObject) o).getString("id")));
            cursor = data.getJsonObject("operationMetadata")
                    .getJsonObject("metadata")
                    .getJsonObject("Item")
                    .getInt("version");
            more = page.body().getBoolean("hasMore");
            pages++;
        }
        assertEquals(3, pages, "pages of 20");
        assertEquals(45, received.size());
        assertEquals(45, received.stream().distinct().count());
    }

    // ---- web pages

    /**
     * A page of another site cannot write through the user's browser, not even to a server on the
     * user's machine: any request with an origin not allowed is refused for its origin, and form
     * encodings whatever the origin. An allowed origin gets the CORS headers.
     */
    @Test
    void webPagesWriteOnlyFromTheAllowedOriginsAndNeverAsForms() throws Exception {
        String z = zone();
        String body = typeScriptPush("Item", z, typeScriptObject("Item", z, "csrf", 0, 1000, "\"name\": \"planted\""));
        for (String form : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            assertProblem(push(body, "Content-Type", form), 415, "unsupported-media-type");
            assertProblem(
                    push(body, "Content-Type", form, "Origin", "https://app.example"), 415, "unsupported-media-type");
        }
        // A page's text/plain form, the one encoding that can carry JSON, comes with its Origin.
        Http.Answer evil = push(body, "Content-Type", "text/plain", "Origin", "https://evil.example");
        assertProblem(evil, 403, "origin-forbidden");
        assertEquals(null, evil.header("Access-Control-Allow-Origin"));
        assertProblem(
                push(body, "Content-Type", "application/json", "Origin", "https://evil.example"),
                403,
                "origin-forbidden");
        assertNothingStoredIn(z);

        Http.Answer preflight = Http.send(
                base().resolve("push"),
                "OPTIONS",
                "Origin",
                "https://app.example",
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "authorization, content-type");
        assertEquals(204, preflight.status());
        assertEquals("https://app.example", preflight.header("Access-Control-Allow-Origin"));
        assertEquals("POST", preflight.header("Access-Control-Allow-Methods"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));
        assertProblem(
                Http.send(base().resolve("push"), "OPTIONS", "Origin", "https://evil.example"),
                403,
                "origin-forbidden");

        Http.Answer allowed = push(body, "Content-Type", "application/json", "Origin", "https://app.example");
        assertEquals(200, allowed.status(), String.valueOf(allowed.body()));
        assertEquals("https://app.example", allowed.header("Access-Control-Allow-Origin"));
        // An app's own HTTP code that sends its JSON as text/plain, with no Origin, is served.
        String z2 = zone();
        Http.Answer app = push(
                typeScriptPush("Item", z2, typeScriptObject("Item", z2, "plain", 0, 1000, "\"name\": \"x\"")),
                "Content-Type",
                "text/plain; charset=utf-8");
        assertEquals(200, app.status(), String.valueOf(app.body()));
        // One that names no Content-Type at all is served too.
        String z3 = zone();
        HttpResponse<String> untyped = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base().resolve("push"))
                                .POST(HttpRequest.BodyPublishers.ofString(typeScriptPush(
                                        "Item",
                                        z3,
                                        typeScriptObject("Item", z3, "untyped", 0, 1000, "\"name\": \"y\""))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, untyped.statusCode(), untyped.body());
    }

    // ---- the error table of docs/http-api.md, row by row

    private static void assertProblem(Http.Answer answer, int status, String code) {
        assertEquals(status, answer.status(), String.valueOf(answer.body()));
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        assertFalse(answer.body().getBoolean("success"));
        assertEquals(code, answer.body().getString("code"));
        assertEquals(status, answer.body().getInt("status"));
        assertFalse(answer.body().toString().contains("Exception"), "no internals in " + answer.body());
    }

    /**
     * A few bytes that stand for a huge value, and JSON past the reader's limits, are refused as
     * the client's error, with a short answer, and change nothing.
     */
    @Test
    void hugeNumbersAndDeepJsonAreRefusedCheaply() {
        String z = zone();
        Http.Answer version = push(typeScriptPush(
                "Item",
                z,
                "{\"id\": \"h\", \"metadata\": {\"version\": 1e999999999,"
                        + " \"syncOperation\": 0}, \"deleted\": false}"));
        assertProblem(version, 400, "invalid-field");
        assertTrue(version.body().toString().length() < 2_000, version.body().toString());
        Http.Answer limit = Http.post(
                base(),
                "pull",
                "{\"metadata\": {\"Item\": {\"syncZone\": \"" + z + "\", \"version\": 0}}, \"limit\": 1e999999999}");
        assertProblem(limit, 400, "invalid-field");
        assertProblem(
                Http.post(
                        base(),
                        "pull",
                        "{\"metadata\": {\"Item\": {\"syncZone\": \"" + z + "\", \"version\": " + "9".repeat(5_000)
                                + "}}}"),
                400,
                "malformed-json");
        assertProblem(push("[".repeat(10_000) + "]".repeat(10_000)), 400, "malformed-json");
        assertNothingStoredIn(z);
    }

    /**
     * One JSON document of valid UTF-8 per body, each key once, text a database stores: anything
     * else is refused and writes nothing (before, the first document or the last key won, and
     * invalid bytes were replaced, so different ids became one).
     */
    @Test
    void bodiesAreReadStrictly() {
        String z = zone();
        String one = typeScriptPush("Item", z, typeScriptObject("Item", z, "s1", 0, 1000, "\"name\": \"a\""));
        String two = typeScriptPush("Item", z, typeScriptObject("Item", z, "s2", 0, 1000, "\"name\": \"b\""));
        assertProblem(push(one + " xyz"), 400, "malformed-json");
        assertProblem(push(one + two), 400, "malformed-json");
        Http.Answer twice =
                push("{\"data\": {\"Item\": [], \"Item\": [" + typeScriptObject("Item", z, "s3", 0, 1000, "")
                        + "]}, \"operationMetadata\": {\"metadata\": {\"Item\": {\"syncZone\": \"" + z + "\"}}}}");
        assertProblem(twice, 400, "invalid-field");
        assertEquals(
                "/data/Item",
                twice.body().getJsonArray("errors").getJsonObject(0).getString("pointer"));
        byte[] latin = typeScriptPush("Item", z, typeScriptObject("Item", z, "pre#", 0, 1000, ""))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < latin.length; i++) {
            if (latin[i] == '#') {
                latin[i] = (byte) 0xff;
            }
        }
        assertProblem(Http.postBytes(base(), "push", latin), 400, "malformed-json");
        String keyed = one.substring(0, one.length() - 1) + ", \"idempotencyKey\": \"body-key\"}";
        Http.Answer keys = push(keyed, "Idempotency-Key", "header-key");
        assertProblem(keys, 400, "invalid-field");
        assertEquals(
                "/idempotencyKey",
                keys.body().getJsonArray("errors").getJsonObject(0).getString("pointer"));
        assertProblem(
                push(typeScriptPush("Item", "\\ud800", typeScriptObject("Item", null, "s4", 0, 1000, ""))),
                400,
                "invalid-field");
        assertProblem(
                push(typeScriptPush("Item", z, typeScriptObject("Item", z, "nul\\u0000", 0, 1000, ""))),
                400,
                "invalid-field");
        assertNothingStoredIn(z);
    }

    @Test
    void errorMalformedJson() {
        assertProblem(push("{\"data\": "), 400, "malformed-json");
    }

    @Test
    void errorWrongFieldTypeNamesTypeObjectAndField() {
        String z = zone();
        Http.Answer answer = push(typeScriptPush(
                "Item",
                z,
                typeScriptObject("Item", z, "ok", 0, 1000, 1722950000.0, "\"n\": 1"),
                typeScriptObject("Item", z, "bad", 0, 1000, 1722950000.0, "\"n\": 1")
                        .replace("\"version\": 1000", "\"version\": \"1000\"")));
        assertProblem(answer, 400, "invalid-field");
        JsonObject where = answer.body().getJsonArray("errors").getJsonObject(0);
        assertEquals("Item", where.getString("type"));
        assertEquals("bad", where.getString("id"));
        assertEquals("/data/Item/1/metadata/version", where.getString("pointer"));
        assertTrue(pulled("Item", z, 0).getJsonObject("data").isEmpty());
    }

    @Test
    void errorUnknownType() {
        assertProblem(
                push(typeScriptPush(
                        "Nope", zone(), typeScriptObject("Nope", "z", "x", 0, 1000, 1722950000.0, "\"n\": 1"))),
                400,
                "unknown-type");
    }

    @Test
    void errorMissingZone() {
        assertProblem(Http.post(base(), "pull", "{\"metadata\": {\"Item\": {\"version\": 0}}}"), 400, "missing-zone");
    }

    @Test
    void errorPushTooLarge() {
        String z = zone();
        List<String> objects = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            objects.add(typeScriptObject("Item", z, "big" + i, 0, 1000, 1722950000.0, "\"i\": " + i));
        }
        assertProblem(push(typeScriptPush("Item", z, objects.toArray(String[]::new))), 413, "push-too-large");
        assertTrue(pulled("Item", z, 0).getJsonObject("data").isEmpty());
    }

    @Test
    void errorIdempotencyKeyReused() {
        String z = zone();
        String key = UUID.randomUUID().toString();
        push(
                typeScriptPush("Item", z, typeScriptObject("Item", z, "k1", 0, 1000, 1722950000.0, "\"n\": 1")),
                "Idempotency-Key",
                key);
        assertProblem(
                push(
                        typeScriptPush("Item", z, typeScriptObject("Item", z, "k2", 0, 1000, 1722950000.0, "\"n\": 2")),
                        "Idempotency-Key",
                        key),
                422,
                "idempotency-key-reused");
    }

    @Test
    void errorNotFoundAndMethodNotAllowed() {
        assertProblem(Http.post(base(), "nowhere", "{}"), 404, "not-found");
        assertProblem(Http.get(base(), "push"), 405, "method-not-allowed");
    }

    /** @return a JSON example of a request body or an answer of the OpenAPI document */
    private static JsonValue example(JsonObject bodyOrAnswer, String name) {
        return bodyOrAnswer
                .getJsonObject("content")
                .getJsonObject("application/json")
                .getJsonObject("examples")
                .getJsonObject(name)
                .get("value");
    }

    /**
     * The document names every operation, its bodies and the problem body; every status of the error
     * table is a response, with an example of each code; the request examples are the captured bodies
     * of the TypeScript client, and its push examples are taken by this server.
     */
    @Test
    void theOpenApiDocumentDescribesEveryOperationAndEveryStatusOfTheErrorTable() {
        Http.Answer answer = Http.get(base().resolve("/"), "openapi", "Accept", "application/json");
        assertEquals(200, answer.status());
        JsonObject doc = answer.body();
        assertEquals("FastSync", doc.getJsonObject("info").getString("title"));
        assertEquals(
                System.getProperty("fastsync.version"),
                doc.getJsonObject("info").getString("version"));
        JsonObject paths = doc.getJsonObject("paths");
        java.util.Map<String, String> operations = java.util.Map.of(
                "/push", "post",
                "/pull", "post",
                "/changes", "get",
                "/admin/types", "get",
                "/admin/types/{type}/zones", "get",
                "/admin/types/{type}/zones/{zone}/objects/{id}", "get",
                "/admin/refusals", "get",
                "/admin/conflicts", "get",
                "/admin/tombstones/purge", "post",
                "/admin/restored", "post");
        assertEquals(operations.keySet(), paths.keySet());
        java.util.Set<String> statuses = new java.util.TreeSet<>();
        operations.forEach((path, method) -> {
            JsonObject operation = paths.getJsonObject(path).getJsonObject(method);
            assertTrue(operation.getString("summary").length() > 20, path);
            JsonObject responses = operation.getJsonObject("responses");
            assertTrue(responses.containsKey("200"), path);
            responses.keySet().stream().filter(s -> !s.equals("200")).forEach(statuses::add);
        });
        JsonObject components = doc.getJsonObject("components");
        for (String schema : List.of(
                "SyncMetadata",
                "SyncObject",
                "PushRequest",
                "PushAnswer",
                "ObjectResult",
                "PullRequest",
                "PullAnswer",
                "Problem")) {
            assertTrue(components.getJsonObject("schemas").containsKey(schema), schema);
        }
        for (io.fastsync.error.Refusal r : io.fastsync.error.Refusal.values()) {
            String status = String.valueOf(r.status());
            assertTrue(statuses.contains(status), "no operation answers " + status);
            JsonObject example = components
                    .getJsonObject("responses")
                    .getJsonObject(status)
                    .getJsonObject("content")
                    .getJsonObject("application/problem+json")
                    .getJsonObject("examples")
                    .getJsonObject(r.code())
                    .getJsonObject("value");
            assertEquals(r.code(), example.getString("code"));
            assertFalse(example.getBoolean("success"));
        }

        JsonObject push = paths.getJsonObject("/push").getJsonObject("post");
        JsonObject pull = paths.getJsonObject("/pull").getJsonObject("post");
        for (String[] captured : List.of(
                new String[] {"typescript-client-add", "s1-02-A-push.request.json"},
                new String[] {"typescript-client-delete", "s2-06-B-push.request.json"})) {
            JsonValue example = example(push.getJsonObject("requestBody"), captured[0]);
            assertEquals(io.fastsync.wire.testing.CapturedBodies.read(captured[1]), example);
            Http.Answer taken = push(example.toString());
            assertEquals(200, taken.status(), captured[0] + ": " + taken.body());
        }
        for (String[] captured : List.of(
                new String[] {"typescript-client-first-pull", "s1-01-A-pull.request.json"},
                new String[] {"typescript-client-echoed-cursor", "s3-07-A-pull.request.json"})) {
            assertEquals(
                    io.fastsync.wire.testing.CapturedBodies.read(captured[1]),
                    example(pull.getJsonObject("requestBody"), captured[0]));
        }
        // The answers' examples read as the Java client reads answers.
        io.fastsync.wire.AnswerReader.readPushResponse(
                example(push.getJsonObject("responses").getJsonObject("200"), "answer"));
        io.fastsync.wire.AnswerReader.readPullResponse(
                example(pull.getJsonObject("responses").getJsonObject("200"), "answer"));
    }
    /**
     * Live changes: a subscriber hears of commits in its own zones only, at once for a zone
     * already past its cursor, and again after reconnecting with its cursor. (The limits of
     * streams are system-tests' {@code ChangeStreamLimitsContract}'s, where each test owns its caller: here
     * every test calls from this machine, which is one caller in trust mode.)
     */
    @Test
    void aSubscriberIsToldOfCommitsPastItsCursorInItsOwnZonesOnly() throws Exception {
        String mine = zone();
        String other = zone();
        try (ChangeStream stream = ChangeStream.open(base(), ChangeStream.cursor("Item", mine, 0))) {
            assertEquals(200, stream.status());
            assertEquals("ready", stream.next(java.time.Duration.ofSeconds(10)).name());
            push(typeScriptPush("Item", other, typeScriptObject("Item", other, "o1", 0, 1000, "\"n\": 1")));
            push(typeScriptPush("Item", mine, typeScriptObject("Item", mine, "m1", 0, 1000, "\"n\": 1")));
            ChangeStream.Event changed = stream.next(java.time.Duration.ofSeconds(10));
            assertEquals("changed", changed.name(), "the commit in the subscriber's zone is told");
            assertEquals(mine, changed.data().getString("syncZone"), "only the subscriber's zone");
            assertEquals("Item", changed.data().getString("type"));
            assertEquals(1, changed.data().getInt("version"));
            assertEquals(null, stream.next(java.time.Duration.ofMillis(500)), "nothing else was told");
        }

        // The connection cut: a commit meanwhile is told as soon as the subscriber is back with its cursor.
        push(typeScriptPush("Item", mine, typeScriptObject("Item", mine, "m2", 0, 1001, "\"n\": 2")));
        try (ChangeStream back = ChangeStream.open(base(), ChangeStream.cursor("Item", mine, 1))) {
            ChangeStream.Event missed = back.next(java.time.Duration.ofSeconds(10));
            assertEquals("changed", missed.name());
            assertEquals(2, missed.data().getInt("version"));
            assertEquals("ready", back.next(java.time.Duration.ofSeconds(10)).name());
        }
        try (ChangeStream current = ChangeStream.open(base(), ChangeStream.cursor("Item", mine, 2))) {
            assertEquals(
                    "ready", current.next(java.time.Duration.ofSeconds(10)).name(), "a current cursor is told nothing");
        }

        // Checked as a pull is checked.
        ChangeStream unknown = ChangeStream.open(base(), ChangeStream.cursor("Nope", mine, 0));
        assertEquals(400, unknown.status());
        assertEquals("unknown-type", unknown.problem().getString("code"));
        ChangeStream none = ChangeStream.open(base(), "{\"Item\": {\"version\": 0}}");
        assertEquals(400, none.status());
        assertEquals("missing-zone", none.problem().getString("code"));
        ChangeStream garbled = ChangeStream.open(base(), "{\"Item\": ");
        assertEquals(400, garbled.status());
        assertEquals("malformed-json", garbled.problem().getString("code"));
    }
    /**
     * The command-line tool: {@code import} of 5,000 objects, seen arriving by {@code watch} on a
     * second store, which prints each as a JSON line.
     */
    @Test
    void importedObjectsArriveAtAWatchingStore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String z = zone();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            ndjson.append("{\"id\": \"i")
                    .append(i)
                    .append("\", \"n\": ")
                    .append(i)
                    .append("}\n");
        }
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("items.ndjson"), ndjson);

        java.io.ByteArrayOutputStream watched = new java.io.ByteArrayOutputStream();
        java.util.concurrent.atomic.AtomicInteger watchExit = new java.util.concurrent.atomic.AtomicInteger(-1);
        Thread watch = new Thread(() -> watchExit.set(cli(
                watched,
                "--store",
                dir.resolve("watcher").toString(),
                "--server",
                base().toString(),
                "--zone",
                z,
                "watch",
                "Item",
                "40")));
        watch.start();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (!watched.toString(java.nio.charset.StandardCharsets.UTF_8).contains("pulled")
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        java.io.ByteArrayOutputStream imported = new java.io.ByteArrayOutputStream();
        assertEquals(
                0,
                cli(
                        imported,
                        "--store",
                        dir.resolve("importer").toString(),
                        "--server",
                        base().toString(),
                        "--zone",
                        z,
                        "import",
                        "Item",
                        file.toString()),
                imported.toString(java.nio.charset.StandardCharsets.UTF_8));
        String importSaid = imported.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(importSaid.contains("imported 5000 objects into Item"), importSaid);

        watch.join(60_000);
        assertEquals(0, watchExit.get(), watched.toString(java.nio.charset.StandardCharsets.UTF_8));
        String watchSaid = watched.toString(java.nio.charset.StandardCharsets.UTF_8);
        // One JSON object per line for each object pulled, as list prints it (the first pull's
        // count and any progress bar went to stderr, the same stream here).
        java.util.Set<String> printed = new java.util.HashSet<>();
        for (String line : watchSaid.lines().filter(l -> l.startsWith("{")).toList()) {
            JsonObject o = jakarta.json.Json.createReader(new java.io.StringReader(line))
                    .readObject();
            assertEquals("i" + o.getInt("n"), o.getString("id"), line);
            printed.add(o.getString("id"));
        }
        assertEquals(5000, printed.size(), "watch printed each imported object: " + watchSaid);
        java.io.ByteArrayOutputStream listed = new java.io.ByteArrayOutputStream();
        assertEquals(0, cli(listed, "--store", dir.resolve("watcher").toString(), "list", "Item"));
        assertEquals(
                5000,
                listed.toString(java.nio.charset.StandardCharsets.UTF_8).lines().count(),
                "the watching store holds every imported object");

        java.io.ByteArrayOutputStream version = new java.io.ByteArrayOutputStream();
        assertEquals(0, cli(version, "--version"));
        assertTrue(
                version.toString(java.nio.charset.StandardCharsets.UTF_8).matches("fastsync \\d+\\.\\d+\\.\\d+.*\\s*"));
    }

    private static int cli(java.io.ByteArrayOutputStream printed, String... args) {
        java.io.PrintStream out = new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8);
        return io.fastsync.client.cli.FastSyncCli.run(args, out, out, false);
    }
}

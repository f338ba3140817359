package io.fastsync.system;

import static io.fastsync.wire.testing.OldClientBodies.dartPull;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptObject;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptPush;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.testsupport.Directories;
import io.fastsync.testsupport.FastSyncSpans;
import io.fastsync.testsupport.OtlpReceiver;
import io.fastsync.testsupport.http.Http;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What a deployed FastSync server promises its clients, checked over HTTP only against the
 * artifact as the build produced it. Each subclass deploys one artifact on one server, started
 * on a database that the first release created ({@link FirstReleaseDatabase}), with these
 * settings: type {@code Item} only (restricted, last-writer-wins), at most
 * {@value #MAX_OBJECTS} objects per push, exporting its metrics and traces over OTLP to a receiver
 * of the test's ({@link #withTelemetry}). Tests use zones of their own; the restart comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DeployedServerContract {

    static final int MAX_OBJECTS = 20;

    private static final Duration EXPORTED_WITHIN = Duration.ofSeconds(60);

    /** The collector the server under test exports to, started with the first settings that name it. */
    static OtlpReceiver telemetry;

    /** @return the settings, and the standard OpenTelemetry ones that send to {@link #telemetry} */
    static Map<String, String> withTelemetry(Map<String, String> settings) {
        if (telemetry == null) {
            telemetry = OtlpReceiver.start();
        }
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(telemetry.environment("fastsync"));
        return Map.copyOf(all);
    }

    @AfterAll
    static void closeTelemetry() {
        if (telemetry != null) {
            telemetry.close();
            telemetry = null;
        }
    }

    /** @return the address of the FastSync endpoints, ending in a slash */
    protected abstract URI base();

    /** Stops the server and starts it again on the same database and settings. */
    protected abstract void restart();

    /** @return the server's log so far */
    protected abstract String serverLog();

    /**
     * Restarts the server without any database setting but {@code FASTSYNC_DATA_DIR}: the same
     * deployment must then serve from its embedded H2 in a file there.
     */
    protected void assertRestartedWithoutSettingsItUsesItsEmbeddedH2(Path data) {
        Directories.delete(data);
        restart(Map.of("FASTSYNC_DATA_DIR", data.toString()));

        String z = zone();
        Http.Answer pushed = push(typeScriptPush("Item", z, typeScriptObject("Item", z, "h", 0, 1000, "\"n\": 1")));
        assertEquals(200, pushed.status(), pushed.text());
        assertEquals("h", items(pulled(z, 0)).getJsonObject(0).getString("id"));
        assertTrue(serverLog().contains("on H2 ") && serverLog().contains("jdbc:h2:file:" + data), serverLog());
        assertTrue(Files.exists(data.resolve("fastsync.mv.db")));
    }

    /** Stops the server and starts it again with these settings only. */
    protected abstract void restart(Map<String, String> settings);

    private static String zone() {
        return "zone-" + UUID.randomUUID();
    }

    private Http.Answer push(String body, String... headers) {
        return Http.post(base(), "push", body, headers);
    }

    private JsonObject pulled(String zone, long cursor) {
        Http.Answer answer = Http.post(base(), "pull", dartPull("Item", zone, cursor));
        assertEquals(200, answer.status(), answer.text());
        assertTrue(answer.body().getBoolean("success"));
        return answer.body().getJsonObject("data");
    }

    private static JsonArray items(JsonObject pulled) {
        return pulled.getJsonObject("data").getJsonArray("Item");
    }

    private static JsonObject result(Http.Answer pushed) {
        assertEquals(200, pushed.status(), pushed.text());
        return pushed.body()
                .getJsonObject("data")
                .getJsonObject("results")
                .getJsonArray("Item")
                .getJsonObject(0);
    }

    /**
     * Through the server's MicroProfile Telemetry: a push and a pull move their metrics, with the
     * documented names and units, and leave a span each with one child per step.
     */
    @Test
    void aPushAndAPullMoveTheMetricsAndLeaveASpanPerStep() {
        telemetry.awaitFreshMetrics(EXPORTED_WITHIN);
        long pushes = telemetry.count("fastsync.push.duration");
        long pulls = telemetry.count("fastsync.pull.duration");
        double objects = telemetry.histogramSum("fastsync.push.objects");
        String z = zone();
        Http.Answer pushed = push(typeScriptPush(
                "Item",
                z,
                typeScriptObject("Item", z, "o1", 0, 1000, "\"n\": 1"),
                typeScriptObject("Item", z, "o2", 0, 1000, "\"n\": 2")));
        assertEquals(200, pushed.status(), pushed.text());
        assertEquals(2, items(pulled(z, 0)).size());

        telemetry.awaitCount("fastsync.push.duration", pushes + 1, EXPORTED_WITHIN);
        telemetry.awaitCount("fastsync.pull.duration", pulls + 1, EXPORTED_WITHIN);
        assertEquals(objects + 2, telemetry.histogramSum("fastsync.push.objects"), 1e-9);
        assertEquals("s", telemetry.unit("fastsync.push.duration"));
        assertEquals("{object}", telemetry.unit("fastsync.push.objects"));

        OtlpReceiver.Span push = FastSyncSpans.appliedPush(telemetry, 2, EXPORTED_WITHIN);
        assertEquals(FastSyncSpans.PUSH_STEPS, telemetry.awaitChildrenOf(push, 6, EXPORTED_WITHIN));
        assertTrue(
                telemetry.spans().stream()
                        .noneMatch(s -> s.attributes().toString().contains(z)),
                "no span names the zone");
        assertEquals(List.of(), telemetry.errors());
    }

    @Test
    void typeScriptPushIsPulledByADartClient() {
        String z = zone();
        JsonObject applied = result(
                push(typeScriptPush("Item", z, typeScriptObject("Item", z, "a1", 0, 1000, "\"name\": \"milk\""))));
        assertEquals("applied", applied.getString("status"));
        assertEquals(1, applied.getInt("version"));

        JsonObject data = pulled(z, 0);
        JsonObject item = items(data).getJsonObject(0);
        assertEquals("a1", item.getString("id"));
        assertEquals("milk", item.getString("name"));
        assertEquals(
                1722950000967000L,
                item.getJsonObject("metadata").getJsonNumber("timestamp").longValue());
        assertEquals(
                1,
                data.getJsonObject("operationMetadata")
                        .getJsonObject("metadata")
                        .getJsonObject("Item")
                        .getInt("version"));
        assertTrue(pulled(z, 1).getJsonObject("data").isEmpty(), "nothing after the cursor");
    }

    /**
     * A change stream, written through the container's non-blocking output: told of a commit in
     * its zone; HEAD opens none.
     */
    @Test
    void aChangeStreamIsToldOfACommitAndHeadOpensNone() throws Exception {
        String z = zone();
        java.net.URI uri = base().resolve("changes?metadata="
                + java.net.URLEncoder.encode(
                        "{\"Item\": {\"syncZone\": \"" + z + "\", \"version\": 0}}",
                        java.nio.charset.StandardCharsets.UTF_8));
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<java.util.stream.Stream<String>> stream = client.send(
                java.net.http.HttpRequest.newBuilder(uri)
                        .header("Accept", "text/event-stream")
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, stream.statusCode());
        java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (java.util.stream.Stream<String> lines = stream.body()) {
            java.util.Iterator<String> it = lines.iterator();
            java.util.function.Function<String, String> lineStartingWith = prefix -> {
                try {
                    return reader.submit(() -> {
                                while (it.hasNext()) {
                                    String line = it.next();
                                    if (line.startsWith(prefix)) {
                                        return line;
                                    }
                                }
                                return null;
                            })
                            .get(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("no line starting with " + prefix, e);
                }
            };
            assertEquals("event: ready", lineStartingWith.apply("event: ready"));
            result(push(typeScriptPush("Item", z, typeScriptObject("Item", z, "s1", 0, 1000, "\"n\": 1"))));
            assertEquals("event: changed", lineStartingWith.apply("event: changed"));
            assertTrue(lineStartingWith.apply("data:").contains("\"syncZone\":\"" + z + "\""));
        } finally {
            reader.shutdownNow();
        }
        java.net.http.HttpResponse<Void> head = client.send(
                java.net.http.HttpRequest.newBuilder(uri)
                        .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertEquals(405, head.statusCode());
    }

    @Test
    void updateAndDeleteReachTheOtherClientInVersionOrder() {
        String z = zone();
        push(typeScriptPush("Item", z, typeScriptObject("Item", z, "d1", 0, 1000, "\"n\": 1")));
        assertEquals(
                2,
                result(push(typeScriptPush("Item", z, typeScriptObject("Item", z, "d1", 1, 2, "\"n\": 2"))))
                        .getInt("version"));
        assertEquals(
                3,
                result(push(typeScriptPush("Item", z, typeScriptObject("Item", z, "d1", 2, 3, "\"n\": 2"))))
                        .getInt("version"));
        JsonObject tombstone = items(pulled(z, 1)).getJsonObject(0);
        assertTrue(tombstone.getBoolean("deleted"));
        assertEquals(3, tombstone.getJsonObject("metadata").getInt("version"));
    }

    @Test
    void retriedPushWithIdempotencyKeyChangesNothing() {
        String z = zone();
        String body = typeScriptPush(
                "Item",
                z,
                typeScriptObject("Item", z, "r1", 0, 1000, "\"n\": 1"),
                typeScriptObject("Item", z, "r2", 0, 1000, "\"n\": 2"));
        String key = UUID.randomUUID().toString();
        Http.Answer first = push(body, "Idempotency-Key", key);
        Http.Answer again = push(body, "Idempotency-Key", key);
        assertEquals(200, again.status(), again.text());
        assertFalse(first.body().getJsonObject("data").getBoolean("replayed"));
        assertTrue(again.body().getJsonObject("data").getBoolean("replayed"));
        assertEquals(
                first.body().getJsonObject("data").getJsonObject("results"),
                again.body().getJsonObject("data").getJsonObject("results"));
        assertEquals(2, items(pulled(z, 0)).size());
    }

    @Test
    void firstReleaseDatabaseWasUpgradedWithItsDataIntact() {
        JsonArray kept = items(pulled(FirstReleaseDatabase.ZONE, 0));
        assertEquals(2, kept.size(), kept.toString());
        JsonObject item = kept.getJsonObject(0);
        assertEquals("kept", item.getString("id"));
        assertEquals("milk", item.getString("name"));
        assertEquals(2, item.getInt("qty"));
        assertEquals(1, item.getJsonObject("metadata").getInt("version"));
        assertEquals("gone", kept.getJsonObject(1).getString("id"));
        assertTrue(kept.getJsonObject(1).getBoolean("deleted"), "the tombstone is still sent");

        String z = FirstReleaseDatabase.ZONE;
        JsonObject updated = result(
                push(typeScriptPush("Item", z, typeScriptObject("Item", z, "kept", 1, 2, "\"name\": \"oat milk\""))));
        assertEquals("applied", updated.getString("status"));
        assertEquals(3, updated.getInt("version"), "the zone's counter carries on from the first release");
        assertTrue(serverLog().contains("schema upgraded from version 1 to "), "the start-up log reports the upgrade");
    }

    // ---- the error table of docs/http-api.md

    private static void assertProblem(Http.Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.text());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        assertFalse(answer.body().getBoolean("success"));
        assertEquals(code, answer.body().getString("code"));
        assertFalse(answer.text().contains("Exception"), "no internals in " + answer.text());
    }

    @Test
    void errorTable() {
        assertProblem(push("{\"data\": "), 400, "malformed-json");

        String z = zone();
        assertProblem(
                push(typeScriptPush(
                        "Item",
                        z,
                        typeScriptObject("Item", z, "v", 0, 1000, "\"n\": 1")
                                .replace("\"version\": 1000", "\"version\": \"1000\""))),
                400,
                "invalid-field");
        assertProblem(
                push(typeScriptPush("Nope", z, typeScriptObject("Nope", z, "x", 0, 1000, "\"n\": 1"))),
                400,
                "unknown-type");
        assertProblem(Http.post(base(), "pull", "{\"metadata\": {\"Item\": {\"version\": 0}}}"), 400, "missing-zone");
        assertProblem(Http.post(base(), "nowhere", "{}"), 404, "not-found");
        assertProblem(Http.get(base(), "push"), 405, "method-not-allowed");

        String other = zone();
        push(typeScriptPush("Item", z, typeScriptObject("Item", z, "mine", 0, 1000, "\"n\": 1")));
        // Ids are per zone: another zone's id is an object of the pusher's own.
        String elsewhere = zone();
        assertEquals(
                200,
                push(typeScriptPush("Item", elsewhere, typeScriptObject("Item", elsewhere, "mine", 1, 2, "\"n\": 2")))
                        .status());

        List<String> many = new ArrayList<>();
        for (int i = 0; i <= MAX_OBJECTS; i++) {
            many.add(typeScriptObject("Item", other, "big" + i, 0, 1000, "\"i\": " + i));
        }
        assertProblem(push(typeScriptPush("Item", other, many.toArray(String[]::new))), 413, "push-too-large");

        String key = UUID.randomUUID().toString();
        push(
                typeScriptPush("Item", other, typeScriptObject("Item", other, "k1", 0, 1000, "\"n\": 1")),
                "Idempotency-Key",
                key);
        assertProblem(
                push(
                        typeScriptPush("Item", other, typeScriptObject("Item", other, "k2", 0, 1000, "\"n\": 2")),
                        "Idempotency-Key",
                        key),
                422,
                "idempotency-key-reused");

        assertEquals(
                List.of("k1"),
                items(pulled(other, 0)).stream()
                        .map(o -> ((JsonObject) o).getString("id"))
                        .toList(),
                "refused pushes wrote nothing");
        // Each refusal is logged with its path within FastSync, whatever the server's JAX-RS.
        assertTrue(serverLog().contains("FastSync refused GET /push from 127.0.0.1: 405"), "a refusal is logged");
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void restartedServerFindsItsTablesAndKeepsTheData() {
        String z = zone();
        push(typeScriptPush("Item", z, typeScriptObject("Item", z, "before-restart", 0, 1000, "\"n\": 7")));

        restart();

        JsonObject item = items(pulled(z, 0)).getJsonObject(0);
        assertEquals("before-restart", item.getString("id"));
        assertEquals(7, item.getInt("n"));
        assertEquals(2, items(pulled(FirstReleaseDatabase.ZONE, 0)).size());
        assertEquals(
                2,
                result(push(typeScriptPush(
                                "Item", z, typeScriptObject("Item", z, "after-restart", 0, 1000, "\"n\": 8"))))
                        .getInt("version"),
                "versions carry on after the restart");
    }
}

package io.fastsync.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.wire.testing.CapturedBodies;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireJsonTest {

    private static JsonValue parse(String json) {
        return Json.createReader(new StringReader(json)).readValue();
    }

    /**
     * What the Dart client with sqflite sends, from reading its source: doubles for version and
     * timestamp, hasData, and a metadata id of its own.
     */
    private static final String DART_PUSH = """
            {"data": {"Item": [
               {"id": "b2", "deleted": true, "hasData": true, "price": 2.5,
                "metadata": {"id": "0c7e5a3e-8d0f-4d7e-9a51-3f0f3b1c2d4e", "type": "Item", "version": 5.0, "syncZone": "user-1",
                             "timestamp": 1722950000123000.0, "syncOperation": 2.0}}]},
             "operationMetadata": {"metadata": {"Item": {"id": "Item", "type": "Item", "syncZone": "user-1",
                             "version": 999.0, "timestamp": 1722950000123000, "syncOperation": 999}}}}
            """;

    @Test
    void theTypeScriptClientsAddIsReadWithItsFieldsAndItsOwnMetadataId() {
        PushRequest push = RequestReader.readPush(CapturedBodies.read("s1-02-A-push.request.json"));
        List<SyncObject> items = push.payload().data().get("Item");
        assertEquals(3, items.size());
        SyncObject one = items.get(0);
        assertEquals("15335ffd-d99d-458b-9919-513b77ddbd90", one.id());
        assertEquals(
                "5406233f-58df-411d-9aae-25a7d138bb69", one.metadata().id(), "the client's metadata id, kept as sent");
        assertFalse(one.deleted());
        assertEquals(1000L, one.metadata().version());
        assertEquals(SyncOperation.ADD, one.metadata().syncOperation());
        assertEquals(1_796_112_961_048_000L, one.metadata().timestamp());
        assertNull(one.metadata().baseVersion());
        assertEquals(
                Json.createObjectBuilder()
                        .add("name", "one")
                        .add("description", "first item")
                        .build(),
                one.fields());
        assertEquals("fixture-alice", push.payload().metadata().get("Item").syncZone());
        assertNull(push.idempotencyKey());
    }

    @Test
    void everyCapturedBodyIsRead() {
        List<String> names = CapturedBodies.names();
        assertEquals(24, names.size());
        for (String name : names) {
            JsonValue body = CapturedBodies.read(name);
            if (name.endsWith("-push.request.json")) {
                PushRequest push = RequestReader.readPush(body);
                for (List<SyncObject> objects : push.payload().data().values()) {
                    for (SyncObject o : objects) {
                        assertFalse(
                                o.id().equals(o.metadata().id()), name + ": the captures never send metadata.id = id");
                        assertFalse(
                                o.fields().containsKey("metadataId")
                                        || o.fields().containsKey("dirty"),
                                name);
                    }
                }
            } else {
                assertFalse(RequestReader.readPull(body).metadata().isEmpty(), name);
            }
        }
    }

    @Test
    void writtenObjectsCarryTheirMetadataIdTwiceAsClientsExpect() {
        SyncObject object = new SyncObject(
                "obj",
                false,
                new SyncMetadata("meta-7", "Item", 3, "z", 1, SyncOperation.UPDATE, null),
                JsonValue.EMPTY_JSON_OBJECT);
        PullResponse page = new PullResponse(new SyncPayload(Map.of("Item", List.of(object)), Map.of()), false);
        var written = parse(WireJson.text(out -> MessageWriter.writePullResponse(page, out)))
                .asJsonObject()
                .getJsonObject("data")
                .getJsonObject("data")
                .getJsonArray("Item")
                .getJsonObject(0);
        assertEquals("obj", written.getString("id"));
        assertEquals("meta-7", written.getJsonObject("metadata").getString("id"));
        assertEquals("meta-7", written.getString("metadataId"));
    }

    @Test
    void aMetadataIdThatIsNoUsableStringIsDroppedNotRefused() {
        String[] odd = {"12", "{}", "\"\"", "\"" + "x".repeat(201) + "\"", "\"nul\\u0000\""};
        for (String value : odd) {
            SyncObject o = RequestReader.readPush(parse("{\"data\": {\"Item\": [{\"id\": \"x\", \"metadataId\": "
                            + value + ", \"metadata\": {\"id\": " + value
                            + ", \"version\": 1000, \"syncOperation\": 0}}]}}"))
                    .payload()
                    .data()
                    .get("Item")
                    .get(0);
            assertEquals("x", o.metadata().id(), value);
        }
    }

    @Test
    void dartPushWithDoublesIsRead() {
        SyncObject item = RequestReader.readPush(parse(DART_PUSH))
                .payload()
                .data()
                .get("Item")
                .get(0);
        assertTrue(item.deleted());
        assertEquals(5L, item.metadata().version());
        assertEquals(SyncOperation.DELETE, item.metadata().syncOperation());
        assertEquals(1_722_950_000_123_000L, item.metadata().timestamp());
        assertEquals(Json.createObjectBuilder().add("price", 2.5).build(), item.fields());
    }

    @Test
    void pullBodyOfAnOldClientIsRead() {
        PullRequest pull = RequestReader.readPull(parse("""
                {"metadata": {"Item": {"id": "Item", "type": "Item", "syncZone": "user-1", "version": 7,
                 "timestamp": 1722950000, "syncOperation": 999}, "Note": {"type": "Note", "version": 0.0}}}
                """));
        assertEquals(List.of("Item", "Note"), List.copyOf(pull.metadata().keySet()));
        assertEquals(7L, pull.metadata().get("Item").version());
        assertEquals("user-1", pull.metadata().get("Item").syncZone());
        assertNull(pull.metadata().get("Note").syncZone());
        assertNull(pull.limit());
        assertFalse(pull.startsOver());
    }

    @Test
    void aClientThatStartsOverByItselfSaysSoAndItsCursorsAndPushedVersionsKeepTheirMarks() {
        PullRequest sent = new PullRequest(
                Map.of("Item", SyncMetadata.cursor("Item", "user-1", 7, 1796112961048999L)),
                50,
                true,
                Map.of("Item", SyncMetadata.cursor("Item", "user-1", 9, 1796112962048999L)));
        PullRequest read = RequestReader.readPull(parse(WireJson.text(out -> MessageWriter.writePull(sent, out))));
        assertTrue(read.startsOver());
        assertEquals(1796112961048999L, read.metadata().get("Item").timestamp());
        assertEquals(sent, read);
        WireFormatException e = assertThrows(
                WireFormatException.class,
                () -> RequestReader.readPull(parse("{\"metadata\": {}, \"startsOver\": \"yes\"}")));
        assertEquals("/startsOver", e.pointer());
    }

    @Test
    void wrongFieldTypeNamesTheTypeTheObjectAndThePointer() {
        WireFormatException e = assertThrows(WireFormatException.class, () -> RequestReader.readPush(parse("""
                {"data": {"Item": [{"id": "ok", "metadata": {"version": 1, "syncOperation": 0}},
                                   {"id": "bad", "metadata": {"version": "two", "syncOperation": 1}}]}}
                """)));
        assertEquals("/data/Item/1/metadata/version", e.pointer());
        assertEquals("Item", e.type());
        assertEquals("bad", e.objectId());
    }

    @Test
    void objectWithoutIdIsRejected() {
        WireFormatException e = assertThrows(WireFormatException.class, () -> RequestReader.readPush(parse("""
                {"data": {"Item": [{"metadata": {"version": 1, "syncOperation": 0}}]}}
                """)));
        assertEquals("/data/Item/0/id", e.pointer());
    }

    @Test
    void unknownOperationCodeIsRejected() {
        WireFormatException e = assertThrows(WireFormatException.class, () -> RequestReader.readPush(parse("""
                {"data": {"Item": [{"id": "x", "metadata": {"version": 1, "syncOperation": 7}}]}}
                """)));
        assertEquals("/data/Item/0/metadata/syncOperation", e.pointer());
    }

    @Test
    void objectListedUnderAnotherTypeIsRejected() {
        WireFormatException e = assertThrows(WireFormatException.class, () -> RequestReader.readPush(parse("""
                {"data": {"Item": [{"id": "x", "metadata": {"type": "Note", "version": 1, "syncOperation": 1}}]}}
                """)));
        assertEquals("/data/Item/0/metadata/type", e.pointer());
    }

    @Test
    void pushWithoutDataIsRejected() {
        WireFormatException e =
                assertThrows(WireFormatException.class, () -> RequestReader.readPush(parse("{\"items\": []}")));
        assertEquals("/data", e.pointer());
    }

    @Test
    void typeNamesWithSlashesAreEscapedInPointers() {
        WireFormatException e = assertThrows(WireFormatException.class, () -> RequestReader.readPush(parse("""
                {"data": {"a/b": 3}}
                """)));
        assertEquals("/data/a~1b", e.pointer());
    }

    @Test
    void pullAnswerRoundTripsThroughWriterAndReader() {
        SyncObject object = new SyncObject(
                "id-1",
                false,
                new SyncMetadata("id-1", "Item", 8, "z", 1_722_950_000_123_456L, SyncOperation.UPDATE, null),
                Json.createObjectBuilder().add("name", "x").build());
        PullResponse sent = new PullResponse(
                new SyncPayload(Map.of("Item", List.of(object)), Map.of("Item", SyncMetadata.cursor("Item", "z", 8))),
                true);
        String json = WireJson.text(out -> MessageWriter.writePullResponse(sent, out));
        PullResponse read = AnswerReader.readPullResponse(parse(json));
        assertTrue(read.hasMore());
        assertEquals(object, read.payload().data().get("Item").get(0));
        assertEquals(8L, read.payload().metadata().get("Item").version());
        assertTrue(json.contains("\"success\":true"));
    }

    @Test
    void pushAnswerRoundTrips() {
        PushResponse sent = new PushResponse(
                Map.of(
                        "Item",
                        List.of(
                                new ObjectResult("a", PushOutcome.APPLIED, null, null, 3, false),
                                new ObjectResult(
                                        "b",
                                        PushOutcome.RESOLVED,
                                        ConflictWinner.SERVER,
                                        "last-writer-wins",
                                        4,
                                        true))),
                false,
                Map.of("Item", 1796112961048999L));
        PushResponse read =
                AnswerReader.readPushResponse(parse(WireJson.text(out -> MessageWriter.writePushResponse(sent, out))));
        assertEquals(sent, read);
        // Without marks (an older server), as before.
        PushResponse none = new PushResponse(sent.results(), false);
        assertEquals(
                none,
                AnswerReader.readPushResponse(parse(WireJson.text(out -> MessageWriter.writePushResponse(none, out)))));
    }

    private static JsonValue request(byte[] body) {
        return WireJson.parseRequest(new java.io.ByteArrayInputStream(body));
    }

    private static JsonValue request(String body) {
        return request(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A request body is one JSON document of valid UTF-8, each key once, and text a database stores. */
    @Test
    void requestBodiesAreReadStrictly() {
        assertEquals("b", request("{\"a\": \"b\"}  \n").asJsonObject().getString("a"));
        assertEquals(
                "\ud83d\ude00 é",
                request("[\"\\ud83d\\ude00 é\"]").asJsonArray().getString(0));
        org.junit.jupiter.api.Assertions.assertThrows(
                jakarta.json.stream.JsonParsingException.class, () -> request("{\"a\": 1} xyz"));
        org.junit.jupiter.api.Assertions.assertThrows(
                jakarta.json.stream.JsonParsingException.class, () -> request("{\"a\": 1}{\"a\": 2}"));
        WireFormatException twice = org.junit.jupiter.api.Assertions.assertThrows(
                WireFormatException.class, () -> request("{\"data\": {\"Item\": [], \"Item\": []}}"));
        assertEquals("/data/Item", twice.pointer());
        jakarta.json.JsonException utf8 = org.junit.jupiter.api.Assertions.assertThrows(
                jakarta.json.JsonException.class,
                () -> request(new byte[] {'[', '"', 'p', 'r', 'e', (byte) 0xff, '"', ']'}));
        assertTrue(
                utf8.getCause() instanceof java.nio.charset.CharacterCodingException, String.valueOf(utf8.getCause()));
        WireFormatException lone = org.junit.jupiter.api.Assertions.assertThrows(
                WireFormatException.class, () -> request("{\"zone\": [\"x\", \"\\ud800\"]}"));
        assertEquals("/zone/1", lone.pointer());
        WireFormatException nul = org.junit.jupiter.api.Assertions.assertThrows(
                WireFormatException.class, () -> request("{\"id\\u0000\": 1}"));
        assertTrue(nul.getMessage().contains("U+0000"), nul.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(jakarta.json.JsonException.class, () -> request("  "));
    }
}

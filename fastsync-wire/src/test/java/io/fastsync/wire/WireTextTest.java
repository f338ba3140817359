package io.fastsync.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written message text: the same bytes as JSON-P's generator, and fields copied as text. */
class WireTextTest {

    /** Every character class the escaping must handle: quote, backslash, controls, non-ASCII, a surrogate pair. */
    private static final String AWKWARD = "q\"b\\n\nt\tr\rb\bf\fz\u0000e\u001f slash/ é ü 中 \uD83D\uDE00 \u2028";

    private static JsonObject fields() {
        return Json.createObjectBuilder()
                .add("name", AWKWARD)
                .add("qty", 3)
                .add("price", 2.5)
                .add("big", 12345678901234L)
                .add("ok", true)
                .add("none", JsonValue.NULL)
                .add(
                        "tags",
                        Json.createArrayBuilder()
                                .add("a")
                                .add(1)
                                .add(Json.createObjectBuilder().add("k", "v")))
                .add("nested", Json.createObjectBuilder().add(AWKWARD, AWKWARD))
                .build();
    }

    private static PushRequest push() {
        Map<String, List<SyncObject>> data = new LinkedHashMap<>();
        data.put(
                "Item",
                List.of(
                        new SyncObject(
                                "a\"1",
                                false,
                                new SyncMetadata(
                                        "a\"1", "Item", 3, "zone/é", 1_722_950_000_123_456L, SyncOperation.UPDATE, 2L),
                                fields()),
                        new SyncObject(
                                "b2",
                                true,
                                new SyncMetadata(null, "Item", 1, null, 7, SyncOperation.DELETE, null),
                                JsonValue.EMPTY_JSON_OBJECT)));
        data.put("Other" + AWKWARD, List.of());
        Map<String, SyncMetadata> metadata = new LinkedHashMap<>();
        metadata.put("Item", new SyncMetadata("Item", "Item", 999, "zone/é", 0, SyncOperation.NONE, null));
        return new PushRequest(new SyncPayload(data, metadata), "key-1");
    }

    /** The push body as the generator-based writer of the first release wrote it, member by member. */
    private static String asGeneratorWroteIt(PushRequest request) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.createGenerator(out)) {
            g.writeStartObject().writeStartObject("data");
            request.payload().data().forEach((type, objects) -> {
                g.writeStartArray(type);
                for (SyncObject o : objects) {
                    g.writeStartObject()
                            .write("id", o.id())
                            .write("deleted", o.deleted())
                            .writeKey("metadata");
                    metadata(g, o.metadata());
                    g.write("metadataId", o.id()).write("dirty", false);
                    o.fields().forEach(g::write);
                    g.writeEnd();
                }
                g.writeEnd();
            });
            g.writeEnd().writeStartObject("operationMetadata").writeStartObject("metadata");
            request.payload().metadata().forEach((type, m) -> {
                g.writeKey(type);
                metadata(g, m);
            });
            g.writeEnd()
                    .writeEnd()
                    .write("idempotencyKey", request.idempotencyKey())
                    .writeEnd();
        }
        return out.toString();
    }

    private static void metadata(JsonGenerator g, SyncMetadata m) {
        g.writeStartObject();
        if (m.id() == null) {
            g.writeNull("id");
        } else {
            g.write("id", m.id());
        }
        g.write("type", m.type()).write("version", m.version());
        if (m.syncZone() == null) {
            g.writeNull("syncZone");
        } else {
            g.write("syncZone", m.syncZone());
        }
        g.write("timestamp", m.timestamp())
                .write("syncOperation", m.syncOperation().code());
        if (m.baseVersion() != null) {
            g.write("baseVersion", m.baseVersion());
        }
        g.writeEnd();
    }

    @Test
    void pushTextIsByteForByteWhatTheGeneratorWrote() {
        // The idempotency hash is taken over this text: receipts stored by an earlier release must still match.
        PushRequest request = push();
        assertEquals(asGeneratorWroteIt(request), WireJson.text(out -> MessageWriter.writePush(request, out)));
    }

    @Test
    void pushTextReadsBackAsTheSameRequest() {
        PushRequest request = push();
        PushRequest read =
                RequestReader.readPush(WireJson.parse(WireJson.text(out -> MessageWriter.writePush(request, out))));
        assertEquals(
                request.payload().data().get("Item").get(0).fields(),
                read.payload().data().get("Item").get(0).fields());
        assertEquals(
                request.payload().data().get("Item").get(0).metadata(),
                read.payload().data().get("Item").get(0).metadata());
        assertEquals(
                AWKWARD,
                read.payload().data().keySet().stream()
                        .filter(k -> k.startsWith("Other"))
                        .findFirst()
                        .orElseThrow()
                        .substring("Other".length()));
    }

    @Test
    void storedTextIsCopiedIntoAPullPageWithoutBeingRead() {
        // Not JSON at all: had the writer parsed it, this would fail. It is copied as it is.
        RawJsonObject stored = new RawJsonObject("{\"copied\":\"as is\"   }");
        SyncObject o = new SyncObject(
                "x",
                false,
                new SyncMetadata("x", "Item", 1, "z", 1_722_950_000_123_456L, SyncOperation.ADD, null),
                stored);
        PullResponse page = new PullResponse(new SyncPayload(Map.of("Item", List.of(o)), Map.of()), false);
        String text = WireJson.text(out -> MessageWriter.writePullResponse(page, out));
        assertEquals(
                "{\"success\":true,\"data\":{\"data\":{\"Item\":[{\"id\":\"x\",\"deleted\":false,\"metadata\":{\"id\":\"x\","
                        + "\"type\":\"Item\",\"version\":1,\"syncZone\":\"z\",\"timestamp\":1722950000123456,\"syncOperation\":0},\"metadataId\":\"x\","
                        + "\"dirty\":false,\"copied\":\"as is\"   }]},\"operationMetadata\":{\"metadata\":{}}},\"hasMore\":false}",
                text);
        assertEquals(
                List.of(o),
                AnswerReader.readPullResponse(WireJson.parse(text))
                        .payload()
                        .data()
                        .get("Item"));
    }

    @Test
    void rawObjectsEqualParsedOnesAndReadLazily() {
        JsonObject parsed = fields();
        RawJsonObject fromText = new RawJsonObject(parsed.toString());
        assertEquals(parsed, fromText);
        assertEquals(fromText, parsed);
        assertEquals(parsed.hashCode(), fromText.hashCode());
        assertEquals(AWKWARD, fromText.getString("name"));
        assertEquals(3, fromText.getInt("qty"));
        assertEquals(parsed.toString(), RawJsonObject.of(parsed).toString());
        RawJsonObject once = RawJsonObject.of(parsed);
        assertSame(once, RawJsonObject.of(once));
        assertSame(once.toString(), once.toString());
        assertNotSame(parsed, once);
        RawJsonObject broken = new RawJsonObject("{not json");
        assertEquals("{not json", broken.toString());
        assertThrows(JsonException.class, () -> broken.get("a"));
    }
}

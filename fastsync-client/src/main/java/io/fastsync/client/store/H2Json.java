package io.fastsync.client.store;

import io.fastsync.wire.MessageWriter;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.RequestReader;
import io.fastsync.wire.WireJson;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** The text form of what {@link H2Store} keeps as JSON columns. */
final class H2Json {

    private H2Json() {}

    static JsonObject object(String text) {
        return WireJson.parseObject(text);
    }

    /**
     * The request is stored in its wire form and read back with the wire codec, so the retry is
     * written exactly as the first attempt was.
     */
    static String request(PendingPush push) {
        return WireJson.text(out -> MessageWriter.writePush(push.request(), out));
    }

    static String revisions(PendingPush push) {
        JsonObjectBuilder byType = WireJson.objectBuilder();
        push.revisions().forEach((type, byId) -> {
            JsonObjectBuilder ids = WireJson.objectBuilder();
            byId.forEach(ids::add);
            byType.add(type, ids);
        });
        return byType.build().toString();
    }

    static PendingPush pendingPush(String requestText, String revisionsText) {
        PushRequest request = RequestReader.readPush(object(requestText));
        Map<String, Map<String, Long>> revisions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> type : object(revisionsText).entrySet()) {
            Map<String, Long> byId = new LinkedHashMap<>();
            type.getValue().asJsonObject().forEach((id, rev) -> byId.put(id, ((JsonNumber) rev).longValue()));
            revisions.put(type.getKey(), byId);
        }
        return new PendingPush(request, revisions);
    }
}

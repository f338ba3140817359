package io.fastsync.client.store;

import io.fastsync.wire.PushRequest;
import io.fastsync.wire.WireJson;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/** The text form of what {@link H2Store} keeps as JSON columns. */
final class H2Json {

    private H2Json() {
    }

    static JsonObject object(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /**
     * The request is stored in its wire form and read back with the wire codec, so the retry is
     * written exactly as the first attempt was.
     */
    static String request(PendingPush push) {
        return WireJson.toJson(g -> WireJson.writePush(push.request(), g));
    }

    static String revisions(PendingPush push) {
        JsonObjectBuilder byType = Json.createObjectBuilder();
        push.revisions().forEach((type, byId) -> {
            JsonObjectBuilder ids = Json.createObjectBuilder();
            byId.forEach(ids::add);
            byType.add(type, ids);
        });
        return byType.build().toString();
    }

    static PendingPush pendingPush(String requestText, String revisionsText) {
        PushRequest request = WireJson.readPush(object(requestText));
        Map<String, Map<String, Long>> revisions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> type : object(revisionsText).entrySet()) {
            Map<String, Long> byId = new LinkedHashMap<>();
            type.getValue().asJsonObject().forEach((id, rev) -> byId.put(id, ((JsonNumber) rev).longValue()));
            revisions.put(type.getKey(), byId);
        }
        return new PendingPush(request, revisions);
    }
}

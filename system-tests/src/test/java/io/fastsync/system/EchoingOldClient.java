package io.fastsync.system;

import io.fastsync.testsupport.http.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pulls as the captured TypeScript client does (fixtures {@code ts-client-1.0.4}, points 13 to 16 of
 * their README): one entry per registered type, a fresh cursor (version 0, an integer-seconds
 * timestamp) for a type no answer has carried a cursor for yet, and otherwise the per-type metadata
 * of the last answer that carried one, sent back as it came. It ignores {@code hasMore} and
 * {@code 410}. Each page is stored as it comes: an object replaces the one held, a deleted one is
 * removed.
 */
final class EchoingOldClient {

    private final URI base;
    private final String zone;
    private final List<String> types;
    private final Map<String, JsonObject> cursors = new LinkedHashMap<>();
    private final Map<String, Map<String, JsonObject>> held = new LinkedHashMap<>();

    EchoingOldClient(URI base, String zone, String... types) {
        this.base = base;
        this.zone = zone;
        this.types = List.of(types);
        this.types.forEach(type -> held.put(type, new TreeMap<>()));
    }

    /** @return the server's answer to one pull, already stored if it was a page */
    Http.Answer pull() {
        JsonObjectBuilder metadata = Json.createObjectBuilder();
        for (String type : types) {
            metadata.add(type, cursors.getOrDefault(type, fresh(type)));
        }
        Http.Answer answer = Http.post(
                base,
                "pull",
                Json.createObjectBuilder().add("metadata", metadata).build().toString());
        if (answer.status() == 200) {
            JsonObject page = answer.body().getJsonObject("data");
            page.getJsonObject("data")
                    .forEach((type, list) -> list.asJsonArray().stream()
                            .map(JsonValue::asJsonObject)
                            .forEach(o -> {
                                if (o.getBoolean("deleted")) {
                                    held.get(type).remove(o.getString("id"));
                                } else {
                                    held.get(type).put(o.getString("id"), o);
                                }
                            }));
            page.getJsonObject("operationMetadata")
                    .getJsonObject("metadata")
                    .forEach((type, cursor) -> cursors.put(type, cursor.asJsonObject()));
        }
        return answer;
    }

    private JsonObject fresh(String type) {
        return Json.createObjectBuilder()
                .add("syncZone", zone)
                .add("type", type)
                .add("id", type)
                .add("version", 0)
                .add("timestamp", 1796112960)
                .add("syncOperation", 999)
                .build();
    }

    /** @return the objects held of a type, by id */
    Map<String, JsonObject> objects(String type) {
        return held.get(type);
    }

    /** @return the cursor it sends next for a type; its {@code version} is 0 before any answer carried one */
    JsonObject cursor(String type) {
        return cursors.getOrDefault(type, fresh(type));
    }
}

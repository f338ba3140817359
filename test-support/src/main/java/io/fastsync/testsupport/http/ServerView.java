package io.fastsync.testsupport.http;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the server holds in one zone of one type, read with raw pulls from version 0, page after
 * page, without any client code in between.
 *
 * @param live         the objects not deleted, by id, as documents: {@code id} and their fields
 * @param liveVersions the version each object of {@code live} was delivered with, by id
 * @param versions     every version delivered, in delivery order
 */
public record ServerView(Map<String, JsonObject> live, Map<String, Long> liveVersions, List<Long> versions) {

    private static final Set<String> NOT_FIELDS = Set.of("deleted", "metadata", "metadataId", "dirty");

    /** @return what the server holds in that zone of that type now, read through every page */
    public static ServerView read(URI base, String type, String zone) {
        Map<String, JsonObject> latest = new TreeMap<>();
        Map<String, Long> latestVersions = new TreeMap<>();
        List<Long> versions = new ArrayList<>();
        long cursor = 0;
        boolean more = true;
        while (more) {
            Http.Answer answer = Http.post(
                    base,
                    "pull",
                    "{\"metadata\": {\"" + type + "\": {\"id\": \"" + type + "\", \"type\": \"" + type
                            + "\", \"syncZone\": \"" + zone + "\", \"version\": " + cursor
                            + ", \"timestamp\": 0, \"syncOperation\": 999}}}");
            if (answer.status() != 200) {
                throw new AssertionError("pull answered " + answer.status() + ": " + answer.body());
            }
            JsonObject data = answer.body().getJsonObject("data");
            JsonArray objects = data.getJsonObject("data").getJsonArray(type);
            if (objects != null) {
                for (JsonValue v : objects) {
                    JsonObject o = v.asJsonObject();
                    long version =
                            o.getJsonObject("metadata").getJsonNumber("version").longValue();
                    versions.add(version);
                    if (o.getBoolean("deleted", false)) {
                        latest.remove(o.getString("id"));
                        latestVersions.remove(o.getString("id"));
                    } else {
                        latest.put(o.getString("id"), document(o));
                        latestVersions.put(o.getString("id"), version);
                    }
                }
                cursor = data.getJsonObject("operationMetadata")
                        .getJsonObject("metadata")
                        .getJsonObject(type)
                        .getJsonNumber("version")
                        .longValue();
            }
            more = answer.body().getBoolean("hasMore", false);
        }
        return new ServerView(latest, latestVersions, versions);
    }

    private static JsonObject document(JsonObject wire) {
        JsonObjectBuilder doc = Json.createObjectBuilder();
        wire.forEach((key, value) -> {
            if (!NOT_FIELDS.contains(key)) {
                doc.add(key, value);
            }
        });
        return doc.build();
    }
}

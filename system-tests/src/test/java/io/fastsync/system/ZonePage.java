package io.fastsync.system;

import io.fastsync.testsupport.http.Http;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a zone's {@code Item} changes, pulled over HTTP from a cursor.
 *
 * @param objects id to version
 * @param changes {@code id@version}, in page order
 * @param next    the cursor the page gave; null where it gave none
 */
record ZonePage(Map<String, Long> objects, List<String> changes, Long next, boolean hasMore) {

    /** @throws AssertionError if the pull is not answered 200 */
    static ZonePage pull(URI base, String zone, long cursor, int limit) {
        Http.Answer answer = Http.post(
                base,
                "pull",
                "{\"metadata\": {\"Item\": {\"syncZone\": \"" + zone + "\", \"version\": " + cursor + "}}, \"limit\": "
                        + limit + "}",
                "Content-Type",
                "application/json");
        if (answer.status() != 200) {
            throw new AssertionError("pull answered " + answer.status() + ": " + answer.body());
        }
        JsonObject data = answer.body().getJsonObject("data");
        JsonObject payload = data.getJsonObject("data");
        Map<String, Long> objects = new HashMap<>();
        List<String> changes = new ArrayList<>();
        for (JsonValue v : payload.containsKey("Item") ? payload.getJsonArray("Item") : List.<JsonValue>of()) {
            JsonObject o = v.asJsonObject();
            long version = o.getJsonObject("metadata").getJsonNumber("version").longValue();
            objects.put(o.getString("id"), version);
            changes.add(o.getString("id") + "@" + version);
        }
        JsonObject cursors = data.getJsonObject("operationMetadata").getJsonObject("metadata");
        Long next = cursors.containsKey("Item")
                ? cursors.getJsonObject("Item").getJsonNumber("version").longValue()
                : null;
        return new ZonePage(objects, changes, next, answer.body().getBoolean("hasMore"));
    }

    /** @return every object of the zone with its version, pulled from the start */
    static Map<String, Long> everything(URI base, String zone) {
        Map<String, Long> all = new HashMap<>();
        long cursor = 0;
        while (true) {
            ZonePage page = pull(base, zone, cursor, 500);
            all.putAll(page.objects());
            cursor = page.cursor(cursor);
            if (!page.hasMore()) {
                return all;
            }
        }
    }

    long cursor(long current) {
        return next == null ? current : next;
    }
}

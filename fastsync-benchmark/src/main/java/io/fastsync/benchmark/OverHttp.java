package io.fastsync.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The same work as {@link JdbcLimit}, done by the FastSync server over HTTP, one client after another request. */
final class OverHttp {

    private final Http http;

    OverHttp(Http http) {
        this.http = http;
    }

    /** What a push pass did: speed and the results the server gave. */
    record Pushed(double perSecond, int applied, int resolved, int unchanged) {}

    /**
     * Pushes the batches one after another, each with an idempotency key, as the Java client does.
     * The bodies are built before the clock starts.
     */
    Pushed push(String zone, String idPrefix, List<List<Objects.Change>> batches, long timestamp) throws Exception {
        List<String> bodies = new ArrayList<>(batches.size());
        for (List<Objects.Change> batch : batches) {
            bodies.add(Objects.pushBody(zone, idPrefix, batch, timestamp));
        }
        int objects = 0;
        int applied = 0;
        int resolved = 0;
        int unchanged = 0;
        long start = System.nanoTime();
        for (int i = 0; i < bodies.size(); i++) {
            Http.Answer answer = http.post(
                            "push", bodies.get(i), UUID.randomUUID().toString())
                    .ok("push to zone " + zone);
            objects += batches.get(i).size();
            applied += answer.count("\"status\":\"applied\"");
            resolved += answer.count("\"status\":\"resolved\"");
            unchanged += answer.count("\"status\":\"unchanged\"");
        }
        return new Pushed(objects / JdbcLimit.seconds(start), applied, resolved, unchanged);
    }

    /** Pulls the zone from the cursor to the end, following pages. */
    JdbcLimit.Read pull(String zone, long cursor, int page) throws Exception {
        int objects = 0;
        long bytes = 0;
        long start = System.nanoTime();
        boolean more = true;
        while (more) {
            Http.Answer answer = http.pull(zone, cursor, page);
            objects += answer.count("\"metadataId\"");
            bytes += answer.body().length;
            cursor = answer.cursorOr(cursor);
            more = answer.hasMore();
        }
        return new JdbcLimit.Read(objects, bytes, JdbcLimit.seconds(start));
    }
}

package io.fastsync.client;

import io.fastsync.wire.ConflictWinner;
import io.fastsync.wire.MessageWriter;
import io.fastsync.wire.ObjectResult;
import io.fastsync.wire.PullResponse;
import io.fastsync.wire.PushOutcome;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.PushResponse;
import io.fastsync.wire.SyncMetadata;
import io.fastsync.wire.SyncObject;
import io.fastsync.wire.SyncOperation;
import io.fastsync.wire.SyncPayload;
import io.fastsync.wire.WireJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders of wire messages for tests. */
public final class Wire {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-06T12:00:00Z"), ZoneOffset.UTC);

    private Wire() {}

    public static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    public static String body(PushRequest request) {
        return WireJson.text(out -> MessageWriter.writePush(request, out));
    }

    /** An object as the server sends it. */
    public static SyncObject object(String type, String id, long version, String fields) {
        return new SyncObject(
                id,
                false,
                new SyncMetadata(id, type, version, "user-1", 1_722_950_000_000_000L, SyncOperation.UPDATE, null),
                json(fields));
    }

    public static SyncObject tombstone(String type, String id, long version) {
        return new SyncObject(
                id,
                true,
                new SyncMetadata(id, type, version, "user-1", 1_722_950_000_000_000L, SyncOperation.DELETE, null),
                json("{}"));
    }

    /** A page whose per-type cursor is the highest version it holds, as the server makes it. */
    public static PullResponse page(boolean hasMore, SyncObject... objects) {
        Map<String, List<SyncObject>> data = new LinkedHashMap<>();
        Map<String, SyncMetadata> metadata = new LinkedHashMap<>();
        for (SyncObject o : objects) {
            String type = o.metadata().type();
            data.computeIfAbsent(type, t -> new ArrayList<>()).add(o);
            long highest = Math.max(
                    o.metadata().version(),
                    metadata.containsKey(type) ? metadata.get(type).version() : 0);
            metadata.put(type, SyncMetadata.cursor(type, "user-1", highest));
        }
        return new PullResponse(new SyncPayload(data, metadata), hasMore);
    }

    /** Every object of the push applied, with versions from {@code firstVersion} on. */
    public static PushResponse applied(PushRequest request, long firstVersion) {
        Map<String, List<ObjectResult>> results = new LinkedHashMap<>();
        long version = firstVersion;
        for (Map.Entry<String, List<SyncObject>> e : request.payload().data().entrySet()) {
            List<ObjectResult> list = new ArrayList<>();
            for (SyncObject o : e.getValue()) {
                list.add(new ObjectResult(o.id(), PushOutcome.APPLIED, null, null, version++, o.deleted()));
            }
            results.put(e.getKey(), list);
        }
        return new PushResponse(results, false);
    }

    public static PushResponse answer(String type, ObjectResult... results) {
        return new PushResponse(Map.of(type, List.of(results)), false);
    }

    public static ObjectResult resolved(String id, ConflictWinner winner, long version) {
        return new ObjectResult(id, PushOutcome.RESOLVED, winner, "last-writer-wins", version, false);
    }

    /** The objects of one type in a push. */
    public static List<SyncObject> sent(PushRequest request, String type) {
        return request.payload().data().getOrDefault(type, List.of());
    }
}

package io.fastsync.client.type;

import io.fastsync.wire.Limits;
import io.fastsync.wire.Numbers;
import io.fastsync.wire.WireJson;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.Set;

/** What an object must satisfy before it enters the store, so that a push never fails on it later. */
final class FieldRules {

    private static final Set<String> RESERVED = WireJson.reservedKeys();

    private FieldRules() {}

    /** @return the object's fields, checked */
    static <T> JsonObject checked(SyncType<T> type, String id, T object) {
        if (id.length() > Limits.OBJECT_ID) {
            throw new IllegalArgumentException("an object id has at most " + Limits.OBJECT_ID + " characters");
        }
        JsonObject fields = type.mapper().toFields(object);
        if (fields == null) {
            throw new IllegalArgumentException("the mapper of " + type.name() + " returned no fields");
        }
        for (String key : fields.keySet()) {
            if (RESERVED.contains(key)) {
                throw new IllegalArgumentException(
                        "'" + key + "' is reserved by the protocol and cannot be a field of " + type.name());
            }
        }
        return fields;
    }

    /** @return now in microseconds since the epoch, the unit the server stores */
    static long micros(Clock clock) {
        return Numbers.micros(clock.instant());
    }
}

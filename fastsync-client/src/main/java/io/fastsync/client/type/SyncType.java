package io.fastsync.client.type;

import io.fastsync.wire.Limits;
import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * A type the client syncs: its name on the wire, its zone, and how its objects map to fields.
 *
 * @param name   the type name, the key of every per-type map on the wire (1 to {@value io.fastsync.wire.Limits#TYPE_NAME} characters)
 * @param zone   never null
 * @param mapper never null
 * @param <T>    the application's class, or {@link JsonObject} for a document type
 */
public record SyncType<T>(String name, Zone zone, FieldMapper<T> mapper) {

    public SyncType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(mapper, "mapper");
        if (name.isEmpty() || name.length() > Limits.TYPE_NAME) {
            throw new IllegalArgumentException(
                    "a type name must have 1 to " + Limits.TYPE_NAME + " characters: '" + name + "'");
        }
    }

    /** A class type named, as the other FastSync clients name it, by the class's simple name. */
    public static <T> SyncType<T> of(Class<T> type, Zone zone, FieldMapper<T> mapper) {
        return new SyncType<>(type.getSimpleName(), zone, mapper);
    }

    /** A document type: its objects are JSON objects with an {@code "id"} key. */
    public static SyncType<JsonObject> document(String name, Zone zone) {
        return new SyncType<>(name, zone, DocumentMapper.INSTANCE);
    }
}

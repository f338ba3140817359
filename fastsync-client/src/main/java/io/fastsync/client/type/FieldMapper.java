package io.fastsync.client.type;

import jakarta.json.JsonObject;

/**
 * Maps an application class to the JSON fields that travel, and back. The application writes one
 * per class; it is explicit on purpose, so that what goes over the wire is what the code says.
 *
 * <p>The fields must not use the keys the protocol reserves ({@code id}, {@code deleted},
 * {@code metadata}, and the bookkeeping keys {@link io.fastsync.wire.WireJson#IGNORED_OBJECT_KEYS}).
 *
 * @param <T> the application's class
 */
public interface FieldMapper<T> {

    /**
     * @param object never null
     * @return the object's id, or null (or blank) if it has none yet, in which case
     *         {@link SyncableRepository#add} makes one up
     */
    String idOf(T object);

    /**
     * @param object never null
     * @return the object's own fields; never null
     */
    JsonObject toFields(T object);

    /**
     * @param id     never null
     * @param fields never null
     * @return the object; never null
     */
    T fromFields(String id, JsonObject fields);
}

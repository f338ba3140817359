package io.fastsync.store;

import io.fastsync.wire.SyncObject;
import io.fastsync.wire.SyncOperation;

/**
 * What the engine needs to know of one type's values, apart from where they are stored: their
 * metadata, their conversion from and to wire objects, and how to stamp a change on one. Nothing
 * here touches the database.
 *
 * @param <T> the stored value type: an entity class, or {@link io.fastsync.document.SyncDocument}
 */
public interface SyncValues<T> {

    /** @return the class of stored values; never null */
    Class<T> valueClass();

    /** @return the metadata of a value; never null */
    SyncMeta meta(T value);

    /**
     * Builds a detached value from a wire object.
     *
     * @param zone the zone the value belongs to; never null
     * @throws InvalidFieldsException if the object's fields do not fit the type
     */
    T fromWire(SyncObject object, String zone);

    /** @return the value as clients receive it */
    SyncObject toWire(T value, String typeName);

    /** @return true when both hold the same data and the same deleted flag, whatever their metadata */
    boolean sameContent(T a, T b);

    /** Sets the metadata of a change on a value. */
    void stamp(T value, long version, long timestamp, SyncOperation operation, boolean deleted);

    /**
     * Gives a value the id and zone of the object it stands for, for a copy that an application
     * resolver built itself.
     */
    void identify(T value, String id, String zone);
}

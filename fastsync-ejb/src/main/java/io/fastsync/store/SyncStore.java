package io.fastsync.store;

import io.fastsync.wire.SyncObject;
import io.fastsync.wire.SyncOperation;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Storage of one syncable type: the batch operations the sync engine needs, and the conversion
 * between stored values and wire objects. {@link SyncableObjectDataSource} implements it for JPA
 * entities, {@link io.fastsync.document.DocumentDataSource} for schemaless documents.
 *
 * <p>Every method runs in the caller's transaction.
 *
 * @param <T> the stored value type: an entity class, or {@link io.fastsync.document.SyncDocument}
 */
public interface SyncStore<T> {

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

    /** @return the stored values with these ids, in any zone, keyed by id; managed in the current transaction */
    Map<String, T> findByIds(Collection<String> ids);

    /** Stores a new value. */
    void insert(T value);

    /**
     * Replaces the stored value with the same id by {@code incoming}.
     *
     * @return the managed value now stored
     */
    T replace(T incoming);

    /**
     * Values read to be sent: they are not kept in the persistence context, so changing one
     * changes nothing stored.
     *
     * @return at most {@code limit} values of the zone with a version above {@code after}, in version order
     */
    List<T> changesSince(String zone, long after, int limit);

    /** @return every value of the zone, tombstones included if asked, in version order */
    List<T> all(String zone, boolean withTombstones);

    /** @return how many values the zone holds that are not tombstones */
    long count(String zone);

    /** Deletes the stored value for good: no tombstone, clients are not told. */
    void hardDelete(T value);
}

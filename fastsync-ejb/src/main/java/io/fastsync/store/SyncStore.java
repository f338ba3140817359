package io.fastsync.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Storage of one syncable type: the batch operations the sync engine needs, and through
 * {@link #values()} what its values are. {@link io.fastsync.entity.SyncableObjectDataSource} implements it for JPA
 * entities, {@link io.fastsync.document.DocumentDataSource} for schemaless documents.
 *
 * <p>Every method runs in the caller's transaction.
 *
 * @param <T> the stored value type: an entity class, or {@link io.fastsync.document.SyncDocument}
 */
public interface SyncStore<T> {

    /** @return how this store's values are read, converted and stamped; never null */
    SyncValues<T> values();

    /**
     * The stored values that a write of these ids into the zone would meet, keyed by id and managed
     * in the current transaction. A store whose ids are unique within a zone returns the zone's own
     * values only; one whose ids are unique across zones (an entity table keyed by id) returns a
     * value of any zone, and the engine refuses to write over one of another zone.
     */
    Map<String, T> findByIds(String zone, Collection<String> ids);

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

    /**
     * @return how many tombstones the zone holds (for the admin API); counted from {@link #all}
     *     unless a store answers with one query
     */
    default long tombstones(String zone) {
        return all(zone, true).size() - count(zone);
    }

    /**
     * Tombstones to purge: those whose timestamp is before {@code beforeMicros}, for at most
     * {@code maxZones} zones in zone order. A store that cannot purge answers none (the default).
     *
     * @return by zone, the highest version among them
     */
    default Map<String, Long> tombstonesBefore(long beforeMicros, int maxZones) {
        return Map.of();
    }

    /**
     * Deletes the zone's tombstones with a timestamp before {@code beforeMicros} and a version of at
     * most {@code throughVersion}, for good.
     *
     * @return how many were deleted
     */
    default int deleteTombstones(String zone, long beforeMicros, long throughVersion) {
        return 0;
    }

    /** Deletes the stored value for good: no tombstone, clients are not told. */
    void hardDelete(T value);
}

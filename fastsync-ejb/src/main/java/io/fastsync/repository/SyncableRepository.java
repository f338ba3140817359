package io.fastsync.repository;

import io.fastsync.error.ZoneConflictException;
import io.fastsync.internal.version.VersionCounters;
import io.fastsync.registry.RegisteredType;
import io.fastsync.store.SyncMeta;
import io.fastsync.store.SyncStore;
import io.fastsync.wire.Numbers;
import io.fastsync.wire.SyncOperation;
import io.fastsync.zone.ZoneAuthority;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The way application code reads and writes the objects of one syncable type. Every write gets
 * a new version from the zone's counter, so it reaches every client on its next pull.
 *
 * <p>Every method runs in the caller's transaction and needs one for writes: call it from an EJB
 * or a {@code @Transactional} bean. A write locks its zone's counter until that transaction ends,
 * so keep such transactions short.
 *
 * @param <T> the stored value class
 */
public class SyncableRepository<T> {

    private final RegisteredType<T> type;
    private final SyncStore<T> store;
    private final VersionCounters counters;

    public SyncableRepository(RegisteredType<T> type, VersionCounters counters) {
        this.type = type;
        this.store = type.store();
        this.counters = counters;
    }

    /** @return the type's name on the wire */
    public String typeName() {
        return type.name();
    }

    /**
     * Adds a new object. An object without an id gets a random UUID. The zone is the one set on the
     * value; for a global type it is always {@code "Global"}.
     *
     * @return the stored value, with its version
     * @throws IllegalArgumentException if an object with this id exists (in the zone, or for an entity type
     *                                  in any zone), or a restricted value has no zone
     *                                  (or one longer than {@value io.fastsync.wire.Limits#ZONE} characters)
     */
    public T add(T value) {
        SyncMeta meta = store.values().meta(value);
        String id = meta.id() != null ? meta.id() : UUID.randomUUID().toString();
        String zone = ZoneAuthority.forApplication(type, meta.zone());
        if (met(zone, id) != null) {
            throw new IllegalArgumentException(type.name() + " " + id + " exists already");
        }
        store.values().identify(value, id, zone);
        store.values().stamp(value, counters.lock(type.name(), zone).next(), nowMicros(), SyncOperation.ADD, false);
        store.insert(value);
        return value;
    }

    /**
     * Replaces a stored object by this value (same id and zone).
     *
     * @return the managed stored value, with its new version
     * @throws IllegalArgumentException if no live object has this id in the value's zone
     * @throws ZoneConflictException    if the id is an entity's of another zone
     */
    public T update(T value) {
        SyncMeta meta = store.values().meta(value);
        String zone = ZoneAuthority.forApplication(type, meta.zone());
        SyncMeta stored = requireLive(zone, meta.id());
        if (!zone.equals(stored.zone())) {
            throw new ZoneConflictException(
                    type.name(), stored.id(), null, "object " + stored.id() + " belongs to another zone");
        }
        store.values().stamp(value, counters.lock(type.name(), zone).next(), nowMicros(), SyncOperation.UPDATE, false);
        return store.replace(value);
    }

    /**
     * Deletes an object: it becomes a tombstone that every client receives.
     *
     * @param zone the object's zone; ignored for a global type
     * @return false if the zone has no live object with this id
     */
    public boolean remove(String zone, String id) {
        T stored = find(zone, id);
        if (stored == null || store.values().meta(stored).deleted()) {
            return false;
        }
        String storedZone = store.values().meta(stored).zone();
        store.values()
                .stamp(stored, counters.lock(type.name(), storedZone).next(), nowMicros(), SyncOperation.DELETE, true);
        return true;
    }

    /**
     * @param zone the object's zone; ignored for a global type
     * @return the zone's live object with this id, empty for none or a tombstone
     */
    public Optional<T> findById(String zone, String id) {
        T stored = find(zone, id);
        return stored == null || store.values().meta(stored).deleted() ? Optional.empty() : Optional.of(stored);
    }

    /** @return the live objects of a zone (ignored for a global type), in version order */
    public List<T> getAll(String zone) {
        return store.all(ZoneAuthority.forApplication(type, zone), false);
    }

    /**
     * @return the live objects of a zone that match, in version order. This filters in memory;
     *         for large zones, write a query in the type's data source.
     */
    public List<T> query(String zone, Predicate<T> filter) {
        return getAll(zone).stream().filter(filter).toList();
    }

    /** @return how many live objects the zone holds */
    public long count(String zone) {
        return store.count(ZoneAuthority.forApplication(type, zone));
    }

    /**
     * Deletes an object for good, without a tombstone: clients that have it keep it. For data
     * that must vanish (retention rules), not for ordinary deletes.
     *
     * @param zone the object's zone; ignored for a global type
     * @return false if there was no such object
     */
    public boolean hardDelete(String zone, String id) {
        T stored = find(zone, id);
        if (stored == null) {
            return false;
        }
        store.hardDelete(stored);
        return true;
    }

    /**
     * @param zone the objects' zone; ignored for a global type
     * @return the zone's stored values with these ids, tombstones included
     */
    public Map<String, T> findByIds(String zone, Collection<String> ids) {
        String z = ZoneAuthority.forApplication(type, zone);
        Map<String, T> found = new HashMap<>(store.findByIds(z, ids));
        found.values().removeIf(value -> !inZone(value, z));
        return found;
    }

    /**
     * @return at most {@code limit} changes of the zone after the version, in version order: copies
     *         for reading, not managed (change an object through {@code update})
     */
    public List<T> changesSince(String zone, long afterVersion, int limit) {
        return store.changesSince(ZoneAuthority.forApplication(type, zone), afterVersion, limit);
    }

    /** @return the zone's stored value with this id; null for none */
    private T find(String zone, String id) {
        return id == null ? null : findByIds(zone, List.of(id)).get(id);
    }

    /** @return the stored value that a write of the id into the zone meets (see {@link SyncStore#findByIds}); null for none */
    private T met(String zone, String id) {
        return id == null ? null : store.findByIds(zone, List.of(id)).get(id);
    }

    private boolean inZone(T value, String zone) {
        return zone.equals(store.values().meta(value).zone());
    }

    private SyncMeta requireLive(String zone, String id) {
        T stored = met(zone, id);
        if (stored == null || store.values().meta(stored).deleted()) {
            throw new IllegalArgumentException(type.name() + " " + id + " does not exist");
        }
        return store.values().meta(stored);
    }

    private static long nowMicros() {
        return Numbers.micros(Instant.now());
    }
}

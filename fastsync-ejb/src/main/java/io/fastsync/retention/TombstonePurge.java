package io.fastsync.retention;

import io.fastsync.internal.version.VersionCounter;
import io.fastsync.internal.version.VersionCounters;
import io.fastsync.registry.RegisteredType;
import io.fastsync.registry.SyncTypeRegistry;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Purges tombstones in small batches, each in a transaction of its own: at most
 * {@value #ZONES_PER_BATCH} zones of one type. Under the zones' counter locks, so that no push of
 * those zones runs meanwhile, it deletes their tombstones older than the limit and records, in each
 * zone's counter row, the highest version it purged: a pull from a cursor below it is told to
 * start over ({@link CursorFloors}), in the same transaction's light, so that no client ever misses
 * a purged delete without being told.
 */
@Stateless
public class TombstonePurge {

    /** The most zones one batch purges. */
    public static final int ZONES_PER_BATCH = 50;

    @Inject
    SyncTypeRegistry registry;

    @Inject
    VersionCounters counters;

    /** For the container. */
    public TombstonePurge() {}

    /** Outside a container (tests, tools): the caller runs each batch in a transaction of its own. */
    public TombstonePurge(SyncTypeRegistry registry, VersionCounters counters) {
        this.registry = registry;
        this.counters = counters;
    }

    /**
     * @param purged tombstones deleted
     * @param zones  zones they were in
     */
    public record Batch(int purged, int zones) {}

    /**
     * One batch of one type's tombstones whose timestamp is before {@code beforeMicros}.
     *
     * @return what it purged; fewer than {@value #ZONES_PER_BATCH} zones means the type is done
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Batch batch(String typeName, long beforeMicros) {
        RegisteredType<?> type = registry.require(typeName, "");
        Map<String, Long> found = type.store().tombstonesBefore(beforeMicros, ZONES_PER_BATCH);
        if (found.isEmpty()) {
            return new Batch(0, 0);
        }
        List<VersionCounter.Key> keys = found.keySet().stream()
                .map(zone -> new VersionCounter.Key(typeName, zone))
                .toList();
        Map<VersionCounter.Key, VersionCounters.Sequence> locked = counters.lock(keys);
        int purged = 0;
        for (Map.Entry<String, Long> zone : found.entrySet()) {
            // A tombstone written since the query above has a higher version and stays.
            purged += type.store().deleteTombstones(zone.getKey(), beforeMicros, zone.getValue());
            locked.get(new VersionCounter.Key(typeName, zone.getKey())).purgedThrough(zone.getValue());
        }
        return new Batch(purged, found.size());
    }
}

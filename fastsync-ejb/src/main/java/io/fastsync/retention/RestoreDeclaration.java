package io.fastsync.retention;

import io.fastsync.internal.FastSyncUnit;
import io.fastsync.internal.version.VersionCounter;
import io.fastsync.internal.version.VersionCounters;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;

/**
 * What an operator declares after restoring the database from a backup: every zone's counter is
 * moved {@code gap} versions past its last, so that no version a client may have seen before the
 * restore is handed out again, and every cursor below the new last version expires
 * ({@code 410 cursor-expired}): each client starts over once and keeps its unpushed changes. In
 * batches of {@value #ZONES_PER_BATCH} zones, each in a transaction of its own under their locks.
 */
@Stateless
public class RestoreDeclaration {

    /** The most zones one batch moves. */
    public static final int ZONES_PER_BATCH = 500;

    /** The default gap: more versions than any zone hands out between a backup and its restore. */
    public static final long DEFAULT_GAP = 1_000_000_000L;

    @Inject
    @FastSyncUnit
    EntityManager em;

    @Inject
    VersionCounters counters;

    /** For the container. */
    public RestoreDeclaration() {}

    /** Outside a container (tests, tools): the caller runs each batch in a transaction of its own. */
    public RestoreDeclaration(EntityManager em, VersionCounters counters) {
        this.em = em;
        this.counters = counters;
    }

    /** A zone of a type, as the batches go through them. */
    public record Zone(String type, String zone) {}

    /**
     * Moves the next zones after {@code after} (in type and zone order) past the gap.
     *
     * @param after the last zone of the previous batch; null for the first
     * @return the zones moved, in order; fewer than {@value #ZONES_PER_BATCH} when it was the last batch
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Zone> batch(Zone after, long gap) {
        String type = after == null ? "" : after.type();
        String zone = after == null ? "" : after.zone();
        List<VersionCounter.Key> keys = em
                .createQuery(
                        "SELECT c FROM VersionCounter c WHERE c.typeName > :type"
                                + " OR (c.typeName = :type AND c.syncZone > :zone) ORDER BY c.typeName, c.syncZone",
                        VersionCounter.class)
                .setParameter("type", type)
                .setParameter("zone", zone)
                .setMaxResults(ZONES_PER_BATCH)
                .getResultList()
                .stream()
                .map(c -> new VersionCounter.Key(c.getTypeName(), c.getSyncZone()))
                .toList();
        Map<VersionCounter.Key, VersionCounters.Sequence> locked = counters.lock(keys);
        locked.values().forEach(sequence -> sequence.restoredPast(gap));
        return keys.stream().map(k -> new Zone(k.typeName(), k.syncZone())).toList();
    }
}

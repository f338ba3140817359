package io.fastsync.internal.version;

import io.fastsync.internal.FastSyncUnit;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out versions. A writer first locks the counter rows of every (type, zone) it writes,
 * with {@code SELECT ... FOR UPDATE}, and holds the locks until its transaction ends.
 *
 * <p>Why this makes pulls safe: a second writer of the same zone waits for the first to commit
 * before it reads the counter, so the versions of a zone become visible in the order they were
 * handed out. A reader that sees version n has therefore already been able to see every version
 * below n, and a cursor never jumps over a change committed later. This holds on every database
 * and across server instances, because the lock lives in the database.
 *
 * <p>Locks are taken in key order, so two writers that touch the same zones cannot deadlock.
 */
@Dependent
public class VersionCounters {

    /**
     * Keys whose rows were locked once. A push into a known zone skips the creator, whose call
     * suspends the push's transaction. A row that is gone all the same (one left unused by a
     * refused push, a wiped database) is found missing below and created again.
     */
    private static final Set<VersionCounter.Key> SEEN = ConcurrentHashMap.newKeySet();

    private final EntityManager em;
    private final CounterRowCreator creator;
    /** Tells the change feed ({@link io.fastsync.changes.ChangeFeed}) of each zone written; null outside a container. */
    private final Event<ZoneWritten> written;

    /**
     * @param em      the entity manager of the writing transaction
     * @param creator creates missing rows in a transaction of their own
     */
    public VersionCounters(EntityManager em, CounterRowCreator creator) {
        this(em, creator, null);
    }

    /** @param written where each zone a transaction writes is announced */
    @Inject
    public VersionCounters(@FastSyncUnit EntityManager em, CounterRowCreator creator, Event<ZoneWritten> written) {
        this.em = em;
        this.creator = creator;
        this.written = written;
    }

    /**
     * Locks the counters of these zones for the rest of the current transaction.
     *
     * @return one sequence per key, handing out the versions after the last one used
     */
    public Map<VersionCounter.Key, Sequence> lock(Collection<VersionCounter.Key> keys) {
        TreeSet<VersionCounter.Key> ordered = new TreeSet<>(keys);
        List<VersionCounter.Key> unseen =
                ordered.stream().filter(key -> !SEEN.contains(key)).toList();
        List<VersionCounter.Key> created = new java.util.ArrayList<>();
        if (!unseen.isEmpty()) {
            created.addAll(creator.ensureExist(unseen));
        }
        Map<VersionCounter.Key, Sequence> locked = new TreeMap<>();
        for (VersionCounter.Key key : ordered) {
            VersionCounter row = em.find(VersionCounter.class, key, LockModeType.PESSIMISTIC_WRITE);
            if (row == null) {
                SEEN.remove(key);
                created.addAll(creator.ensureExist(List.of(key)));
                row = em.find(VersionCounter.class, key, LockModeType.PESSIMISTIC_WRITE);
                if (row == null) {
                    throw new IllegalStateException("the version counter of " + key + " could not be created");
                }
            }
            SEEN.add(key);
            locked.put(key, new Sequence(row, em, written));
        }
        if (!created.isEmpty()) {
            creator.removeIfRolledBack(created);
        }
        return locked;
    }

    /** @return a sequence for one zone, locked as {@link #lock} does */
    public Sequence lock(String typeName, String zone) {
        return lock(List.of(new VersionCounter.Key(typeName, zone)))
                .values()
                .iterator()
                .next();
    }

    /**
     * Deletes the counter row of {@code key} if no version was ever taken from it. Waits for a
     * transaction that holds the row locked, and leaves the row be if that one took a version.
     *
     * @return how many rows were deleted
     */
    public static int deleteIfUnused(EntityManager em, VersionCounter.Key key) {
        return em.createQuery("DELETE FROM VersionCounter c"
                        + " WHERE c.typeName = :type AND c.syncZone = :zone AND c.lastVersion = 0")
                .setParameter("type", key.typeName())
                .setParameter("zone", key.syncZone())
                .executeUpdate();
    }

    /** The versions of one locked zone. The new last version is written when the transaction flushes. */
    public static final class Sequence {
        private final VersionCounter row;
        private final EntityManager em;
        private final Event<ZoneWritten> written;
        private boolean marked;

        Sequence(VersionCounter row, EntityManager em, Event<ZoneWritten> written) {
            this.row = row;
            this.em = em;
            this.written = written;
        }

        /** @return the next version, never used before in this zone; the first one is marked if due ({@link VersionMarks}) */
        public long next() {
            long version = row.getLastVersion() + 1;
            row.setLastVersion(version);
            if (!marked) {
                marked = true;
                VersionMarks.markIfDue(em, row, version);
                if (written != null) {
                    written.fire(new ZoneWritten(row));
                }
            }
            return version;
        }

        /** @return when the zone's newest mark was made (microseconds); 0 if it has none */
        public long markedAt() {
            return row.getMarkedAt();
        }

        /** @return the last version handed out */
        public long last() {
            return row.getLastVersion();
        }

        /**
         * After a restore from a backup: moves the zone past every version it may have handed
         * out before the restore ({@code gap} beyond its last), and expires every cursor below.
         * The marks of the versions below go, as no cursor among them is served any more.
         */
        public void restoredPast(long gap) {
            row.setLastVersion(row.getLastVersion() + gap);
            row.setPurgedThrough(row.getLastVersion());
            VersionMarks.dropBefore(em, row.getTypeName(), row.getSyncZone(), row.getPurgedThrough());
        }

        /** Records that the zone's tombstones up to this version were purged. */
        public void purgedThrough(long version) {
            if (version > row.getPurgedThrough()) {
                row.setPurgedThrough(version);
                // Every cursor below has expired: the marks before the one of this version serve none.
                VersionMarks.dropBefore(em, row.getTypeName(), row.getSyncZone(), version);
            }
        }
    }
}

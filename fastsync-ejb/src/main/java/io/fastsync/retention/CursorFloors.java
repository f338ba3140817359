package io.fastsync.retention;

import io.fastsync.error.CursorExpiredException;
import io.fastsync.internal.FastSyncUnit;
import io.fastsync.internal.version.VersionMarks;
import io.fastsync.wire.WireJson;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Whether a pull's cursor can still be served whole. A cursor above 0 is refused
 * ({@code 410 cursor-expired}) when it is below the highest tombstone version purged from its
 * zone (the client could miss a delete) or above the zone's last version (the database holds
 * less than the client has seen: restored from a backup, or another database). Checked after
 * the page was read: a purge that commits meanwhile is then seen, and the page is not sent.
 *
 * <p>A cursor from another history of the zone ({@link #fromAnotherHistory}) is found before the
 * page: a client that starts over by itself is told to, and an old client is served the zone from
 * the start instead.
 */
@Dependent
public class CursorFloors {

    private final EntityManager em;

    @Inject
    public CursorFloors(@FastSyncUnit EntityManager em) {
        this.em = em;
    }

    /**
     * A zone's counter as committed.
     *
     * @param last          its last version; 0 for a zone that has none
     * @param purgedThrough the highest version among its purged tombstones
     * @param markedAt      when its newest mark was made ({@link VersionMarks}); 0 if none
     */
    public record Counter(long last, long purgedThrough, long markedAt) {}

    /**
     * Read by a query rather than {@code find}: a pull reads the counter before its page and again
     * after it, and the second read must see a purge that committed in between, not the row the
     * persistence context holds from the first.
     *
     * @return the zone's counter as committed
     */
    public Counter read(String type, String zone) {
        List<Object[]> rows = em.createQuery(
                        "SELECT c.lastVersion, c.purgedThrough, c.markedAt FROM VersionCounter c"
                                + " WHERE c.typeName = :type AND c.syncZone = :zone",
                        Object[].class)
                .setParameter("type", type)
                .setParameter("zone", zone)
                .getResultList();
        return rows.isEmpty()
                ? new Counter(0, 0, 0)
                : new Counter(
                        ((Number) rows.get(0)[0]).longValue(),
                        ((Number) rows.get(0)[1]).longValue(),
                        ((Number) rows.get(0)[2]).longValue());
    }

    /**
     * Whether a cursor was handed out by another history of the zone than the one this database
     * holds: it is above the zone's last version, or its mark is older than the mark its version
     * belongs to here (versions up to it were handed out after the client had received its own).
     *
     * @param mark the mark the cursor carries; 0 or a timestamp that is no mark for none (fresh
     *     cursors, older servers, clients that stamp their own), which only the first test applies to
     */
    public boolean fromAnotherHistory(String type, String zone, long cursor, long mark, Counter counter) {
        if (cursor <= 0) {
            return false;
        }
        if (cursor > counter.last()) {
            return true;
        }
        return VersionMarks.isMark(mark) && markOf(type, zone, cursor, counter) > mark;
    }

    /** @return the mark a version of the zone belongs to ({@link VersionMarks}); 0 if none */
    public long markOf(String type, String zone, long version, Counter counter) {
        if (version <= 0) {
            return 0;
        }
        // The newest mark covers the last version: no query for a page that delivers the rest.
        return version == counter.last()
                ? counter.markedAt()
                : VersionMarks.of(em, type, zone, version).markedAt();
    }

    /** @throws CursorExpiredException if the cursor cannot be served */
    public void check(String type, String zone, long cursor) {
        if (cursor <= 0) {
            return;
        }
        Counter counter = read(type, zone);
        String pointer = "/metadata/" + WireJson.escape(type) + "/version";
        long last = counter.last();
        if (cursor > last) {
            throw new CursorExpiredException(
                    type,
                    pointer,
                    "the cursor " + cursor + " of " + type + " is beyond the last version of its zone (" + last
                            + "): the server's database was restored or replaced; start over from 0");
        }
        if (cursor < counter.purgedThrough()) {
            throw new CursorExpiredException(
                    type,
                    pointer,
                    "deletes of " + type + " after the cursor " + cursor + " were purged (up to version "
                            + counter.purgedThrough() + "); start over from 0");
        }
    }
}

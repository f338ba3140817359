package io.fastsync.retention;

import io.fastsync.error.CursorExpiredException;
import io.fastsync.internal.FastSyncUnit;
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
 */
@Dependent
public class CursorFloors {

    private final EntityManager em;

    @Inject
    public CursorFloors(@FastSyncUnit EntityManager em) {
        this.em = em;
    }

    /** A zone's counter as committed: its last version and how far its tombstones were purged. */
    private record Counter(long last, long purgedThrough) {}

    /**
     * Read by a query rather than {@code find}: a pull reads the counter before its page and again
     * after it, and the second read must see a purge that committed in between, not the row the
     * persistence context holds from the first.
     */
    private Counter read(String type, String zone) {
        List<Object[]> rows = em.createQuery(
                        "SELECT c.lastVersion, c.purgedThrough FROM VersionCounter c"
                                + " WHERE c.typeName = :type AND c.syncZone = :zone",
                        Object[].class)
                .setParameter("type", type)
                .setParameter("zone", zone)
                .getResultList();
        return rows.isEmpty()
                ? new Counter(0, 0)
                : new Counter(((Number) rows.get(0)[0]).longValue(), ((Number) rows.get(0)[1]).longValue());
    }

    /** @return the zone's last committed version; 0 for a zone that has none */
    public long lastVersion(String type, String zone) {
        return read(type, zone).last();
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

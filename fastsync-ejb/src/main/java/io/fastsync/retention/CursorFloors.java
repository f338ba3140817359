package io.fastsync.retention;

import io.fastsync.error.CursorExpiredException;
import io.fastsync.internal.FastSyncUnit;
import io.fastsync.internal.version.VersionCounter;
import io.fastsync.wire.WireJson;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

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

    /** @return the zone's last committed version; 0 for a zone that has none */
    public long lastVersion(String type, String zone) {
        VersionCounter counter = em.find(VersionCounter.class, new VersionCounter.Key(type, zone));
        return counter == null ? 0 : counter.getLastVersion();
    }

    /** @throws CursorExpiredException if the cursor cannot be served */
    public void check(String type, String zone, long cursor) {
        if (cursor <= 0) {
            return;
        }
        VersionCounter counter = em.find(VersionCounter.class, new VersionCounter.Key(type, zone));
        String pointer = "/metadata/" + WireJson.escape(type) + "/version";
        long last = counter == null ? 0 : counter.getLastVersion();
        if (cursor > last) {
            throw new CursorExpiredException(
                    type,
                    pointer,
                    "the cursor " + cursor + " of " + type + " is beyond the last version of its zone (" + last
                            + "): the server's database was restored or replaced; start over from 0");
        }
        if (cursor < counter.getPurgedThrough()) {
            throw new CursorExpiredException(
                    type,
                    pointer,
                    "deletes of " + type + " after the cursor " + cursor + " were purged (up to version "
                            + counter.getPurgedThrough() + "); start over from 0");
        }
    }
}

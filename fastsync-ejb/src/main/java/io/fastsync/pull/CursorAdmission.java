package io.fastsync.pull;

import io.fastsync.error.CursorExpiredException;
import io.fastsync.error.LogText;
import io.fastsync.retention.CursorFloors;
import io.fastsync.wire.SyncMetadata;
import io.fastsync.wire.WireJson;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Admits each cursor of a pull before any page is read: reads its zone's counter (every version up
 * to it is committed, so the changes read next hold them all) and checks that the cursor, and the
 * version a push answer gave the client, come from the history the database holds. A cursor from
 * another history (the database was put back to a backup since the client received it) is
 * refused for a client that starts over by itself ({@code 410 cursor-expired}); an old client,
 * which cannot know that answer, is served the zone from the start, and takes the new cursor as
 * it takes every cursor.
 */
@Dependent
class CursorAdmission {

    private static final Logger LOG = Logger.getLogger(CursorAdmission.class.getName());

    /** When a cursor from another history was last logged, by type and zone: one line an hour each. */
    private static final Map<String, Long> LOGGED = new ConcurrentHashMap<>();

    private static final int MOST_LOGGED_ZONES = 10_000;

    private final CursorFloors floors;

    @Inject
    CursorAdmission(CursorFloors floors) {
        this.floors = floors;
    }

    /**
     * A cursor as it is served: the client's, or the start of the zone for an old client whose
     * cursor came from another history ({@code repaired}), with the zone's counter as read.
     */
    record Admitted(PullTarget<?> target, boolean repaired, CursorFloors.Counter counter) {}

    /**
     * @param startsOver true if the client starts over by itself when told its cursor expired
     * @param pushed     per type, the highest version above its cursor that a push answer gave the
     *                   client, with that answer's mark; its objects must belong to this history too
     * @throws CursorExpiredException for a client that starts over, if a cursor comes from another history
     */
    List<Admitted> admit(List<PullTarget<?>> targets, boolean startsOver, Map<String, SyncMetadata> pushed) {
        List<Admitted> admitted = new ArrayList<>(targets.size());
        for (PullTarget<?> target : targets) {
            CursorFloors.Counter counter = floors.read(target.type().name(), target.zone());
            String name = target.type().name();
            SyncMetadata known = pushed.get(name);
            if (floors.fromAnotherHistory(name, target.zone(), target.cursor(), target.mark(), counter)
                    || known != null
                            && floors.fromAnotherHistory(
                                    name, target.zone(), known.version(), known.timestamp(), counter)) {
                logAnotherHistory(target, counter, startsOver);
                if (startsOver) {
                    throw new CursorExpiredException(
                            name,
                            "/metadata/" + WireJson.escape(name) + "/version",
                            "the cursor " + target.cursor()
                                    + (known != null ? " (and version " + known.version() + " pushed)" : "")
                                    + " of " + name
                                    + " comes from another history of the server's database (restored from a"
                                    + " backup, or replaced): start over from 0");
                }
                admitted.add(new Admitted(target.fromStart(), true, counter));
            } else {
                admitted.add(new Admitted(target, false, counter));
            }
        }
        return admitted;
    }

    /**
     * After the page: each admitted cursor is still servable; a purge that committed while the
     * page was read is seen here.
     *
     * @throws CursorExpiredException if one is not
     */
    void checkFloors(List<Admitted> admitted) {
        for (Admitted a : admitted) {
            floors.check(a.target().type().name(), a.target().zone(), a.target().cursor());
        }
    }

    private static void logAnotherHistory(PullTarget<?> target, CursorFloors.Counter counter, boolean startsOver) {
        String key = target.type().name() + '\n' + target.zone();
        long now = System.currentTimeMillis();
        Long last = LOGGED.get(key);
        if (last != null && now - last < 3_600_000L) {
            return;
        }
        if (LOGGED.size() >= MOST_LOGGED_ZONES) {
            LOGGED.clear();
        }
        LOGGED.put(key, now);
        LOG.warning(() -> "FastSync detected a restored or replaced database: a pull of "
                + target.type().name()
                + " in zone \"" + LogText.printable(target.zone(), 100) + "\" came with cursor " + target.cursor()
                + (io.fastsync.internal.version.VersionMarks.isMark(target.mark())
                        ? " (mark " + target.mark() + ")"
                        : "")
                + " from another history than the database holds (its last version is " + counter.last() + "); "
                + (startsOver ? "the client was told to start over" : "the zone is served from the start")
                + ". Logged once an hour per zone.");
    }
}

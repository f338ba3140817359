package io.fastsync.pull;

import io.fastsync.error.CursorExpiredException;
import io.fastsync.internal.LogText;
import io.fastsync.retention.CursorFloors;
import io.fastsync.store.SyncStore;
import io.fastsync.wire.PullResponse;
import io.fastsync.wire.SyncMetadata;
import io.fastsync.wire.SyncObject;
import io.fastsync.wire.SyncPayload;
import io.fastsync.wire.WireJson;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Builds one page of a pull: the changes after each cursor, in version order, at most the page
 * size over all types together. A type's new cursor is the highest version the page delivers for
 * it, never further: old clients take it as their next cursor as is. Where the page delivers all
 * that is left of a zone, the cursor is the zone's last version, read before the changes: the
 * versions above the last row are those of rows gone (purged tombstones, hard deletes), so
 * a client that started over from 0 after a purge lands at or above the purged versions. Each
 * cursor carries the mark of its version ({@link io.fastsync.internal.version.VersionMarks}).
 *
 * <p>A cursor from another history of the zone (the database was put back to a backup since the
 * client received it) is found before any page is read. A client that starts over by itself is
 * told to ({@code 410 cursor-expired}); an old client, which cannot know that answer, is served
 * the zone from the start, and takes the new cursor as it takes every cursor.
 */
@Dependent
class PageAssembler {

    private static final Logger LOG = Logger.getLogger(PageAssembler.class.getName());

    /** When a cursor from another history was last logged, by type and zone: one line an hour each. */
    private static final Map<String, Long> LOGGED = new ConcurrentHashMap<>();

    private static final int MOST_LOGGED_ZONES = 10_000;

    private final CursorFloors floors;

    @Inject
    PageAssembler(CursorFloors floors) {
        this.floors = floors;
    }

    /**
     * @param limit      the most objects in the page, at least 1
     * @param startsOver true if the client starts over by itself when told its cursor expired
     * @param pushed     per type, the highest version above its cursor that a push answer gave the
     *                   client, with that answer's mark; its objects must belong to this history too
     * @throws CursorExpiredException if a cursor cannot be served, after the page was read; before
     *     it, for a client that starts over, if a cursor comes from another history
     */
    PullResponse assemble(
            List<PullTarget<?>> targets, int limit, boolean startsOver, Map<String, SyncMetadata> pushed) {
        List<PullTarget<?>> served = new ArrayList<>(targets.size());
        List<CursorFloors.Counter> counters = new ArrayList<>(targets.size());
        for (PullTarget<?> target : targets) {
            // Read first: every version up to it is committed, so the changes read next hold them all.
            CursorFloors.Counter counter = floors.read(target.type().name(), target.zone());
            PullTarget<?> serve = target;
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
                serve = target.fromStart();
            }
            served.add(serve);
            counters.add(counter);
        }
        Map<String, List<SyncObject>> data = new LinkedHashMap<>();
        Map<String, SyncMetadata> cursors = new LinkedHashMap<>();
        int budget = limit;
        boolean hasMore = false;
        for (int i = 0; i < served.size(); i++) {
            PullTarget<?> target = served.get(i);
            boolean repaired = target != targets.get(i);
            if (budget == 0) {
                hasMore = hasMore || hasChanges(target);
                continue;
            }
            CursorFloors.Counter counter = counters.get(i);
            Page page = page(target, budget);
            hasMore |= page.more();
            long cursor = page.more() ? page.lastVersion() : Math.max(page.lastVersion(), counter.last());
            String type = target.type().name();
            if (!page.objects().isEmpty()) {
                data.put(type, page.objects());
                budget -= page.objects().size();
            }
            // A repaired cursor is replaced even by 0 (a zone restored to nothing), or it would come back.
            if (cursor > target.cursor() || repaired) {
                cursors.put(
                        type,
                        SyncMetadata.cursor(
                                type, target.zone(), cursor, floors.markOf(type, target.zone(), cursor, counter)));
            }
        }
        // After the pages: a purge that committed while they were read is seen here.
        for (PullTarget<?> target : served) {
            floors.check(target.type().name(), target.zone(), target.cursor());
        }
        return new PullResponse(new SyncPayload(data, cursors), hasMore);
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

    private record Page(List<SyncObject> objects, long lastVersion, boolean more) {}

    private static <T> Page page(PullTarget<T> target, int budget) {
        SyncStore<T> store = target.type().store();
        // One row beyond the budget tells whether more is waiting, without a count query.
        List<T> rows = store.changesSince(target.zone(), target.cursor(), budget + 1);
        boolean more = rows.size() > budget;
        List<SyncObject> objects = new ArrayList<>(Math.min(rows.size(), budget));
        long last = target.cursor();
        for (T row : more ? rows.subList(0, budget) : rows) {
            SyncObject object = store.values().toWire(row, target.type().name());
            objects.add(object);
            last = object.metadata().version();
        }
        return new Page(objects, last, more);
    }

    private static <T> boolean hasChanges(PullTarget<T> target) {
        return !target.type()
                .store()
                .changesSince(target.zone(), target.cursor(), 1)
                .isEmpty();
    }
}

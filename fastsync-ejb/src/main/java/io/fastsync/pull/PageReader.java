package io.fastsync.pull;

import io.fastsync.retention.CursorFloors;
import io.fastsync.store.SyncStore;
import io.fastsync.wire.PullResponse;
import io.fastsync.wire.SyncMetadata;
import io.fastsync.wire.SyncObject;
import io.fastsync.wire.SyncPayload;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one page of a pull from the admitted cursors: the changes after each cursor, in version
 * order, at most the page size over all types together. A type's new cursor is the highest
 * version the page delivers for it, never further: old clients take it as their next cursor as is.
 * Where the page delivers all that is left of a zone, the cursor is the zone's last version, read
 * at admission before the changes: the versions above the last row are those of rows gone (purged
 * tombstones, hard deletes), so a client that started over from 0 after a purge lands at or above
 * the purged versions. Each cursor carries the mark of its version
 * ({@link io.fastsync.internal.version.VersionMarks}).
 */
@Dependent
class PageReader {

    private final CursorFloors floors;

    @Inject
    PageReader(CursorFloors floors) {
        this.floors = floors;
    }

    /** @param limit the most objects in the page, at least 1 */
    PullResponse read(List<CursorAdmission.Admitted> admitted, int limit) {
        Map<String, List<SyncObject>> data = new LinkedHashMap<>();
        Map<String, SyncMetadata> cursors = new LinkedHashMap<>();
        int budget = limit;
        boolean hasMore = false;
        for (CursorAdmission.Admitted a : admitted) {
            PullTarget<?> target = a.target();
            if (budget == 0) {
                hasMore = hasMore || hasChanges(target);
                continue;
            }
            Page page = page(target, budget);
            hasMore |= page.more();
            long cursor = page.more()
                    ? page.lastVersion()
                    : Math.max(page.lastVersion(), a.counter().last());
            String type = target.type().name();
            if (!page.objects().isEmpty()) {
                data.put(type, page.objects());
                budget -= page.objects().size();
            }
            // A repaired cursor is replaced even by 0 (a zone restored to nothing), or it would come back.
            if (cursor > target.cursor() || a.repaired()) {
                cursors.put(
                        type,
                        SyncMetadata.cursor(
                                type, target.zone(), cursor, floors.markOf(type, target.zone(), cursor, a.counter())));
            }
        }
        return new PullResponse(new SyncPayload(data, cursors), hasMore);
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

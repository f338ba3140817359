package io.fastsync.client.pull;

import io.fastsync.client.store.LocalStore;
import io.fastsync.client.store.StoreTransaction;
import io.fastsync.client.store.TypeState;
import io.fastsync.client.transport.SyncTransport;
import io.fastsync.client.transport.UnexpectedAnswerException;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.PullResponse;
import io.fastsync.wire.SyncMetadata;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Pulls changes page by page. Not thread-safe by itself: the caller runs one push or pull at a
 * time (the {@code SyncManager} does), while repository edits may go on concurrently.
 */
public final class Puller {

    private final SyncTransport transport;
    private final LocalStore store;
    private final Integer limit;
    private final PullListener listener;
    private io.fastsync.client.SyncListener changes = new io.fastsync.client.SyncListener() {};

    /**
     * @param limit    the most objects per page to ask for; null to leave it to the server
     * @param listener told after each page; never null
     */
    public Puller(SyncTransport transport, LocalStore store, Integer limit, PullListener listener) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.store = Objects.requireNonNull(store, "store");
        this.limit = limit;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Pulls every change above the cursors of these types, following pages until the server
     * says no more wait. Each page is stored, cursors included, before the next is asked for, so a
     * failure part way loses nothing already received.
     *
     * @param zoneByType the types to pull, in the order the server should serve them, with their zones
     * @return what was received; never null
     * @throws io.fastsync.client.transport.SyncTransportException if a page could not be had
     */
    public PullReport pull(Map<String, String> zoneByType) {
        int pages = 0;
        long objects = 0;
        boolean more = !zoneByType.isEmpty();
        while (more) {
            Map<String, SyncMetadata> cursors = store.transact(tx -> request(tx, zoneByType));
            // The client starts over by itself when told its cursor expired (SyncManager).
            Map<String, SyncMetadata> pushed = store.transact(tx -> pushed(tx, zoneByType));
            PullResponse page = transport.pull(new PullRequest(cursors, limit, true, pushed));
            PageApplier.Applied applied = store.transact(tx -> PageApplier.apply(tx, page.payload(), zoneByType));
            pages++;
            objects += applied.objects();
            more = page.hasMore();
            listener.pageApplied(new PullProgress(pages, objects, more));
            applied.changes().forEach((type, c) -> changes.pulled(type, c.changed(), c.deleted()));
            if (more && !applied.cursorMoved()) {
                // Asking again with the same cursors would get the same page forever.
                throw new UnexpectedAnswerException(
                        "the server said more changes wait but its page moved no cursor", null);
            }
        }
        return new PullReport(pages, objects, store.transact(tx -> cursors(tx, zoneByType)));
    }

    /** @param listener told of the objects each page changed, once the page is stored */
    public void tellChanges(io.fastsync.client.SyncListener listener) {
        this.changes = Objects.requireNonNull(listener, "listener");
    }

    /** @return a pull's metadata for these types as the store holds their cursors now */
    public PullRequest cursorsOf(Map<String, String> zoneByType) {
        return new PullRequest(store.transact(tx -> request(tx, zoneByType)), null, false, Map.of());
    }

    private static Map<String, SyncMetadata> request(StoreTransaction tx, Map<String, String> zoneByType) {
        Map<String, SyncMetadata> cursors = new LinkedHashMap<>();
        for (String type : zoneByType.keySet()) {
            TypeState state = tx.typeState(type);
            cursors.put(
                    type,
                    state == null
                            ? SyncMetadata.cursor(type, zoneByType.get(type), 0)
                            : SyncMetadata.cursor(type, zoneByType.get(type), state.cursor(), state.mark()));
        }
        return cursors;
    }

    /** @return per type, the highest version a push answer gave above the cursor, with its mark */
    private static Map<String, SyncMetadata> pushed(StoreTransaction tx, Map<String, String> zoneByType) {
        Map<String, SyncMetadata> pushed = new LinkedHashMap<>();
        for (String type : zoneByType.keySet()) {
            TypeState state = tx.typeState(type);
            if (state != null && state.pushed() > state.cursor() && state.pushedMark() > 0) {
                pushed.put(type, SyncMetadata.cursor(type, zoneByType.get(type), state.pushed(), state.pushedMark()));
            }
        }
        return pushed;
    }

    private static Map<String, Long> cursors(StoreTransaction tx, Map<String, String> zoneByType) {
        Map<String, Long> cursors = new LinkedHashMap<>();
        for (String type : zoneByType.keySet()) {
            TypeState state = tx.typeState(type);
            cursors.put(type, state == null ? 0L : state.cursor());
        }
        return cursors;
    }
}

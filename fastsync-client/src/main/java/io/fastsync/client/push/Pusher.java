package io.fastsync.client.push;

import io.fastsync.client.store.LocalStore;
import io.fastsync.client.store.PendingPush;
import io.fastsync.client.store.StoreTransaction;
import io.fastsync.client.transport.ServerProblemException;
import io.fastsync.client.transport.SyncTransport;
import io.fastsync.wire.PushResponse;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Pushes pending changes. Not thread-safe by itself: the caller runs one push or pull at a time
 * (the {@code SyncManager} does), while repository edits may go on concurrently.
 */
public final class Pusher {

    private final SyncTransport transport;
    private final LocalStore store;
    private final Supplier<String> keys;

    /** @param keys makes a fresh idempotency key for each new batch (1 to 200 characters); never null */
    public Pusher(SyncTransport transport, LocalStore store, Supplier<String> keys) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.store = Objects.requireNonNull(store, "store");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * Pushes the pending changes of these types. A push whose answer never arrived is completed
     * first, exactly as it was sent and with the same key, whatever types it holds: the server
     * may have applied it, and sending it again is the only way to learn the versions it gave.
     * Then one new batch carries what is still pending.
     *
     * <p>If a send fails, nothing is marked pushed, and the unanswered batch is kept for the next
     * attempt, except after an error answer that says the server refused it (a 4xx other than
     * 408, 409, 425 and 429): the server applied nothing and would refuse it again, so it is
     * dropped and the objects, still pending, go into a new batch once fixed.
     *
     * @param zoneByType the types to push, in order, with their zones; never null
     * @return what the server did; never null
     * @throws io.fastsync.client.transport.SyncTransportException if a send failed
     */
    public PushReport push(Map<String, String> zoneByType) {
        PushReport report = PushReport.NONE;
        PendingPush earlier = store.transact(StoreTransaction::pendingPush);
        if (earlier != null) {
            report = report.plus(send(earlier));
        }
        PendingPush batch = store.transact(tx -> {
            PendingPush built = BatchBuilder.build(tx, zoneByType, keys.get());
            if (built != null) {
                // Stored before it is sent, so that a retry after a crash sends the same key too.
                tx.putPendingPush(built);
            }
            return built;
        });
        if (batch != null) {
            report = report.plus(send(batch));
        }
        return report;
    }

    private PushResponse send(PendingPush push) {
        PushResponse answer;
        try {
            answer = transport.push(push.request());
        } catch (ServerProblemException e) {
            if (refusedForGood(e.status())) {
                store.update(StoreTransaction::clearPendingPush);
            }
            throw e;
        }
        store.update(tx -> {
            AnswerRecorder.record(tx, push, answer);
            tx.clearPendingPush();
        });
        return answer;
    }

    /** A push is one transaction on the server, so an error answer means nothing was applied. */
    private static boolean refusedForGood(int status) {
        boolean retryLater = status == 408 || status == 409 || status == 425 || status == 429 || status >= 500;
        return status >= 400 && !retryLater;
    }
}

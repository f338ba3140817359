package io.fastsync.client.push;

import io.fastsync.client.store.LocalStore;
import io.fastsync.client.store.PendingPush;
import io.fastsync.client.store.StoreTransaction;
import io.fastsync.client.transport.ServerProblemException;
import io.fastsync.client.transport.SyncTransport;
import io.fastsync.wire.PushResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Pushes pending changes. Not thread-safe by itself: the caller runs one push or pull at a time
 * (the {@code SyncManager} does), while repository edits may go on concurrently.
 */
public final class Pusher {

    private final SyncTransport transport;
    private final LocalStore store;
    private final Supplier<String> keys;
    private int batchSize;

    /**
     * @param keys      makes a fresh idempotency key for each new batch (1 to {@value io.fastsync.wire.Limits#IDEMPOTENCY_KEY} characters); never null
     * @param batchSize the most objects one push request holds; at least 1
     */
    public Pusher(SyncTransport transport, LocalStore store, Supplier<String> keys, int batchSize) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.store = Objects.requireNonNull(store, "store");
        this.keys = Objects.requireNonNull(keys, "keys");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.batchSize = batchSize;
    }

    /**
     * Pushes the pending changes of these types. A push whose answer never arrived is completed
     * first, exactly as it was sent and with the same key, whatever types it holds: the server
     * may have applied it, and sending it again is the only way to learn the versions it gave.
     * Then new batches of at most {@code batchSize} objects carry what is still pending, each
     * one request and one transaction on the server. An object edited again after its batch was
     * sent waits for the next push, so a push ends even while edits go on.
     *
     * <p>A server that answers 413 (more objects than it takes in one push) applied nothing; the
     * batch is rebuilt at half the size, and that size is kept for later pushes.
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
    /** @param listener told of each settled conflict and of each answered batch */
    public void tell(io.fastsync.client.SyncListener listener) {
        this.listener = java.util.Objects.requireNonNull(listener, "listener");
    }

    private io.fastsync.client.SyncListener listener = new io.fastsync.client.SyncListener() {};
    private int batchesAnswered;
    private long objectsAnswered;
    private long pendingAtStart;

    public PushReport push(Map<String, String> zoneByType) {
        batchesAnswered = 0;
        objectsAnswered = 0;
        pendingAtStart = store.transact(tx -> {
            long n = 0;
            for (String type : zoneByType.keySet()) {
                n += tx.pendingCount(type);
            }
            return n;
        });
        PushReport report = PushReport.NONE;
        PendingPush earlier = store.transact(StoreTransaction::pendingPush);
        if (earlier != null) {
            try {
                report = report.plus(send(earlier));
            } catch (ServerProblemException e) {
                if (e.status() != 413) {
                    throw e;
                }
                // Dropped by send: the server applied nothing. Its objects are still pending.
                batchSize = Math.min(batchSize, Math.max(1, earlier.size() / 2));
            }
        }
        Map<String, Set<String>> sent = new HashMap<>();
        while (true) {
            PendingPush batch = store.transact(tx -> {
                PendingPush built = BatchBuilder.build(tx, zoneByType, keys, batchSize, sent);
                if (built != null) {
                    // Stored before it is sent, so that a retry after a crash sends the same key too.
                    tx.putPendingPush(built);
                }
                return built;
            });
            if (batch == null) {
                break;
            }
            try {
                report = report.plus(send(batch));
            } catch (ServerProblemException e) {
                if (e.status() != 413 || batch.size() == 1) {
                    throw e;
                }
                batchSize = Math.max(1, batch.size() / 2);
                continue;
            }
            batch.revisions()
                    .forEach((type, byId) ->
                            sent.computeIfAbsent(type, t -> new HashSet<>()).addAll(byId.keySet()));
        }
        return report;
    }

    private PushResponse send(PendingPush push) {
        PushResponse answer;
        try {
            answer = transport.push(push.request());
        } catch (ServerProblemException e) {
            if (refusedForGood(e)) {
                store.update(StoreTransaction::clearPendingPush);
            }
            throw e;
        }
        store.update(tx -> {
            AnswerRecorder.record(tx, push, answer);
            tx.clearPendingPush();
        });
        answer.results().forEach((type, results) -> {
            for (io.fastsync.wire.ObjectResult r : results) {
                if (r.outcome() == io.fastsync.wire.PushOutcome.RESOLVED) {
                    listener.conflictSettled(type, r);
                }
            }
        });
        batchesAnswered++;
        objectsAnswered += push.size();
        listener.pushProgress(batchesAnswered, objectsAnswered, Math.max(pendingAtStart, objectsAnswered));
        return answer;
    }

    /**
     * A push is one transaction on the server, so an error answer means nothing was applied. A
     * 409 is final when it is FastSync's zone conflict; otherwise (another server's "request in
     * progress") it is worth a retry, like 408, 425, 429 and 5xx.
     */
    private static boolean refusedForGood(ServerProblemException e) {
        int status = e.status();
        if (status == 409) {
            return "zone-conflict".equals(e.problem().code());
        }
        boolean retryLater = status == 408 || status == 425 || status == 429 || status >= 500;
        return status >= 400 && !retryLater;
    }
}

package io.fastsync;

import io.fastsync.pull.PullService;
import io.fastsync.push.PushRetry;
import io.fastsync.push.PushService;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.PullResponse;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.PushResponse;
import io.fastsync.wire.SyncPayload;
import io.fastsync.zone.Caller;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * FastSync's entry point for applications that write their own push and pull endpoints (with
 * their own authentication and middleware). Inject it and hand it what clients sent.
 *
 * <p>Both calls take part in the caller's transaction if there is one, otherwise each runs in
 * its own ({@code SUPPORTS} here, {@code REQUIRED} on the boundaries). A refused request throws a
 * subclass of {@link io.fastsync.error.SyncRequestException} and writes nothing. A keyed push in a
 * transaction of its own is retried as the REST edge retries it ({@link PushRetry}); inside the
 * caller's transaction it cannot be, since a failure dooms that transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SyncManager {

    @EJB
    PushService pushService;

    @EJB
    PullService pullService;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Applies a push from an old client, all or nothing. */
    public PushResponse processPush(SyncPayload payload) {
        return processPush(new PushRequest(payload, null));
    }

    /** Applies a push, all or nothing; a retry with the same idempotency key changes nothing. */
    public PushResponse processPush(PushRequest request) {
        if (transactions.getTransactionKey() != null) {
            return pushService.push(request);
        }
        return PushRetry.onceIfKeyed(request, pushService::push);
    }

    /**
     * Applies a push for a caller the application established itself (for example from a session
     * of its own); {@link #processPush(PushRequest)} takes the container's caller.
     */
    public PushResponse processPush(PushRequest request, Caller caller) {
        if (transactions.getTransactionKey() != null) {
            return pushService.push(request, caller);
        }
        return PushRetry.onceIfKeyed(request, r -> pushService.push(r, caller));
    }

    /** @return one page of changes after the request's cursors, for the container's caller */
    public PullResponse processPull(PullRequest request) {
        return pullService.pull(request);
    }

    /** @return one page of changes after the request's cursors, for a caller the application established */
    public PullResponse processPull(PullRequest request, Caller caller) {
        return pullService.pull(request, caller);
    }
}

package io.fastsync;

import io.fastsync.pull.PullService;
import io.fastsync.push.PushService;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.PullResponse;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.PushResponse;
import io.fastsync.wire.SyncPayload;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/**
 * FastSync's entry point for applications that write their own push and pull endpoints (with
 * their own authentication and middleware). Inject it and hand it what clients sent.
 *
 * <p>Both calls take part in the caller's transaction if there is one, otherwise each runs in
 * its own. A refused request throws a subclass of {@link io.fastsync.error.SyncRequestException}
 * and writes nothing.
 */
@Stateless
public class SyncManager {

    @EJB
    PushService pushService;

    @EJB
    PullService pullService;

    /** Applies a push from an old client, all or nothing. */
    public PushResponse processPush(SyncPayload payload) {
        return pushService.push(new PushRequest(payload, null));
    }

    /** Applies a push, all or nothing; a retry with the same idempotency key changes nothing. */
    public PushResponse processPush(PushRequest request) {
        return pushService.push(request);
    }

    /** @return one page of changes after the request's cursors */
    public PullResponse processPull(PullRequest request) {
        return pullService.pull(request);
    }
}

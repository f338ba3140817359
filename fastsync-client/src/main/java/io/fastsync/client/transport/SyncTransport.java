package io.fastsync.client.transport;

import io.fastsync.wire.PullRequest;
import io.fastsync.wire.PullResponse;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.PushResponse;

/**
 * The two calls of the FastSync protocol. Applications that need their own HTTP stack (another
 * client library, signed requests, a test double) implement this; {@link HttpSyncTransport} is
 * the ready one.
 *
 * <p>Both methods throw {@link ServerUnreachableException} when no answer arrived,
 * {@link ServerProblemException} when the server answered with an error, and
 * {@link UnexpectedAnswerException} when the answer is not in the FastSync shape.
 */
public interface SyncTransport {

    /**
     * Sends one pull and returns one page.
     *
     * @param request never null
     * @return never null
     */
    PullResponse pull(PullRequest request);

    /**
     * Sends one push.
     *
     * @param request never null; its idempotency key is set by the client
     * @return the per-object results; never null
     */
    PushResponse push(PushRequest request);

    /**
     * Opens a change stream for these cursors (a pull's metadata): the server tells which zones
     * have changes past them.
     *
     * @throws ServerProblemException        if the server refused the subscription
     * @throws UnsupportedOperationException if this transport has no change stream (the default)
     */
    default ChangeEvents changes(PullRequest cursors) {
        throw new UnsupportedOperationException(getClass().getName() + " has no change stream");
    }
}

package io.fastsync.wire;

/**
 * A push.
 *
 * @param payload        the objects to apply, all or none
 * @param idempotencyKey a key the client keeps for retries of this same push; null from old clients
 *                       (the HTTP header {@code Idempotency-Key} may carry it instead)
 */
public record PushRequest(SyncPayload payload, String idempotencyKey) {
}

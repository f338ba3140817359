package io.fastsync.error;

/** An idempotency key sent again with a different body. */
public class IdempotencyKeyReusedException extends SyncRequestException {

    /** @see SyncRequestException#SyncRequestException(Refusal, String, String, String, String) */
    public IdempotencyKeyReusedException(String type, String id, String pointer, String message) {
        super(Refusal.IDEMPOTENCY_KEY_REUSED, type, id, pointer, message);
    }
}

package io.fastsync.error;

/** More objects or bytes than fastsync.push.max-objects and max-bytes allow. */
public class PushTooLargeException extends SyncRequestException {

    /** @see SyncRequestException#SyncRequestException(Refusal, String, String, String, String) */
    public PushTooLargeException(String type, String id, String pointer, String message) {
        super(Refusal.PUSH_TOO_LARGE, type, id, pointer, message);
    }
}

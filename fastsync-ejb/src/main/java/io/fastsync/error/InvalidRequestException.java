package io.fastsync.error;

/** A field is missing, or has the wrong type or value. */
public class InvalidRequestException extends SyncRequestException {

    /** @see SyncRequestException#SyncRequestException(Refusal, String, String, String, String) */
    public InvalidRequestException(String type, String id, String pointer, String message) {
        super(Refusal.INVALID_FIELD, type, id, pointer, message);
    }
}

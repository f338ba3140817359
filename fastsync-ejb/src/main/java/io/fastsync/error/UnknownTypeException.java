package io.fastsync.error;

/** A type the server does not serve. */
public class UnknownTypeException extends SyncRequestException {

    /** @see SyncRequestException#SyncRequestException(Refusal, String, String, String, String) */
    public UnknownTypeException(String type, String id, String pointer, String message) {
        super(Refusal.UNKNOWN_TYPE, type, id, pointer, message);
    }
}

package io.fastsync.error;

/** A restricted type was pushed or pulled without a zone. */
public class MissingZoneException extends SyncRequestException {

    /** @see SyncRequestException#SyncRequestException(Refusal, String, String, String, String) */
    public MissingZoneException(String type, String id, String pointer, String message) {
        super(Refusal.MISSING_ZONE, type, id, pointer, message);
    }
}

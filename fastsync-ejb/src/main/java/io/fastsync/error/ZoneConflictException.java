package io.fastsync.error;

/** The push names an object that lives in another zone. */
public class ZoneConflictException extends SyncRequestException {

    /** @see SyncRequestException#SyncRequestException(Refusal, String, String, String, String) */
    public ZoneConflictException(String type, String id, String pointer, String message) {
        super(Refusal.ZONE_CONFLICT, type, id, pointer, message);
    }
}

package io.fastsync.error;

/** The zone authorizer refuses the caller the zone. */
public class ZoneForbiddenException extends SyncRequestException {

    /** @see SyncRequestException#SyncRequestException(Refusal, String, String, String, String) */
    public ZoneForbiddenException(String type, String id, String pointer, String message) {
        super(Refusal.ZONE_FORBIDDEN, type, id, pointer, message);
    }
}

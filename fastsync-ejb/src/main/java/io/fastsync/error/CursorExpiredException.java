package io.fastsync.error;

/**
 * A pull from a cursor that the server can no longer serve whole: tombstones after it were purged,
 * or it is beyond every version the zone has (the database was restored or replaced). The client
 * must start over from 0; the Java client does so by itself, keeping its unpushed changes.
 */
public class CursorExpiredException extends SyncRequestException {

    public CursorExpiredException(String type, String pointer, String message) {
        super(Refusal.CURSOR_EXPIRED, type, null, pointer, message);
    }
}

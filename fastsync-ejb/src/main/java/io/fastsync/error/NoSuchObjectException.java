package io.fastsync.error;

/** A request for one object that the zone does not hold (the admin API). */
public class NoSuchObjectException extends SyncRequestException {

    public NoSuchObjectException(String type, String id, String message) {
        super(Refusal.NOT_FOUND, type, id, null, message);
    }
}

package io.fastsync.error;

/** A request from a web page of an origin that {@code fastsync.cors.allowed-origins} does not list. */
public class OriginForbiddenException extends SyncRequestException {

    /** @param message what is wrong, for the caller */
    public OriginForbiddenException(String message) {
        super(Refusal.ORIGIN_FORBIDDEN, null, null, null, message);
    }
}

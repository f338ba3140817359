package io.fastsync.error;

/** The request proves no identity, or its token is not valid: the message says which. */
public class UnauthenticatedException extends SyncRequestException {

    /** @param message what is wrong, for the caller */
    public UnauthenticatedException(String message) {
        super(Refusal.UNAUTHENTICATED, null, null, null, message);
    }
}

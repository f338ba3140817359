package io.fastsync.error;

/** A request from another machine to a server that trusts requests and so serves its own machine only. */
public class LocalOnlyException extends SyncRequestException {

    /** @param message what is wrong, for the caller */
    public LocalOnlyException(String message) {
        super(Refusal.LOCAL_ONLY, null, null, null, message);
    }
}
